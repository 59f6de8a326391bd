import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CurrentConfiguration } from './tenant-config-export';
import { configPath, importNotes, previewHash, readTenantYaml } from './tenant-config-import';
import { loadTenantConfigs } from './tenant-config.loader';

const TENANTS = join(__dirname, '..', '..', 'tenants');
const seedText = readFileSync(join(TENANTS, 'rivierstad', 'tenant.yaml'), 'utf8');

describe('readTenantYaml', () => {
  it('accepts a tenant.yaml of this municipality', () => {
    const input = readTenantYaml(seedText, 'rivierstad');
    if (!input.ok) throw new Error(JSON.stringify(input.errors));
    expect(input.config.regulations.length).toBeGreaterThan(1);
  });

  it('notes what an import leaves alone: demo staff, a logo, the number of inhabitants', () => {
    const input = readTenantYaml(seedText, 'rivierstad');
    if (!input.ok) throw new Error('refused');
    const { demoStaff: _d, ...config } = input.config;
    const current: CurrentConfiguration = {
      config,
      retiredRegulations: [],
      inactivePartners: [],
      versions: {},
    };
    expect(importNotes(current, input.config)).toEqual([
      'demoStaff wordt niet ingelezen: medewerkers nodigt u uit bij Medewerkers.',
    ]);
    const changed = {
      ...input.config,
      demoStaff: [],
      inhabitants: 160_000,
      branding: { ...input.config.branding, logo: 'logo.png' },
    };
    expect(importNotes(current, changed)).toEqual([
      'branding.logo wordt niet ingelezen: het logo uploadt u bij Huisstijl.',
      'inhabitants wordt niet ingelezen (160000 in het bestand, nu 155000): het aantal inwoners past de platformbeheerder aan, omdat de licentie ervan afhangt.',
    ]);
  });

  it("refuses another municipality's file", () => {
    expect(readTenantYaml(seedText, 'heuveldorp')).toEqual({
      ok: false,
      errors: [
        {
          field: 'slug',
          message:
            'Dit bestand is van "rivierstad". U kunt hier alleen de configuratie van "heuveldorp" inlezen.',
        },
      ],
    });
  });

  it('says where a YAML syntax error is', () => {
    const input = readTenantYaml('slug: rivierstad\nname: [niet afgesloten\n', 'rivierstad');
    expect(input.ok).toBe(false);
    if (input.ok) return;
    expect(input.errors).toHaveLength(1);
    expect(input.errors[0].field).toBe('yaml');
    expect(input.errors[0].message).toMatch(/^Dit is geen geldige YAML \(regel \d\): /);
  });

  it('refuses an empty file and something that is no tenant.yaml', () => {
    expect(readTenantYaml('  \n', 'rivierstad')).toMatchObject({ ok: false, errors: [{ field: 'yaml' }] });
    expect(readTenantYaml('- a\n- b\n', 'rivierstad')).toMatchObject({
      ok: false,
      errors: [{ field: 'yaml', message: expect.stringContaining('geen tenant.yaml') }],
    });
  });

  it('names each problem by its path and line, in Dutch', () => {
    const broken = seedText
      .replace('inhabitants: 155000', 'inhabitants: veel')
      .replace('  primaryColor: ', '  kleur: x\n  primaryColor: ')
      .replace('    termModel: awb', '    termModel: nieuw');
    const input = readTenantYaml(broken, 'rivierstad');
    if (input.ok) throw new Error('accepted');
    const byField = Object.fromEntries(input.errors.map((e) => [e.field, e.message]));
    expect(byField.inhabitants).toMatch(/getal.*\(regel 6\)$/);
    expect(byField.branding).toMatch(/kleur.*\(regel \d+\)$/);
    expect(byField['regulations[0].termModel']).toMatch(/awb.*awr.*\(regel \d+\)$/);
    expect(input.errors.every((e) => !/expected|received/i.test(e.message))).toBe(true);
  });

  it('says a missing field is missing', () => {
    const input = readTenantYaml(seedText.replace(/^governingBody: .*\n/m, ''), 'rivierstad');
    if (input.ok) throw new Error('accepted');
    expect(input.errors).toEqual([
      { field: 'governingBody', message: expect.stringMatching(/^Dit ontbreekt: vul het in\./) },
    ]);
  });
});

describe('previewHash', () => {
  const [, rivierstad] = loadTenantConfigs(TENANTS);
  const { demoStaff: _d, ...config } = rivierstad;
  const current: CurrentConfiguration = {
    config,
    retiredRegulations: [],
    inactivePartners: [],
    versions: { participatiewet: 1 },
  };

  it('is the same for the same configuration and file, whatever the key order', () => {
    const reordered = { ...current, versions: { participatiewet: 1 }, config: { ...config } };
    expect(previewHash(reordered, 'x')).toBe(previewHash(current, 'x'));
  });

  it('ignores line endings (a browser posts CRLF)', () => {
    expect(previewHash(current, 'a: 1\r\nb: 2\r\n')).toBe(previewHash(current, 'a: 1\nb: 2\n'));
  });

  it('changes with the file, with the configuration and with a version', () => {
    const base = previewHash(current, 'x');
    expect(previewHash(current, 'y')).not.toBe(base);
    expect(previewHash({ ...current, versions: { participatiewet: 2 } }, 'x')).not.toBe(base);
    expect(previewHash({ ...current, config: { ...config, inhabitants: 1 } }, 'x')).not.toBe(base);
  });
});

describe('configPath', () => {
  it('writes a path as the start-up check does', () => {
    expect(configPath(['regulations', 0, 'diagnosis', 'questions', 2, 'next'])).toBe(
      'regulations[0].diagnosis.questions[2].next',
    );
    expect(configPath([])).toBe('(bestand)');
  });
});
