import type { FieldError } from '../common/problems/problem.error';
import type { LocalDate } from '../deadlines/local-date';
import { combineDateParts, datePartsOf } from './date-parts';
import { field, FormFields } from './form-body';

/**
 * The objection form: what the citizen typed (kept as typed, to show it again), how it maps onto the API's
 * FileObjectionDto, and the page's view model with each error beside its field and in the summary at the top.
 */

export interface FilingFormValues {
  idempotencyKey: string;
  /** Hint codes the diagnosis suggested: listed first. */
  suggested: string[];
  decision: { reference: string; day: string; month: string; year: string; description: string };
  objector: {
    name: string;
    street: string;
    houseNumber: string;
    postalCode: string;
    city: string;
    email: string;
    phone: string;
  };
  representative: { name: string; organisation: string; email: string };
  hints: string[];
  groundsText: string;
  wantsHearing: string;
  contactPreference: string;
  signed: boolean;
}

export interface ArgumentHintView {
  code: string;
  title: string;
  explanation: string;
}

const CODE_LIST = /^[a-z0-9_,-]{0,2000}$/i;

export function newFilingForm(args: {
  idempotencyKey: string;
  decisionDate?: string;
  suggested?: string;
}): FilingFormValues {
  const date = datePartsOf(args.decisionDate);
  return {
    idempotencyKey: args.idempotencyKey,
    suggested: codeList(args.suggested),
    decision: { reference: '', description: '', ...date },
    objector: { name: '', street: '', houseNumber: '', postalCode: '', city: '', email: '', phone: '' },
    representative: { name: '', organisation: '', email: '' },
    hints: [],
    groundsText: '',
    wantsHearing: '',
    contactPreference: '',
    signed: false,
  };
}

export function readFilingForm(fields: FormFields): FilingFormValues {
  const f = (name: string) => field(fields, name);
  return {
    idempotencyKey: f('idempotencyKey'),
    suggested: codeList(f('suggested')),
    decision: {
      reference: f('decision.reference'),
      day: f('decision.date.day'),
      month: f('decision.date.month'),
      year: f('decision.date.year'),
      description: f('decision.description'),
    },
    objector: {
      name: f('objector.name'),
      street: f('objector.address.street'),
      houseNumber: f('objector.address.houseNumber'),
      postalCode: f('objector.address.postalCode'),
      city: f('objector.address.city'),
      email: f('objector.email'),
      phone: f('objector.phone'),
    },
    representative: {
      name: f('representative.name'),
      organisation: f('representative.organisation'),
      email: f('representative.email'),
    },
    hints: fields.get('grounds.hints') ?? [],
    groundsText: f('grounds.text'),
    wantsHearing: f('wantsHearing'),
    contactPreference: f('contactPreference'),
    signed: f('signed') === 'yes',
  };
}

function codeList(value: string | undefined): string[] {
  if (!value || !CODE_LIST.test(value)) return [];
  return [...new Set(value.split(',').filter(Boolean))];
}

/**
 * The API body for these values, and the errors only the form can see (the date as three inputs). Empty inputs
 * are left out, so that optional fields stay optional; an address counts once any part of it is filled in.
 */
export function filingInput(
  regulation: string,
  values: FilingFormValues,
  today: LocalDate,
): { input: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const date = combineDateParts(values.decision);
  if ('empty' in date) errors.push({ field: 'decision.date', message: 'Vul de datum van de brief in.' });
  else if ('error' in date) errors.push({ field: 'decision.date', message: date.error });
  else if (date.date > today) {
    errors.push({
      field: 'decision.date',
      message: 'Deze datum ligt in de toekomst. Vul de datum in die op de brief staat.',
    });
  }
  const o = values.objector;
  const r = values.representative;
  const address = [o.street, o.houseNumber, o.postalCode, o.city].some((v) => v.trim())
    ? {
        street: o.street.trim(),
        houseNumber: o.houseNumber.trim(),
        postalCode: o.postalCode.trim(),
        city: o.city.trim(),
      }
    : undefined;
  const representative = [r.name, r.organisation, r.email].some((v) => v.trim())
    ? { name: r.name.trim(), organisation: optional(r.organisation), email: optional(r.email) }
    : undefined;
  const input = {
    regulation,
    decision: {
      reference: optional(values.decision.reference),
      date: 'date' in date ? date.date : '',
      description: optional(values.decision.description),
    },
    objector: { name: o.name.trim(), email: optional(o.email), phone: optional(o.phone), address },
    representative,
    grounds: { hints: values.hints, text: optional(values.groundsText) },
    wantsHearing: values.wantsHearing === 'yes' ? true : values.wantsHearing === 'no' ? false : undefined,
    contactPreference: optional(values.contactPreference),
    signed: values.signed,
  };
  return { input: withoutUndefined(input), errors };
}

function optional(value: string): string | undefined {
  return value.trim() || undefined;
}

function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, withoutUndefined(v)]),
    ) as T;
  }
  return value;
}

/** Where an error belongs in the form: `grounds.hints[2]` → `grounds.hints`, `objector` → its address. */
export function errorKey(path: string): string {
  const key = path.replace(/\[\d+\].*$/, '');
  const aliases: Record<string, string> = {
    objector: 'objector.address',
    grounds: 'grounds.text',
    decision: 'decision.date',
    representative: 'representative.name',
  };
  return aliases[key] ?? key;
}

/** The order of the fields on the page, for the error summary. */
const FIELD_ORDER = [
  'decision.reference',
  'decision.date',
  'decision.description',
  'objector.name',
  'objector.address',
  'objector.address.street',
  'objector.address.houseNumber',
  'objector.address.postalCode',
  'objector.address.city',
  'objector.email',
  'objector.phone',
  'representative.name',
  'representative.organisation',
  'representative.email',
  'grounds.hints',
  'grounds.text',
  'attachments',
  'wantsHearing',
  'contactPreference',
  'signed',
];

const TEXT_FIELDS = new Set(
  FIELD_ORDER.filter((f) => !['decision.date', 'objector.address', 'grounds.hints'].includes(f)),
);

export const CONTACT_OPTIONS = [
  { value: 'phone', label: 'Telefoon' },
  { value: 'email', label: 'E-mail' },
  { value: 'letter', label: 'Brief' },
  { value: 'portal', label: 'Via deze website' },
];

export interface FilingFormState {
  values: FilingFormValues;
  hints: ArgumentHintView[];
  errors: FieldError[];
  /** The citizen had chosen files: they must choose them again. */
  filesChosen: boolean;
}

export function filingFormView(state: FilingFormState) {
  const { values } = state;
  const messages = new Map<string, string>();
  for (const error of state.errors) {
    const key = errorKey(error.field);
    if (!messages.has(key)) messages.set(key, error.message);
  }
  const text = (name: string, value: string) => {
    const error = messages.get(name);
    return { id: idOf(name), name, value, error };
  };

  const suggested = new Set(values.suggested);
  const ordered = [
    ...state.hints.filter((h) => suggested.has(h.code)),
    ...state.hints.filter((h) => !suggested.has(h.code)),
  ];
  const chosen = new Set(values.hints);
  const hintViews = ordered.map((hint, index) => ({
    id: `grounds-hint-${index + 1}`,
    code: hint.code,
    title: hint.title,
    explanation: hint.explanation,
    checked: chosen.has(hint.code),
    suggested: suggested.has(hint.code),
  }));
  const firstHintId = hintViews[0]?.id ?? 'grounds-text';

  const target = (key: string): string => {
    switch (key) {
      case 'decision.date':
        return 'decision-date-day';
      case 'objector.address':
        return 'objector-address-street';
      case 'grounds.hints':
        return firstHintId;
      case 'wantsHearing':
        return 'wantsHearing-yes';
      case 'contactPreference':
        return `contactPreference-${CONTACT_OPTIONS[0].value}`;
      default:
        return TEXT_FIELDS.has(key) ? idOf(key) : 'bezwaarformulier';
    }
  };
  const order = (key: string) => {
    const index = FIELD_ORDER.indexOf(key);
    return index < 0 ? FIELD_ORDER.length : index;
  };
  const errorList = [...messages.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([key, message]) => ({ href: `#${target(key)}`, message }));

  const r = values.representative;
  return {
    idempotencyKey: values.idempotencyKey,
    suggested: values.suggested.join(','),
    errors: errorList,
    fields: {
      decisionReference: text('decision.reference', values.decision.reference),
      decisionDescription: text('decision.description', values.decision.description),
      name: text('objector.name', values.objector.name),
      street: text('objector.address.street', values.objector.street),
      houseNumber: text('objector.address.houseNumber', values.objector.houseNumber),
      postalCode: text('objector.address.postalCode', values.objector.postalCode),
      city: text('objector.address.city', values.objector.city),
      email: text('objector.email', values.objector.email),
      phone: text('objector.phone', values.objector.phone),
      representativeName: text('representative.name', r.name),
      representativeOrganisation: text('representative.organisation', r.organisation),
      representativeEmail: text('representative.email', r.email),
      groundsText: text('grounds.text', values.groundsText),
    },
    decisionDate: {
      id: 'decision-date',
      name: 'decision.date',
      day: values.decision.day,
      month: values.decision.month,
      year: values.decision.year,
      error: messages.get('decision.date'),
    },
    addressError: messages.get('objector.address'),
    representativeOpen:
      [r.name, r.organisation, r.email].some((v) => v.trim()) ||
      [...messages.keys()].some((k) => k.startsWith('representative.')),
    hints: {
      suggested: hintViews.filter((h) => h.suggested),
      other: hintViews.filter((h) => !h.suggested),
      error: messages.get('grounds.hints'),
    },
    attachments: { error: messages.get('attachments'), filesChosen: state.filesChosen },
    wantsHearing: {
      error: messages.get('wantsHearing'),
      options: [
        { id: 'wantsHearing-yes', value: 'yes', label: 'Ja, ik wil het graag uitleggen' },
        { id: 'wantsHearing-no', value: 'no', label: 'Nee, dat hoeft niet' },
      ].map((o) => ({ ...o, checked: values.wantsHearing === o.value })),
    },
    contactPreference: {
      error: messages.get('contactPreference'),
      options: CONTACT_OPTIONS.map((o) => ({
        ...o,
        id: `contactPreference-${o.value}`,
        checked: values.contactPreference === o.value,
      })),
    },
    signed: { checked: values.signed, error: messages.get('signed') },
  };
}

/** `objector.address.postalCode` → `objector-address-postalCode` */
export function idOf(name: string): string {
  return name.replace(/\./g, '-');
}
