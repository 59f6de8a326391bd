import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  isValidIban,
  loadPlatformConfig,
  PLATFORM_CONFIG_FILE,
  PlatformConfigError,
} from './platform-config';

const SHIPPED = resolve(__dirname, '..', '..', PLATFORM_CONFIG_FILE);

function withFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'platform-config-')), 'platform.yaml');
  writeFileSync(file, content);
  return file;
}

const shipped = () => readFileSync(SHIPPED, 'utf8');

describe('config/platform.yaml', () => {
  it('ships a valid configuration with plans and the demo licences', () => {
    const config = loadPlatformConfig(SHIPPED);
    expect(config.seller).toMatchObject({
      vatNumber: 'NL862345671B01',
      iban: 'NL91ABNA0417164300',
      paymentTermDays: 30,
    });
    expect(config.plans.map((p) => p.code)).toEqual(['klein', 'standaard', 'stad']);
    expect(config.plans[1].bands.at(-1)).toEqual({ upToInhabitants: null, yearlyFeeCents: 3_400_000n });
    expect(config.licences).toEqual([
      {
        tenant: 'rivierstad',
        plan: 'standaard',
        startsOn: '2025-01-01',
        endsOn: null,
        discountBasisPoints: 0,
        discountReason: null,
      },
      expect.objectContaining({
        tenant: 'heuveldorp',
        discountBasisPoints: 1000,
        discountReason: 'Pilotgemeente 2026',
      }),
    ]);
    expect(config.licenceStates).toEqual({
      graceAfterDays: 14,
      suspendAfterDays: 30,
      evaluateEveryMinutes: 60,
    });
  });

  it('names the file, the path and the problem for a wrong seller', () => {
    const file = withFile(
      shipped()
        .replace('NL862345671B01', 'NL12345')
        .replace('NL91 ABNA 0417 1643 00', 'NL92 ABNA 0417 1643 00')
        .replace("kvk: '87654321'", "kvk: '1234'"),
    );
    expect(() => loadPlatformConfig(file)).toThrow(PlatformConfigError);
    const message = (() => {
      try {
        loadPlatformConfig(file);
      } catch (error) {
        return (error as Error).message;
      }
    })()!;
    expect(message).toMatch(/platform\.yaml: seller\.kvk: must be the 8 digits of a KvK number/);
    expect(message).toMatch(/seller\.vatNumber: must be a Dutch VAT number \(btw-id\)/);
    expect(message).toMatch(/seller\.iban: must be a valid IBAN/);
  });

  it('checks plans with the same rules as the operator’s form, and licences against the plans', () => {
    const file = withFile(
      shipped()
        .replace(
          '{ upToInhabitants: null, yearlyFeeCents: 1200000 }',
          '{ upToInhabitants: 20000, yearlyFeeCents: 1200000 }',
        )
        .replace('plan: klein\n    startsOn', 'plan: mini\n    startsOn')
        .replace('discountReason: Pilotgemeente 2026', 'discountReason: ""'),
    );
    expect(() => loadPlatformConfig(file)).toThrow(
      /plans\[0\]\.bands\[2\]\.upToInhabitants: De laatste staffel geldt voor alle grotere gemeenten[\s\S]*licences\[1\]\.discountReason: Schrijf op waarom[\s\S]*licences\[1\]\.plan: no plan "mini"/,
    );
  });

  it('reports YAML syntax errors with their line, and a missing file', () => {
    expect(() => loadPlatformConfig(withFile('seller: [\n'))).toThrow(/platform\.yaml: line \d+:/);
    expect(() => loadPlatformConfig('/nonexistent/platform.yaml')).toThrow(
      /platform configuration file is missing/,
    );
  });

  it('checks IBAN check digits', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('nonsense')).toBe(false);
  });
});
