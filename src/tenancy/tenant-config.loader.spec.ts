import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenantConfigs } from './tenant-config.loader';

const REPO_TENANTS = join(__dirname, '..', '..', 'tenants');

/** A copy of the demo tenants in which one file can be broken on purpose. */
function copyOfDemoTenants(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bezwaar-tenants-'));
  cpSync(REPO_TENANTS, dir, { recursive: true });
  return dir;
}

function rewrite(dir: string, slug: string, change: (yaml: string) => string): void {
  const file = join(dir, slug, 'tenant.yaml');
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('loadTenantConfigs', () => {
  it('loads both demo municipalities with at least five regulations each', () => {
    const tenants = loadTenantConfigs(REPO_TENANTS);
    expect(tenants.map((t) => t.slug)).toEqual(['heuveldorp', 'rivierstad']);
    for (const tenant of tenants) {
      expect(tenant.regulations.length).toBeGreaterThanOrEqual(5);
      expect(tenant.regulations.map((r) => r.code)).toEqual(
        expect.arrayContaining(['participatiewet', 'wmo', 'jeugdwet', 'parkeerbelasting', 'woz']),
      );
      expect(tenant.demoStaff.map((s) => s.email)).toEqual(
        expect.arrayContaining([`behandelaar@${tenant.slug}.example`, `beheer@${tenant.slug}.example`]),
      );
    }
  });

  it('names the file, the path inside it and what is wrong', () => {
    const dir = copyOfDemoTenants();
    rewrite(dir, 'heuveldorp', (yaml) => yaml.replace(/termModel: awb/, 'termModel: weekly'));
    expect(() => loadTenantConfigs(dir)).toThrow(/heuveldorp\/tenant\.yaml: regulations\[\d+\]\.termModel: /);
  });

  it('reports a YAML syntax error with its line', () => {
    const dir = copyOfDemoTenants();
    rewrite(dir, 'rivierstad', (yaml) => `${yaml}\n  - : : [unclosed\n`);
    expect(() => loadTenantConfigs(dir)).toThrow(/rivierstad\/tenant\.yaml: line \d+: /);
  });

  it('rejects unknown keys, so a typo does not silently vanish', () => {
    const dir = copyOfDemoTenants();
    rewrite(dir, 'rivierstad', (yaml) => yaml.replace(/^name: /m, 'naam: x\nname: '));
    expect(() => loadTenantConfigs(dir)).toThrow(
      /rivierstad\/tenant\.yaml: \(root\): Unrecognized key: "naam"/,
    );
  });

  it('rejects a regulation that refers to an unknown referral partner', () => {
    const dir = copyOfDemoTenants();
    rewrite(dir, 'rivierstad', (yaml) =>
      yaml.replace(/referralPartners:\n(\s+)- /, 'referralPartners:\n$1- bestaat-niet\n$1- '),
    );
    expect(() => loadTenantConfigs(dir)).toThrow(
      /De doorverwijspartner "bestaat-niet" bestaat niet bij deze gemeente/,
    );
  });

  it('rejects a diagnosis question that leads to an unknown question or outcome', () => {
    const dir = copyOfDemoTenants();
    rewrite(dir, 'rivierstad', (yaml) => yaml.replace(/goto: appealClause/, 'goto: bestaatNiet'));
    expect(() => loadTenantConfigs(dir)).toThrow(
      /rivierstad\/tenant\.yaml: regulations\[0\]\.diagnosis\.questions\[0\]\.next\[1\]\.goto: Er is geen vraag of uitkomst met de id "bestaatNiet"/,
    );
  });

  it('rejects a diagnosis question that nobody can reach', () => {
    const dir = copyOfDemoTenants();
    rewrite(dir, 'heuveldorp', (yaml) => yaml.replace(/goto: appealClause/, 'goto: subject'));
    expect(() => loadTenantConfigs(dir)).toThrow(
      /heuveldorp\/tenant\.yaml: regulations\[0\]\.diagnosis\.questions\[1\]: De vraag "appealClause" is vanaf het begin \("hasDecision"\) niet te bereiken/,
    );
  });

  it('requires the slug to equal the folder name', () => {
    const dir = copyOfDemoTenants();
    mkdirSync(join(dir, 'anders'));
    cpSync(join(dir, 'rivierstad', 'tenant.yaml'), join(dir, 'anders', 'tenant.yaml'));
    expect(() => loadTenantConfigs(dir)).toThrow(
      /anders\/tenant\.yaml: slug: "rivierstad" must equal the folder name/,
    );
  });
});
