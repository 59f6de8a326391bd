import { z } from 'zod';
import type { FieldError } from '../common/problems/problem.error';
import { AA, contrastRatio, WHITE } from '../portal/brand-colors';
import { dutchIssueMessage, tenantConfigSchema } from './tenant-config.schema';

/**
 * What a municipality's admin edits of its profile: its name, governing body, court, contact details, colour
 * and working settings. The shapes are tenant.yaml's (one definition of an address, a colour, the settings);
 * what the admin cannot change here is left out: the number of inhabitants (the licence depends on it) and the
 * logo (uploaded on its own). Unknown keys are refused, so that a typo never vanishes silently.
 */
const yaml = tenantConfigSchema.shape;

export const tenantSettingsSchema = z
  .strictObject({
    name: yaml.name.max(120),
    governingBody: yaml.governingBody.max(200),
    court: yaml.court,
    contact: yaml.contact,
    branding: z.strictObject({ primaryColor: yaml.branding.shape.primaryColor }),
    settings: yaml.settings.unwrap(),
  })
  .superRefine((settings, ctx) => {
    const problem = primaryColorProblem(settings.branding.primaryColor);
    if (problem) ctx.addIssue({ code: 'custom', path: ['branding', 'primaryColor'], message: problem });
  });

/** The editable settings as stored and shown (defaults filled in). */
export type TenantSettings = z.output<typeof tenantSettingsSchema>;

/**
 * The municipality's name is printed in its colour at the top of every letter, on white paper, with nothing to
 * fall back on: the colour must reach the WCAG 2.1 AA contrast for text (4.5:1). The portal puts white or
 * dark text on it, whichever reads (see brandColors).
 */
export function primaryColorProblem(color: string): string | undefined {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return undefined;
  const ratio = contrastRatio(color, WHITE);
  if (ratio >= AA) return undefined;
  return (
    `Deze kleur is te licht voor tekst op wit: het contrast is ${formatContrast(ratio)}, en dat moet minstens ` +
    `${formatContrast(AA)} zijn (WCAG 2.1). De naam van de gemeente staat in deze kleur bovenaan elke brief. ` +
    'Kies een donkerdere kleur.'
  );
}

/** 8,91:1, rounded down: a ratio just under the norm never reads as meeting it. */
export function formatContrast(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 })}:1`;
}

/**
 * The settings as the schema takes them, or every problem with the path of its field (`contact.postalAddress.
 * postalCode`) and a Dutch message that says what to fix.
 */
export function parseTenantSettings(input: unknown): TenantSettings | FieldError[] {
  const parsed = tenantSettingsSchema.safeParse(input, { error: dutchIssueMessage });
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
