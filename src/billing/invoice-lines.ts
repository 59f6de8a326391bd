import { formatDutchDate } from '../deadlines/dutch-dates';
import { daysBetween, LocalDate, makeLocalDate, maxLocalDate, minLocalDate } from '../deadlines/local-date';
import { bandFor, bandLabel, formatCount, PlanTerms } from './licence-plan';
import { basisPointsOf, Cents, divideHalfUp, formatEuro, proRata } from './money';

/** VAT on the licence (Dutch standard rate, 21%), in basis points. */
export const VAT_BASIS_POINTS = 2100;

export type InvoiceLineCode = 'implementation' | 'licence' | 'extra_objections' | 'discount';

/** One line of an invoice: quantity × unit = amount (a credit note has negative units and amounts). */
export interface InvoiceLine {
  code: InvoiceLineCode;
  description: string;
  quantity: number;
  unitCents: Cents;
  amountCents: Cents;
}

export interface InvoiceTotals {
  netCents: Cents;
  vatBasisPoints: number;
  vatCents: Cents;
  totalCents: Cents;
}

/** The days of one licence year (= calendar year) that a licence covers, both included. */
export interface BillingPeriod {
  start: LocalDate;
  end: LocalDate;
  /** Days covered, and days in the whole year (365 or 366): the pro-rata fraction. */
  days: number;
  daysInYear: number;
}

export interface LicenceTerms {
  startsOn: LocalDate;
  endsOn: LocalDate | null;
  discountBasisPoints: number;
  discountReason: string | null;
}

/** What an invoice for one licence and one licence year is computed from. */
export interface InvoiceFacts {
  plan: PlanTerms;
  licence: LicenceTerms;
  period: BillingPeriod;
  inhabitants: number;
  /** Objections filed during the period (usage records). */
  objectionsFiled: number;
  /** Only the first invoice of a municipality's first licence carries the one-time implementation fee. */
  withImplementationFee: boolean;
}

/** The part of `year` that the licence covers, or null when it covers none of it. */
export function billingPeriod(
  licence: Pick<LicenceTerms, 'startsOn' | 'endsOn'>,
  year: number,
): BillingPeriod | null {
  const first = makeLocalDate(year, 1, 1);
  const last = makeLocalDate(year, 12, 31);
  const start = maxLocalDate(first, licence.startsOn);
  const end = minLocalDate(last, licence.endsOn ?? last);
  if (start > end) return null;
  return { start, end, days: daysBetween(start, end) + 1, daysInYear: daysBetween(first, last) + 1 };
}

/**
 * The lines of an invoice, in order: the implementation fee (once), the yearly fee of the municipality's
 * inhabitant band pro rata by days, the objections above the included number (itself pro rata, rounded
 * half-up to whole objections) at the plan's price, and the discount on all of that as a negative line.
 */
export function invoiceLines(facts: InvoiceFacts): InvoiceLine[] {
  const { plan, licence, period } = facts;
  const lines: InvoiceLine[] = [];
  const year = period.start.slice(0, 4);
  const whole = period.days === period.daysInYear;

  if (facts.withImplementationFee) {
    lines.push(
      line(
        'implementation',
        `Eenmalige implementatiekosten (plan ${plan.name})`,
        1,
        plan.implementationFeeCents,
      ),
    );
  }

  const { band, index } = bandFor(plan.bands, facts.inhabitants);
  const fee = proRata(band.yearlyFeeCents, period.days, period.daysInYear);
  const licenceText =
    `Licentie ${year}, plan ${plan.name}, staffel ${bandLabel(plan.bands, index)} ` +
    `(gemeente: ${formatCount(facts.inhabitants)} inwoners)` +
    (whole
      ? ''
      : `, ${periodText(period)}: ${period.days} van ${period.daysInYear} dagen van ${formatEuro(band.yearlyFeeCents)}`);
  lines.push(line('licence', licenceText, 1, fee));

  const included = includedObjections(plan, period);
  const extra = Math.max(0, facts.objectionsFiled - included);
  const usageText =
    `Bezwaren boven de bundel: ${formatCount(facts.objectionsFiled)} ingediend, ${formatCount(included)} inbegrepen` +
    (whole ? '' : ` (${formatCount(plan.includedObjections)} per jaar, naar rato)`);
  lines.push(line('extra_objections', usageText, extra, plan.extraObjectionCents));

  if (licence.discountBasisPoints > 0) {
    const subtotal = lines.reduce((sum, l) => sum + l.amountCents, 0n);
    const discount = -basisPointsOf(subtotal, licence.discountBasisPoints);
    const reason = licence.discountReason ? ` (${licence.discountReason})` : '';
    lines.push(line('discount', `Korting ${percentText(licence.discountBasisPoints)}${reason}`, 1, discount));
  }
  return lines;
}

/** The objections included in the period: the plan's yearly number pro rata by days, rounded half-up. */
export function includedObjections(
  plan: Pick<PlanTerms, 'includedObjections'>,
  period: BillingPeriod,
): number {
  return Number(
    divideHalfUp(BigInt(plan.includedObjections) * BigInt(period.days), BigInt(period.daysInYear)),
  );
}

/** Net is the sum of the lines; VAT is taken once, on the net, rounded half-up; the total is net plus VAT. */
export function invoiceTotals(
  lines: readonly InvoiceLine[],
  vatBasisPoints = VAT_BASIS_POINTS,
): InvoiceTotals {
  const netCents = lines.reduce((sum, l) => sum + l.amountCents, 0n);
  const vatCents = basisPointsOf(netCents, vatBasisPoints);
  return { netCents, vatBasisPoints, vatCents, totalCents: netCents + vatCents };
}

/** A credit note's lines: the original's, with negative units and amounts (so its totals mirror exactly). */
export function creditLines(lines: readonly InvoiceLine[]): InvoiceLine[] {
  return lines.map((l) => ({ ...l, unitCents: -l.unitCents, amountCents: -l.amountCents }));
}

/** 1000 → "10%", 1250 → "12,5%", 5 → "0,05%". */
export function percentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction ? `,${fraction}` : ''}%`;
}

/** "1 juli t/m 31 december 2026". */
export function periodText(period: { start: LocalDate; end: LocalDate }): string {
  return `${formatDutchDate(period.start, { weekday: false })} t/m ${formatDutchDate(period.end, { weekday: false })}`;
}

function line(code: InvoiceLineCode, description: string, quantity: number, unitCents: Cents): InvoiceLine {
  return { code, description, quantity, unitCents, amountCents: unitCents * BigInt(quantity) };
}
