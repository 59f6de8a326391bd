import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database.service';
import { TenantConfig } from './tenant-config.schema';
import { Tenant, TenantProfile } from './tenant.entity';

export const TENANT_CONFIGS = Symbol('TENANT_CONFIGS');

/**
 * Brings `tenants/<slug>/tenant.yaml` into the database at start-up, idempotently and safely from many replicas
 * at once: everything is added when missing, and updated only while an admin has not changed it at run time.
 */
@Injectable()
export class TenantSeedService implements OnModuleInit {
  private readonly logger = new Logger('Tenants');

  constructor(
    private readonly database: Database,
    @Inject(TENANT_CONFIGS) private readonly configs: TenantConfig[],
  ) {}

  async onModuleInit(): Promise<void> {
    for (const config of this.configs) {
      const tenantId = await this.database.forPlatform((db) => upsertTenant(db, config));
      await this.database.forTenant(tenantId, async (db) => {
        await seedReferralPartners(db, tenantId, config);
        await seedRegulations(db, tenantId, config);
      });
    }
    this.logger.log(`Tenants: ${this.configs.map((c) => c.slug).join(', ')}`);
  }
}

async function upsertTenant(db: EntityManager, config: TenantConfig): Promise<string> {
  const profile: TenantProfile = {
    inhabitants: config.inhabitants,
    governingBody: config.governingBody,
    court: config.court,
    contact: {
      phone: config.contact.phone,
      email: config.contact.email,
      website: config.contact.website,
      postalAddress: config.contact.postalAddress,
      ...(config.contact.visitingAddress ? { visitingAddress: config.contact.visitingAddress } : {}),
    },
    branding: config.branding,
    settings: config.settings,
    ...(config.signals ? { signals: config.signals } : {}),
  };
  const [row] = (await db.query(
    `INSERT INTO tenants (slug, name, profile) VALUES ($1, $2, $3)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, profile = EXCLUDED.profile, updated_at = now()
       WHERE tenants.profile_origin = 'file'
         AND (tenants.name IS DISTINCT FROM EXCLUDED.name OR tenants.profile IS DISTINCT FROM EXCLUDED.profile)
     RETURNING id`,
    [config.slug, config.name, JSON.stringify(profile)],
  )) as { id: string }[];
  return row?.id ?? (await db.getRepository(Tenant).findOneByOrFail({ slug: config.slug })).id;
}

async function seedReferralPartners(
  db: EntityManager,
  tenantId: string,
  config: TenantConfig,
): Promise<void> {
  for (const { code, name, ...definition } of config.referralPartners) {
    await db.query(
      `INSERT INTO referral_partners (tenant_id, code, name, definition) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name, definition = EXCLUDED.definition,
         updated_at = now()
       WHERE referral_partners.origin = 'file'
         AND (referral_partners.definition IS DISTINCT FROM EXCLUDED.definition
           OR referral_partners.name IS DISTINCT FROM EXCLUDED.name)`,
      [tenantId, code, name, JSON.stringify(definition)],
    );
  }
}

async function seedRegulations(db: EntityManager, tenantId: string, config: TenantConfig): Promise<void> {
  for (const { code, name, ...definition } of config.regulations) {
    // A changed file is a new version, so that the cases filed under the old one keep theirs.
    await db.query(
      `WITH saved AS (
         INSERT INTO regulations (tenant_id, code, name, definition) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name, definition = EXCLUDED.definition,
           version = regulations.version + 1, updated_at = now()
         WHERE regulations.origin = 'file'
           AND (regulations.definition IS DISTINCT FROM EXCLUDED.definition OR regulations.name IS DISTINCT FROM EXCLUDED.name)
         RETURNING id, version, name, definition, active)
       INSERT INTO regulation_versions (tenant_id, regulation_id, version, name, definition, active, note)
       SELECT $1, id, version, name, definition, active, 'seed' FROM saved`,
      [tenantId, code, name, JSON.stringify(definition)],
    );
  }
}
