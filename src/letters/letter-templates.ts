import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

export type LetterKind = 'receipt';

type Context = Record<string, unknown>;

/**
 * Letter templates: `templates/letters/<kind>.hbs`, overridden per municipality by
 * `tenants/<slug>/templates/letters/<kind>.hbs`. Templates render plain text (see parseLetterBody), in a
 * Handlebars environment of their own with no helpers beyond the built-in ones.
 */
export class LetterTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate<Context>>();

  constructor(
    private readonly templatesDir: string,
    private readonly tenantsDir: string,
  ) {}

  render(tenantSlug: string, kind: LetterKind, context: Context): string {
    return this.template(tenantSlug, kind)(plainTextValues(context));
  }

  private template(tenantSlug: string, kind: LetterKind): HandlebarsTemplateDelegate<Context> {
    const override = join(this.tenantsDir, tenantSlug, 'templates', 'letters', `${kind}.hbs`);
    const file = existsSync(override) ? override : join(this.templatesDir, 'letters', `${kind}.hbs`);
    let template = this.compiled.get(file);
    if (!template) {
      template = this.handlebars.compile<Context>(readFileSync(file, 'utf8'), {
        noEscape: true,
        strict: true,
      });
      this.compiled.set(file, template);
    }
    return template;
  }
}

/**
 * Values come from citizens too: fold them onto one line and defuse the body markup, so that typed text can
 * never become a heading or a fact line of the letter.
 */
function plainTextValues<T>(value: T): T {
  if (typeof value === 'string') {
    return value
      .replace(/\s+/g, ' ')
      .replace(/::/g, ':')
      .replace(/^#+\s*/, '')
      .trim() as T;
  }
  if (Array.isArray(value)) return value.map(plainTextValues) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainTextValues(v)])) as T;
  }
  return value;
}
