import type { LocalDate } from '../deadlines/local-date';
import { errorKey, filingFormView, filingInput, newFilingForm, readFilingForm } from './filing-form';
import type { FormFields } from './form-body';

const TODAY = '2026-11-28' as LocalDate;

function form(entries: Record<string, string | string[]>): FormFields {
  return new Map(Object.entries(entries).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
}

const bo = {
  idempotencyKey: 'a1b2c3d4-key',
  'decision.date.day': '2',
  'decision.date.month': '11',
  'decision.date.year': '2026',
  'decision.reference': ' PW-2026-0042 ',
  'decision.description': '',
  'objector.name': 'Bo de Vries',
  'objector.address.street': 'Dijkstraat',
  'objector.address.houseNumber': '12a',
  'objector.address.postalCode': '4101 AB',
  'objector.address.city': 'Rivierstad',
  'objector.email': '',
  'objector.phone': '06 12345678',
  'representative.name': '',
  'representative.organisation': '',
  'representative.email': '',
  'grounds.hints': ['a', 'b'],
  'grounds.text': 'Ik ben het niet eens.',
  wantsHearing: 'no',
  contactPreference: 'phone',
  signed: 'yes',
};

describe('filingInput', () => {
  it("maps the form onto the API's objection body, leaving empty optional fields out", () => {
    const { input, errors } = filingInput('participatiewet', readFilingForm(form(bo)), TODAY);
    expect(errors).toEqual([]);
    expect(input).toEqual({
      regulation: 'participatiewet',
      decision: { reference: 'PW-2026-0042', date: '2026-11-02' },
      objector: {
        name: 'Bo de Vries',
        phone: '06 12345678',
        address: { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city: 'Rivierstad' },
      },
      grounds: { hints: ['a', 'b'], text: 'Ik ben het niet eens.' },
      wantsHearing: false,
      contactPreference: 'phone',
      signed: true,
    });
  });

  it('adds an address or a representative only when any part of it is filled in', () => {
    const values = readFilingForm(
      form({
        ...bo,
        'objector.address.street': '',
        'objector.address.houseNumber': '',
        'objector.address.postalCode': '',
        'objector.address.city': ' ',
        'representative.organisation': 'Het Juridisch Loket',
        wantsHearing: '',
        signed: '',
      }),
    );
    const { input } = filingInput('participatiewet', values, TODAY);
    expect(input.objector).not.toHaveProperty('address');
    expect(input.representative).toEqual({ name: '', organisation: 'Het Juridisch Loket' });
    expect(input).not.toHaveProperty('wantsHearing');
    expect(input.signed).toBe(false);
  });

  it('reports the date as the form shows it: missing, incomplete, impossible or in the future', () => {
    const dated = (day: string, month: string, year: string) =>
      filingInput(
        'p',
        readFilingForm(
          form({ ...bo, 'decision.date.day': day, 'decision.date.month': month, 'decision.date.year': year }),
        ),
        TODAY,
      ).errors.map((e) => `${e.field}: ${e.message}`);
    expect(dated('', '', '')).toEqual(['decision.date: Vul de datum van de brief in.']);
    expect(dated('2', '', '2026')).toEqual(['decision.date: Vul ook de maand in.']);
    expect(dated('30', '2', '2026')[0]).toContain('bestaat niet');
    expect(dated('29', '11', '2026')[0]).toContain('toekomst');
  });
});

describe('filingFormView', () => {
  const hints = [
    { code: 'a', title: 'A', explanation: 'uitleg a' },
    { code: 'b', title: 'B', explanation: 'uitleg b' },
    { code: 'c', title: 'C', explanation: 'uitleg c' },
  ];

  it('lists the errors in the order of the form, each linked to its field and shown beside it', () => {
    const view = filingFormView({
      values: readFilingForm(form(bo)),
      hints,
      filesChosen: true,
      errors: [
        { field: 'signed', message: 'S' },
        { field: 'objector.address.postalCode', message: 'P' },
        { field: 'grounds.hints[1]', message: 'H' },
        { field: 'decision.date', message: 'D' },
        { field: 'objector', message: 'O' },
        { field: 'attachments[0]', message: 'F' },
        { field: 'representative.email', message: 'R' },
        { field: 'form', message: 'X' },
      ],
    });
    expect(view.errors).toEqual([
      { href: '#decision-date-day', message: 'D' },
      { href: '#objector-address-street', message: 'O' },
      { href: '#objector-address-postalCode', message: 'P' },
      { href: '#representative-email', message: 'R' },
      { href: '#grounds-hint-1', message: 'H' },
      { href: '#attachments', message: 'F' },
      { href: '#signed', message: 'S' },
      { href: '#bezwaarformulier', message: 'X' },
    ]);
    expect(view.fields.postalCode).toEqual({
      id: 'objector-address-postalCode',
      name: 'objector.address.postalCode',
      value: '4101 AB',
      error: 'P',
    });
    expect(view.decisionDate.error).toBe('D');
    expect(view.addressError).toBe('O');
    expect(view.hints.error).toBe('H');
    expect(view.attachments).toEqual({ error: 'F', filesChosen: true });
    expect(view.representativeOpen).toBe(true);
  });

  it('lists the reasons the diagnosis suggested first and keeps the chosen ones checked', () => {
    const values = {
      ...newFilingForm({ idempotencyKey: 'k'.repeat(10), suggested: 'c,onbekend' }),
      hints: ['a'],
    };
    const view = filingFormView({ values, hints, errors: [], filesChosen: false });
    expect(view.hints.suggested.map((h) => [h.id, h.code, h.checked])).toEqual([
      ['grounds-hint-1', 'c', false],
    ]);
    expect(view.hints.other.map((h) => [h.id, h.code, h.checked])).toEqual([
      ['grounds-hint-2', 'a', true],
      ['grounds-hint-3', 'b', false],
    ]);
    expect(view.representativeOpen).toBe(false);
    expect(view.errors).toEqual([]);
  });

  it('prefills the decision date from the diagnosis', () => {
    expect(newFilingForm({ idempotencyKey: 'k', decisionDate: '2026-11-02' }).decision).toMatchObject({
      day: '2',
      month: '11',
      year: '2026',
    });
    expect(newFilingForm({ idempotencyKey: 'k', decisionDate: 'morgen' }).decision.day).toBe('');
  });
});

describe('errorKey', () => {
  it('maps API error paths onto the places in the form', () => {
    expect(errorKey('grounds.hints[3]')).toBe('grounds.hints');
    expect(errorKey('attachments[0]')).toBe('attachments');
    expect(errorKey('objector')).toBe('objector.address');
    expect(errorKey('objector.address.city')).toBe('objector.address.city');
  });
});
