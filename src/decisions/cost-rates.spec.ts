import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadTenantConfigs } from '../tenancy/tenant-config.loader';
import { DEFAULT_COST_RATES, tenantConfigSchema } from '../tenancy/tenant-config.schema';

/** The flat rates of 7:15 are tenant settings: defaults when left out, checked when given. */
describe('settings.costs', () => {
  const tenants = join(__dirname, '..', '..', 'tenants');
  const rivierstad = () =>
    parse(readFileSync(join(tenants, 'rivierstad', 'tenant.yaml'), 'utf8')) as {
      settings?: Record<string, unknown>;
    };

  it('is set for every demo municipality', () => {
    for (const config of loadTenantConfigs(tenants)) {
      expect(config.settings.costs).toEqual({
        pointValueCents: expect.any(Number),
        objectionPoints: expect.any(Number),
        hearingPoints: expect.any(Number),
      });
    }
  });

  it('defaults to the rates of the Besluit proceskosten bestuursrecht when left out', () => {
    const withoutCosts = rivierstad();
    delete withoutCosts.settings!.costs;
    expect(tenantConfigSchema.parse(withoutCosts).settings.costs).toEqual(DEFAULT_COST_RATES);
    const withoutSettings = rivierstad();
    delete withoutSettings.settings;
    expect(tenantConfigSchema.parse(withoutSettings).settings.costs).toEqual(DEFAULT_COST_RATES);
  });

  it('refuses amounts that cannot be right', () => {
    const config = rivierstad();
    config.settings!.costs = { pointValueCents: 647.5, objectionPoints: 0.3 };
    const issues = tenantConfigSchema.safeParse(config).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['settings.costs.pointValueCents', 'settings.costs.objectionPoints']);
  });
});
