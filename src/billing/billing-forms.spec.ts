import { basisPointsOfPercent, formErrors, planFormOf, readLicenceForm, readPlanForm } from './billing-forms';
import { planProblems } from './licence-plan';

const FORM = {
  code: 'standaard',
  naam: 'Standaard',
  implementatie: '7.500',
  inbegrepen: '400',
  extra: '25,00',
  actief: 'ja',
  'staffel-1-inwoners': '25000',
  'staffel-1-bedrag': '9.500,00',
  'staffel-2-inwoners': '',
  'staffel-2-bedrag': '',
  'staffel-3-inwoners': '',
  'staffel-3-bedrag': '34000',
};

describe('the operator’s billing forms', () => {
  it('reads a plan typed in euros, skipping empty band rows', () => {
    expect(readPlanForm(FORM, planProblems)).toEqual({
      ok: {
        code: 'standaard',
        name: 'Standaard',
        implementationFeeCents: 750_000n,
        bands: [
          { upToInhabitants: 25_000, yearlyFeeCents: 950_000n },
          { upToInhabitants: null, yearlyFeeCents: 3_400_000n },
        ],
        includedObjections: 400,
        extraObjectionCents: 2_500n,
        active: true,
      },
    });
  });

  it('puts each problem on its input, the plan rules’ ones on the band row they are about', () => {
    const result = readPlanForm(
      { ...FORM, implementatie: 'veel', inbegrepen: '-3', 'staffel-3-inwoners': '20000' },
      planProblems,
    );
    expect(result).toEqual({
      errors: {
        implementatie: 'Vul de implementatiekosten in euro in, zoals 7500 of 7.500,00.',
        inbegrepen: 'Vul het aantal inbegrepen bezwaren per jaar in als heel getal (0 of meer).',
        'staffel-3-inwoners': expect.stringContaining('De laatste staffel geldt voor alle grotere gemeenten'),
      },
    });
  });

  it('shows a plan back in the form the way it reads it', () => {
    const terms = (readPlanForm(FORM, planProblems) as { ok: Parameters<typeof planFormOf>[0] }).ok;
    const values = planFormOf(terms);
    expect(values).toMatchObject({
      implementatie: '7.500,00',
      extra: '25,00',
      'staffel-2-inwoners': '',
      'staffel-2-bedrag': '34.000,00',
    });
    expect(readPlanForm(values, planProblems)).toEqual({ ok: terms });
  });

  it('reads a discount percentage into basis points', () => {
    expect(basisPointsOfPercent('10')).toBe(1000);
    expect(basisPointsOfPercent('12,5')).toBe(1250);
    expect(basisPointsOfPercent('0,05 %')).toBe(5);
    expect(basisPointsOfPercent('100')).toBe(10_000);
    for (const bad of ['100,01', '-5', 'tien', '1,234']) expect(basisPointsOfPercent(bad)).toBeNull();
  });

  it('reads the licence form', () => {
    expect(
      readLicenceForm({ plan: 'klein', begin: '2026-03-01', einde: '', korting: '10', reden: 'Pilot' }),
    ).toEqual({
      ok: {
        planCode: 'klein',
        startsOn: '2026-03-01',
        endsOn: undefined,
        discountBasisPoints: 1000,
        discountReason: 'Pilot',
      },
    });
    expect(readLicenceForm({ plan: '', begin: '1-3-2026', einde: 'morgen', korting: 'veel' })).toEqual({
      errors: {
        plan: 'Kies een licentieplan.',
        begin: 'Vul een geldige begindatum in.',
        einde: 'Vul een geldige einddatum in, of laat het leeg.',
        korting: expect.stringContaining('percentage'),
      },
    });
  });

  it('maps a service’s field errors onto the form', () => {
    expect(
      formErrors(
        [
          { field: 'discountReason', message: 'Schrijf op waarom.' },
          { field: 'somethingElse', message: 'Anders.' },
        ],
        { discountReason: 'reden' },
        'plan',
      ),
    ).toEqual({ reden: 'Schrijf op waarom.', plan: 'Anders.' });
  });
});
