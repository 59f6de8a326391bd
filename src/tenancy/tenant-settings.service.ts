import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { DEFAULT_COST_RATES } from './tenant-config.schema';
import { checkLogo, isLogo, Logo } from './tenant-settings-logo';
import { deleteLogo, readLogo, storeLogo } from './tenant-settings-logo-store';
import { parseTenantSettings, TenantSettings } from './tenant-settings.schema';
import { Tenant } from './tenant.entity';

/**
 * A municipality's name, contact details, colour, logo and working settings as its admin edits them. A change
 * makes the profile the admin's (`profile_origin = 'admin'`): the tenant.yaml seed no longer overwrites it. The
 * portal, the staff pages and the letters read the profile with every request, so they show a change at once.
 */
@Injectable()
export class TenantSettingsService {
  private readonly logger = new Logger('TenantSettings');

  constructor(private readonly database: Database) {}

  async get(tenantId: string): Promise<TenantSettings> {
    const tenant = await this.database.forTenant(tenantId, (db) =>
      db.getRepository(Tenant).findOneByOrFail({ id: tenantId }),
    );
    return settingsOf(tenant);
  }

  /** Checks the whole editable profile and name (400 with every field's problem) and saves it. */
  async update(tenantId: string, staffId: string | null, settings: unknown): Promise<void> {
    await this.database.forTenant(tenantId, (db) => saveTenantSettings(db, tenantId, settings));
    this.logger.log(`Settings of tenant ${tenantId} changed by ${staffId ?? 'an import'}`);
  }

  /** Checks and stores the logo (400 for the field `logo` when it cannot be used). */
  async setLogo(tenantId: string, staffId: string | null, content: Buffer): Promise<void> {
    const logo = checkLogo(content);
    if (!isLogo(logo)) throw ProblemError.invalid([logo], `Het logo is niet opgeslagen. ${logo.message}`);
    await this.database.forTenant(tenantId, (db) => storeLogo(db, tenantId, staffId, logo));
    this.logger.log(`Logo of tenant ${tenantId} changed by ${staffId ?? 'an import'}`);
  }

  async removeLogo(tenantId: string): Promise<void> {
    await this.database.forTenant(tenantId, (db) => deleteLogo(db, tenantId));
  }

  logo(tenantId: string): Promise<Logo | null> {
    return this.database.forTenant(tenantId, (db) => readLogo(db, tenantId));
  }
}

/** As TenantSettingsService.update, inside the caller's unit of work (an import saves it with the rest). */
export async function saveTenantSettings(
  db: EntityManager,
  tenantId: string,
  settings: unknown,
): Promise<void> {
  const parsed = parseTenantSettings(settings);
  if (Array.isArray(parsed)) {
    const count = parsed.length === 1 ? '1 veld' : `${parsed.length} velden`;
    throw ProblemError.invalid(
      parsed,
      `De instellingen zijn niet opgeslagen: ${count} klopt niet. ${parsed[0].message}`,
    );
  }
  const { name, branding, ...profile } = parsed;
  // Top-level keys replace the stored ones (a removed visiting address goes); the rest of the profile stays.
  await db.query(
    `UPDATE tenants
        SET name = $2,
            profile = jsonb_set(profile || $3::jsonb, '{branding,primaryColor}', to_jsonb($4::text)),
            profile_origin = 'admin', updated_at = now()
      WHERE id = $1`,
    [tenantId, name, JSON.stringify(profile), branding.primaryColor],
  );
}

/** The editable part of a municipality's profile, with the defaults of settings stored before they existed. */
export function settingsOf(tenant: Pick<Tenant, 'name' | 'profile'>): TenantSettings {
  const { governingBody, court, contact, branding, settings } = tenant.profile;
  return {
    name: tenant.name,
    governingBody,
    court,
    contact,
    branding: { primaryColor: branding.primaryColor },
    settings: { ...settings, costs: settings.costs ?? { ...DEFAULT_COST_RATES } },
  };
}
