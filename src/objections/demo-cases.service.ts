import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { validateInput } from '../common/problems/validation';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { addDays, todayInAmsterdam } from '../deadlines/local-date';
import { TENANT_CONFIGS } from '../tenancy/tenant-seed.service';
import { TenantConfig } from '../tenancy/tenant-config.schema';
import { TenantsService } from '../tenancy/tenants.service';
import { FileObjectionDto } from './dto/file-objection.dto';
import { ObjectionFilingService } from './objection-filing.service';

/** `tenants/<slug>/demo-cases.yaml`: example objections, their decision dates counted back from today. */
const demoCasesSchema = z.array(
  z.looseObject({ key: z.string().regex(/^[a-z0-9-]+$/), decisionDaysAgo: z.number().int().min(0).max(365) }),
);

/**
 * Outside production, a demo tenant without any case gets the example cases of its folder, filed through the
 * real filing pipeline (deadlines, signals, receipt), so a newcomer's inbox shows what handlers work with.
 * A tenant that has cases is never touched again.
 */
@Injectable()
export class DemoCasesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoCases');

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly filing: ObjectionFilingService,
    @Inject(TENANT_CONFIGS) private readonly configs: TenantConfig[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoCases) return;
    for (const tenantConfig of this.configs) {
      const file = join(this.config.tenantsDir, tenantConfig.slug, 'demo-cases.yaml');
      if (!existsSync(file)) continue;
      const tenant = await this.tenants.requireBySlug(tenantConfig.slug);
      const [{ count }] = (await this.database.forTenant(tenant.id, (db) =>
        db.query(`SELECT count(*)::int AS count FROM objections WHERE tenant_id = $1`, [tenant.id]),
      )) as { count: number }[];
      if (count > 0) continue;
      const cases = demoCasesSchema.parse(parse(readFileSync(file, 'utf8')));
      for (const { key, decisionDaysAgo, ...body } of cases) {
        const decision = {
          ...(body.decision as object),
          date: addDays(todayInAmsterdam(), -decisionDaysAgo),
        };
        const input = await validateInput(FileObjectionDto, { ...body, decision });
        await this.filing.file({
          tenant,
          idempotencyKey: `demo-case:${key}`,
          input,
          files: [],
        });
      }
      this.logger.log(`${tenant.slug}: ${cases.length} example cases filed`);
    }
  }
}
