import { join } from 'node:path';
import { localDate } from '../deadlines/local-date';
import { pdfText } from '../../test/support/pdf-text';
import { creditLines, invoiceTotals, InvoiceLine } from './invoice-lines';
import { ibanText, InvoiceDocument, InvoicePdf } from './invoice-pdf';
import { loadPlatformConfig } from './platform-config';

const ROOT = join(__dirname, '..', '..');
const { seller } = loadPlatformConfig(join(ROOT, 'config', 'platform.yaml'));
const pdf = new InvoicePdf(join(ROOT, 'templates'), seller);

const LINES: InvoiceLine[] = [
  {
    code: 'licence',
    description: 'Licentie 2026, plan Standaard',
    quantity: 1,
    unitCents: 3_400_000n,
    amountCents: 3_400_000n,
  },
  {
    code: 'extra_objections',
    description: 'Bezwaren boven de bundel: 412 ingediend, 400 inbegrepen',
    quantity: 12,
    unitCents: 2_500n,
    amountCents: 30_000n,
  },
  {
    code: 'discount',
    description: 'Korting 5% (Meerjarig:: ## contract)',
    quantity: 1,
    unitCents: -171_500n,
    amountCents: -171_500n,
  },
];

const invoice = (overrides: Partial<InvoiceDocument> = {}): InvoiceDocument => ({
  kind: 'invoice',
  number: '2026-000007',
  issuedOn: localDate('2026-11-29'),
  dueOn: localDate('2026-12-29'),
  period: { start: localDate('2026-01-01'), end: localDate('2026-12-31') },
  lines: LINES,
  totals: invoiceTotals(LINES),
  buyer: {
    name: 'Gemeente Rivierstad',
    profile: {
      contact: {
        postalAddress: { street: 'Postbus', houseNumber: '100', postalCode: '4100 AA', city: 'Rivierstad' },
      },
    } as never,
  },
  ...overrides,
});

describe('invoice PDF', () => {
  it('shows the seller, the municipality, the number, every line, the VAT and the total', async () => {
    const text = (await pdfText(await pdf.render(invoice()))).replace(/\s+/g, ' ');
    for (const expected of [
      'Bezwaarplatform B.V.',
      'Gemeente Rivierstad T.a.v. de crediteurenadministratie Postbus 100 4100 AA Rivierstad',
      'Factuur 2026-000007',
      'Factuurnummer: 2026-000007',
      'Factuurdatum: 29 november 2026',
      'Periode: 1 januari 2026 t/m 31 december 2026',
      'Licentie 2026, plan Standaard Bedrag: € 34.000,00',
      '12 × € 25,00: € 300,00',
      'Totaal zonder btw: € 32.585,00',
      'Btw 21% over € 32.585,00: € 6.842,85',
      'Totaal te betalen: € 39.427,85',
      'uiterlijk 29 december 2026 overmaken naar NL91 ABNA 0417 1643 00 ten name van Bezwaarplatform B.V.',
      'KvK-nummer: 87654321',
    ]) {
      expect(text).toContain(expected);
    }
    // Text typed by someone stays text: no fact line of its own ("::"), no heading.
    expect(text).toContain('Korting 5% (Meerjarig: ## contract) Bedrag: € -1.715,00');
  });

  it('makes a credit note that names the invoice it cancels and why', async () => {
    const lines = creditLines(LINES);
    const text = (
      await pdfText(
        await pdf.render(
          invoice({
            kind: 'credit_note',
            number: '2026-000009',
            dueOn: null,
            lines,
            totals: invoiceTotals(lines),
            credited: { number: '2026-000007', issuedOn: localDate('2026-11-29') },
            note: 'Verkeerde staffel',
          }),
        ),
      )
    ).replace(/\s+/g, ' ');
    expect(text).toContain('Creditnota 2026-000009 bij factuur 2026-000007');
    expect(text).toContain(
      'Deze creditnota vervalt factuur 2026-000007 van 29 november 2026. Reden: Verkeerde staffel',
    );
    expect(text).toContain('Totaal te verrekenen: € -39.427,85');
    expect(text).toContain('storten wij € 39.427,85 binnen 30 dagen terug');
    expect(text).not.toContain('Totaal te betalen');
  });

  it('writes an IBAN in groups of four', () => {
    expect(ibanText('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});
