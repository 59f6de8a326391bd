import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RegulationConfig, TenantConfig, tenantConfigSchema } from '../tenancy/tenant-config.schema';

export const GENERAL_REGULATION_FILE = join('onboarding', 'general-regulation.yaml');

/**
 * The regulation every new municipality starts with (`templates/onboarding/general-regulation.yaml`), checked by
 * the same schema as a tenant.yaml: as the only regulation of `tenant`, the municipality it is for. Throws with
 * the path inside the file and what is wrong.
 */
export function generalRegulationFor(
  templatesDir: string,
  tenant: Omit<TenantConfig, 'regulations' | 'referralPartners' | 'demoStaff' | 'settings'>,
): RegulationConfig {
  const file = join(templatesDir, GENERAL_REGULATION_FILE);
  const regulation: unknown = parse(readFileSync(file, 'utf8'));
  const result = tenantConfigSchema.safeParse({ ...tenant, regulations: [regulation] });
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${file}: ${issue.path.slice(2).join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(problems.join('\n'));
  }
  return result.data.regulations[0];
}
