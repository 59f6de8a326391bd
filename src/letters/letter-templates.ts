import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';

import { LETTER_KINDS, LetterKind, missingParts } from './letter-kinds';

type Context = Record<string, unknown>;

/**
 * Built-in helpers only (if, unless, each, with, lookup), no partials; missing values throw instead of printing
 * nothing. Tenant templates are written by municipalities, so they get no more power than the defaults.
 */
const COMPILE_OPTIONS: CompileOptions = { noEscape: true, strict: true, knownHelpersOnly: true };

/** Why a template cannot be used, naming the file (relative to the templates' root folders). */
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

/**
 * Letter templates: `templates/letters/<kind>.hbs`, overridden per municipality by
 * `tenants/<slug>/templates/letters/<kind>.hbs`. Templates render plain text (see parseLetterBody), in a
 * Handlebars environment of their own with no helpers beyond the built-in ones and no partials.
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

  /**
   * Checks every default template and every tenant override: it compiles in the sandbox and uses each
   * required part of its kind; an override must be named after a letter kind. Empty when all is well.
   * A default template that does not exist yet is left to the letter kinds' test, which fails on it.
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
    const source = readFileSync(file, 'utf8');
    try {
      const forbidden = forbiddenConstructs(source);
      if (forbidden.length)
        return [{ file: name, problem: `uses ${forbidden.join(', ')}, which letter templates may not` }];
      // Compiling to code catches what parsing alone does not (e.g. an unknown helper).
      this.handlebars.precompile(source, COMPILE_OPTIONS);
    } catch (error) {
      return [{ file: name, problem: `does not compile: ${oneLine(error)}` }];
    }
    const missing = missingParts(kind, source);
    return missing.length
      ? [{ file: name, problem: `lacks required parts of a ${kind} letter: ${missing.join(', ')}` }]
      : [];
  }

  private template(tenantSlug: string, kind: LetterKind): HandlebarsTemplateDelegate<Context> {
    const override = join(this.tenantsDir, tenantSlug, 'templates', 'letters', `${kind}.hbs`);
    const file = existsSync(override) ? override : join(this.templatesDir, 'letters', `${kind}.hbs`);
    let template = this.compiled.get(file);
    if (!template) {
      template = this.handlebars.compile<Context>(readFileSync(file, 'utf8'), COMPILE_OPTIONS);
      this.compiled.set(file, template);
    }
    return template;
  }
}

function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** Partials and decorators would reach outside the template (files, registered code): refused. */
function forbiddenConstructs(source: string): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const type = (node as { type?: string }).type;
    if (type === 'PartialStatement' || type === 'PartialBlockStatement') found.add('a partial ({{> …}})');
    if (type === 'Decorator' || type === 'DecoratorBlock') found.add('a decorator ({{* …}})');
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(Handlebars.parse(source));
  return [...found];
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
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
