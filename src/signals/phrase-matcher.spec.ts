import { PhraseMatcher } from './phrase-matcher';
import { tokenize } from './text-tokens';

const matches = (phrases: string[], text: string) =>
  new PhraseMatcher(phrases.map((phrase) => ({ phrase, payload: phrase })))
    .match(tokenize(text).tokens)
    .map((m) => [m.payload, text.slice(m.start, m.end)]);

describe('PhraseMatcher', () => {
  it('matches multi-word phrases and quotes them from the original text', () => {
    expect(matches(['ten einde raad'], 'Ik ben Ten Einde Raad.')).toEqual([
      ['ten einde raad', 'Ten Einde Raad'],
    ]);
  });

  it('matches prefixes, compound heads and inflections', () => {
    expect(matches(['schuldhulp*'], 'de schuldhulpverlening')).toEqual([
      ['schuldhulp*', 'schuldhulpverlening'],
    ]);
    expect(matches(['*schuld'], 'een huurschuld')).toEqual([['*schuld', 'huurschuld']]);
    expect(matches(['boete~'], 'twee boetes en een boetetje')).toEqual([
      ['boete~', 'boetes'],
      ['boete~', 'boetetje'],
    ]);
  });

  it('prefers the longest phrase and drops phrases inside it', () => {
    expect(matches(['bijstand', 'bijzondere bijstand'], 'bijzondere bijstand')).toEqual([
      ['bijzondere bijstand', 'bijzondere bijstand'],
    ]);
  });

  it('lets partly overlapping phrases both count', () => {
    expect(matches(['mijn taal', 'taal niet goed'], 'mijn taal niet goed')).toEqual([
      ['mijn taal', 'mijn taal'],
      ['taal niet goed', 'taal niet goed'],
    ]);
  });
});
