import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';

import { isLetterKind, LETTER_KINDS, LetterKind } from './letter-kinds';
import { checkLetterTemplate, LETTER_COMPILE_OPTIONS } from './letter-template-check';

type Context = Record<string, unknown>;

/** Where the template a letter is made from comes from: the municipality's own (saved by an admin), its file, the platform's. */
export type TemplateOrigin = 'tenant' | 'file' | 'default';

/** Why a template file cannot be used, naming the file (relative to the templates' root folders). */
export interface TemplateProblem {
  file: string;
  problem: string;
}

/** A letter template that is not what the law or the sandbox asks: the application does not start with it. */
export class LetterTemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(
      `Letter templates are not valid:\n${problems.map((p) => `  - ${p.file}: ${p.problem}`).join('\n')}`,
    );
    this.name = 'LetterTemplateError';
  }
}

/** Compiled templates kept per replica, by content: a changed template is another entry, never a stale one. */
const MAX_COMPILED = 500;

/**
 * Letter templates in files: `templates/letters/<kind>.hbs`, overridden per municipality by
 * `tenants/<slug>/templates/letters/<kind>.hbs` (both part of the deployment, so read once). Renders any
 * template source to plain text (see parseLetterBody) in a Handlebars environment of its own with no helpers
 * beyond the built-in ones and no partials.
 */
export class LetterTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate<Context>>();
  private readonly files = new Map<string, string | null>();

  constructor(
    private readonly templatesDir: string,
    private readonly tenantsDir: string,
  ) {}

  /** The template a municipality's letter is made from when it saved none of its own. */
  fileTemplate(tenantSlug: string, kind: LetterKind): { source: string; origin: 'file' | 'default' } {
    const own = this.read(join(this.tenantsDir, tenantSlug, 'templates', 'letters', `${kind}.hbs`));
    return own === null
      ? { source: this.defaultTemplate(kind), origin: 'default' }
      : { source: own, origin: 'file' };
  }

  /** The platform's own template of a kind, as shipped. */
  defaultTemplate(kind: LetterKind): string {
    const source = this.read(join(this.templatesDir, 'letters', `${kind}.hbs`));
    if (source === null) throw new Error(`templates/letters/${kind}.hbs is missing`);
    return source;
  }

  /** The letter's text from a template source; values are made plain text first (see plainTextValues). */
  renderSource(source: string, context: Context): string {
    return this.compile(source)(plainTextValues(context));
  }

  /** The letter's text from the municipality's file or the platform's template. */
  render(tenantSlug: string, kind: LetterKind, context: Context): string {
    return this.renderSource(this.fileTemplate(tenantSlug, kind).source, context);
  }

  /**
   * Checks every default template and every tenant file with checkLetterTemplate; a file override must be named
   * after a letter kind. Empty when all is well. A default template that does not exist yet is left to the
   * letter kinds' test, which fails on it.
   */
  problems(): TemplateProblem[] {
    const problems: TemplateProblem[] = [];
    for (const kind of LETTER_KINDS) {
      const file = join(this.templatesDir, 'letters', `${kind}.hbs`);
      if (existsSync(file)) problems.push(...this.check(kind, file, this.templatesDir));
    }
    for (const slug of subfolders(this.tenantsDir)) {
      const folder = join(this.tenantsDir, slug, 'templates', 'letters');
      for (const name of existsSync(folder) ? readdirSync(folder) : []) {
        if (!name.endsWith('.hbs')) continue;
        const file = join(folder, name);
        const kind = name.slice(0, -'.hbs'.length);
        if (!isLetterKind(kind)) {
          problems.push({
            file: relative(this.tenantsDir, file),
            problem: `no letter kind "${kind}"; a template overrides one of: ${LETTER_KINDS.join(', ')}`,
          });
          continue;
        }
        problems.push(...this.check(kind, file, this.tenantsDir));
      }
    }
    return problems;
  }

  /** Throws a LetterTemplateError listing every problem; run at start-up so a bad template never reaches a citizen. */
  assertValid(): void {
    const problems = this.problems();
    if (problems.length) throw new LetterTemplateError(problems);
  }

  private check(kind: LetterKind, file: string, root: string): TemplateProblem[] {
    const name = relative(root, file);
    return checkLetterTemplate(kind, readFileSync(file, 'utf8')).map((issue) => ({
      file: name,
      problem: issue.message,
    }));
  }

  private compile(source: string): HandlebarsTemplateDelegate<Context> {
    const key = createHash('sha256').update(source).digest('base64url');
    let template = this.compiled.get(key);
    if (!template) {
      template = this.handlebars.compile<Context>(source, LETTER_COMPILE_OPTIONS);
      // The oldest entry goes first: edits of many municipalities over months must not grow the process.
      if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value!);
      this.compiled.set(key, template);
    }
    return template;
  }

  private read(file: string): string | null {
    let source = this.files.get(file);
    if (source === undefined) {
      source = existsSync(file) ? readFileSync(file, 'utf8') : null;
      this.files.set(file, source);
    }
    return source;
  }
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
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
