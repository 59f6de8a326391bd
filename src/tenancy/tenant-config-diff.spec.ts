import { join } from 'node:path';
import { diffTenantConfig, shown } from './tenant-config-diff';
import type { CurrentConfiguration } from './tenant-config-export';
import { loadTenantConfigs } from './tenant-config.loader';
import type { TenantConfig } from './tenant-config.schema';

const [, seed] = loadTenantConfigs(join(__dirname, '..', '..', 'tenants'));

const copy = <T>(value: T): T => structuredClone(value);
const current = (
  config: TenantConfig = seed,
  extra: Partial<CurrentConfiguration> = {},
): CurrentConfiguration => ({
  config: copy(config),
  retiredRegulations: [],
  inactivePartners: [],
  versions: {},
  ...extra,
});

describe('diffTenantConfig', () => {
  it('finds nothing when the file is the configuration, whatever the key order', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const diff = diffTenantConfig(current(), reversed(seed) as TenantConfig);
    expect(diff.unchanged).toBe(true);
    expect(diff.profile).toEqual([]);
  });

  it('names each changed profile field with its old and new value', () => {
    const incoming = copy(seed);
    incoming.contact.phone = '14 0124';
    incoming.contact.postalAddress.city = 'Rivierdorp';
    incoming.settings.firstContactWorkingDays = 2;
    incoming.settings.costs.pointValueCents = 65_000;
    incoming.inhabitants = 156_000;
    const diff = diffTenantConfig(current(), incoming);
    expect(diff.unchanged).toBe(false);
    // Inhabitants are the platform operator's (see importNotes).
    expect(diff.profile).toEqual([
      { field: 'contact.phone', label: 'Telefoon', change: '"14 0123" → "14 0124"' },
      {
        field: 'contact.postalAddress.city',
        label: 'Postadres: plaats',
        change: '"Rivierstad" → "Rivierdorp"',
      },
      {
        field: 'settings.firstContactWorkingDays',
        label: 'Eerste contact binnen (werkdagen)',
        change: '5 → 2',
      },
      {
        field: 'settings.costs.pointValueCents',
        label: 'Kostenvergoeding (artikel 7:15 Awb): waarde van een punt (centen)',
        change: '64700 → 65000',
      },
    ]);
  });

  it('says which signal phrases were added and removed', () => {
    const incoming = copy(seed);
    incoming.signals!.sentiment = [
      ...incoming.signals!.sentiment.slice(1),
      { phrase: 'ben er klaar mee', label: 'angry' },
    ];
    const diff = diffTenantConfig(current(), incoming);
    expect(diff.profile).toEqual([
      {
        field: 'signals.sentiment',
        label: 'Signaalwoorden: emotie',
        change: 'toegevoegd: "ben er klaar mee"; verwijderd: "op mijn tandvlees"',
      },
    ]);
  });

  it('summarises a changed regulation per field: hints, partners and the diagnosis by id', () => {
    const incoming = copy(seed);
    const pw = incoming.regulations[0];
    pw.advisoryCommittee = !pw.advisoryCommittee;
    pw.argumentHints[0].explanation = 'Een nieuwe uitleg.';
    pw.argumentHints.pop();
    pw.referralPartners = pw.referralPartners.slice(1);
    pw.diagnosis.questions[0].text = 'Heeft u een besluit gekregen?';
    const diff = diffTenantConfig(current(), incoming);
    const before = seed.regulations[0];
    expect(diff.regulations.changed).toEqual([
      {
        code: 'participatiewet',
        name: before.name,
        changes: [
          {
            field: 'advisoryCommittee',
            label: 'Adviescommissie',
            change: `${shown(before.advisoryCommittee)} → ${shown(!before.advisoryCommittee)}`,
          },
          {
            field: 'argumentHints',
            label: 'Argumenten',
            change: `gewijzigd: ${before.argumentHints[0].code}; verwijderd: ${before.argumentHints.at(-1)!.code}`,
          },
          {
            field: 'referralPartners',
            label: 'Doorverwijspartners',
            change: `verwijderd: ${before.referralPartners[0]}`,
          },
          { field: 'diagnosis.questions', label: 'Keuzehulp: vragen', change: 'gewijzigd: hasDecision' },
        ],
      },
    ]);
    expect(diff.regulations.added).toEqual([]);
    expect(diff.regulations.retired).toEqual([]);
  });

  it('says when only the order of a list moved', () => {
    const incoming = copy(seed);
    incoming.regulations[0].argumentHints.reverse();
    expect(diffTenantConfig(current(), incoming).regulations.changed[0].changes).toEqual([
      { field: 'argumentHints', label: 'Argumenten', change: 'volgorde gewijzigd' },
    ]);
  });

  it('adds new regulations and retires those the file leaves out', () => {
    const incoming = copy(seed);
    const [first, ...rest] = incoming.regulations;
    incoming.regulations = [...rest, { ...first, code: 'participatiewet_2027', name: 'Bijstand 2027' }];
    const diff = diffTenantConfig(current(), incoming);
    expect(diff.regulations.added).toEqual([{ code: 'participatiewet_2027', name: 'Bijstand 2027' }]);
    expect(diff.regulations.retired).toEqual([{ code: first.code, name: first.name }]);
    expect(diff.regulations.changed).toEqual([]);
  });

  it('takes a retired regulation back into use, with what differs from its last version', () => {
    const [first, ...rest] = copy(seed).regulations;
    const now = current({ ...copy(seed), regulations: rest }, { retiredRegulations: [first] });
    const incoming = copy(seed);
    incoming.regulations[0].law = 'Participatiewet (gewijzigd)';
    const diff = diffTenantConfig(now, incoming);
    expect(diff.regulations.reactivated).toEqual([
      {
        code: first.code,
        name: first.name,
        changes: [{ field: 'law', label: 'Wet', change: `"${first.law}" → "Participatiewet (gewijzigd)"` }],
      },
    ]);
    expect(diff.regulations.added).toEqual([]);
    expect(diffTenantConfig(now, copy(seed)).regulations.reactivated[0].changes).toEqual([]);
  });

  it('adds and changes partners, never removes one, and takes an unused one back', () => {
    const incoming = copy(seed);
    const [first, second] = incoming.referralPartners;
    first.phone = '0800 1234';
    const unused = { code: 'voedselbank', name: 'Voedselbank', kind: 'other' as const, description: 'Eten.' };
    incoming.referralPartners = [
      first,
      { ...unused },
      { code: 'nieuw', name: 'Nieuw', kind: 'other', description: 'x' },
    ];
    const diff = diffTenantConfig(current(seed, { inactivePartners: [unused] }), incoming);
    expect(diff.referralPartners.added).toEqual([{ code: 'nieuw', name: 'Nieuw' }]);
    expect(diff.referralPartners.changed).toEqual([
      {
        code: first.code,
        name: first.name,
        changes: [
          {
            field: 'phone',
            label: 'Telefoon',
            change: `${shown(seed.referralPartners[0].phone)} → "0800 1234"`,
          },
        ],
      },
    ]);
    expect(diff.referralPartners.reactivated).toEqual([
      { code: 'voedselbank', name: 'Voedselbank', changes: [] },
    ]);
    expect(JSON.stringify(diff)).not.toContain(second.code);
  });
});

describe('shown', () => {
  it('writes values short and plain', () => {
    expect(shown(undefined)).toBe('(leeg)');
    expect(shown('')).toBe('(leeg)');
    expect(shown(true)).toBe('ja');
    expect(shown(3)).toBe('3');
    expect(shown('a\n  b')).toBe('"a b"');
    expect(shown('x'.repeat(100))).toBe(`"${'x'.repeat(79)}…"`);
  });
});
