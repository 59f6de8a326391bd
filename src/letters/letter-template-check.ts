import Handlebars from 'handlebars';
import { LETTER_KIND_NAMES, LETTER_VALUE_EXPLANATIONS, LetterKind, REQUIRED_PARTS } from './letter-kinds';
import { letterValues } from './letter-samples';

/**
 * Built-in helpers only, no partials; a missing value throws instead of printing nothing. Letters are plain text
 * (see parseLetterBody): nothing is HTML-escaped, so {{x}} and {{{x}}} print the same.
 */
export const LETTER_COMPILE_OPTIONS: CompileOptions = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
};

export const MAX_TEMPLATE_LENGTH = 50_000;

/** What is wrong with a letter template, in Dutch, with where Handlebars or the check knows it. */
export interface TemplateIssue {
  message: string;
  line?: number;
  column?: number;
  /** Set when the issue is a required part the template leaves out. */
  missingPart?: string;
}

/**
 * The one check of a letter template, run on the platform's defaults and the municipalities' files at start-up
 * and on every template an admin saves or previews. A template passes when it
 * - parses, and uses no partials ({{> …}}) or decorators ({{* …}}): they reach outside the template;
 * - calls no helper but #if, #unless, #each, #with and lookup (not even the built-in log: letter text stays out
 *   of the logs);
 * - uses only values its kind of letter has, with their shape (text, a list for #each, outcomeIs.founded):
 *   so that it can never fail while a real letter is made, whatever the case;
 * - compiles in the letters' own sandbox;
 * - always prints every part the law requires of its kind (REQUIRED_PARTS), not only under some condition.
 * Empty when the template can be used.
 */
export function checkLetterTemplate(kind: LetterKind, source: string): TemplateIssue[] {
  if (!source.trim()) return [{ message: 'De brief is leeg. Schrijf de tekst van de brief.' }];
  if (source.length > MAX_TEMPLATE_LENGTH) {
    return [
      {
        message: `De brief is te lang: ${source.length.toLocaleString('nl-NL')} tekens, hoogstens ${MAX_TEMPLATE_LENGTH.toLocaleString('nl-NL')}.`,
      },
    ];
  }
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    return [syntaxIssue(error)];
  }
  const { issues, shown } = new TemplateWalker(kind).check(program);
  if (!issues.length) {
    try {
      // Compiling to code catches what the walk above does not know of.
      SANDBOX.precompile(source, LETTER_COMPILE_OPTIONS);
    } catch (error) {
      issues.push(syntaxIssue(error));
    }
  }
  const named = namesIn(program);
  // A part that is named, but where the template has other issues, is left until those are fixed.
  const structural = issues.length > 0;
  for (const part of REQUIRED_PARTS[kind].filter((p) => !shown.has(p) && !(structural && named.has(p)))) {
    const what = LETTER_VALUE_EXPLANATIONS[part] ?? part;
    const letter = `de brief "${LETTER_KIND_NAMES[kind]}"`;
    issues.push({
      message: named.has(part)
        ? `Het verplichte onderdeel {{${part}}} staat alleen onder een voorwaarde in de brief (zoals binnen {{#if …}}): ${what}. Zet het zo dat het altijd in ${letter} staat.`
        : `Het verplichte onderdeel {{${part}}} ontbreekt: ${what}. Dat moet altijd in ${letter} staan.`,
      missingPart: part,
    });
  }
  return issues;
}

const SANDBOX = Handlebars.create();

const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
/** Every helper a Handlebars environment has built in; of these only the block helpers and lookup are allowed. */
const BUILT_IN_HELPERS = new Set([...BLOCK_HELPERS, 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);
const EACH_DATA = new Set(['index', 'key', 'first', 'last']);
const ALLOWED =
  'Toegestaan zijn alleen {{#if …}}, {{#unless …}}, {{#each …}}, {{#with …}} en {{lookup … …}}.';

/** The shape of a value: text (also numbers and yes/no), a list, a group of named values, or not known. */
type Shape =
  | { kind: 'text' }
  | { kind: 'list'; item: Shape }
  | { kind: 'record'; fields: Map<string, Shape> }
  | { kind: 'unknown' };

const TEXT: Shape = { kind: 'text' };
const UNKNOWN: Shape = { kind: 'unknown' };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: 'list', item: value.length ? shapeOf(value[0]) : TEXT };
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return {
      kind: 'record',
      fields: new Map(Object.entries(value).map(([key, field]) => [key, shapeOf(field)])),
    };
  }
  return TEXT;
}

/** A context a template's paths are resolved in: the letter's values, or an item inside #each / #with. */
interface Scope {
  shape: Shape;
  /** Block parameters (`{{#each list as |item i|}}`). */
  params: Map<string, Shape>;
  inEach: boolean;
  /** The block that opened it, for messages: "#each missing". */
  opener?: string;
}

/** The letter's values a set of statements prints whatever the case (outside any condition). */
type Shown = Set<string>;
const NOTHING: Shown = new Set();

class TemplateWalker {
  private readonly issues: TemplateIssue[] = [];
  private readonly root: Shape;

  constructor(private readonly kind: LetterKind) {
    this.root = shapeOf(letterValues(kind));
  }

  /** The issues of the template, and the values it always prints. */
  check(program: hbs.AST.Program): { issues: TemplateIssue[]; shown: Shown } {
    const shown = this.program(program, [{ shape: this.root, params: new Map(), inEach: false }]);
    return { issues: this.issues, shown };
  }

  private program(program: hbs.AST.Program | undefined, scopes: Scope[]): Shown {
    const shown = new Set<string>();
    for (const statement of program?.body ?? []) {
      for (const name of this.statement(statement, scopes)) shown.add(name);
    }
    return shown;
  }

  private statement(node: hbs.AST.Statement, scopes: Scope[]): Shown {
    switch (node.type) {
      case 'MustacheStatement':
        return this.mustache(node as hbs.AST.MustacheStatement, scopes);
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scopes);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.issue(
          node,
          '{{> …}} (een deelsjabloon) kan niet in een brief. Zet de tekst zelf in de brief.',
        );
      case 'Decorator':
      case 'DecoratorBlock':
        return this.issue(node, `{{* …}} en {{#* …}} kunnen niet in een brief. ${ALLOWED}`);
      default:
        // Text and comments.
        return NOTHING;
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, scopes: Scope[]): Shown {
    if (node.path.type !== 'PathExpression') {
      return this.issue(
        node,
        'Tussen {{ en }} hoort de naam van een waarde. Zet gewone tekst buiten de accolades.',
      );
    }
    const path = node.path as hbs.AST.PathExpression;
    const name = simpleName(path);
    if (node.params.length || node.hash) {
      if (name !== 'lookup') {
        return this.issue(node, `{{${name ?? path.original} …}} is geen toegestane functie. ${ALLOWED}`);
      }
      this.lookup(node, scopes);
      return NOTHING;
    }
    if (name && BUILT_IN_HELPERS.has(name)) {
      return this.issue(node, `{{${name}}} is een functie, geen waarde. ${ALLOWED}`);
    }
    const shape = this.resolve(path, scopes);
    // A value printed the wrong way is one issue; it does not count as missing as well.
    if (shape?.kind === 'record') {
      const [first] = shape.fields.keys();
      this.issue(
        node,
        `{{${path.original}}} is geen tekst maar een groep waarden. Gebruik bijvoorbeeld {{${path.original}.${first}}}.`,
      );
    } else if (shape?.kind === 'list') {
      this.issue(
        node,
        `{{${path.original}}} is een lijst. Zet elk onderdeel apart in de brief met {{#each ${path.original}}}{{this}}{{/each}}.`,
      );
    }
    return this.rootValue(path, scopes);
  }

  /**
   * A block's contents count as always printed only when both its branches print them (#if with #else), or when
   * #if tests the very value it prints; a list given to #each counts as printed (its items are).
   */
  private block(node: hbs.AST.BlockStatement, scopes: Scope[]): Shown {
    const name =
      node.path.type === 'PathExpression' ? simpleName(node.path as hbs.AST.PathExpression) : undefined;
    if (!name || !BLOCK_HELPERS.has(name) || node.params.length !== 1 || node.hash) {
      const shown = name ?? (node.path as { original?: unknown }).original ?? '…';
      this.issue(
        node,
        name && BLOCK_HELPERS.has(name)
          ? `{{#${name}}} hoort precies één waarde te krijgen, zoals {{#${name} representativeName}}.`
          : `{{#${String(shown)}}} is geen toegestaan blok. ${ALLOWED}`,
      );
      this.program(node.program, scopes);
      this.program(node.inverse, scopes);
      return NOTHING;
    }
    const [param] = node.params;
    const shape = this.expression(param, scopes);
    const label = `#${name} ${'original' in param ? String(param.original) : '…'}`;
    const current = scopes[scopes.length - 1];
    const blockParams = node.program.blockParams ?? [];
    if (name === 'each') {
      let item: Shape = UNKNOWN;
      if (shape?.kind === 'list') item = shape.item;
      else if (shape?.kind === 'record') item = TEXT;
      else if (shape?.kind === 'text') {
        this.issue(
          node,
          `{{${label}}}: dat is geen lijst. #each werkt alleen met een lijst, zoals {{#each reasoning}}.`,
        );
      }
      const params = new Map<string, Shape>();
      if (blockParams[0]) params.set(blockParams[0], item);
      if (blockParams[1]) params.set(blockParams[1], TEXT);
      this.program(node.program, [...scopes, { shape: item, params, inEach: true, opener: label }]);
      this.program(node.inverse, scopes);
      return param.type === 'PathExpression'
        ? this.rootValue(param as hbs.AST.PathExpression, scopes)
        : NOTHING;
    }
    let inner = scopes;
    if (name === 'with') {
      const within = shape ?? UNKNOWN;
      const params = new Map<string, Shape>(blockParams[0] ? [[blockParams[0], within]] : []);
      inner = [...scopes, { shape: within, params, inEach: current.inEach, opener: label }];
    }
    const yes = this.program(node.program, inner);
    const no = this.program(node.inverse, scopes);
    // {{#if agreement}}{{agreement}}{{/if}} prints the value whenever there is one to print.
    const guard =
      name === 'if' && param.type === 'PathExpression'
        ? this.rootValue(param as hbs.AST.PathExpression, scopes)
        : NOTHING;
    return new Set([...yes].filter((value) => no.has(value) || guard.has(value)));
  }

  /** The letter's value a path names, when it names one of the letter itself (not an item of a list). */
  private rootValue(path: hbs.AST.PathExpression, scopes: Scope[]): Shown {
    if (path.data) return path.parts[0] === 'root' && path.parts[1] ? new Set([path.parts[1]]) : NOTHING;
    const [head] = path.parts;
    if (head === undefined || scopes.length - 1 - path.depth !== 0) return NOTHING;
    const shadowed = path.depth === 0 && !isScoped(path) && scopes.some((scope) => scope.params.has(head));
    return shadowed ? NOTHING : new Set([head]);
  }

  /** `{{lookup value key}}`: both resolved; what it gives is not known beforehand. */
  private lookup(
    node: hbs.AST.MustacheStatement | hbs.AST.SubExpression,
    scopes: Scope[],
  ): Shape | undefined {
    if (node.params.length !== 2 || node.hash) {
      this.issue(
        node,
        '{{lookup}} hoort precies twee waarden te krijgen, zoals {{lookup outcomeIs outcome}}.',
      );
      return undefined;
    }
    for (const param of node.params) this.expression(param, scopes);
    return UNKNOWN;
  }

  private expression(node: hbs.AST.Expression, scopes: Scope[]): Shape | undefined {
    if (node.type === 'PathExpression') return this.resolve(node as hbs.AST.PathExpression, scopes);
    if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      const name =
        sub.path.type === 'PathExpression' ? simpleName(sub.path as hbs.AST.PathExpression) : undefined;
      if (name === 'lookup') return this.lookup(sub, scopes);
      this.issue(sub, `(${name ?? '…'} …) is geen toegestane functie. ${ALLOWED}`);
      return undefined;
    }
    return TEXT;
  }

  /** Where a path leads, or undefined after saying why it leads nowhere. */
  private resolve(path: hbs.AST.PathExpression, scopes: Scope[]): Shape | undefined {
    const current = scopes[scopes.length - 1];
    if (path.data) {
      const [head, ...rest] = path.parts;
      if (head === 'root') return this.walk(path, this.root, rest, scopes);
      if (EACH_DATA.has(head) && !rest.length) {
        if (current.inEach) return TEXT;
        this.issue(path, `{{${path.original}}} kan alleen binnen {{#each …}}.`);
        return undefined;
      }
      this.issue(
        path,
        `{{${path.original}}} bestaat niet in een brief. Binnen {{#each …}} zijn er @index, @first en @last.`,
      );
      return undefined;
    }
    if (path.depth >= scopes.length) {
      this.issue(path, `{{${path.original}}} gaat verder terug dan de brief zelf. Gebruik minder ../.`);
      return undefined;
    }
    const [head, ...rest] = path.parts;
    if (path.depth === 0 && head !== undefined && !isScoped(path)) {
      for (const scope of [...scopes].reverse()) {
        const param = scope.params.get(head);
        if (param) return this.walk(path, param, rest, scopes);
      }
    }
    const scope = scopes[scopes.length - 1 - path.depth];
    return this.walk(path, scope.shape, path.parts, scopes.slice(0, scopes.length - path.depth));
  }

  private walk(
    path: hbs.AST.PathExpression,
    start: Shape,
    parts: string[],
    scopes: Scope[],
  ): Shape | undefined {
    let shape = start;
    const walked: string[] = [];
    for (const part of parts) {
      if (shape.kind === 'unknown') {
        this.issue(
          path,
          `{{${path.original}}}: binnen dit blok is niet bekend welke waarden er zijn. Gebruik hier alleen {{this}}.`,
        );
        return undefined;
      }
      // A list's length is its own property (as in {{#if missing.length}}); a position in it might not exist.
      const next =
        shape.kind === 'record'
          ? shape.fields.get(part)
          : shape.kind === 'list' && part === 'length'
            ? TEXT
            : undefined;
      if (!next) {
        this.unknown(path, shape, part, walked, scopes);
        return undefined;
      }
      shape = next;
      walked.push(part);
    }
    return shape;
  }

  private unknown(
    path: hbs.AST.PathExpression,
    shape: Shape,
    part: string,
    walked: string[],
    scopes: Scope[],
  ): Shown {
    const original = `{{${path.original}}}`;
    if (walked.length) {
      const owner = walked.join('.');
      const detail =
        shape.kind === 'record'
          ? `Wel: ${[...shape.fields.keys()].map((k) => `${owner}.${k}`).join(', ')}.`
          : shape.kind === 'list'
            ? `${owner} is een lijst: gebruik {{#each ${owner}}}.`
            : `${owner} is tekst.`;
      return this.issue(path, `${original}: ${owner} heeft geen onderdeel "${part}". ${detail}`);
    }
    const inner = scopes[scopes.length - 1];
    if (shape !== this.root && inner.opener) {
      const inLetter = this.root.kind === 'record' && this.root.fields.has(part);
      return this.issue(
        path,
        `${original} bestaat niet binnen {{${inner.opener}}}: daar staat {{this}} voor het onderdeel zelf.` +
          (inLetter ? ` Gebruik {{../${part}}} voor de waarde van de brief.` : ''),
      );
    }
    const names = this.root.kind === 'record' ? [...this.root.fields.keys()] : [];
    const guess = closest(part, names);
    return this.issue(
      path,
      `${original} bestaat niet in de brief "${LETTER_KIND_NAMES[this.kind]}". ` +
        (guess ? `Bedoelt u {{${guess}}}? ` : '') +
        `Te gebruiken waarden: ${names.join(', ')}.`,
    );
  }

  private issue(node: hbs.AST.Node, message: string): Shown {
    const start = node.loc?.start;
    this.issues.push(start ? located(message, start.line, start.column + 1) : { message });
    return NOTHING;
  }
}

/** The first part of every path in a template, wherever it stands. */
function namesIn(program: hbs.AST.Program): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; parts?: string[] };
    if (n.type === 'PathExpression' && n.parts?.length) names.add(n.parts[0]);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(program);
  return names;
}

/** `this.x`, `./x`: looked up in the context itself, never a block parameter. */
function isScoped(path: hbs.AST.PathExpression): boolean {
  return /^\.|this\b/.test(path.original);
}

/** `if`, `reference`: a name on its own (not `this`, `../x`, `a.b` or `@index`). */
function simpleName(path: hbs.AST.PathExpression): string | undefined {
  return !path.data && path.depth === 0 && path.parts.length === 1 && !isScoped(path)
    ? path.parts[0]
    : undefined;
}

function located(message: string, line?: number, column?: number): TemplateIssue {
  if (!line) return { message };
  const place = column ? `Regel ${line}, kolom ${column}` : `Regel ${line}`;
  return { message: `${place}: ${message}`, line, ...(column ? { column } : {}) };
}

/**
 * Handlebars' own parse and compile errors in Dutch. Parse errors name only the line ("Parse error on line 3"),
 * compile errors line and column ("if doesn't match each - 3:4").
 */
function syntaxIssue(error: unknown): TemplateIssue {
  const message = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):/.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const got = /got '([^']+)'/.exec(message)?.[1];
    if (got === 'EOF') {
      return located(
        'de brief houdt op terwijl er nog iets open staat. Sluit elk blok af, zoals {{#if …}} met {{/if}} en {{#each …}} met {{/each}}, en elke {{ met }}.',
        line,
      );
    }
    return located(
      'hier klopt de opmaak niet. Controleer of elke {{ een }} heeft en of er tussen de accolades alleen de naam van een waarde staat.',
      line,
    );
  }
  const details = error as { lineNumber?: number; column?: number };
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) {
    return located(
      `het blok {{#${mismatch[1]} …}} wordt afgesloten met {{/${mismatch[2]}}}. Sluit het af met {{/${mismatch[1]}}}.`,
      details.lineNumber,
      details.column === undefined ? undefined : details.column + 1,
    );
  }
  return located(
    `deze brief kan niet worden gemaakt (${message.split('\n')[0].replace(/ - \d+:\d+$/, '')}).`,
    details.lineNumber,
    details.column === undefined ? undefined : details.column + 1,
  );
}

/** The known name nearest to a misspelt one (at most two letters off), if any. */
function closest(name: string, names: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
