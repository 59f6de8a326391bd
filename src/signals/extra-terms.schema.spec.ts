import { join } from 'node:path';
import { loadTenantConfigs } from '../tenancy/tenant-config.loader';
import { extraTermsSchema } from './extra-terms.schema';
import { analyzeText } from './text-signals';

const messages = (input: unknown) => {
  const result = extraTermsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('extraTermsSchema (tenant.yaml `signals`)', () => {
  it('accepts sentiment and life-domain terms, with weight optional and both lists optional', () => {
    const parsed = extraTermsSchema.parse({
      sentiment: [{ phrase: ' kwaod ', label: 'angry', weight: 1.2 }],
    });
    expect(parsed).toEqual({
      sentiment: [{ phrase: 'kwaod', label: 'angry', weight: 1.2 }],
      lifeDomains: [],
    });
    expect(extraTermsSchema.parse({})).toEqual({ sentiment: [], lifeDomains: [] });
  });

  it('names an unknown life-domain code and lists the codes that exist', () => {
    expect(messages({ lifeDomains: [{ phrase: 'sjulde', code: 'money' }] })).toEqual([
      expect.stringMatching(
        /^lifeDomains\.0\.code: unknown life-domain code "money"; use one of finances, housing,/,
      ),
    ]);
  });

  it('refuses an unknown label, an empty phrase, a weight out of range, a duplicate and unknown keys', () => {
    expect(messages({ sentiment: [{ phrase: 'kwaod', label: 'sad' }] })).toEqual([
      'sentiment.0.label: unknown label "sad"; use angry or distressed',
    ]);
    expect(messages({ sentiment: [{ phrase: ' ', label: 'angry' }] })).toEqual([
      'sentiment.0.phrase: a phrase may not be empty',
    ]);
    expect(messages({ sentiment: [{ phrase: '!!', label: 'angry' }] })).toEqual([
      'sentiment.0.phrase: a phrase needs at least one letter or digit',
    ]);
    expect(messages({ lifeDomains: [{ phrase: 'x', code: 'housing', weight: 0 }] })).toEqual([
      'lifeDomains.0.weight: weight must be above 0',
    ]);
    expect(
      messages({
        lifeDomains: [
          { phrase: 'Stadsbank', code: 'finances' },
          { phrase: 'stadsbank', code: 'finances' },
        ],
      }),
    ).toEqual(['lifeDomains.1.phrase: duplicate phrase "stadsbank"']);
    expect(messages({ sentiment: [], words: [] })).toHaveLength(1);
  });

  it("keeps the demo tenants' own terms valid, and they change what a text signals there", () => {
    const tenants = Object.fromEntries(
      loadTenantConfigs(join(__dirname, '..', '..', 'tenants')).map((t) => [t.slug, t.signals]),
    );
    const dialect = 'Ich bin zo kwaod. Ich höb sjulde en ich kin neet mie.';
    const plain = analyzeText(dialect);
    expect(plain.sentiment.label).toBe('neutral');
    expect(plain.lifeDomains).toEqual([]);
    const there = analyzeText(dialect, { extraTerms: tenants.heuveldorp });
    expect(there.sentiment.label).toBe('angry');
    expect(there.sentiment.evidence).toEqual(['zo kwaod']);
    expect(analyzeText('Ich kin neet mie.', { extraTerms: tenants.heuveldorp }).sentiment).toMatchObject({
      label: 'distressed',
      evidence: ['Ich kin neet mie'],
    });
    expect(there.lifeDomains).toEqual([{ code: 'finances', evidence: ['sjulde'] }]);

    const city = 'Ik loop op mijn tandvlees. Ik sta al bij de Stadsbank en slaap in het passantenverblijf.';
    expect(analyzeText(city).lifeDomains).toEqual([]);
    const inRivierstad = analyzeText(city, { extraTerms: tenants.rivierstad });
    expect(inRivierstad.lifeDomains.map((d) => d.code)).toEqual(['finances', 'housing']);
    expect(inRivierstad.multiProblem).toBe(true);
  });
});
