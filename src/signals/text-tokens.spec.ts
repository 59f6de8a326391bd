import { foldWord, tokenize } from './text-tokens';

describe('tokenize', () => {
  it('folds case and Dutch diacritics but keeps the original spans', () => {
    const text = 'Cliënte is ÉCHT boos';
    const { tokens } = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['cliente', 'is', 'echt', 'boos']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Cliënte', 'is', 'ÉCHT', 'boos']);
    expect(foldWord('Geïsoleerd')).toBe('geisoleerd');
  });

  it('splits hyphens and apostrophes, starts clauses at punctuation and "maar"', () => {
    const { tokens } = tokenize("burn-out, auto's maar goed");
    expect(tokens.map((t) => t.norm)).toEqual(['burn', 'out', 'auto', 's', 'maar', 'goed']);
    expect(tokens.map((t) => t.clause)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('counts exclamation marks and runs of ! and ?', () => {
    const t = tokenize('Nee! Waarom??? Dit is het!!');
    expect(t.exclamations).toBe(3);
    expect(t.punctuationRuns).toHaveLength(2);
  });

  it('marks words of three or more capitals', () => {
    const { tokens } = tokenize('IK BEN boos OK');
    expect(tokens.map((t) => t.caps)).toEqual([false, true, false, false]);
  });
});
