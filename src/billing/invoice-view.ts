import type { LocalDate } from '../deadlines/local-date';
import { Invoice, InvoiceKind, InvoiceStatus, linesOf } from './entities/invoice.entity';
import type { InvoiceLineCode } from './invoice-lines';
import { centsToJson } from './money';

/** An invoice as the API returns it: amounts in whole cents (JSON integers), dates as YYYY-MM-DD. */
export interface InvoiceView {
  id: string;
  tenant: { slug: string; name: string };
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: string | null;
  licenceId: string;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  lines: {
    code: InvoiceLineCode;
    description: string;
    quantity: number;
    unitCents: number;
    amountCents: number;
  }[];
  netCents: number;
  vatBasisPoints: number;
  vatCents: number;
  totalCents: number;
  issuedOn: LocalDate | null;
  dueOn: LocalDate | null;
  paidOn: LocalDate | null;
  creditsInvoiceId: string | null;
  note: string | null;
}

export function invoiceView(invoice: Invoice, tenant: { slug: string; name: string }): InvoiceView {
  return {
    id: invoice.id,
    tenant: { slug: tenant.slug, name: tenant.name },
    kind: invoice.kind,
    status: invoice.status,
    number: invoice.number,
    licenceId: invoice.licenceId,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    lines: linesOf(invoice).map((l) => ({
      ...l,
      unitCents: centsToJson(l.unitCents),
      amountCents: centsToJson(l.amountCents),
    })),
    netCents: centsToJson(invoice.netCents),
    vatBasisPoints: invoice.vatBasisPoints,
    vatCents: centsToJson(invoice.vatCents),
    totalCents: centsToJson(invoice.totalCents),
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    paidOn: invoice.paidOn,
    creditsInvoiceId: invoice.creditsInvoiceId,
    note: invoice.note,
  };
}

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'Concept',
  issued: 'Uitgereikt',
  paid: 'Betaald',
  credited: 'Gecrediteerd',
};
