import { createHash } from 'node:crypto';
import type { FieldError } from '../common/problems/problem.error';
import { readYaml } from '../regulations/regulation-yaml';
import type { CurrentConfiguration } from './tenant-config-export';
import { dutchIssueMessage, TenantConfig, tenantConfigSchema } from './tenant-config.schema';

/** Larger than any real tenant.yaml (the demo ones are about 50 kB), smaller than the request limit. */
export const MAX_CONFIG_BYTES = 900 * 1024;

export type TenantYamlInput = { ok: true; config: TenantConfig } | { ok: false; errors: FieldError[] };

/**
 * A tenant.yaml to import, checked by the rules the application starts with (tenantConfigSchema) and against
 * the municipality it is for. Every problem names its place (`regulations[0].diagnosis.start`) and line.
 */
export function readTenantYaml(text: string, tenantSlug: string): TenantYamlInput {
  const refuse = (message: string, field = 'yaml'): TenantYamlInput => ({
    ok: false,
    errors: [{ field, message }],
  });
  if (!text.trim()) return refuse('Het bestand is leeg. Kies een tenant.yaml, of plak de inhoud ervan.');
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) {
    return refuse(`Het bestand is te groot: hoogstens ${Math.round(MAX_CONFIG_BYTES / 1024)} kB.`);
  }
  const yaml = readYaml(text);
  if (!yaml.ok) {
    return refuse(`Dit is geen geldige YAML${yaml.line ? ` (regel ${yaml.line})` : ''}: ${yaml.message}`);
  }
  if (!yaml.value || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    return refuse('Dit is geen tenant.yaml: die begint met velden als slug, name en regulations.');
  }
  const parsed = tenantConfigSchema.safeParse(yaml.value, { error: dutchIssueMessage });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const line = yaml.lineOf(issue.path as (string | number)[]);
        return {
          field: configPath(issue.path),
          message: `${issue.message}${line ? ` (regel ${line})` : ''}`,
        };
      }),
    };
  }
  const config = parsed.data;
  if (config.slug !== tenantSlug) {
    return refuse(
      `Dit bestand is van "${config.slug}". U kunt hier alleen de configuratie van "${tenantSlug}" inlezen.`,
      'slug',
    );
  }
  return { ok: true, config };
}

/** What the file holds that an import leaves alone, said so that nobody expects it to change. */
export function importNotes(current: CurrentConfiguration, incoming: TenantConfig): string[] {
  return [
    ...(incoming.demoStaff.length
      ? ['demoStaff wordt niet ingelezen: medewerkers nodigt u uit bij Medewerkers.']
      : []),
    ...(incoming.branding.logo
      ? ['branding.logo wordt niet ingelezen: het logo uploadt u bij Huisstijl.']
      : []),
    ...(incoming.inhabitants !== current.config.inhabitants
      ? [
          `inhabitants wordt niet ingelezen (${incoming.inhabitants} in het bestand, nu ${current.config.inhabitants}): ` +
            'het aantal inwoners past de platformbeheerder aan, omdat de licentie ervan afhangt.',
        ]
      : []),
  ];
}

/** `regulations[0].diagnosis.start`, as the start-up check writes it. */
export function configPath(path: readonly PropertyKey[]): string {
  if (!path.length) return '(bestand)';
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * What a preview promises: the configuration as it was and the file as it was sent. Confirming posts it back;
 * if either differs by then, the change is not what the admin saw. Line endings do not count: a browser sends
 * a form's text back with CRLF.
 */
export function previewHash(current: CurrentConfiguration, yamlText: string): string {
  return createHash('sha256')
    .update(stableJson(current))
    .update('\0')
    .update(yamlText.replace(/\r\n?/g, '\n'))
    .digest('hex');
}

/** JSON with the keys of every object sorted: the same content gives the same text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
