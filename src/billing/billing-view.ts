import { DUTCH_MONTHS, formatDutchDate } from '../deadlines/dutch-dates';
import { amsterdamDateOf, LocalDate } from '../deadlines/local-date';
import type { LicenceState } from '../tenancy/tenant.entity';
import type { FormState } from './billing-forms';
import { Invoice, linesOf } from './entities/invoice.entity';
import { percentText, periodText } from './invoice-lines';
import { INVOICE_STATUS_LABELS } from './invoice-view';
import { bandLabel, formatCount } from './licence-plan';
import type { LicenceRecord } from './licences.service';
import { formatEuro } from './money';
import type { PlanRecord } from './plans.service';
import type { YearUsage } from './usage.service';

/** How the pages show billing: Dutch words, written-out dates, euros. Shared by the operator's and the admin's. */

export const LICENCE_STATE_LABELS: Record<LicenceState, string> = {
  active: 'Actief',
  grace: 'Respijtperiode',
  suspended: 'Opgeschort',
};

export const dateText = (date: LocalDate | null): string =>
  date ? formatDutchDate(date, { weekday: false }) : '';
export const momentText = (instant: Date): string => dateText(amsterdamDateOf(instant));

/** One input of a form, with what was typed and its message when the form came back. */
export interface FieldView {
  id: string;
  name: string;
  value: string;
  error?: string;
}

/** The inputs of one form on a page: each named input with its value (typed, or proposed) and its error. */
export function formFields(
  form: string,
  state: FormState | undefined,
  proposed: Record<string, string> = {},
) {
  const mine = state?.form === form;
  return (name: string): FieldView => ({
    id: `${form}-${name}`,
    name,
    value: mine ? (state.values[name] ?? '') : (proposed[name] ?? ''),
    error: mine ? state.errors[name] : undefined,
  });
}

/** The error summary of a form that came back: one link per input with a problem. */
export function errorSummary(state: FormState | undefined): { href: string; message: string }[] {
  if (!state) return [];
  return Object.entries(state.errors).map(([name, message]) => ({ href: `#${state.form}-${name}`, message }));
}

export function selectOptions(options: { value: string; label: string }[], chosen: string) {
  return options.map((o) => ({ ...o, selected: o.value === chosen }));
}

export function planRow(plan: PlanRecord, href: string) {
  return {
    name: plan.name,
    code: plan.code,
    href,
    status: plan.active ? 'Actief' : 'Niet meer aangeboden',
    implementation: formatEuro(plan.implementationFeeCents),
    bands: plan.bands.map((band, index) => ({
      label: bandLabel(plan.bands, index),
      fee: formatEuro(band.yearlyFeeCents),
    })),
    included: formatCount(plan.includedObjections),
    extra: formatEuro(plan.extraObjectionCents),
  };
}

export function licenceRow(licence: LicenceRecord) {
  return {
    plan: licence.planName,
    from: dateText(licence.startsOn),
    until: licence.endsOn ? dateText(licence.endsOn) : 'doorlopend',
    term: licence.endsOn
      ? `${dateText(licence.startsOn)} tot en met ${dateText(licence.endsOn)}`
      : `vanaf ${dateText(licence.startsOn)}, doorlopend`,
    discount: licence.discountBasisPoints
      ? `${percentText(licence.discountBasisPoints)}${licence.discountReason ? ` (${licence.discountReason})` : ''}`
      : 'geen',
  };
}

export function invoiceRow(invoice: Invoice, links: { href?: string; pdfHref?: string }) {
  return {
    number: invoice.number ?? 'Concept',
    kind: invoice.kind === 'credit_note' ? 'Creditnota' : 'Factuur',
    period: periodText({ start: invoice.periodStart, end: invoice.periodEnd }),
    status: INVOICE_STATUS_LABELS[invoice.status],
    statusModifier: invoice.status,
    issuedOn: dateText(invoice.issuedOn),
    dueOn: dateText(invoice.dueOn),
    total: formatEuro(invoice.totalCents),
    ...links,
    pdfHref: invoice.number ? links.pdfHref : undefined,
  };
}

export function invoiceLineRows(invoice: Invoice) {
  return linesOf(invoice).map((l) => ({
    description: l.description,
    quantity: String(l.quantity),
    unit: formatEuro(l.unitCents),
    amount: formatEuro(l.amountCents),
  }));
}

export function invoiceTotalsView(invoice: Invoice) {
  return {
    net: formatEuro(invoice.netCents),
    vatRate: percentText(invoice.vatBasisPoints),
    vat: formatEuro(invoice.vatCents),
    total: formatEuro(invoice.totalCents),
  };
}

export function usageRows(usage: YearUsage) {
  return usage.months.map((m) => ({
    month: DUTCH_MONTHS[m.month - 1],
    objections: formatCount(m.objections),
  }));
}

export const MONTH_NAMES = DUTCH_MONTHS;
