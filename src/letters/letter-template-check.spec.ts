import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LETTER_KINDS, LetterKind } from './letter-kinds';
import { letterValues, sampleLetter } from './letter-samples';
import { checkLetterTemplate, MAX_TEMPLATE_LENGTH } from './letter-template-check';
import { LetterTemplates } from './letter-templates';
import type { Tenant } from '../tenancy/tenant.entity';

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const platform = (kind: LetterKind) => readFileSync(join(TEMPLATES, 'letters', `${kind}.hbs`), 'utf8');
const receipt = platform('receipt');
const messages = (kind: LetterKind, source: string) =>
  checkLetterTemplate(kind, source).map((i) => i.message);
/** The platform's receipt with something added on its last line (line 43). */
const receiptWith = (extra: string) => messages('receipt', `${receipt}${extra}`);

describe('checkLetterTemplate', () => {
  it.each(LETTER_KINDS)('accepts the platform’s %s template', (kind) => {
    expect(checkLetterTemplate(kind, platform(kind))).toEqual([]);
  });

  it.each(LETTER_KINDS)('renders the platform’s %s template with its sample without an error', (kind) => {
    const tenant = { slug: 'rivierstad', name: 'Gemeente Rivierstad', profile: anyProfile() } as Tenant;
    const letter = sampleLetter(kind, tenant);
    const text = new LetterTemplates(TEMPLATES, '/nonexistent').render('rivierstad', kind, letter.context);
    expect(text).toContain(letter.reference);
  });

  it('names each required part that is missing, with what it is', () => {
    const issues = checkLetterTemplate('receipt', receipt.replaceAll('{{objectionTermEnds}}', 'zes weken'));
    expect(issues).toEqual([
      {
        message:
          'Het verplichte onderdeel {{objectionTermEnds}} ontbreekt: de laatste dag om bezwaar te maken (artikel 6:7 Awb). Dat moet altijd in de brief "Ontvangstbevestiging" staan.',
        missingPart: 'objectionTermEnds',
      },
    ]);
  });

  it('does not count a required part shown only under a condition', () => {
    const decision = platform('decision')
      .replace('Uw beroepschrift moet uiterlijk op {{appealTermEnds}} bij de rechtbank zijn.', '')
      .replace('Uiterlijk op:: {{appealTermEnds}}', '<termijn>');
    const conditional = decision.replace(
      '<termijn>',
      '{{#if representativeName}}Uiterlijk op:: {{appealTermEnds}}{{/if}}',
    );
    expect(messages('decision', conditional)).toEqual([
      expect.stringMatching(
        /^Het verplichte onderdeel \{\{appealTermEnds\}\} staat alleen onder een voorwaarde in de brief \(zoals binnen \{\{#if …\}\}\): de laatste dag om in beroep te gaan/,
      ),
    ]);
    // In both branches it is always there; guarded by itself it is there whenever there is something to show.
    const bothBranches = decision.replace(
      '<termijn>',
      '{{#if representativeName}}Uiterlijk op:: {{appealTermEnds}}{{else}}Uiterlijk:: {{appealTermEnds}}{{/if}}',
    );
    expect(messages('decision', bothBranches)).toEqual([]);
    const guarded = decision.replace(
      '<termijn>',
      '{{#if appealTermEnds}}Uiterlijk op:: {{appealTermEnds}}{{/if}}',
    );
    expect(messages('decision', guarded)).toEqual([]);
  });

  it('says where a template does not parse, and what to do', () => {
    expect(receiptWith('\n{{#if timely}}Op tijd.')).toEqual([
      'Regel 44: de brief houdt op terwijl er nog iets open staat. Sluit elk blok af, zoals {{#if …}} met {{/if}} en {{#each …}} met {{/each}}, en elke {{ met }}.',
    ]);
    expect(receiptWith('\n{{#if timely}}Op tijd.{{/each}}')).toEqual([
      'Regel 44, kolom 4: het blok {{#if …}} wordt afgesloten met {{/each}}. Sluit het af met {{/if}}.',
    ]);
    expect(receiptWith('\nBel {{ phone }')).toEqual([
      expect.stringMatching(/^Regel 44: hier klopt de opmaak niet\. Controleer of elke \{\{ een \}\} heeft/),
    ]);
  });

  it('refuses partials, decorators and inline partials: they reach outside the template', () => {
    expect(receiptWith('\n{{> footer}}')).toEqual([
      'Regel 44, kolom 1: {{> …}} (een deelsjabloon) kan niet in een brief. Zet de tekst zelf in de brief.',
    ]);
    expect(receiptWith('\n{{#> layout}}x{{/layout}}')).toEqual([
      expect.stringContaining('Regel 44, kolom 1: {{> …}} (een deelsjabloon)'),
    ]);
    expect(receiptWith('\n{{#*inline "groet"}}Dag{{/inline}}')).toEqual([
      expect.stringContaining('Regel 44, kolom 1: {{* …}} en {{#* …}} kunnen niet in een brief.'),
    ]);
  });

  it('refuses every helper but the allowed built-in ones, log included (letter text stays out of the logs)', () => {
    for (const call of ['{{shout reference}}', '{{log reference}}', '{{#shout reference}}x{{/shout}}']) {
      expect(receiptWith(`\n${call}`)).toEqual([
        expect.stringMatching(
          /^Regel 44, kolom 1: \{\{#?(shout|log)( …)?\}\} is geen toegesta(ne functie|an blok)\. /,
        ),
      ]);
    }
    expect(receiptWith('\n{{{{raw}}}}{{reference}}{{{{/raw}}}}')).toEqual([
      expect.stringContaining('{{#raw}} is geen toegestaan blok'),
    ]);
    expect(receiptWith('\n{{#if (shout reference)}}x{{/if}}')).toEqual([
      expect.stringContaining('(shout …) is geen toegestane functie'),
    ]);
  });

  it('refuses values the letter does not have, suggesting the nearest one', () => {
    expect(receiptWith('\n{{adressee}}')).toEqual([
      expect.stringMatching(
        /^Regel 44, kolom 3: \{\{adressee\}\} bestaat niet in de brief "Ontvangstbevestiging"\. Te gebruiken waarden: addresseeName, reference, /,
      ),
    ]);
    expect(receiptWith('\n{{refrence}}')).toEqual([expect.stringContaining('Bedoelt u {{reference}}?')]);
    expect(receiptWith('\n{{#each missing}}{{phone}}{{/each}}')).toEqual([
      'Regel 44, kolom 20: {{phone}} bestaat niet binnen {{#each missing}}: daar staat {{this}} voor het onderdeel zelf. Gebruik {{../phone}} voor de waarde van de brief.',
    ]);
  });

  it('refuses reaching into an object’s prototype, whichever way it is written', () => {
    for (const attempt of [
      '{{constructor}}',
      '{{__proto__}}',
      '{{reference.constructor}}',
      '{{@root.constructor}}',
    ]) {
      expect(receiptWith(`\n${attempt}`)).toEqual([expect.stringMatching(/^Regel 44, kolom \d+: /)]);
    }
    expect(receiptWith('\n{{#with (lookup this "constructor")}}{{name}}{{/with}}')).toEqual([
      'Regel 44, kolom 40: {{name}}: binnen dit blok is niet bekend welke waarden er zijn. Gebruik hier alleen {{this}}.',
    ]);
  });

  it('checks the shape of what is printed: lists through #each, groups by their parts', () => {
    expect(receiptWith('\n{{missing}}')).toEqual([
      'Regel 44, kolom 1: {{missing}} is een lijst. Zet elk onderdeel apart in de brief met {{#each missing}}{{this}}{{/each}}.',
    ]);
    expect(receiptWith('\n{{#each reference}}x{{/each}}')).toEqual([
      expect.stringContaining('{{#each reference}}: dat is geen lijst.'),
    ]);
    expect(messages('decision', `${platform('decision')}\n{{outcomeIs}} {{outcomeIs.gegrond}}`)).toEqual([
      expect.stringContaining('{{outcomeIs}} is geen tekst maar een groep waarden.'),
      expect.stringContaining(
        '{{outcomeIs.gegrond}}: outcomeIs heeft geen onderdeel "gegrond". Wel: outcomeIs.inadmissible',
      ),
    ]);
    expect(receiptWith('\n{{#each missing}}{{@index}}{{/each}}{{@index}}')).toEqual([
      expect.stringContaining('{{@index}} kan alleen binnen {{#each …}}.'),
    ]);
  });

  it('accepts the ordinary ways of writing a value', () => {
    const written = [
      '{{{reference}}}',
      '{{this.reference}} {{./reference}} {{@root.reference}}',
      '{{#each missing as |item i|}}{{i}}. {{item}} {{../reference}}{{/each}}',
      '{{#unless timely}}Te laat.{{else}}Op tijd.{{/unless}}',
      '{{#if missing.length}}Er ontbreekt iets.{{/if}}',
      '{{! een opmerking }}',
    ];
    for (const line of written) expect(receiptWith(`\n${line}`)).toEqual([]);
    expect(
      messages('decision', `${platform('decision')}\n{{#with outcomeIs}}{{#if founded}}x{{/if}}{{/with}}`),
    ).toEqual([]);
  });

  it('refuses an empty or an overly long template', () => {
    expect(messages('receipt', ' \n ')).toEqual(['De brief is leeg. Schrijf de tekst van de brief.']);
    expect(messages('receipt', `${receipt}${'x'.repeat(MAX_TEMPLATE_LENGTH)}`)).toEqual([
      expect.stringMatching(/^De brief is te lang: [\d.]+ tekens, hoogstens 50\.000\.$/),
    ]);
  });

  it('keeps what a template can reach harmless when rendered: no prototype, no code', () => {
    const templates = new LetterTemplates(TEMPLATES, '/nonexistent');
    const context = letterValues('receipt');
    const source = `${receipt}\n[{{lookup this "constructor"}}][{{lookup this "__proto__"}}][{{#with (lookup this "__proto__")}}x{{/with}}]`;
    expect(checkLetterTemplate('receipt', source)).toEqual([]);
    expect(templates.renderSource(source, context).trim().split('\n').pop()).toBe('[][][]');
    // A citizen's text that looks like a template stays text.
    const text = templates.renderSource('{{addresseeName}}', { addresseeName: '{{constructor}} {{> x}}' });
    expect(text).toBe('{{constructor}} {{> x}}');
  });
});

function anyProfile(): Tenant['profile'] {
  const address = { street: 'Markt', houseNumber: '1', postalCode: '4101 AA', city: 'Rivierstad' };
  return {
    inhabitants: 1,
    governingBody: 'het college van burgemeester en wethouders van Rivierstad',
    court: { name: 'Rechtbank Gelderland', address },
    contact: {
      phone: '14 0344',
      email: 'info@rivierstad.example',
      website: 'https://rivierstad.example',
      postalAddress: address,
    },
    branding: { primaryColor: '#0B4F71' },
    settings: { atRiskWorkingDays: 5, firstContactWorkingDays: 5 },
  };
}
