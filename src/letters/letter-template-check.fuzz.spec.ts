import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LETTER_KINDS, LetterKind } from './letter-kinds';
import { letterValues } from './letter-samples';
import { checkLetterTemplate, MAX_TEMPLATE_LENGTH } from './letter-template-check';
import { LetterTemplates } from './letter-templates';

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const templates = new LetterTemplates(TEMPLATES, '/nonexistent');
const platform = (kind: LetterKind) => readFileSync(join(TEMPLATES, 'letters', `${kind}.hbs`), 'utf8');

/** Every dotted name a letter of `kind` has (`reference`, `outcomeIs.founded`, …). */
function valueNames(kind: LetterKind): string[] {
  const names: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (!value || typeof value !== 'object' || value instanceof Date) return;
    for (const [key, inner] of Object.entries(value)) {
      names.push(prefix + key);
      if (!Array.isArray(inner)) walk(inner, `${prefix}${key}.`);
    }
  };
  walk(letterValues(kind), '');
  return names;
}

/** The pieces Handlebars is made of, the ones it forbids here, and names that are dangerous in JavaScript. */
// prettier-ignore
const SYNTAX = [
  '{{', '}}', '{{{', '}}}', '{{~', '~}}', '{{#if ', '{{#unless ', '{{#each ', '{{#with ', '{{/if}}', '{{/unless}}',
  '{{/each}}', '{{/with}}', '{{else}}', '{{else if ', '{{^}}', '{{^', '{{> ', '{{#> ', '{{/', '{{!-- ', ' --}}',
  '{{! ', '{{*', '{{#*inline "x"}}', '{{/inline}}', 'lookup ', 'log ', '(', ')', ' ', '=', '"', "'", '.', '..',
  '../', './', 'this', 'this.', '@index', '@root.', '@first', '@last', '@key', '@foo', ' as |item i|', '|', '\\{{',
  '\n', '\r\n', '\t', '[', ']', '[0]', '.length', 'true', '1', '-1', '1e999', 'null', 'undefined', '__proto__',
  'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'helperMissing',
  'blockHelperMissing', '&', '<script>', '\u0000', '\u202e', '😀', 'ë',
];

/** Handlebars-like text for a kind: syntax, the kind's own names, and any other text, in any order. */
const soupFor = (kind: LetterKind) =>
  fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...SYNTAX) },
        { weight: 3, arbitrary: fc.constantFrom(...valueNames(kind)) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''));

/** The platform's valid template of a kind with a piece cut out, or soup put in somewhere. */
const mutatedPlatformTemplate = (kind: LetterKind) => {
  const source = platform(kind);
  return fc.oneof(
    fc
      .tuple(fc.nat(source.length), fc.nat(40))
      .map(([at, length]) => source.slice(0, at) + source.slice(at + length)),
    fc
      .tuple(fc.nat(source.length), soupFor(kind))
      .map(([at, soup]) => source.slice(0, at) + soup + source.slice(at)),
  );
};

const kindAndSource = fc
  .constantFrom(...LETTER_KINDS)
  .chain((kind) => fc.tuple(fc.constant(kind), fc.oneof(soupFor(kind), mutatedPlatformTemplate(kind))));

/**
 * The admin's template check (what a municipality's functioneel beheerder saves or previews) on any text: it
 * never throws, always answers with issues in Dutch, and a template it passes makes a letter without an error.
 */
describe('checkLetterTemplate on any text', () => {
  it('always returns a list of issues, each with a message and a real place', () => {
    fc.assert(
      fc.property(kindAndSource, ([kind, source]) => {
        const issues = checkLetterTemplate(kind, source);
        expect(Array.isArray(issues)).toBe(true);
        for (const issue of issues) {
          expect(typeof issue.message).toBe('string');
          expect(issue.message.trim().length).toBeGreaterThan(0);
          if (issue.line !== undefined) expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
          if (issue.column !== undefined)
            expect(Number.isInteger(issue.column) && issue.column >= 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('passes only templates that render the letter without an error', () => {
    let passed = 0;
    fc.assert(
      fc.property(kindAndSource, ([kind, source]) => {
        if (checkLetterTemplate(kind, source).length) return;
        passed++;
        expect(typeof templates.renderSource(source, letterValues(kind))).toBe('string');
      }),
      { numRuns: 300 },
    );
    // Some of the mutated templates stay valid: the property was not only vacuously true.
    expect(passed).toBeGreaterThan(0);
  });

  it('refuses text that is too long, however it is made', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LETTER_KINDS),
        fc.constantFrom('x', '{{', '\u0000', '😀'),
        (kind, unit) => {
          const source = unit.repeat(Math.ceil((MAX_TEMPLATE_LENGTH + 1) / unit.length));
          expect(checkLetterTemplate(kind, source)).toEqual([
            { message: expect.stringMatching(/^De brief is te lang/) },
          ]);
        },
      ),
      { numRuns: 20 },
    );
  });
});
