import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { formatDutchDate } from '../deadlines/dutch-dates';
import { LocalDate } from '../deadlines/local-date';
import { parseLetterBody } from '../letters/letter-model';
import { renderLetterPdf } from '../letters/pdf-renderer';
import type { TenantProfile } from '../tenancy/tenant.entity';
import { InvoiceLine, InvoiceTotals, percentText, periodText } from './invoice-lines';
import { formatEuro } from './money';
import type { Seller } from './platform-config';

/** The platform's colour on its own letterhead (the letter pipeline draws a bar in it). */
const PLATFORM_COLOUR = '#154273';

/** What an issued invoice or credit note shows. */
export interface InvoiceDocument {
  kind: 'invoice' | 'credit_note';
  number: string;
  issuedOn: LocalDate;
  dueOn: LocalDate | null;
  period: { start: LocalDate; end: LocalDate };
  lines: readonly InvoiceLine[];
  totals: InvoiceTotals;
  buyer: { name: string; profile: TenantProfile };
  /** For a credit note: the invoice it cancels, and why. */
  credited?: { number: string; issuedOn: LocalDate };
  note?: string | null;
}

/**
 * Invoices through the letter pipeline: `templates/invoices/invoice.hbs` (plain text with the letters' body
 * markup: "## " headings, "Label:: value" facts) → blocks → PDF/A with the platform as sender and the
 * municipality as addressee. The template is compiled at start-up in a sandbox of its own (built-in helpers
 * only, strict), so a broken template stops the application instead of an invoice.
 */
export class InvoicePdf {
  private readonly template: HandlebarsTemplateDelegate;

  constructor(
    templatesDir: string,
    private readonly seller: Seller,
  ) {
    const source = readFileSync(join(templatesDir, 'invoices', 'invoice.hbs'), 'utf8');
    const handlebars = Handlebars.create();
    this.template = handlebars.compile(source, { noEscape: true, strict: true, knownHelpersOnly: true });
    // Compile now (Handlebars compiles lazily), so that a syntax error shows at start-up.
    handlebars.precompile(source, { noEscape: true, strict: true, knownHelpersOnly: true });
  }

  render(invoice: InvoiceDocument): Promise<Buffer> {
    const seller = this.seller;
    const date = (d: LocalDate) => formatDutchDate(d, { weekday: false });
    const creditNote = invoice.kind === 'credit_note';
    const context = plainText({
      creditNote,
      creditedNumber: invoice.credited?.number ?? '',
      creditedIssuedOn: invoice.credited ? date(invoice.credited.issuedOn) : '',
      note: invoice.note ?? '',
      number: invoice.number,
      issuedOn: date(invoice.issuedOn),
      dueOn: invoice.dueOn ? date(invoice.dueOn) : '',
      period: periodText(invoice.period),
      buyer: invoice.buyer.name,
      lines: invoice.lines.map((l) => ({
        description: l.description,
        quantity: l.code === 'extra_objections' ? `${l.quantity} × ${formatEuro(l.unitCents)}` : 'Bedrag',
        amount: formatEuro(l.amountCents),
      })),
      net: formatEuro(invoice.totals.netCents),
      vatRate: percentText(invoice.totals.vatBasisPoints),
      vat: formatEuro(invoice.totals.vatCents),
      total: formatEuro(invoice.totals.totalCents),
      totalPositive: formatEuro(
        invoice.totals.totalCents < 0n ? -invoice.totals.totalCents : invoice.totals.totalCents,
      ),
      paymentTermDays: String(seller.paymentTermDays),
      seller: {
        name: seller.name,
        iban: ibanText(seller.iban),
        kvk: seller.kvk,
        vatNumber: seller.vatNumber,
      },
    });
    const postal = invoice.buyer.profile.contact.postalAddress;
    return renderLetterPdf({
      letterhead: {
        municipality: seller.name,
        governingBody: seller.name,
        address: [
          `${seller.address.street} ${seller.address.houseNumber}`,
          `${seller.address.postalCode} ${seller.address.city}`,
        ],
        phone: seller.phone,
        email: seller.email,
        website: seller.website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
        primaryColor: PLATFORM_COLOUR,
      },
      addressee: [
        invoice.buyer.name,
        'T.a.v. de crediteurenadministratie',
        `${postal.street} ${postal.houseNumber}`,
        `${postal.postalCode} ${postal.city}`,
      ],
      date: date(invoice.issuedOn),
      reference: invoice.number,
      subject: creditNote
        ? `Creditnota ${invoice.number} bij factuur ${invoice.credited?.number ?? ''}`
        : `Factuur ${invoice.number}`,
      blocks: parseLetterBody(this.template(context)),
      closing: ['Met vriendelijke groet,', '', seller.name],
    });
  }
}

/** "NL91ABNA0417164300" → "NL91 ABNA 0417 1643 00", as people read and type it. */
export function ibanText(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Names and reasons come from operators and municipalities: never let them become body markup. */
function plainText<T>(value: T): T {
  if (typeof value === 'string')
    return value
      .replace(/\s+/g, ' ')
      .replace(/::/g, ':')
      .replace(/^#+\s*/, '')
      .trim() as T;
  if (Array.isArray(value)) return value.map(plainText) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainText(v)])) as T;
  }
  return value;
}
