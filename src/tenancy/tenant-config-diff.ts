import { isDeepStrictEqual } from 'node:util';
import type { CurrentConfiguration, ExportedConfig } from './tenant-config-export';
import type { ReferralPartnerConfig, RegulationConfig, TenantConfig } from './tenant-config.schema';

/** One changed field, said in words: `"14 0123" → "14 0124"`, or what was added and removed in a list. */
export interface FieldChange {
  field: string;
  label: string;
  change: string;
}

export interface ItemRef {
  code: string;
  name: string;
}

export interface ItemChange extends ItemRef {
  changes: FieldChange[];
}

/** What importing a tenant.yaml would change, part by part. */
export interface ConfigDiff {
  profile: FieldChange[];
  regulations: {
    added: ItemRef[];
    changed: ItemChange[];
    /** In the database and in use, but not in the file: taken out of use (their cases keep their version). */
    retired: ItemRef[];
    /** Out of use, and in the file again: taken back into use, with what differs from their last version. */
    reactivated: ItemChange[];
  };
  referralPartners: {
    added: ItemRef[];
    changed: ItemChange[];
    /** Not in use, and in the file again. */
    reactivated: ItemChange[];
  };
  /** Nothing would change. */
  unchanged: boolean;
}

/**
 * The difference between the configuration as it is and a validated tenant.yaml. Partners are never removed by
 * an import (cases and letters name them); regulations missing from the file are retired.
 */
export function diffTenantConfig(current: CurrentConfiguration, incoming: TenantConfig): ConfigDiff {
  const regulations = keyed(current.config.regulations);
  const retired = keyed(current.retiredRegulations);
  const partners = keyed(current.config.referralPartners);
  const inactive = keyed(current.inactivePartners);
  const diff: ConfigDiff = {
    profile: profileChanges(current.config, incoming),
    regulations: { added: [], changed: [], retired: [], reactivated: [] },
    referralPartners: { added: [], changed: [], reactivated: [] },
    unchanged: false,
  };
  for (const regulation of incoming.regulations) {
    const before = regulations.get(regulation.code) ?? retired.get(regulation.code);
    if (!before) {
      diff.regulations.added.push(ref(regulation));
      continue;
    }
    const changes = regulationChanges(before, regulation);
    if (retired.has(regulation.code)) diff.regulations.reactivated.push({ ...ref(regulation), changes });
    else if (changes.length) diff.regulations.changed.push({ ...ref(regulation), changes });
  }
  const named = new Set(incoming.regulations.map((r) => r.code));
  diff.regulations.retired = current.config.regulations.filter((r) => !named.has(r.code)).map(ref);
  for (const partner of incoming.referralPartners) {
    const before = partners.get(partner.code) ?? inactive.get(partner.code);
    if (!before) {
      diff.referralPartners.added.push(ref(partner));
      continue;
    }
    const changes = partnerChanges(before, partner);
    if (inactive.has(partner.code)) diff.referralPartners.reactivated.push({ ...ref(partner), changes });
    else if (changes.length) diff.referralPartners.changed.push({ ...ref(partner), changes });
  }
  diff.unchanged =
    !diff.profile.length &&
    [...Object.values(diff.regulations), ...Object.values(diff.referralPartners)].every(
      (list) => !list.length,
    );
  return diff;
}

const ref = ({ code, name }: ItemRef): ItemRef => ({ code, name });

function keyed<T extends { code: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.code, item]));
}

/** Equal as JSON: key order and keys set to undefined do not count (the database reorders keys). */
function same(a: unknown, b: unknown): boolean {
  const plain = (value: unknown): unknown =>
    value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  return isDeepStrictEqual(plain(a), plain(b));
}

const MAX_SHOWN = 80;

/** A value as the preview shows it: short, quoted when text, "(leeg)" when absent. */
export function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(leeg)';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return `"${short.replace(/\s+/g, ' ')}"`;
}

function scalar(field: string, label: string, before: unknown, after: unknown): FieldChange[] {
  return same(before, after) ? [] : [{ field, label, change: `${shown(before)} → ${shown(after)}` }];
}

/** Added, changed and removed entries of a list keyed by `key`; "volgorde gewijzigd" when only the order moved. */
function keyedList<T>(
  field: string,
  label: string,
  before: readonly T[] = [],
  after: readonly T[] = [],
  key: (item: T) => string,
): FieldChange[] {
  const old = new Map(before.map((item) => [key(item), item]));
  const fresh = new Map(after.map((item) => [key(item), item]));
  const added = [...fresh.keys()].filter((k) => !old.has(k));
  const removed = [...old.keys()].filter((k) => !fresh.has(k));
  const changed = [...fresh.keys()].filter((k) => old.has(k) && !same(old.get(k), fresh.get(k)));
  const parts = [
    added.length ? `toegevoegd: ${added.join(', ')}` : '',
    changed.length ? `gewijzigd: ${changed.join(', ')}` : '',
    removed.length ? `verwijderd: ${removed.join(', ')}` : '',
  ].filter(Boolean);
  if (!parts.length && !same(before.map(key), after.map(key))) parts.push('volgorde gewijzigd');
  return parts.length ? [{ field, label, change: parts.join('; ') }] : [];
}

const REGULATION_FIELDS: [keyof RegulationConfig, string][] = [
  ['name', 'Naam'],
  ['law', 'Wet'],
  ['description', 'Omschrijving'],
  ['termModel', 'Termijnmodel'],
  ['advisoryCommittee', 'Adviescommissie'],
  ['appealRoute', 'Beroepsroute'],
];

export function regulationChanges(before: RegulationConfig, after: RegulationConfig): FieldChange[] {
  const tree = (r: RegulationConfig) => r.diagnosis;
  return [
    ...REGULATION_FIELDS.flatMap(([field, label]) => scalar(field, label, before[field], after[field])),
    ...keyedList('argumentHints', 'Argumenten', before.argumentHints, after.argumentHints, (h) => h.code),
    ...keyedList(
      'referralPartners',
      'Doorverwijspartners',
      before.referralPartners,
      after.referralPartners,
      (c) => c,
    ),
    ...scalar('diagnosis.start', 'Keuzehulp: eerste vraag', tree(before)?.start, tree(after)?.start),
    ...keyedList(
      'diagnosis.questions',
      'Keuzehulp: vragen',
      tree(before)?.questions,
      tree(after)?.questions,
      (q) => q.id,
    ),
    ...keyedList(
      'diagnosis.outcomes',
      'Keuzehulp: uitkomsten',
      tree(before)?.outcomes,
      tree(after)?.outcomes,
      (o) => o.id,
    ),
  ];
}

const PARTNER_FIELDS: [keyof ReferralPartnerConfig, string][] = [
  ['name', 'Naam'],
  ['kind', 'Soort'],
  ['description', 'Omschrijving'],
  ['phone', 'Telefoon'],
  ['email', 'E-mailadres'],
  ['website', 'Website'],
];

export function partnerChanges(before: ReferralPartnerConfig, after: ReferralPartnerConfig): FieldChange[] {
  return PARTNER_FIELDS.flatMap(([field, label]) => scalar(field, label, before[field], after[field]));
}

/** The profile's fields, flattened to the leaves the preview names (`contact.postalAddress.city`). */
const PROFILE_LABELS: Record<string, string> = {
  name: 'Naam',
  inhabitants: 'Aantal inwoners',
  governingBody: 'Bestuursorgaan',
  court: 'Rechtbank',
  contact: 'Contact',
  branding: 'Huisstijl',
  settings: 'Werkafspraken',
  'court.name': 'Rechtbank: naam',
  'court.address': 'Rechtbank: adres',
  'contact.phone': 'Telefoon',
  'contact.email': 'E-mailadres',
  'contact.website': 'Website',
  'contact.postalAddress': 'Postadres',
  'contact.visitingAddress': 'Bezoekadres',
  'branding.primaryColor': 'Huisstijlkleur',
  'settings.atRiskWorkingDays': 'Bijna te laat: werkdagen vooraf',
  'settings.firstContactWorkingDays': 'Eerste contact binnen (werkdagen)',
  'settings.costs': 'Kostenvergoeding (artikel 7:15 Awb)',
};
const ADDRESS_PARTS: Record<string, string> = {
  street: 'straat',
  houseNumber: 'huisnummer',
  postalCode: 'postcode',
  city: 'plaats',
  pointValueCents: 'waarde van een punt (centen)',
  objectionPoints: 'punten bezwaarschrift',
  hearingPoints: 'punten hoorzitting',
};

function profileChanges(before: ExportedConfig, after: ExportedConfig): FieldChange[] {
  const changes: FieldChange[] = [];
  const walk = (path: string[], a: unknown, b: unknown) => {
    const isGroup = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isGroup(a) || isGroup(b)) {
      const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
      for (const key of keys) {
        walk([...path, key], (a as Record<string, unknown>)?.[key], (b as Record<string, unknown>)?.[key]);
      }
      return;
    }
    const field = path.join('.');
    const parent = path.slice(0, -1).join('.');
    const label =
      PROFILE_LABELS[field] ??
      (PROFILE_LABELS[parent]
        ? `${PROFILE_LABELS[parent]}: ${ADDRESS_PARTS[path.at(-1)!] ?? path.at(-1)}`
        : field);
    changes.push(...scalar(field, label, a, b));
  };
  // Not `inhabitants`: the platform operator sets it (the licence depends on it); see importNotes.
  for (const key of ['name', 'governingBody', 'court', 'contact', 'branding', 'settings'] as const) {
    walk([key], before[key], after[key]);
  }
  const phrase = (term: { phrase: string }) => `"${term.phrase}"`;
  changes.push(
    ...keyedList(
      'signals.sentiment',
      'Signaalwoorden: emotie',
      before.signals?.sentiment,
      after.signals?.sentiment,
      phrase,
    ),
    ...keyedList(
      'signals.lifeDomains',
      'Signaalwoorden: leefgebieden',
      before.signals?.lifeDomains,
      after.signals?.lifeDomains,
      phrase,
    ),
  );
  return changes;
}
