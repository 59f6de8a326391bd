import { bandFor, bandLabel, PlanBand, planProblems, PlanTerms } from './licence-plan';

const BANDS: PlanBand[] = [
  { upToInhabitants: 25_000, yearlyFeeCents: 1_200_000n },
  { upToInhabitants: 50_000, yearlyFeeCents: 1_800_000n },
  { upToInhabitants: null, yearlyFeeCents: 3_000_000n },
];

const plan = (overrides: Partial<PlanTerms> = {}): PlanTerms => ({
  code: 'standaard',
  name: 'Standaard',
  implementationFeeCents: 500_000n,
  bands: BANDS,
  includedObjections: 300,
  extraObjectionCents: 2_500n,
  ...overrides,
});

describe('licence plans', () => {
  it('accepts a plan with ascending bands ending open', () => {
    expect(planProblems(plan())).toEqual([]);
    expect(planProblems(plan({ bands: [{ upToInhabitants: null, yearlyFeeCents: 0n }] }))).toEqual([]);
  });

  it('says what to fix in each field', () => {
    const problems = planProblems(
      plan({
        code: 'Standaard 2026',
        name: ' ',
        implementationFeeCents: -1n,
        includedObjections: 2.5,
        extraObjectionCents: 10_000_000_001n,
      }),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'code',
      'name',
      'implementationFeeCents',
      'includedObjections',
      'extraObjectionCents',
    ]);
    expect(problems[0].message).toContain('kleine letters');
    expect(problems[2].message).toBe('De implementatiekosten kunnen niet negatief zijn.');
    expect(problems[4].message).toContain('Klopt het bedrag?');
  });

  it('refuses bands that are empty, out of order or not open-ended at the end', () => {
    expect(planProblems(plan({ bands: [] }))).toEqual([
      { field: 'bands', message: expect.stringContaining('minstens één staffel') },
    ]);
    expect(
      planProblems(
        plan({
          bands: [
            { upToInhabitants: 50_000, yearlyFeeCents: 1n },
            { upToInhabitants: 50_000, yearlyFeeCents: 1n },
            { upToInhabitants: null, yearlyFeeCents: 1n },
            { upToInhabitants: 90_000, yearlyFeeCents: -1n },
          ],
        }),
      ),
    ).toEqual([
      {
        field: 'bands[1].upToInhabitants',
        message: 'De staffels lopen op: vul meer inwoners in dan de staffel ervoor (50.000).',
      },
      {
        field: 'bands[2].upToInhabitants',
        message: 'Alleen de laatste staffel is zonder bovengrens. Vul hier het hoogste aantal inwoners in.',
      },
      {
        field: 'bands[3].upToInhabitants',
        message:
          'De laatste staffel geldt voor alle grotere gemeenten: laat het aantal inwoners leeg (nu 90000).',
      },
      { field: 'bands[3].yearlyFeeCents', message: 'Jaarbedragen kunnen niet negatief zijn.' },
    ]);
    expect(planProblems(plan({ bands: [{ upToInhabitants: 0, yearlyFeeCents: 1n }, BANDS[2]] }))).toEqual([
      {
        field: 'bands[0].upToInhabitants',
        message: 'Vul het aantal inwoners in als heel getal groter dan 0.',
      },
    ]);
  });

  it('chooses the band by its inclusive upper bound', () => {
    expect(bandFor(BANDS, 1).index).toBe(0);
    expect(bandFor(BANDS, 25_000).index).toBe(0);
    expect(bandFor(BANDS, 25_001).index).toBe(1);
    expect(bandFor(BANDS, 50_000).index).toBe(1);
    expect(bandFor(BANDS, 50_001).index).toBe(2);
    expect(bandFor(BANDS, 900_000).band.yearlyFeeCents).toBe(3_000_000n);
    expect(() => bandFor([{ upToInhabitants: 10, yearlyFeeCents: 1n }], 11)).toThrow(RangeError);
  });

  it('names bands for people', () => {
    expect(bandLabel(BANDS, 0)).toBe('tot en met 25.000 inwoners');
    expect(bandLabel(BANDS, 1)).toBe('25.001 tot en met 50.000 inwoners');
    expect(bandLabel(BANDS, 2)).toBe('meer dan 50.000 inwoners');
    expect(bandLabel([BANDS[2]], 0)).toBe('elk aantal inwoners');
  });
});
