import type { FieldError } from '../common/problems/problem.error';
import type { ChoicesView, FieldView } from '../staff-pages/form-fields';
import type { RegulationConfig } from '../tenancy/tenant-config.schema';
import { readYaml, toYaml } from './regulation-yaml';

/**
 * The regulation form of the admin pages: simple fields as inputs, the argument hints and the diagnosis tree as
 * YAML (the tenant.yaml shape), and the service's field errors back on the input they belong to.
 */

/** Each part of a regulation: its input on the form (name and id) and its label in messages. */
const INPUTS = {
  code: { input: 'code', label: 'Code' },
  name: { input: 'naam', label: 'Naam' },
  law: { input: 'wet', label: 'Wet' },
  description: { input: 'omschrijving', label: 'Omschrijving' },
  termModel: { input: 'termijnmodel', label: 'Termijnen' },
  appealRoute: { input: 'beroep', label: 'Hoger beroep' },
  advisoryCommittee: { input: 'adviescommissie', label: 'Adviescommissie' },
  referralPartners: { input: 'partners', label: 'Doorverwijspartners' },
  argumentHints: { input: 'argumenten', label: 'Argumenten' },
  diagnosis: { input: 'keuzehulp', label: 'Keuzehulp' },
  note: { input: 'toelichting', label: 'Toelichting' },
} as const;
type Part = keyof typeof INPUTS;
const YAML_PARTS = ['argumentHints', 'diagnosis'] as const;
type YamlPart = (typeof YAML_PARTS)[number];

export interface RegulationForm {
  code: string;
  name: string;
  law: string;
  description: string;
  termModel: string;
  appealRoute: string;
  advisoryCommittee: boolean;
  referralPartners: string[];
  /** YAML */
  argumentHints: string;
  /** YAML */
  diagnosis: string;
  note: string;
  /** The version the form was opened on (hidden input); 0 for a new regulation. */
  expectedVersion: number | undefined;
}

/** A problem on the form: on an input (or on none), with the line in the error summary. */
export interface FormError {
  part?: Part;
  message: string;
  summary: string;
}

export const TERM_MODELS = [
  { value: 'awb', label: 'Awb', hint: 'Beslissen binnen 6 weken, of 12 weken met een adviescommissie.' },
  {
    value: 'awr',
    label: 'AWR',
    hint: 'Gemeentelijke belastingen en WOZ: beslissen binnen het jaar van het bezwaar.',
  },
];

export const APPEAL_ROUTES = [
  { value: 'general', label: 'Raad van State', hint: 'De meeste besluiten van de gemeente.' },
  { value: 'social', label: 'Centrale Raad van Beroep', hint: 'Sociaal domein: bijstand, Wmo, jeugdhulp.' },
  { value: 'tax', label: 'Gerechtshof', hint: 'Belastingen en WOZ.' },
];

export function readRegulationForm(body: unknown): RegulationForm {
  const source =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const text = (part: Part): string => {
    const raw = source[INPUTS[part].input];
    const value: unknown = Array.isArray(raw) ? raw[0] : raw;
    return typeof value === 'string' ? value : '';
  };
  const partners = source[INPUTS.referralPartners.input];
  const version = source.versie;
  return {
    code: text('code').trim(),
    name: text('name').trim(),
    law: text('law').trim(),
    description: text('description').trim(),
    termModel: text('termModel'),
    appealRoute: text('appealRoute'),
    advisoryCommittee: text('advisoryCommittee') === 'ja',
    referralPartners: (Array.isArray(partners) ? partners : [partners]).filter(
      (p): p is string => typeof p === 'string' && p !== '',
    ),
    argumentHints: text('argumentHints'),
    diagnosis: text('diagnosis'),
    note: text('note').trim(),
    expectedVersion: typeof version === 'string' && /^\d{1,7}$/.test(version) ? Number(version) : undefined,
  };
}

/** The form of a saved regulation (or of one of its versions). */
export function regulationForm(config: RegulationConfig, expectedVersion: number): RegulationForm {
  return {
    code: config.code,
    name: config.name,
    law: config.law,
    description: config.description,
    termModel: config.termModel,
    appealRoute: config.appealRoute,
    advisoryCommittee: config.advisoryCommittee,
    referralPartners: [...config.referralPartners],
    argumentHints: toYaml(config.argumentHints),
    diagnosis: toYaml(config.diagnosis),
    note: '',
    expectedVersion,
  };
}

/** A new regulation starts from a small working example, to be changed into the real thing. */
export function newRegulationForm(): RegulationForm {
  return {
    ...regulationForm(STARTER, 0),
    code: '',
    name: '',
    law: '',
    description: '',
  };
}

/**
 * The regulation the form describes, for the service; or the YAML that could not be read. `lines` finds the
 * line of a path inside each YAML part, for the messages.
 */
export function regulationInput(
  form: RegulationForm,
):
  | { ok: true; input: Record<string, unknown>; lines: Partial<Record<YamlPart, LineOf>> }
  | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const values: Partial<Record<YamlPart, unknown>> = {};
  const lines: Partial<Record<YamlPart, LineOf>> = {};
  for (const part of YAML_PARTS) {
    const yaml = readYaml(form[part]);
    if (yaml.ok) {
      values[part] = yaml.value ?? undefined;
      lines[part] = yaml.lineOf;
    } else {
      const message = `De YAML is niet te lezen${yaml.line ? ` op regel ${yaml.line}` : ''}: ${yaml.message}`;
      errors.push({ part, message, summary: `${INPUTS[part].label}: ${message}` });
    }
  }
  if (errors.length) return { ok: false, errors };
  const { name, law, description, termModel, appealRoute, advisoryCommittee, referralPartners } = form;
  return {
    ok: true,
    input: { name, law, description, termModel, appealRoute, advisoryCommittee, referralPartners, ...values },
    lines,
  };
}

type LineOf = (path: readonly (string | number)[]) => number | undefined;

/** The service's field errors (`diagnosis.questions.2.next.1.goto`) on the form's inputs, with a line for YAML. */
export function formErrors(errors: FieldError[], lines: Partial<Record<YamlPart, LineOf>> = {}): FormError[] {
  return errors.map(({ field, message }) => {
    const [head, ...rest] = field.split('.');
    if (!(head in INPUTS)) return { message, summary: message };
    const part = head as Part;
    const inside = rest.map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    const lineOf = (YAML_PARTS as readonly string[]).includes(part) ? lines[part as YamlPart] : undefined;
    const line = lineOf?.(inside);
    const where = line ? `Regel ${line}${inside.length ? ` (${inside.join('.')})` : ''}: ` : '';
    return { part, message: `${where}${message}`, summary: `${INPUTS[part].label}: ${where}${message}` };
  });
}

/** The form as the template shows it: inputs with values and errors, choices, and the error summary. */
export function regulationFormView(
  form: RegulationForm,
  errors: FormError[],
  partners: readonly { code: string; name: string }[],
) {
  const errorOf = (part: Part): string | undefined => {
    const mine = errors.filter((e) => e.part === part);
    if (!mine.length) return undefined;
    return mine.length === 1
      ? mine[0].message
      : `${mine[0].message} En nog ${mine.length - 1} ${mine.length === 2 ? 'punt' : 'punten'}: zie de lijst bovenaan.`;
  };
  const field = (part: Exclude<Part, 'advisoryCommittee' | 'referralPartners'>): FieldView => ({
    id: INPUTS[part].input,
    name: INPUTS[part].input,
    value: form[part],
    error: errorOf(part),
  });
  const choices = (
    part: Part,
    options: readonly { value: string; label: string; hint?: string }[],
    checked: (value: string) => boolean,
  ): ChoicesView => ({
    id: INPUTS[part].input,
    name: INPUTS[part].input,
    error: errorOf(part),
    options: options.map((option, index) => ({
      ...option,
      id: index === 0 ? INPUTS[part].input : `${INPUTS[part].input}-${option.value}`,
      checked: checked(option.value),
    })),
  });
  const known = new Set(partners.map((p) => p.code));
  const partnerOptions = [
    ...partners.map((p) => ({ value: p.code, label: p.name })),
    // Still named by the regulation but no longer in use: shown, so that unticking it is a visible choice.
    ...form.referralPartners
      .filter((code) => !known.has(code))
      .map((code) => ({ value: code, label: `${code} (bestaat niet meer)` })),
  ];
  return {
    errors: errors.map((e) => ({
      href: e.part ? `#${INPUTS[e.part].input}` : undefined,
      message: e.summary,
    })),
    code: field('code'),
    name: field('name'),
    law: field('law'),
    description: field('description'),
    termModel: choices('termModel', TERM_MODELS, (v) => v === form.termModel),
    appealRoute: choices('appealRoute', APPEAL_ROUTES, (v) => v === form.appealRoute),
    advisoryCommittee: choices(
      'advisoryCommittee',
      [{ value: 'ja', label: 'Een onafhankelijke adviescommissie adviseert over de bezwaren' }],
      () => form.advisoryCommittee,
    ),
    referralPartners: choices('referralPartners', partnerOptions, (v) => form.referralPartners.includes(v)),
    argumentHints: field('argumentHints'),
    diagnosis: field('diagnosis'),
    note: field('note'),
    expectedVersion: String(form.expectedVersion ?? ''),
  };
}

const yesNo = [
  { value: 'yes', label: 'Ja' },
  { value: 'no', label: 'Nee' },
];

/** The example a new regulation starts from: it passes validation, and shows each part of a tree once. */
const STARTER: RegulationConfig = {
  code: 'nieuwe_regeling',
  name: 'Nieuwe regeling',
  law: 'Wet',
  description: 'Omschrijving',
  termModel: 'awb',
  advisoryCommittee: false,
  appealRoute: 'general',
  referralPartners: [],
  argumentHints: [
    {
      code: 'feiten_onjuist',
      title: 'De feiten in het besluit kloppen niet',
      explanation: 'Leg uit wat er niet klopt en stuur bewijs mee.',
      fitsWhen: 'In het besluit staat iets over u dat niet waar is.',
    },
  ],
  diagnosis: {
    start: 'hasDecision',
    questions: [
      {
        id: 'hasDecision',
        text: 'Heeft u een brief van de gemeente gekregen met een besluit?',
        type: 'choice',
        options: yesNo,
        next: [
          { when: { '==': [{ var: 'answers.hasDecision' }, 'yes'] }, goto: 'decisionDate' },
          { goto: 'noDecision' },
        ],
      },
      {
        id: 'decisionDate',
        text: 'Op welke datum is de brief verstuurd?',
        help: 'Die datum staat meestal bovenaan de brief.',
        type: 'date',
        next: [{ when: { var: 'facts.late' }, goto: 'late' }, { goto: 'object' }],
      },
    ],
    outcomes: [
      {
        id: 'object',
        kind: 'object',
        title: 'U kunt bezwaar maken',
        text: 'Dat kan tot en met {{objectionTermEnds}}. U heeft nog {{daysLeft}}.',
        hints: ['feiten_onjuist'],
        referrals: [],
      },
      {
        id: 'late',
        kind: 'object_late',
        title: 'De termijn is voorbij',
        text: 'De laatste dag was {{objectionTermEnds}}. Leg in uw bezwaar uit waarom u te laat bent.',
        hints: [],
        referrals: [],
      },
      {
        id: 'noDecision',
        kind: 'not_a_decision',
        title: 'Neem eerst contact op',
        text: 'Zonder besluit kunt u geen bezwaar maken. Bel de gemeente: wij helpen u verder.',
        hints: [],
        referrals: [],
      },
    ],
  },
};
