import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LETTER_KINDS, missingParts, referencedNames } from './letter-kinds';

describe('letter kinds', () => {
  it.each(LETTER_KINDS)('the default template of %s has every required part', (kind) => {
    const source = readFileSync(join(__dirname, '..', '..', 'templates', 'letters', `${kind}.hbs`), 'utf8');
    expect(missingParts(kind, source)).toEqual([]);
  });

  it('names what a template leaves out', () => {
    expect(missingParts('extension', 'Nieuwe datum:: {{newDecisionTermEnds}} {{reference}}')).toEqual([
      'previousDecisionTermEnds',
      'reason',
    ]);
  });

  it('finds values inside blocks', () => {
    expect([...referencedNames('{{#if a}}{{b}}{{else}}{{#each c}}{{this}}{{d.e}}{{/each}}{{/if}}')]).toEqual(
      expect.arrayContaining(['a', 'b', 'c', 'd']),
    );
  });
});
