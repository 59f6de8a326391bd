import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

/** The pages under `templates/portal/pages/`. */
export type PortalPage =
  'start' | 'choose-regulation' | 'question' | 'outcome' | 'filing-form' | 'case' | 'my-cases' | 'error';

export type PortalContext = Record<string, unknown>;
type Template = HandlebarsTemplateDelegate<PortalContext>;

/** Only a slug like this is ever turned into a path. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The citizens' pages: `templates/portal/layout.hbs` around `pages/<page>.hbs`, with `partials/*.hbs`. A
 * municipality overrides any of these files with `tenants/<slug>/templates/portal/<same path>`.
 *
 * Its own Handlebars environment, with HTML escaping on: everything a citizen typed is shown escaped. Each file is
 * compiled once and kept; the layout receives the page as `body`, the only value inserted unescaped.
 */
export class PortalRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Template>();
  private readonly resolved = new Map<string, string>();
  private readonly partialSets = new Map<string, Record<string, Template>>();
  private readonly partialNames: string[];
  private stylesheetCache?: { css: string; version: string };

  constructor(
    private readonly templatesDir: string,
    private readonly tenantsDir: string,
  ) {
    this.partialNames = readdirSync(join(templatesDir, 'portal', 'partials'))
      .filter((file) => file.endsWith('.hbs'))
      .map((file) => file.slice(0, -'.hbs'.length));
    this.handlebars.registerHelper('ariaDescribedBy', describedBy);
  }

  /** A whole HTML page. `tenantSlug` is absent on pages outside any municipality (an unknown one). */
  render(tenantSlug: string | undefined, page: PortalPage, context: PortalContext): string {
    const partials = this.partials(tenantSlug);
    const body = this.template(tenantSlug, `pages/${page}.hbs`)(context, { partials });
    return this.template(tenantSlug, 'layout.hbs')(
      { ...context, body: new Handlebars.SafeString(body) },
      { partials },
    );
  }

  /** The shared stylesheet and a short hash of it, for a cache-busting URL. */
  stylesheet(): { css: string; version: string } {
    if (!this.stylesheetCache) {
      const css = readFileSync(join(this.templatesDir, 'portal', 'assets', 'portal.css'), 'utf8');
      this.stylesheetCache = { css, version: createHash('sha256').update(css).digest('hex').slice(0, 12) };
    }
    return this.stylesheetCache;
  }

  private partials(tenantSlug: string | undefined): Record<string, Template> {
    const key = tenantSlug ?? '';
    let set = this.partialSets.get(key);
    if (!set) {
      set = Object.fromEntries(
        this.partialNames.map((name) => [name, this.template(tenantSlug, `partials/${name}.hbs`)]),
      );
      this.partialSets.set(key, set);
    }
    return set;
  }

  private template(tenantSlug: string | undefined, path: string): Template {
    const file = this.file(tenantSlug, path);
    let template = this.compiled.get(file);
    if (!template) {
      template = this.handlebars.compile<PortalContext>(readFileSync(file, 'utf8'));
      this.compiled.set(file, template);
    }
    return template;
  }

  /** The tenant's override when there is one, else the default. */
  private file(tenantSlug: string | undefined, path: string): string {
    const key = `${tenantSlug ?? ''}:${path}`;
    let file = this.resolved.get(key);
    if (!file) {
      const override =
        tenantSlug && SLUG.test(tenantSlug)
          ? join(this.tenantsDir, tenantSlug, 'templates', 'portal', path)
          : undefined;
      file = override && existsSync(override) ? override : join(this.templatesDir, 'portal', path);
      this.resolved.set(key, file);
    }
    return file;
  }
}

/** ` aria-describedby="<id>-hint <id>-error"` for a field with a hint and/or an error, else nothing. */
function describedBy(id: unknown, hint: unknown, error: unknown): Handlebars.SafeString {
  const ids = [hint ? `${String(id)}-hint` : '', error ? `${String(id)}-error` : ''].filter(Boolean);
  return new Handlebars.SafeString(
    ids.length ? ` aria-describedby="${Handlebars.escapeExpression(ids.join(' '))}"` : '',
  );
}
