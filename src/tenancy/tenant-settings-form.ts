import type { FieldError } from '../common/problems/problem.error';
import type { TenantSettings } from './tenant-settings.schema';

/** How a form value becomes a settings value: text as typed, whole numbers, halves, or euros to cents. */
type FieldKind = 'text' | 'integer' | 'decimal' | 'euros';

interface FieldSpec {
  /** The setting's path, also the input's name: `contact.postalAddress.postalCode`. */
  path: string;
  label: string;
  hint?: string;
  kind?: FieldKind;
  type?: 'tel' | 'email' | 'url';
  inputmode?: 'numeric' | 'decimal';
  width?: string;
}

interface SectionSpec {
  legend: string;
  hint?: string;
  /** A group that may be left empty as a whole (the visiting address). */
  optional?: string;
  fields: FieldSpec[];
}

const address = (prefix: string, city: string): FieldSpec[] => [
  { path: `${prefix}.street`, label: 'Straat' },
  { path: `${prefix}.houseNumber`, label: 'Huisnummer', width: '5' },
  { path: `${prefix}.postalCode`, label: 'Postcode', hint: 'Zoals 1234 AB.', width: '10' },
  { path: `${prefix}.city`, label: city },
];

/** The settings form, section by section, in the order the page shows it. */
export const SETTINGS_FORM: SectionSpec[] = [
  {
    legend: 'Gemeente',
    fields: [
      {
        path: 'name',
        label: 'Naam',
        hint: 'Zoals inwoners de gemeente kennen, bijvoorbeeld Gemeente Rivierstad. Staat op het portaal, op de medewerkerspagina’s en bovenaan elke brief.',
      },
      {
        path: 'governingBody',
        label: 'Bestuursorgaan',
        hint: 'Wie beslist en de brieven ondertekent, bijvoorbeeld het college van burgemeester en wethouders van Rivierstad.',
      },
    ],
  },
  {
    legend: 'Huisstijl',
    fields: [
      {
        path: 'branding.primaryColor',
        label: 'Kleur',
        hint: 'Als # met zes tekens, zoals #0B4F71. De naam van de gemeente staat in deze kleur bovenaan elke brief; het portaal gebruikt haar voor de kop en de knoppen. Zij moet op wit een contrast van minstens 4,5:1 halen.',
        width: '10',
      },
    ],
  },
  {
    legend: 'Contact',
    hint: 'Staat op het portaal en in elke brief.',
    fields: [
      { path: 'contact.phone', label: 'Telefoonnummer', type: 'tel', width: '20' },
      { path: 'contact.email', label: 'E-mailadres', type: 'email' },
      { path: 'contact.website', label: 'Website', hint: 'Begint met https://.', type: 'url' },
    ],
  },
  { legend: 'Postadres', hint: 'Staat in elke brief.', fields: address('contact.postalAddress', 'Plaats') },
  {
    legend: 'Bezoekadres',
    hint: 'Niet verplicht. Laat alles leeg als er geen bezoekadres is.',
    optional: 'contact.visitingAddress',
    fields: address('contact.visitingAddress', 'Plaats'),
  },
  {
    legend: 'Rechtbank',
    hint: 'Waar inwoners in beroep gaan. Staat in elke beslissing op bezwaar.',
    fields: [
      { path: 'court.name', label: 'Naam', hint: 'Bijvoorbeeld Rechtbank Gelderland.' },
      ...address('court.address', 'Plaats'),
    ],
  },
  {
    legend: 'Werkafspraken',
    fields: [
      {
        path: 'settings.atRiskWorkingDays',
        label: 'Bijna te laat: aantal werkdagen',
        hint: 'In de inbox is een bezwaar bijna te laat als de termijn binnen zoveel werkdagen afloopt. Van 1 tot en met 30.',
        kind: 'integer',
        inputmode: 'numeric',
        width: '4',
      },
      {
        path: 'settings.firstContactWorkingDays',
        label: 'Eerste contact binnen: aantal werkdagen',
        hint: 'Zo snel neemt een behandelaar na ontvangst contact op met de indiener. Staat in de ontvangstbevestiging. Van 1 tot en met 30.',
        kind: 'integer',
        inputmode: 'numeric',
        width: '4',
      },
    ],
  },
  {
    legend: 'Vergoeding van kosten (artikel 7:15 Awb)',
    hint: 'Het Besluit proceskosten bestuursrecht: punten maal de waarde van een punt. De waarde verandert elk jaar op 1 januari.',
    fields: [
      {
        path: 'settings.costs.pointValueCents',
        label: 'Waarde van een punt in bezwaar, in euro',
        hint: 'Bijvoorbeeld 647,00.',
        kind: 'euros',
        inputmode: 'decimal',
        width: '10',
      },
      {
        path: 'settings.costs.objectionPoints',
        label: 'Punten voor het bezwaarschrift',
        hint: 'Hele of halve punten, zoals 1 of 1,5.',
        kind: 'decimal',
        inputmode: 'decimal',
        width: '4',
      },
      {
        path: 'settings.costs.hearingPoints',
        label: 'Punten voor de hoorzitting',
        hint: 'Hele of halve punten, zoals 1 of 1,5.',
        kind: 'decimal',
        inputmode: 'decimal',
        width: '4',
      },
    ],
  },
];

const FIELDS = SETTINGS_FORM.flatMap((section) => section.fields);

/** The input's id: the path with hyphens (`contact-postalAddress-postalCode`). */
export function fieldId(path: string): string {
  return path.replace(/\./g, '-');
}

/** The posted form as the settings schema takes it; a number that does not read as one is left as text. */
export function readSettingsForm(body: unknown): Record<string, unknown> {
  const posted = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const value = (path: string): string => {
    const raw = posted[path];
    const first = Array.isArray(raw) ? raw[0] : raw;
    return typeof first === 'string' ? first.trim() : '';
  };
  const settings: Record<string, unknown> = {};
  for (const section of SETTINGS_FORM) {
    if (section.optional && section.fields.every((f) => !value(f.path))) continue;
    for (const spec of section.fields)
      setPath(settings, spec.path, fromForm(value(spec.path), spec.kind ?? 'text'));
  }
  return settings;
}

/** One input as the page shows it. */
export interface SettingsFieldView {
  id: string;
  name: string;
  value: string;
  error?: string;
  label: string;
  hint?: string;
  type?: string;
  inputmode?: string;
  width?: string;
}

/**
 * The form's sections with their inputs: the stored settings, or what the admin typed when the form came back,
 * each with its own problem; and the error summary, in the order of the page, each linking to its input.
 */
export function settingsFormView(
  values: TenantSettings | Record<string, unknown>,
  problems: FieldError[] = [],
  typed?: Record<string, unknown>,
): {
  sections: { legend: string; hint?: string; fields: SettingsFieldView[] }[];
  errors: { href: string; message: string }[];
} {
  const errorOf = new Map<string, string>();
  for (const problem of problems) {
    // A problem of a whole group (say, the visiting address) is shown at its first input.
    const path = FIELDS.find((f) => f.path === problem.field || f.path.startsWith(`${problem.field}.`))?.path;
    if (path && !errorOf.has(path)) errorOf.set(path, problem.message);
  }
  const sections = SETTINGS_FORM.map((section) => ({
    legend: section.legend,
    hint: section.hint,
    fields: section.fields.map((spec) => ({
      id: fieldId(spec.path),
      name: spec.path,
      value: typed ? typedValue(typed, spec.path) : toForm(getPath(values, spec.path), spec.kind ?? 'text'),
      error: errorOf.get(spec.path),
      label: spec.label,
      hint: spec.hint,
      type: spec.type,
      inputmode: spec.inputmode,
      width: spec.width,
    })),
  }));
  const errors = FIELDS.filter((f) => errorOf.has(f.path)).map((f) => ({
    href: `#${fieldId(f.path)}`,
    message: errorOf.get(f.path)!,
  }));
  const unplaced = problems.filter(
    (p) => !FIELDS.some((f) => f.path === p.field || f.path.startsWith(`${p.field}.`)),
  );
  return { sections, errors: [...errors, ...unplaced.map((p) => ({ href: '#inhoud', message: p.message }))] };
}

function fromForm(text: string, kind: FieldKind): unknown {
  if (kind === 'text') return text;
  if (kind === 'integer') return /^\d{1,9}$/.test(text) ? Number(text) : text;
  const plain = text.replace(/^€\s*/, '').replace(/\s/g, '');
  if (kind === 'decimal')
    return /^\d{1,4}([.,]\d{1,2})?$/.test(plain) ? Number(plain.replace(',', '.')) : text;
  // Euros: 647 | 647,00 | 647.00 | 1.294,00 → cents.
  const simple = /^\d{1,7}([.,]\d{1,2})?$/.test(plain);
  const grouped = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(plain);
  if (!simple && !grouped) return text;
  const amount = grouped ? plain.replace(/\./g, '').replace(',', '.') : plain.replace(',', '.');
  return Math.round(Number(amount) * 100);
}

function toForm(value: unknown, kind: FieldKind): string {
  if (value === undefined || value === null) return '';
  if (kind === 'euros' && typeof value === 'number') {
    return (value / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  if (kind === 'decimal' && typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

/** What the admin typed, as typed (the form posts flat names). */
function typedValue(typed: Record<string, unknown>, path: string): string {
  const raw = typed[path];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === 'string' ? first : '';
}

function getPath(object: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
      object,
    );
}

function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = object;
  for (const key of keys.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}
