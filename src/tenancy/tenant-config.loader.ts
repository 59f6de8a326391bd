import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { TenantConfig, tenantConfigSchema } from './tenant-config.schema';

/** A tenant file that cannot be used; the message names the file, the path inside it and what is wrong. */
export class TenantConfigError extends Error {
  override name = 'TenantConfigError';
}

/** Reads and validates every `tenants/<slug>/tenant.yaml`. */
export function loadTenantConfigs(tenantsDir: string): TenantConfig[] {
  if (!existsSync(tenantsDir)) throw new TenantConfigError(`Tenant folder ${tenantsDir} does not exist`);
  return readdirSync(tenantsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(tenantsDir, entry.name, 'tenant.yaml')))
    .map((entry) => loadTenantConfig(join(tenantsDir, entry.name, 'tenant.yaml'), entry.name))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

export function loadTenantConfig(file: string, expectedSlug: string): TenantConfig {
  const shown = relative(process.cwd(), file) || file;
  const document = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (document.errors.length) {
    const [error] = document.errors;
    throw new TenantConfigError(
      `${shown}: line ${error.linePos?.[0].line ?? '?'}: ${error.message.split('\n')[0]}`,
    );
  }
  const result = tenantConfigSchema.safeParse(document.toJS());
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${shown}: ${formatPath(issue.path)}: ${issue.message}`);
    throw new TenantConfigError(lines.join('\n'));
  }
  if (result.data.slug !== expectedSlug) {
    throw new TenantConfigError(
      `${shown}: slug: "${result.data.slug}" must equal the folder name "${expectedSlug}"`,
    );
  }
  return result.data;
}

function formatPath(path: PropertyKey[]): string {
  if (!path.length) return '(root)';
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
