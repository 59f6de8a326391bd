import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { TenantsService } from '../tenancy/tenants.service';
import { PLATFORM_CONFIG } from './billing-config';
import { TenantLicence } from './entities/tenant-licence.entity';
import { storedBands } from './entities/licence-plan.entity';
import { LicencesService } from './licences.service';
import type { PlatformConfig } from './platform-config';

/**
 * Brings the plans and licences of config/platform.yaml into the database once the tenants are seeded: a plan
 * when no plan has its code, a licence when the municipality has none at all. What the operator changed later
 * stays; safe on many replicas at once (a plan insert does nothing on conflict; a second licence is refused).
 */
@Injectable()
export class BillingSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Billing');

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly licences: LicencesService,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.database.forPlatform(async (db) => {
      for (const plan of this.platform.plans) {
        await db.query(
          `INSERT INTO licence_plans (code, name, implementation_fee_cents, bands, included_objections, extra_objection_cents)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
          [
            plan.code,
            plan.name,
            plan.implementationFeeCents.toString(),
            JSON.stringify(storedBands(plan)),
            plan.includedObjections,
            plan.extraObjectionCents.toString(),
          ],
        );
      }
    });
    const tenants = await this.tenants.list();
    const given: string[] = [];
    for (const licence of this.platform.licences) {
      const tenant = tenants.find((t) => t.slug === licence.tenant);
      if (!tenant) continue; // a deployment without this (demo) municipality
      const has = await this.database.forTenant(tenant.id, (db) =>
        db.getRepository(TenantLicence).existsBy({ tenantId: tenant.id }),
      );
      if (has) continue;
      try {
        await this.licences.assign(tenant.id, {
          planCode: licence.plan,
          startsOn: licence.startsOn,
          endsOn: licence.endsOn ?? undefined,
          discountBasisPoints: licence.discountBasisPoints,
          discountReason: licence.discountReason ?? undefined,
        });
        given.push(`${tenant.slug} (${licence.plan})`);
      } catch (error) {
        // Another replica gave it first.
        if (!(error instanceof ProblemError && error.code === 'licence-overlap')) throw error;
      }
    }
    if (given.length) this.logger.log(`Licences from config/platform.yaml: ${given.join(', ')}`);
  }
}
