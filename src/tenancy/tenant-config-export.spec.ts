import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadTenantConfig, loadTenantConfigs } from './tenant-config.loader';
import type { TenantConfig } from './tenant-config.schema';
import { currentConfiguration, StoredConfiguration, tenantConfigYaml } from './tenant-config-export';
import type { TenantProfile } from './tenant.entity';

const TENANTS = join(__dirname, '..', '..', 'tenants');

/** A tenant as the seed stores it: the profile without the visiting address, definitions as jsonb (keys sorted). */
function storedFrom(config: TenantConfig): StoredConfiguration {
  const jsonb = <T>(value: T): T => JSON.parse(JSON.stringify(sortKeys(value))) as T;
  const profile: TenantProfile = {
    inhabitants: config.inhabitants,
    governingBody: config.governingBody,
    court: config.court,
    contact: {
      phone: config.contact.phone,
      email: config.contact.email,
      website: config.contact.website,
      postalAddress: config.contact.postalAddress,
    },
    branding: config.branding,
    settings: config.settings,
    ...(config.signals ? { signals: config.signals } : {}),
  };
  return {
    slug: config.slug,
    name: config.name,
    profile: jsonb(profile),
    regulations: config.regulations.map(({ code, name, ...definition }) => ({
      code,
      name,
      definition: jsonb(definition),
      active: true,
      version: 1,
    })),
    referralPartners: config.referralPartners.map(({ code, name, ...definition }) => ({
      code,
      name,
      definition: jsonb(definition),
      active: true,
    })),
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort((a, b) => a.length - b.length || a.localeCompare(b))
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

describe('tenant configuration export', () => {
  const [heuveldorp, rivierstad] = loadTenantConfigs(TENANTS);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bezwaar-export-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const reload = (yaml: string, slug: string) => {
    mkdirSync(join(dir, slug));
    writeFileSync(join(dir, slug, 'tenant.yaml'), yaml);
    return loadTenantConfig(join(dir, slug, 'tenant.yaml'), slug);
  };

  it.each([
    ['heuveldorp', heuveldorp],
    ['rivierstad', rivierstad],
  ])(
    'writes %s as a tenant.yaml that the loader accepts, equal to the seed but for what is not exported',
    (slug, seed) => {
      const current = currentConfiguration(storedFrom(seed));
      const yaml = tenantConfigYaml(current, new Date('2026-12-01T10:00:00Z'));
      const loaded = reload(yaml, slug);
      const { demoStaff: _demo, ...rest } = seed;
      expect(loaded.demoStaff).toEqual([]);
      expect({ ...loaded, demoStaff: undefined }).toEqual({
        ...rest,
        demoStaff: undefined,
        contact: { ...rest.contact, visitingAddress: undefined },
      });
      expect(JSON.parse(JSON.stringify(loaded.contact))).not.toHaveProperty('visitingAddress');
    },
  );

  it('puts the keys in the order of tenant.yaml, with a header that says what is left out', () => {
    const yaml = tenantConfigYaml(
      currentConfiguration(storedFrom(rivierstad)),
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(
      yaml.startsWith('# Configuratie van Gemeente Rivierstad, uit het Bezwaarplatform op 2026-12-01'),
    ).toBe(true);
    expect(yaml).toContain('# Niet in dit bestand: demo-medewerkers');
    expect(Object.keys(parse(yaml) as object)).toEqual([
      'slug',
      'name',
      'inhabitants',
      'governingBody',
      'court',
      'contact',
      'branding',
      'settings',
      'referralPartners',
      'signals',
      'regulations',
    ]);
    // A question reads text first, its branches last; a JSON Logic rule stays on one line.
    expect(yaml).toMatch(/- id: hasDecision\n\s+text: Heeft u een brief/);
    expect(yaml).toMatch(/- when: \{ ==: \[ \{ var: answers\.hasDecision \}, yes \] \}/);
  });

  it('leaves retired regulations and unused partners out of the file, but keeps them apart', () => {
    const stored = storedFrom(rivierstad);
    stored.regulations[1].active = false;
    const unused = {
      code: 'oude_partner',
      name: 'Een partner van vroeger',
      definition: { kind: 'other' as const, description: 'Niet meer in gebruik.' },
      active: false,
    };
    stored.referralPartners.push(unused);
    const current = currentConfiguration(stored);
    expect(current.config.regulations.map((r) => r.code)).not.toContain(stored.regulations[1].code);
    expect(current.retiredRegulations.map((r) => r.code)).toEqual([stored.regulations[1].code]);
    expect(current.inactivePartners.map((p) => p.code)).toEqual([unused.code]);
    expect(current.config.referralPartners.map((p) => p.code)).not.toContain(unused.code);
    expect(tenantConfigYaml(current, new Date())).toContain(
      `# Buiten gebruik (niet in dit bestand): ${stored.regulations[1].code}.`,
    );
  });

  it('still exports a partner no longer in use while a regulation in use names it', () => {
    const stored = storedFrom(rivierstad);
    const named = stored.regulations[0].definition.referralPartners[0];
    stored.referralPartners.find((p) => p.code === named)!.active = false;
    const current = currentConfiguration(stored);
    expect(current.config.referralPartners.map((p) => p.code)).toContain(named);
    expect(current.inactivePartners.map((p) => p.code)).toEqual([named]);
    expect(() => reload(tenantConfigYaml(current, new Date()), 'rivierstad')).not.toThrow();
  });

  it('leaves out the uploaded logo (its hash is no file) and keeps a visiting address when the profile has one', () => {
    const stored = storedFrom(heuveldorp);
    stored.profile.branding.logo = 'a'.repeat(64);
    (stored.profile.contact as Record<string, unknown>).visitingAddress = heuveldorp.contact.visitingAddress;
    const { config } = currentConfiguration(stored);
    expect(config.branding).toEqual({ primaryColor: heuveldorp.branding.primaryColor });
    expect(config.contact.visitingAddress).toEqual(heuveldorp.contact.visitingAddress);
  });
});
