import { readSettingsForm, settingsFormView } from './tenant-settings-form';

const address = (prefix: string, [street, houseNumber, postalCode, city]: string[]) => ({
  [`${prefix}.street`]: street,
  [`${prefix}.houseNumber`]: houseNumber,
  [`${prefix}.postalCode`]: postalCode,
  [`${prefix}.city`]: city,
});

const POSTED = {
  name: ' Gemeente Rivierstad ',
  governingBody: 'het college van burgemeester en wethouders van Rivierstad',
  'branding.primaryColor': '#0B4F71',
  'contact.phone': '14 0123',
  'contact.email': 'gemeente@rivierstad.example',
  'contact.website': 'https://www.rivierstad.example',
  ...address('contact.postalAddress', ['Postbus', '2000', '4100 AA', 'Rivierstad']),
  ...address('contact.visitingAddress', ['', '', '', '']),
  'court.name': 'Rechtbank Gelderland',
  ...address('court.address', ['Walburgstraat', '2', '6811 CG', 'Arnhem']),
  'settings.atRiskWorkingDays': '5',
  'settings.firstContactWorkingDays': '3',
  'settings.costs.pointValueCents': '1.294,50',
  'settings.costs.objectionPoints': '1,5',
  'settings.costs.hearingPoints': '1',
};

describe('the settings form', () => {
  it('reads the posted fields into the settings’ shape, numbers and euros included', () => {
    expect(readSettingsForm(POSTED)).toEqual({
      name: 'Gemeente Rivierstad',
      governingBody: 'het college van burgemeester en wethouders van Rivierstad',
      branding: { primaryColor: '#0B4F71' },
      contact: {
        phone: '14 0123',
        email: 'gemeente@rivierstad.example',
        website: 'https://www.rivierstad.example',
        postalAddress: { street: 'Postbus', houseNumber: '2000', postalCode: '4100 AA', city: 'Rivierstad' },
      },
      court: {
        name: 'Rechtbank Gelderland',
        address: { street: 'Walburgstraat', houseNumber: '2', postalCode: '6811 CG', city: 'Arnhem' },
      },
      settings: {
        atRiskWorkingDays: 5,
        firstContactWorkingDays: 3,
        costs: { pointValueCents: 129_450, objectionPoints: 1.5, hearingPoints: 1 },
      },
    });
  });

  it.each([
    ['647', 64_700],
    ['647,00', 64_700],
    ['647.5', 64_750],
    ['€ 1.294', 129_400],
    ['zeshonderd', 'zeshonderd'],
  ])('reads the euro amount %s', (typed, cents) => {
    const costs = (readSettingsForm({ ...POSTED, 'settings.costs.pointValueCents': typed }).settings as any)
      .costs;
    expect(costs.pointValueCents).toBe(cents);
  });

  it('keeps a visiting address that is partly filled in, so that the missing part is named', () => {
    const read = readSettingsForm({ ...POSTED, 'contact.visitingAddress.street': 'Markt' });
    expect((read.contact as any).visitingAddress).toEqual({
      street: 'Markt',
      houseNumber: '',
      postalCode: '',
      city: '',
    });
  });

  it('shows the stored values, and the typed ones with each problem at its input and in the summary', () => {
    const stored = {
      ...readSettingsForm(POSTED),
    };
    const view = settingsFormView(stored);
    const field = (v: typeof view, name: string) =>
      v.sections.flatMap((s) => s.fields).find((f) => f.name === name)!;
    expect(field(view, 'settings.costs.pointValueCents').value).toBe('1.294,50');
    expect(field(view, 'settings.costs.objectionPoints').value).toBe('1,5');
    expect(field(view, 'contact.postalAddress.postalCode')).toMatchObject({
      id: 'contact-postalAddress-postalCode',
      value: '4100 AA',
    });

    const typed = { ...POSTED, 'contact.postalAddress.postalCode': '4100' };
    const withProblems = settingsFormView(
      stored,
      [
        { field: 'settings.atRiskWorkingDays', message: 'Dit mag hoogstens 30 zijn.' },
        { field: 'contact.postalAddress.postalCode', message: 'Vul een postcode in zoals 1234 AB.' },
      ],
      typed,
    );
    expect(field(withProblems, 'contact.postalAddress.postalCode')).toMatchObject({
      value: '4100',
      error: 'Vul een postcode in zoals 1234 AB.',
    });
    // In the order of the page.
    expect(withProblems.errors).toEqual([
      { href: '#contact-postalAddress-postalCode', message: 'Vul een postcode in zoals 1234 AB.' },
      { href: '#settings-atRiskWorkingDays', message: 'Dit mag hoogstens 30 zijn.' },
    ]);
  });
});
