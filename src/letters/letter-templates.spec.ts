import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { AppConfig } from '../config/app-config';
import { LetterKind, REQUIRED_PARTS } from './letter-kinds';
import { LetterTemplateError, LetterTemplates } from './letter-templates';
import { parseLetterBody } from './letter-model';
import { letterValues } from './letter-samples';
import { LettersService } from './letters.service';

describe('LetterTemplates', () => {
  const root = mkdtempSync(join(tmpdir(), 'bezwaar-templates-'));
  const templates = join(root, 'templates');
  const tenants = join(root, 'tenants');
  mkdirSync(join(templates, 'letters'), { recursive: true });
  mkdirSync(join(tenants, 'heuveldorp', 'templates', 'letters'), { recursive: true });
  writeFileSync(join(templates, 'letters', 'receipt.hbs'), 'Geachte {{name}},\n\nKenmerk:: {{reference}}\n');
  writeFileSync(join(tenants, 'heuveldorp', 'templates', 'letters', 'receipt.hbs'), 'Beste {{name}},\n');
  const letters = new LetterTemplates(templates, tenants);

  it('uses the default template, or the municipality’s own', () => {
    expect(letters.render('rivierstad', 'receipt', { name: 'Bo', reference: 'R-1' })).toBe(
      'Geachte Bo,\n\nKenmerk:: R-1\n',
    );
    expect(letters.render('heuveldorp', 'receipt', { name: 'Bo', reference: 'R-1' })).toBe('Beste Bo,\n');
  });

  it('keeps text typed by a citizen from turning into letter structure', () => {
    const body = letters.render('rivierstad', 'receipt', {
      name: 'Bo\n\n## Besluit:: gegrond',
      reference: 'R-1',
    });
    expect(parseLetterBody(body).filter((b) => b.kind === 'heading')).toEqual([]);
    expect(parseLetterBody(body)[0]).toEqual({ kind: 'paragraph', text: 'Geachte Bo ## Besluit: gegrond,' });
  });

  it('fails loudly when a template uses a value it was not given', () => {
    expect(() => letters.render('rivierstad', 'receipt', { name: 'Bo' })).toThrow(/reference/);
  });
});

describe('LetterTemplates validation at start-up', () => {
  /** A templates root and a tenants root with the given files (paths relative to the root). */
  function roots(files: Record<string, string>): { templates: string; tenants: string } {
    const root = mkdtempSync(join(tmpdir(), 'bezwaar-letter-check-'));
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), source);
    }
    return { templates: join(root, 'templates'), tenants: join(root, 'tenants') };
  }
  const complete = (kind: LetterKind) =>
    REQUIRED_PARTS[kind]
      .map((part) =>
        Array.isArray(letterValues(kind)[part])
          ? `{{#each ${part}}}\n${part}:: {{this}}\n{{/each}}`
          : `${part}:: {{${part}}}`,
      )
      .join('\n');
  const check = (files: Record<string, string>) => {
    const { templates, tenants } = roots(files);
    return new LetterTemplates(templates, tenants);
  };

  it('accepts the templates the platform ships, defaults and the demo municipalities’ own', () => {
    const repo = join(__dirname, '..', '..');
    expect(new LetterTemplates(join(repo, 'templates'), join(repo, 'tenants')).problems()).toEqual([]);
  });

  it('accepts complete templates', () => {
    const letters = check({
      'templates/letters/decision.hbs': complete('decision'),
      'templates/letters/receipt.hbs': complete('receipt'),
      'tenants/heuveldorp/templates/letters/decision.hbs': `Beste {{addresseeName}},\n\n${complete('decision')}`,
    });
    expect(letters.problems()).toEqual([]);
    expect(() => letters.assertValid()).not.toThrow();
  });

  it('refuses a municipality’s template that leaves out a required part, naming the file and the part', () => {
    const letters = check({
      'templates/letters/decision.hbs': complete('decision'),
      'tenants/heuveldorp/templates/letters/decision.hbs': complete('decision').replace(
        'appealTermEnds:: {{appealTermEnds}}',
        'Beroep:: binnen zes weken',
      ),
    });
    expect(() => letters.assertValid()).toThrow(LetterTemplateError);
    expect(() => letters.assertValid()).toThrow(
      /heuveldorp\/templates\/letters\/decision\.hbs: Het verplichte onderdeel \{\{appealTermEnds\}\} ontbreekt/,
    );
  });

  it('refuses a default template that leaves out a required part or does not compile', () => {
    const letters = check({
      'templates/letters/receipt.hbs': 'Kenmerk:: {{reference}}',
      'templates/letters/decision.hbs': `{{#if outcomeText}}${complete('decision')}`,
    });
    expect(letters.problems()).toEqual([
      {
        file: 'letters/receipt.hbs',
        problem: expect.stringMatching(/^Het verplichte onderdeel \{\{objectionTermEnds\}\} ontbreekt/),
      },
      {
        file: 'letters/receipt.hbs',
        problem: expect.stringMatching(/^Het verplichte onderdeel \{\{decisionTermEnds\}\} ontbreekt/),
      },
      {
        file: 'letters/decision.hbs',
        problem: expect.stringMatching(/^Regel 10: de brief houdt op terwijl er nog iets open staat/),
      },
    ]);
  });

  it('keeps templates sandboxed: no partials, no helpers but the built-in ones, no unknown letter kinds', () => {
    Handlebars.registerHelper('shout', (value: string) => value.toUpperCase());
    Handlebars.registerPartial('footer', 'Groet');
    const letters = check({
      'templates/letters/receipt.hbs': `${complete('receipt')}\n{{> footer}}`,
      'tenants/heuveldorp/templates/letters/decision.hbs': `${complete('decision')}\n{{shout reference}}`,
      'tenants/heuveldorp/templates/letters/besluit.hbs': 'Kenmerk:: {{reference}}',
    });
    const problems = letters.problems();
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'letters/receipt.hbs', problem: expect.stringContaining('{{> …}} (een deelsjabloon)') },
        {
          file: 'heuveldorp/templates/letters/decision.hbs',
          problem: expect.stringContaining('{{shout …}} is geen toegestane functie'),
        },
        {
          file: 'heuveldorp/templates/letters/besluit.hbs',
          problem: expect.stringContaining('no letter kind "besluit"'),
        },
      ]),
    );
    expect(problems).toHaveLength(3);
    // Rendering never reaches what is registered outside the letters' own environment either.
    const rendering = check({ 'templates/letters/receipt.hbs': 'Kenmerk:: {{shout reference}}' });
    expect(() => rendering.render('rivierstad', 'receipt', { reference: 'R-1' })).toThrow(/shout/);
    Handlebars.unregisterHelper('shout');
    Handlebars.unregisterPartial('footer');
  });

  it('stops the letters service from starting with a bad template', () => {
    const { templates, tenants } = roots({
      'templates/letters/decision.hbs': complete('decision'),
      'tenants/rivierstad/templates/letters/decision.hbs': 'Geachte {{addresseeName}},',
    });
    const service = new LettersService({ templatesDir: templates, tenantsDir: tenants } as AppConfig);
    expect(() => service.onModuleInit()).toThrow(
      /rivierstad\/templates\/letters\/decision\.hbs: Het verplichte onderdeel \{\{reference\}\} ontbreekt/,
    );
  });
});
