import { regulationConfig } from '../regulations/regulation-definition';
import type { RegulationDefinition } from '../regulations/regulation.entity';
import type { ReferralPartnerDefinition } from '../referrals/referral-partner.entity';
import { toYaml } from '../regulations/regulation-yaml';
import type { ReferralPartnerConfig, RegulationConfig, TenantConfig } from './tenant-config.schema';
import { tenantConfigSchema } from './tenant-config.schema';
import type { TenantProfile } from './tenant.entity';

/** tenant.yaml as an export writes it: everything but demo staff. */
export type ExportedConfig = Omit<TenantConfig, 'demoStaff'>;

/** A municipality's configuration as the database holds it (rows in their creation order). */
export interface StoredConfiguration {
  slug: string;
  name: string;
  profile: TenantProfile;
  regulations: {
    code: string;
    name: string;
    definition: RegulationDefinition;
    active: boolean;
    version: number;
  }[];
  referralPartners: { code: string; name: string; definition: ReferralPartnerDefinition; active: boolean }[];
}

/**
 * The configuration in the tenant.yaml shape, split the way tenant.yaml sees it: `config` holds the profile,
 * the regulations in use and the referral partners in use (plus any partner such a regulation still names);
 * retired regulations and partners out of use are kept apart, because an import that names them takes them
 * back into use. demoStaff is never part of it (staff are managed on their
 * own page), nor the logo (an uploaded image, not text).
 */
export interface CurrentConfiguration {
  config: ExportedConfig;
  retiredRegulations: RegulationConfig[];
  /** Partners out of use (one a regulation in use still names is in `config` as well). */
  inactivePartners: ReferralPartnerConfig[];
  /** The version of every regulation, retired ones included. */
  versions: Record<string, number>;
}

export function currentConfiguration(stored: StoredConfiguration): CurrentConfiguration {
  const inUse = stored.regulations.filter((r) => r.active);
  const named = new Set(inUse.flatMap((r) => r.definition.referralPartners ?? []));
  const partner = ({ code, name, definition }: StoredConfiguration['referralPartners'][number]) =>
    ({ code, name, ...definition }) as ReferralPartnerConfig;
  const exported = stored.referralPartners.filter((p) => p.active || named.has(p.code));
  const { profile } = stored;
  const { phone, email, website, postalAddress, visitingAddress } =
    profile.contact as TenantProfile['contact'] & {
      visitingAddress?: TenantConfig['contact']['visitingAddress'];
    };
  const { atRiskWorkingDays, firstContactWorkingDays, costs } = profile.settings;
  const raw = {
    slug: stored.slug,
    name: stored.name,
    inhabitants: profile.inhabitants,
    governingBody: profile.governingBody,
    court: profile.court,
    contact: { phone, email, website, postalAddress, ...(visitingAddress ? { visitingAddress } : {}) },
    branding: { primaryColor: profile.branding.primaryColor },
    settings: { atRiskWorkingDays, firstContactWorkingDays, ...(costs ? { costs } : {}) },
    referralPartners: exported.map(partner),
    ...(profile.signals ? { signals: profile.signals } : {}),
    regulations: inUse.map((r) => regulationConfig(r.code, r)),
  };
  // Through the schema: its defaults, and the keys in the file's order (jsonb keeps its own). A configuration
  // the schema no longer accepts (say, every regulation retired) is returned as it is, to be shown and fixed.
  const parsed = tenantConfigSchema.safeParse(raw);
  const { demoStaff: _demoStaff, ...config } = parsed.success ? parsed.data : (raw as TenantConfig);
  return {
    config,
    retiredRegulations: stored.regulations.filter((r) => !r.active).map((r) => regulationConfig(r.code, r)),
    inactivePartners: stored.referralPartners.filter((p) => !p.active).map(partner),
    versions: Object.fromEntries(stored.regulations.map((r) => [r.code, r.version])),
  };
}

/** tenant.yaml as a file to download: a header that says what it holds, then the configuration. */
export function tenantConfigYaml(current: CurrentConfiguration, exportedAt: Date): string {
  const retired = current.retiredRegulations.map((r) => r.code);
  const header = [
    `Configuratie van ${current.config.name}, uit het Bezwaarplatform op ${exportedAt.toISOString()}.`,
    'Dezelfde vorm als tenants/<slug>/tenant.yaml. Inlezen kan bij Beheer > Configuratie (met voorvertoning).',
    'Alleen regelingen die in gebruik zijn staan erin; een regeling die u hieruit weglaat, wordt bij inlezen',
    'buiten gebruik gezet (ingediende bezwaren houden hun versie).',
    retired.length
      ? `Buiten gebruik (niet in dit bestand): ${retired.join(', ')}. Zet er een terug om hem weer te gebruiken.`
      : undefined,
    'Niet in dit bestand: demo-medewerkers (zie Medewerkers), het logo (zie Huisstijl) en de eigen',
    'briefsjablonen (apart te downloaden als templates/letters/<soort>.hbs).',
  ].filter((line): line is string => line !== undefined);
  return `${header.map((line) => `# ${line}`).join('\n')}\n${toYaml(current.config)}`;
}
