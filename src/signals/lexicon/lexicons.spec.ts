import { LIFE_DOMAIN_CODES } from '../life-domain-code';
import { phraseWords } from '../phrase-matcher';
import { LIFE_DOMAIN_LEXICON_NL } from './life-domain-lexicon.nl';
import { SENTIMENT_LEXICON_NL } from './sentiment-lexicon.nl';

const wellFormed = (phrase: string) => {
  const words = phraseWords(phrase);
  return (
    words.length > 0 &&
    words.every((w) => /^(\*?[a-z0-9]+|[a-z0-9]+[*~]?)$/.test(w) && w.replace(/[*~]/g, '').length >= 1)
  );
};

describe('lexicon data', () => {
  it('carries versions', () => {
    expect(SENTIMENT_LEXICON_NL.version).toMatch(/^nl-sentiment-\d{4}\.\d+$/);
    expect(LIFE_DOMAIN_LEXICON_NL.version).toMatch(/^nl-life-domains-\d{4}\.\d+$/);
  });

  it('has well-formed, folded phrases with weights in (0, 2]', () => {
    const weighted = [
      ...SENTIMENT_LEXICON_NL.anger,
      ...SENTIMENT_LEXICON_NL.distress,
      ...SENTIMENT_LEXICON_NL.sarcasm,
      ...LIFE_DOMAIN_LEXICON_NL_ENTRIES(),
    ];
    for (const { phrase, weight } of weighted) {
      expect({ phrase, ok: wellFormed(phrase) }).toEqual({ phrase, ok: true });
      expect(weight).toBeGreaterThan(0);
      expect(weight).toBeLessThanOrEqual(2);
    }
    for (const phrase of [...SENTIMENT_LEXICON_NL.formal, ...LIFE_DOMAIN_LEXICON_NL.ignore]) {
      expect({ phrase, ok: wellFormed(phrase) }).toEqual({ phrase, ok: true });
    }
  });

  it('lists every life domain code, each with terms, and no phrase twice within a list', () => {
    expect(Object.keys(LIFE_DOMAIN_LEXICON_NL.domains).sort()).toEqual([...LIFE_DOMAIN_CODES].sort());
    for (const code of LIFE_DOMAIN_CODES) {
      const phrases = LIFE_DOMAIN_LEXICON_NL.domains[code].map((t) => t.phrase);
      expect(phrases.length).toBeGreaterThan(3);
      expect(new Set(phrases).size).toBe(phrases.length);
    }
    for (const kind of ['anger', 'distress', 'sarcasm'] as const) {
      const phrases = SENTIMENT_LEXICON_NL[kind].map((t) => t.phrase);
      expect({ kind, duplicates: phrases.filter((p, i) => phrases.indexOf(p) !== i) }).toEqual({
        kind,
        duplicates: [],
      });
    }
  });

  it('has single-word intensifiers, negators and upper-case acronyms', () => {
    for (const word of [...SENTIMENT_LEXICON_NL.intensifiers, ...SENTIMENT_LEXICON_NL.negators]) {
      expect(word).toMatch(/^[a-z]+$/);
    }
    for (const acronym of SENTIMENT_LEXICON_NL.acronyms) expect(acronym).toMatch(/^[A-Z]{2,5}$/);
  });
});

function LIFE_DOMAIN_LEXICON_NL_ENTRIES() {
  return LIFE_DOMAIN_CODES.flatMap((code) => LIFE_DOMAIN_LEXICON_NL.domains[code]);
}
