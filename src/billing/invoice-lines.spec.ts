import { localDate } from '../deadlines/local-date';
import {
  billingPeriod,
  creditLines,
  InvoiceFacts,
  invoiceLines,
  invoiceTotals,
  percentText,
  VAT_BASIS_POINTS,
} from './invoice-lines';
import { PlanTerms } from './licence-plan';

const PLAN: PlanTerms = {
  code: 'standaard',
  name: 'Standaard',
  implementationFeeCents: 500_000n,
  bands: [
    { upToInhabitants: 25_000, yearlyFeeCents: 1_200_000n },
    { upToInhabitants: 50_000, yearlyFeeCents: 1_800_000n },
    { upToInhabitants: null, yearlyFeeCents: 3_000_000n },
  ],
  includedObjections: 300,
  extraObjectionCents: 2_500n,
};

function facts(
  overrides: Partial<InvoiceFacts> & { year?: number; startsOn?: string; endsOn?: string } = {},
) {
  const { year = 2026, startsOn = '2025-01-01', endsOn, ...rest } = overrides;
  const licence = {
    startsOn: localDate(startsOn),
    endsOn: endsOn ? localDate(endsOn) : null,
    discountBasisPoints: 0,
    discountReason: null,
  };
  return {
    plan: PLAN,
    licence,
    period: billingPeriod(licence, year)!,
    inhabitants: 48_500,
    objectionsFiled: 312,
    withImplementationFee: false,
    ...rest,
  } satisfies InvoiceFacts;
}

const amounts = (f: InvoiceFacts) =>
  invoiceLines(f).map((l) => [l.code, l.quantity, l.unitCents, l.amountCents]);

describe('invoice lines', () => {
  it('takes the licence year as the calendar year, cut to the days the licence covers', () => {
    expect(billingPeriod({ startsOn: localDate('2025-03-01'), endsOn: null }, 2026)).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
      days: 365,
      daysInYear: 365,
    });
    expect(
      billingPeriod({ startsOn: localDate('2026-07-01'), endsOn: localDate('2027-06-30') }, 2026),
    ).toEqual({
      start: '2026-07-01',
      end: '2026-12-31',
      days: 184,
      daysInYear: 365,
    });
    expect(billingPeriod({ startsOn: localDate('2026-07-01'), endsOn: null }, 2028)?.daysInYear).toBe(366);
    expect(billingPeriod({ startsOn: localDate('2026-07-01'), endsOn: null }, 2025)).toBeNull();
    expect(
      billingPeriod({ startsOn: localDate('2020-01-01'), endsOn: localDate('2025-12-31') }, 2026),
    ).toBeNull();
  });

  it('bills a whole year: implementation once, the band fee, the objections above the bundel, then the discount', () => {
    const f = facts({
      withImplementationFee: true,
      licence: { ...facts().licence, discountBasisPoints: 1000, discountReason: 'Pilotgemeente' },
    });
    const lines = invoiceLines(f);
    expect(amounts(f)).toEqual([
      ['implementation', 1, 500_000n, 500_000n],
      ['licence', 1, 1_800_000n, 1_800_000n],
      ['extra_objections', 12, 2_500n, 30_000n],
      ['discount', 1, -233_000n, -233_000n],
    ]);
    expect(lines[1].description).toBe(
      'Licentie 2026, plan Standaard, staffel 25.001 tot en met 50.000 inwoners (gemeente: 48.500 inwoners)',
    );
    expect(lines[2].description).toBe('Bezwaren boven de bundel: 312 ingediend, 300 inbegrepen');
    expect(lines[3].description).toBe('Korting 10% (Pilotgemeente)');
    expect(invoiceTotals(lines)).toEqual({
      netCents: 2_097_000n,
      vatBasisPoints: VAT_BASIS_POINTS,
      vatCents: 440_370n,
      totalCents: 2_537_370n,
    });
  });

  it('shows the usage also when nothing is above the bundel', () => {
    expect(amounts(facts({ objectionsFiled: 300 }))[1]).toEqual(['extra_objections', 0, 2_500n, 0n]);
    expect(amounts(facts({ objectionsFiled: 0 }))[1]).toEqual(['extra_objections', 0, 2_500n, 0n]);
  });

  it('pro-rates the fee and the included objections by days, rounding half-up once', () => {
    const f = facts({ startsOn: '2026-07-01', objectionsFiled: 160 });
    const lines = invoiceLines(f);
    // 1,800,000 × 184 / 365 = 907,397.26… → 907,397; 300 × 184 / 365 = 151.23… → 151 included
    expect(amounts(f)).toEqual([
      ['licence', 1, 907_397n, 907_397n],
      ['extra_objections', 9, 2_500n, 22_500n],
    ]);
    expect(lines[0].description).toContain(
      '1 juli 2026 t/m 31 december 2026: 184 van 365 dagen van € 18.000,00',
    );
    expect(lines[1].description).toBe(
      'Bezwaren boven de bundel: 160 ingediend, 151 inbegrepen (300 per jaar, naar rato)',
    );
  });

  it('rounds exact halves up: half a cent of fee, half an included objection', () => {
    // 2028 is a leap year: 2 July to 31 December is 183 of 366 days, exactly half.
    const plan: PlanTerms = {
      ...PLAN,
      bands: [{ upToInhabitants: null, yearlyFeeCents: 101n }],
      includedObjections: 1,
    };
    const f = facts({ plan, year: 2028, startsOn: '2028-07-02', objectionsFiled: 1 });
    expect(f.period.days * 2).toBe(f.period.daysInYear);
    expect(amounts(f)).toEqual([
      ['licence', 1, 51n, 51n], // 50.5 → 51
      ['extra_objections', 0, 2_500n, 0n], // 0.5 included → 1
    ]);
  });

  it('rounds the discount half-up in the customer’s favour at exactly half a cent', () => {
    const plan: PlanTerms = { ...PLAN, bands: [{ upToInhabitants: null, yearlyFeeCents: 5n }] };
    const f = facts({
      plan,
      objectionsFiled: 0,
      licence: { ...facts().licence, discountBasisPoints: 1000, discountReason: null },
    });
    // 10% of 5 cents = 0.5 → 1 cent off
    expect(amounts(f)).toEqual([
      ['licence', 1, 5n, 5n],
      ['extra_objections', 0, 2_500n, 0n],
      ['discount', 1, -1n, -1n],
    ]);
    expect(invoiceLines(f)[2].description).toBe('Korting 10%');
  });

  it('takes VAT once on the net total, half a cent up', () => {
    const line = (amountCents: bigint) => ({
      code: 'licence' as const,
      description: '',
      quantity: 1,
      unitCents: amountCents,
      amountCents,
    });
    // 50 × 21% = 10.5 → 11
    expect(invoiceTotals([line(50n)])).toMatchObject({ netCents: 50n, vatCents: 11n, totalCents: 61n });
    // Two lines of 25: VAT on the net (10.5 → 11), not per line (5.25 → 5, twice = 10).
    expect(invoiceTotals([line(25n), line(25n)]).vatCents).toBe(11n);
    expect(invoiceTotals([line(0n)])).toMatchObject({ vatCents: 0n, totalCents: 0n });
  });

  it('mirrors an invoice exactly in its credit note', () => {
    const original = invoiceLines(
      facts({
        withImplementationFee: true,
        licence: { ...facts().licence, discountBasisPoints: 333, discountReason: 'x' },
      }),
    );
    const credit = creditLines(original);
    expect(credit.map((l) => l.amountCents)).toEqual(original.map((l) => -l.amountCents));
    expect(credit.map((l) => l.quantity)).toEqual(original.map((l) => l.quantity));
    const a = invoiceTotals(original);
    const b = invoiceTotals(credit);
    expect([b.netCents, b.vatCents, b.totalCents]).toEqual([-a.netCents, -a.vatCents, -a.totalCents]);
  });

  it('writes percentages of basis points the Dutch way', () => {
    expect(percentText(1000)).toBe('10%');
    expect(percentText(1250)).toBe('12,5%');
    expect(percentText(5)).toBe('0,05%');
    expect(percentText(10_000)).toBe('100%');
  });
});
