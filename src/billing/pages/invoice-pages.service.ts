import { Injectable } from '@nestjs/common';
import { ProblemError } from '../../common/problems/problem.error';
import { todayInAmsterdam } from '../../deadlines/local-date';
import type { OperatorPrincipal } from '../../operators/operator.guard';
import { platformNav } from '../../platform/platform-nav';
import { field, FormFields } from '../../portal/form-body';
import { PageOutcome, StaffPagesService } from '../../staff-pages/staff-pages.service';
import { TenantsService } from '../../tenancy/tenants.service';
import { FormState } from '../billing-forms';
import {
  dateText,
  errorSummary,
  formFields,
  invoiceLineRows,
  invoiceTotalsView,
  MONTH_NAMES,
  selectOptions,
} from '../billing-view';
import { INVOICE_STATUSES, InvoiceStatus } from '../entities/invoice.entity';
import { InvoiceGenerationService } from '../invoice-generation.service';
import { InvoiceIssuingService } from '../invoice-issuing.service';
import { INVOICE_STATUS_LABELS } from '../invoice-view';
import { InvoicesService } from '../invoices.service';
import { periodText } from '../invoice-lines';
import { formatCount } from '../licence-plan';
import { formatEuro } from '../money';
import { UsageService } from '../usage.service';
import { GENERATE_PATH, INVOICES_PATH, invoicePath, licencePath, USAGE_PATH } from './platform-billing-paths';

export const INVOICE_ACTIONS = ['uitreiken', 'betaald', 'crediteren', 'verwijderen', 'herberekenen'] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

const DONE: Record<string, string> = {
  gemaakt: 'Het concept is gemaakt. Controleer de regels en reik de factuur uit.',
  uitgereikt: 'De factuur is uitgereikt. De PDF is bewaard en verandert niet meer.',
  betaald: 'De betaling is vastgelegd.',
  gecrediteerd: 'De creditnota is uitgereikt. Het licentiejaar kan opnieuw gefactureerd worden.',
  herberekend: 'Het concept is opnieuw berekend met het plan en het gebruik van nu.',
};

/** `/platform/facturen` (all invoices, making drafts), one invoice with its actions, and `/platform/gebruik`. */
@Injectable()
export class InvoicePagesService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly invoices: InvoicesService,
    private readonly generation: InvoiceGenerationService,
    private readonly issuing: InvoiceIssuingService,
    private readonly usage: UsageService,
    private readonly pages: StaffPagesService,
  ) {}

  async list(
    operator: OperatorPrincipal,
    query: { year?: string; status?: string },
    state?: FormState,
  ): Promise<string> {
    const thisYear = Number(todayInAmsterdam().slice(0, 4));
    const year = /^\d{4}$/.test(query.year ?? '') ? Number(query.year) : undefined;
    const status = (INVOICE_STATUSES as readonly string[]).includes(query.status ?? '')
      ? (query.status as InvoiceStatus)
      : undefined;
    const invoices = await this.invoices.listAll({ year, status });
    const tenants = (await this.tenants.list()).filter((t) => t.status === 'active');
    const years = Array.from({ length: 6 }, (_, i) => String(thisYear - 4 + i));
    const generate = formFields('genereren', state, { jaar: String(thisYear) });
    return this.pages.renderPlatform(
      'platform/invoices',
      'Facturen',
      {
        errors: errorSummary(state),
        filter: {
          action: INVOICES_PATH,
          year: {
            field: { id: 'filter-jaar', name: 'jaar', value: query.year ?? '' },
            options: selectOptions(
              [{ value: '', label: 'Alle jaren' }, ...years.map((y) => ({ value: y, label: y }))],
              year ? String(year) : '',
            ),
          },
          status: {
            field: { id: 'filter-status', name: 'status', value: status ?? '' },
            options: selectOptions(
              [
                { value: '', label: 'Alle' },
                ...INVOICE_STATUSES.map((s) => ({ value: s, label: INVOICE_STATUS_LABELS[s] })),
              ],
              status ?? '',
            ),
          },
        },
        invoices: invoices.map((v) => ({
          number: v.number ?? 'Concept',
          href: invoicePath(v.tenant.slug, v.id),
          tenant: v.tenant.name,
          kind: v.kind === 'credit_note' ? 'Creditnota' : 'Factuur',
          period: periodText({ start: v.periodStart, end: v.periodEnd }),
          status: INVOICE_STATUS_LABELS[v.status],
          dueOn: dateText(v.dueOn),
          total: formatEuro(BigInt(v.totalCents)),
        })),
        generateForm: {
          action: GENERATE_PATH,
          tenant: {
            field: generate('gemeente'),
            options: selectOptions(
              [
                { value: '', label: 'Kies een gemeente' },
                ...tenants.map((t) => ({ value: t.slug, label: t.name })),
              ],
              generate('gemeente').value,
            ),
          },
          year: {
            field: generate('jaar'),
            options: selectOptions(
              years.map((y) => ({ value: y, label: y })),
              generate('jaar').value,
            ),
          },
        },
        usageHref: USAGE_PATH,
      },
      { viewerName: operator.name, nav: platformNav('invoices'), hasErrors: Boolean(state) },
    );
  }

  /** Makes the drafts of a municipality's licence year from the list page. */
  async generate(operator: OperatorPrincipal, fields: FormFields): Promise<PageOutcome> {
    const values = { gemeente: field(fields, 'gemeente'), jaar: field(fields, 'jaar') };
    const retry = async (errors: Record<string, string>) => ({
      status: 400,
      html: await this.list(operator, {}, { form: 'genereren', values, errors }),
    });
    if (!values.gemeente) return retry({ gemeente: 'Kies de gemeente die u wilt factureren.' });
    try {
      const tenant = await this.tenants.requireBySlug(values.gemeente);
      const drafts = await this.generation.generate(tenant.id, Number(values.jaar));
      return {
        redirect:
          drafts.length === 1
            ? `${invoicePath(tenant.slug, drafts[0].id)}?gedaan=gemaakt`
            : `${licencePath(tenant.slug)}#facturen`,
      };
    } catch (error) {
      if (!(error instanceof ProblemError) || ![400, 404, 409].includes(error.status)) throw error;
      return retry(
        error.status === 404
          ? { gemeente: error.detail }
          : { jaar: error.errors?.[0]?.message ?? error.detail },
      );
    }
  }

  async page(
    operator: OperatorPrincipal,
    slug: string,
    id: string,
    done?: string,
    state?: FormState,
  ): Promise<string> {
    const tenant = await this.tenants.requireBySlug(slug);
    const invoice = await this.invoices.get(tenant.id, id);
    const home = invoicePath(tenant.slug, invoice.id);
    const all = await this.invoices.list(tenant.id);
    const credited = invoice.creditsInvoiceId
      ? all.find((i) => i.id === invoice.creditsInvoiceId)
      : undefined;
    const creditNote = all.find((i) => i.creditsInvoiceId === invoice.id);
    const pay = formFields('betaald', state, { datum: todayInAmsterdam() });
    const credit = formFields('crediteren', state);
    const isInvoice = invoice.kind === 'invoice';
    const title = `${isInvoice ? 'Factuur' : 'Creditnota'} ${invoice.number ?? '(concept)'}`;
    return this.pages.renderPlatform(
      'platform/invoice',
      title,
      {
        heading: title,
        tenant: { name: tenant.name, licenceHref: `${licencePath(tenant.slug)}#facturen` },
        done: done ? DONE[done] : undefined,
        errors: errorSummary(state),
        openForms: state ? { [state.form]: true } : {},
        actionError: state?.form === 'uitreiken' ? state.errors.actie : undefined,
        summary: [
          { label: 'Gemeente', value: tenant.name },
          { label: 'Status', value: INVOICE_STATUS_LABELS[invoice.status] },
          { label: 'Periode', value: periodText({ start: invoice.periodStart, end: invoice.periodEnd }) },
          ...(invoice.issuedOn ? [{ label: 'Datum', value: dateText(invoice.issuedOn) }] : []),
          ...(invoice.dueOn ? [{ label: 'Te betalen uiterlijk', value: dateText(invoice.dueOn) }] : []),
          ...(invoice.paidOn ? [{ label: 'Betaald op', value: dateText(invoice.paidOn) }] : []),
          ...(invoice.note ? [{ label: 'Reden', value: invoice.note }] : []),
        ],
        credited: credited
          ? { number: credited.number, href: invoicePath(tenant.slug, credited.id) }
          : undefined,
        creditNote: creditNote
          ? { number: creditNote.number, href: invoicePath(tenant.slug, creditNote.id) }
          : undefined,
        lines: invoiceLineRows(invoice),
        totals: invoiceTotalsView(invoice),
        pdfHref: invoice.number ? `${home}/pdf` : undefined,
        actions: {
          draft: invoice.status === 'draft',
          issue: `${home}/uitreiken`,
          regenerate: `${home}/herberekenen`,
          remove: `${home}/verwijderen`,
          pay:
            isInvoice && invoice.status === 'issued'
              ? { action: `${home}/betaald`, date: pay('datum') }
              : undefined,
          credit:
            isInvoice && (invoice.status === 'issued' || invoice.status === 'paid')
              ? { action: `${home}/crediteren`, reason: credit('reden') }
              : undefined,
        },
      },
      { viewerName: operator.name, nav: platformNav('invoices'), hasErrors: Boolean(state) },
    );
  }

  async act(
    operator: OperatorPrincipal,
    slug: string,
    id: string,
    action: InvoiceAction,
    fields: FormFields,
  ): Promise<PageOutcome> {
    const tenant = await this.tenants.requireBySlug(slug);
    const home = invoicePath(tenant.slug, id);
    const values = { datum: field(fields, 'datum').trim(), reden: field(fields, 'reden').trim() };
    try {
      switch (action) {
        case 'uitreiken':
          await this.issuing.issue(tenant.id, id);
          return { redirect: `${home}?gedaan=uitgereikt` };
        case 'betaald':
          await this.issuing.markPaid(tenant.id, id, values.datum);
          return { redirect: `${home}?gedaan=betaald` };
        case 'crediteren': {
          const note = await this.issuing.credit(tenant.id, id, values.reden);
          return { redirect: `${invoicePath(tenant.slug, note.id)}?gedaan=gecrediteerd` };
        }
        case 'verwijderen':
          await this.generation.deleteDraft(tenant.id, id);
          return { redirect: `${licencePath(tenant.slug)}#facturen` };
        case 'herberekenen': {
          const invoice = await this.invoices.get(tenant.id, id);
          const drafts = await this.generation.generate(tenant.id, Number(invoice.periodStart.slice(0, 4)));
          const same = drafts.find((d) => d.licenceId === invoice.licenceId) ?? drafts[0];
          return { redirect: `${invoicePath(tenant.slug, same.id)}?gedaan=herberekend` };
        }
      }
    } catch (error) {
      if (!(error instanceof ProblemError) || ![400, 409].includes(error.status)) throw error;
      const form = action === 'betaald' || action === 'crediteren' ? action : 'uitreiken';
      const input = action === 'betaald' ? 'datum' : 'reden';
      const message = error.errors?.[0]?.message ?? error.detail;
      if (form === 'uitreiken') {
        return {
          status: error.status,
          html: await this.page(operator, slug, id, undefined, { form, values, errors: { actie: message } }),
        };
      }
      return {
        status: 400,
        html: await this.page(operator, slug, id, undefined, { form, values, errors: { [input]: message } }),
      };
    }
  }

  /** `/platform/gebruik?jaar=2026`: objections filed per municipality and month. */
  async usageOverview(operator: OperatorPrincipal, yearText?: string): Promise<string> {
    const thisYear = Number(todayInAmsterdam().slice(0, 4));
    const year = /^\d{4}$/.test(yearText ?? '') && Number(yearText) <= thisYear ? Number(yearText) : thisYear;
    const rows = [];
    for (const tenant of await this.tenants.list()) {
      const usage = await this.usage.year(tenant.id, year);
      rows.push({
        name: tenant.name,
        href: `${licencePath(tenant.slug)}?jaar=${year}`,
        months: usage.months.map((m) => formatCount(m.objections)),
        total: formatCount(usage.total),
      });
    }
    return this.pages.renderPlatform(
      'platform/usage',
      `Gebruik ${year}`,
      {
        year,
        months: MONTH_NAMES.map((m) => m.slice(0, 3)),
        monthNames: MONTH_NAMES,
        rows,
        previousHref: `${USAGE_PATH}?jaar=${year - 1}`,
        nextHref: year < thisYear ? `${USAGE_PATH}?jaar=${year + 1}` : undefined,
        invoicesHref: INVOICES_PATH,
      },
      { viewerName: operator.name, nav: platformNav('invoices') },
    );
  }
}
