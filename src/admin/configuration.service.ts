import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { isLetterKind, LetterKind } from '../letters/letter-kinds';
import {
  StoredLetterTemplate,
  storedTemplates,
  storedTemplateSource,
} from '../letters/letter-template-store';
import { saveRegulation, setRegulationActive } from '../regulations/regulation-versions';
import type { TenantConfig } from '../tenancy/tenant-config.schema';
import { ConfigDiff, diffTenantConfig } from '../tenancy/tenant-config-diff';
import {
  CurrentConfiguration,
  currentConfiguration,
  StoredConfiguration,
  tenantConfigYaml,
} from '../tenancy/tenant-config-export';
import { importNotes, previewHash, readTenantYaml } from '../tenancy/tenant-config-import';
import type { TenantContext } from '../tenancy/tenant-context';
import { parseTenantSettings, TenantSettings } from '../tenancy/tenant-settings.schema';
import { saveTenantSettings } from '../tenancy/tenant-settings.service';

export interface ConfigurationPreview {
  /** Post it back with the same YAML to apply exactly this. */
  previewHash: string;
  diff: ConfigDiff;
  /** What the file holds that an import leaves alone. */
  notes: string[];
}

export interface AppliedConfiguration {
  diff: ConfigDiff;
  /** The current version of each regulation the import saved, retired or took back into use. */
  versions: Record<string, number>;
}

const IMPORT_NOTE = 'Ingelezen uit tenant.yaml';

/**
 * The configuration as code: export as tenant.yaml, and import one through a preview of what would change,
 * applied only as previewed and in one transaction. Regulations are saved as the regulation admin saves them
 * (validated, versioned), the profile as the settings page saves it; referral partners and signal terms
 * (which nothing else edits) are written here. Everything is checked first, so that a bad file changes nothing.
 */
@Injectable()
export class ConfigurationService {
  constructor(private readonly database: Database) {}

  current(tenantId: string): Promise<CurrentConfiguration> {
    return this.database.forTenant(tenantId, async (db) =>
      currentConfiguration(await storedIn(db, tenantId)),
    );
  }

  async exportYaml(tenantId: string, now = new Date()): Promise<string> {
    return tenantConfigYaml(await this.current(tenantId), now);
  }

  letterTemplates(tenantId: string): Promise<StoredLetterTemplate[]> {
    return this.database.forTenant(tenantId, (db) => storedTemplates(db, tenantId));
  }

  /** The municipality's own template of a kind; 404 when it uses the platform's. */
  async letterTemplate(tenantId: string, kind: string): Promise<{ kind: LetterKind; source: string }> {
    if (!isLetterKind(kind)) throw ProblemError.notFound(`Er is geen briefsoort "${kind}".`);
    const source = await this.database.forTenant(tenantId, (db) => storedTemplateSource(db, tenantId, kind));
    if (source === null) {
      throw ProblemError.notFound(
        'Uw gemeente gebruikt voor deze brief de standaardtekst van het platform; er is geen eigen sjabloon.',
      );
    }
    return { kind, source };
  }

  /** What importing `yaml` would change; 400 with a message per problem (path and line) when it is not valid. */
  async preview(tenant: TenantContext, yaml: string): Promise<ConfigurationPreview> {
    const { config } = validInput(tenant, yaml);
    const current = await this.current(tenant.id);
    return {
      previewHash: previewHash(current, yaml),
      diff: diffTenantConfig(current, config),
      notes: importNotes(current, config),
    };
  }

  /**
   * Applies `yaml` as previewed, all or nothing: 409 when the configuration or the file differs from the
   * preview. Partners first (regulations may name them), then each regulation as a new version, then the
   * profile. The tenant row is locked, so two imports (or an import and a settings change) go one at a time.
   */
  async apply(
    tenant: TenantContext,
    staffId: string,
    yaml: string,
    expectedHash: string,
  ): Promise<AppliedConfiguration> {
    const { config } = validInput(tenant, yaml);
    return this.database.forTenant(tenant.id, async (db) => {
      await db.query(`SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE`, [tenant.id]);
      const current = currentConfiguration(await storedIn(db, tenant.id));
      if (previewHash(current, yaml) !== expectedHash) {
        throw ProblemError.conflict(
          'configuration-changed',
          'De configuratie is veranderd sinds de voorvertoning, of dit is een ander bestand. Er is niets ' +
            'ingelezen. Bekijk de voorvertoning opnieuw en bevestig dan.',
        );
      }
      const diff = diffTenantConfig(current, config);
      const versions: Record<string, number> = {};
      if (diff.unchanged) return { diff, versions };
      await upsertPartners(db, tenant.id, config, diff);
      const byCode = new Map(config.regulations.map((r) => [r.code, r]));
      const save = async (code: string, expectedVersion: number) => {
        const options = { expectedVersion, note: IMPORT_NOTE };
        versions[code] = (
          await saveRegulation(db, tenant.id, staffId, code, byCode.get(code), options)
        ).version;
      };
      const setActive = async (code: string, active: boolean) => {
        versions[code] = (await setRegulationActive(db, tenant.id, staffId, code, active)).version;
      };
      for (const { code } of diff.regulations.added) await save(code, 0);
      for (const { code } of diff.regulations.changed) await save(code, current.versions[code]);
      for (const { code, changes } of diff.regulations.reactivated) {
        if (changes.length) await save(code, current.versions[code]);
        await setActive(code, true);
      }
      for (const { code } of diff.regulations.retired) await setActive(code, false);
      const profile = new Set(diff.profile.map((change) => change.field.split('.')[0]));
      if ([...profile].some((part) => part !== 'signals')) {
        await saveTenantSettings(db, tenant.id, settingsFrom(config));
      }
      if (profile.has('signals')) await storeSignals(db, tenant.id, config.signals);
      return { diff, versions };
    });
  }
}

/** The file, checked by every rule an apply step would apply, so that nothing fails half-way on input. */
function validInput(tenant: TenantContext, yaml: string): { config: TenantConfig } {
  const input = readTenantYaml(yaml, tenant.slug);
  const settings = input.ok ? parseTenantSettings(settingsFrom(input.config)) : [];
  const errors = !input.ok ? input.errors : Array.isArray(settings) ? settings : [];
  if (!input.ok || errors.length) {
    throw ProblemError.invalid(
      errors,
      'Dit bestand kan niet worden ingelezen. Los de genoemde punten op en probeer het opnieuw; er is niets gewijzigd.',
    );
  }
  return input;
}

/** The part of tenant.yaml the municipality's settings hold (paths are the same in both). */
function settingsFrom(config: TenantConfig): TenantSettings {
  const { name, governingBody, court, contact, branding, settings } = config;
  return { name, governingBody, court, contact, branding: { primaryColor: branding.primaryColor }, settings };
}

/** The municipality's own signal terms (none: the built-in lexicons only). */
async function storeSignals(db: EntityManager, tenantId: string, signals: TenantConfig['signals']) {
  await db.query(
    `UPDATE tenants
        SET profile = CASE WHEN $2::jsonb IS NULL THEN profile - 'signals' ELSE jsonb_set(profile, '{signals}', $2::jsonb) END,
            profile_origin = 'admin', updated_at = now()
      WHERE id = $1`,
    [tenantId, signals ? JSON.stringify(signals) : null],
  );
}

async function storedIn(db: EntityManager, tenantId: string): Promise<StoredConfiguration> {
  const [tenant] = (await db.query(`SELECT slug, name, profile FROM tenants WHERE id = $1`, [
    tenantId,
  ])) as Pick<StoredConfiguration, 'slug' | 'name' | 'profile'>[];
  const regulations = (await db.query(
    `SELECT code, name, definition, active, version FROM regulations WHERE tenant_id = $1 ORDER BY created_at, code`,
    [tenantId],
  )) as StoredConfiguration['regulations'];
  const referralPartners = (await db.query(
    `SELECT code, name, definition, active FROM referral_partners WHERE tenant_id = $1 ORDER BY created_at, code`,
    [tenantId],
  )) as StoredConfiguration['referralPartners'];
  return { ...tenant, regulations, referralPartners };
}

/** The partners the import adds, changes or takes back into use, as the file has them. */
async function upsertPartners(db: EntityManager, tenantId: string, config: TenantConfig, diff: ConfigDiff) {
  const { added, changed, reactivated } = diff.referralPartners;
  const codes = new Set([...added, ...changed, ...reactivated].map((p) => p.code));
  for (const { code, name, ...definition } of config.referralPartners.filter((p) => codes.has(p.code))) {
    await db.query(
      `INSERT INTO referral_partners (tenant_id, code, name, definition, origin) VALUES ($1, $2, $3, $4, 'admin')
       ON CONFLICT (tenant_id, code) DO UPDATE
         SET name = EXCLUDED.name, definition = EXCLUDED.definition, active = true, origin = 'admin',
           updated_at = now()`,
      [tenantId, code, name, JSON.stringify(definition)],
    );
  }
}
