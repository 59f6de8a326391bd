import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

/** The pages under `templates/staff/pages/`: the handlers', the tenant admin's and the platform operator's. */
export type StaffPage =
  | 'login'
  | 'inbox'
  | 'case'
  | 'error'
  | 'reports'
  | 'decision-batch'
  | 'legal-hold'
  | `admin/${string}`
  | `platform/${string}`;

export type StaffContext = Record<string, unknown>;
type Template = HandlebarsTemplateDelegate<StaffContext>;

/**
 * The staff pages: `templates/staff/layout.hbs` around `pages/<page>.hbs`, with `partials/*.hbs`. Its own
 * Handlebars environment with HTML escaping on, so everything a citizen typed is shown escaped; the layout
 * receives the page as `body`, the only value inserted unescaped. Templates are compiled once.
 */
export class StaffRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Template>();
  private readonly partials: Record<string, Template>;
  private stylesheetCache?: { css: string; version: string };

  constructor(private readonly templatesDir: string) {
    const dir = join(templatesDir, 'staff', 'partials');
    this.partials = Object.fromEntries(
      readdirSync(dir)
        .filter((file) => file.endsWith('.hbs'))
        .map((file) => [file.slice(0, -'.hbs'.length), this.template(`partials/${file}`)]),
    );
    this.handlebars.registerHelper('ariaDescribedBy', describedBy);
  }

  render(page: StaffPage, context: StaffContext): string {
    const body = this.template(`pages/${page}.hbs`)(context, { partials: this.partials });
    return this.template('layout.hbs')(
      { ...context, body: new Handlebars.SafeString(body) },
      { partials: this.partials },
    );
  }

  /**
   * The portal's stylesheet (typography, forms, focus, error summary) followed by the staff additions (wide
   * layout, tables, tags), served as one file with a short content hash for a cache-busting URL.
   */
  stylesheet(): { css: string; version: string } {
    if (!this.stylesheetCache) {
      const css = [
        readFileSync(join(this.templatesDir, 'portal', 'assets', 'portal.css'), 'utf8'),
        readFileSync(join(this.templatesDir, 'staff', 'assets', 'staff.css'), 'utf8'),
      ].join('\n');
      this.stylesheetCache = { css, version: createHash('sha256').update(css).digest('hex').slice(0, 12) };
    }
    return this.stylesheetCache;
  }

  private template(path: string): Template {
    let template = this.compiled.get(path);
    if (!template) {
      // preventIndent: an indented partial must not indent the text inside a <textarea> it renders.
      template = this.handlebars.compile<StaffContext>(
        readFileSync(join(this.templatesDir, 'staff', path), 'utf8'),
        { preventIndent: true },
      );
      this.compiled.set(path, template);
    }
    return template;
  }
}

/** ` aria-describedby="<id>-hint <id>-error"` for a field with a hint and/or an error, else nothing. */
function describedBy(id: unknown, hint: unknown, error: unknown): Handlebars.SafeString {
  const ids = [hint ? `${String(id)}-hint` : '', error ? `${String(id)}-error` : ''].filter(Boolean);
  return new Handlebars.SafeString(
    ids.length ? ` aria-describedby="${Handlebars.escapeExpression(ids.join(' '))}"` : '',
  );
}
