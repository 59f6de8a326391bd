import { join } from 'node:path';
import { parse } from 'yaml';
import { loadTenantConfigs } from '../tenancy/tenant-config.loader';
import { regulationProblems } from '../tenancy/tenant-config.schema';
import {
  formErrors,
  newRegulationForm,
  readRegulationForm,
  regulationForm,
  regulationFormView,
  regulationInput,
} from './regulation-form';
import { toYaml } from './regulation-yaml';

const [tenant] = loadTenantConfigs(join(__dirname, '..', '..', 'tenants'));
const demo = tenant.regulations[0];
const PARTNERS = tenant.referralPartners.map((p) => ({ code: p.code, name: p.name }));

describe('the regulation form', () => {
  it('shows a saved regulation as inputs and YAML, and reads it back unchanged', () => {
    const form = regulationForm(demo, 4);
    expect(form).toMatchObject({ code: demo.code, name: demo.name, expectedVersion: 4, note: '' });
    // A JSON Logic rule stays on one line, as in tenant.yaml.
    expect(form.diagnosis).toMatch(/^\s+- when: \{ "?==/m);
    const posted = readRegulationForm({
      code: 'genegeerd',
      naam: ` ${form.name} `,
      wet: form.law,
      omschrijving: form.description,
      termijnmodel: form.termModel,
      beroep: form.appealRoute,
      adviescommissie: form.advisoryCommittee ? 'ja' : undefined,
      partners: form.referralPartners,
      argumenten: form.argumentHints.replace(/\n/g, '\r\n'),
      keuzehulp: form.diagnosis,
      toelichting: 'Niets veranderd',
      versie: '4',
    });
    expect(posted).toMatchObject({ name: demo.name, note: 'Niets veranderd', expectedVersion: 4 });
    const input = regulationInput(posted);
    if (!input.ok) throw new Error('expected readable YAML');
    const { code: _code, ...rest } = demo;
    expect(input.input).toEqual(rest);
  });

  it('reads a missing or odd body as an empty form (one partner is a list of one)', () => {
    expect(readRegulationForm(undefined)).toMatchObject({
      name: '',
      advisoryCommittee: false,
      referralPartners: [],
      expectedVersion: undefined,
    });
    expect(readRegulationForm({ partners: 'loket', versie: '3a', naam: ['Eerste', 'Tweede'] })).toMatchObject(
      {
        referralPartners: ['loket'],
        expectedVersion: undefined,
        name: 'Eerste',
      },
    );
  });

  it('says where YAML cannot be read, per textarea', () => {
    const form = { ...regulationForm(demo, 1), argumentHints: '- code: a\n  title: [niet gesloten\n' };
    expect(regulationInput(form)).toEqual({
      ok: false,
      errors: [
        {
          part: 'argumentHints',
          message: expect.stringMatching(/^De YAML is niet te lezen op regel \d: /),
          summary: expect.stringMatching(/^Argumenten: De YAML is niet te lezen op regel \d: /),
        },
      ],
    });
  });

  it('puts the service’s field errors on their input, with the line inside the YAML', () => {
    const form = regulationForm(demo, 1);
    const input = regulationInput(form);
    if (!input.ok) throw new Error('expected readable YAML');
    const goto = demo.diagnosis.questions[1].next[0].goto;
    const errors = formErrors(
      [
        { field: 'name', message: 'Vul dit in.' },
        {
          field: 'diagnosis.questions.1.next.0.goto',
          message: 'Er is geen vraag of uitkomst met de id "x".',
        },
        { field: 'diagnosis.questions.1.onbekend', message: 'Iets.' },
        { field: '', message: 'Onbekend veld "naam".' },
      ],
      input.lines,
    );
    const lines = form.diagnosis.split('\n');
    const second = lines.findIndex((l) => l.includes(`id: ${demo.diagnosis.questions[1].id}`));
    const line = lines.findIndex((l, i) => i > second && l.includes('goto:')) + 1;
    expect(lines[line - 1]).toContain(`goto: ${goto}`);
    expect(errors).toEqual([
      { part: 'name', message: 'Vul dit in.', summary: 'Naam: Vul dit in.' },
      {
        part: 'diagnosis',
        message: `Regel ${line} (questions.1.next.0.goto): Er is geen vraag of uitkomst met de id "x".`,
        summary: `Keuzehulp: Regel ${line} (questions.1.next.0.goto): Er is geen vraag of uitkomst met de id "x".`,
      },
      // A path that is not there: the line of the nearest part that is.
      {
        part: 'diagnosis',
        message: expect.stringMatching(/^Regel \d+ \(questions\.1\.onbekend\): Iets\.$/),
        summary: expect.stringMatching(/^Keuzehulp: Regel \d+/),
      },
      { message: 'Onbekend veld "naam".', summary: 'Onbekend veld "naam".' },
    ]);

    const view = regulationFormView(form, errors, PARTNERS);
    expect(view.errors.map((e) => e.href)).toEqual(['#naam', '#keuzehulp', '#keuzehulp', undefined]);
    expect(view.name.error).toBe('Vul dit in.');
    expect(view.diagnosis.error).toMatch(/ En nog 1 punt: zie de lijst bovenaan\.$/);
    expect(view.law.error).toBeUndefined();
  });

  it('offers the municipality’s partners, and keeps one the regulation names that no longer exists', () => {
    const form = { ...regulationForm(demo, 1), referralPartners: [PARTNERS[1].code, 'opgeheven'] };
    const view = regulationFormView(form, [], PARTNERS);
    expect(view.referralPartners.options.map((o) => [o.id, o.label, o.checked])).toEqual([
      ...PARTNERS.map((p, i) => [i === 0 ? 'partners' : `partners-${p.code}`, p.name, i === 1]),
      ['partners-opgeheven', 'opgeheven (bestaat niet meer)', true],
    ]);
    expect(view.termModel.options.find((o) => o.checked)?.value).toBe(demo.termModel);
  });

  it('starts a new regulation from an example that passes every check once it has a code and a name', () => {
    const form = {
      ...newRegulationForm(),
      code: 'nieuw_voorbeeld',
      name: 'Voorbeeld',
      law: 'Wet',
      description: 'Iets',
    };
    expect(form.expectedVersion).toBe(0);
    const input = regulationInput(form);
    if (!input.ok) throw new Error('expected readable YAML');
    expect(regulationProblems({ ...input.input, code: form.code }, [])).toEqual([]);
  });
});

describe('toYaml', () => {
  it('writes what parses back to the same value, without folding long lines', () => {
    const text = toYaml(demo.diagnosis);
    expect(parse(text)).toEqual(demo.diagnosis);
    expect(text).not.toMatch(/: >-?\n/);
  });
});
