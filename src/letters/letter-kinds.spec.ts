import { LETTER_KIND_NAMES, LETTER_KINDS, LETTER_VALUE_EXPLANATIONS, REQUIRED_PARTS } from './letter-kinds';
import { letterValues } from './letter-samples';

describe('letter kinds', () => {
  it.each(LETTER_KINDS)('%s has a Dutch name, and its required parts are values it has', (kind) => {
    expect(LETTER_KIND_NAMES[kind]).toMatch(/^[A-Z]/);
    expect(Object.keys(letterValues(kind))).toEqual(expect.arrayContaining([...REQUIRED_PARTS[kind]]));
  });

  it.each(LETTER_KINDS)('explains every value a %s letter has to the admin who edits it', (kind) => {
    const unexplained = Object.keys(letterValues(kind)).filter((name) => !LETTER_VALUE_EXPLANATIONS[name]);
    expect(unexplained).toEqual([]);
  });
});
