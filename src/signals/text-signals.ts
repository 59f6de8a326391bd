import { LIFE_DOMAIN_CODES, LifeDomainCode } from './life-domain-code';
import { LIFE_DOMAIN_LEXICON_NL, LifeDomainLexicon } from './lexicon/life-domain-lexicon.nl';
import { SENTIMENT_LEXICON_NL, SentimentLexicon } from './lexicon/sentiment-lexicon.nl';
import { PhraseMatch, PhraseMatcher, phraseWords } from './phrase-matcher';
import { Token, tokenize, TokenizedText } from './text-tokens';

export type SentimentLabel = 'angry' | 'distressed' | 'neutral';

/**
 * Evidence is always a list of phrases quoted exactly as they appear in the text (original case and accents),
 * most decisive first, at most five, without duplicates.
 */
export interface TextSignals {
  sentiment: { label: SentimentLabel; score: number; evidence: string[] };
  lifeDomains: { code: LifeDomainCode; evidence: string[] }[];
  /** Two or more life domains. */
  multiProblem: boolean;
}

/** Terms a tenant adds for its own population (tenant.yaml `signals`, validated by extra-terms.schema.ts). */
export interface ExtraTerms {
  sentiment?: { phrase: string; label: 'angry' | 'distressed'; weight?: number }[];
  lifeDomains?: { phrase: string; code: LifeDomainCode; weight?: number }[];
}

export const MAX_EVIDENCE = 5;
/** A text is angry or distressed from this much evidence on; below it, neutral. */
export const EMOTION_THRESHOLD = 1.2;
const DOMAIN_THRESHOLD = 1;

type SentimentKind = 'anger' | 'distress' | 'sarcasm' | 'formal';
interface SentimentPayload {
  kind: SentimentKind;
  weight: number;
}
interface DomainPayload {
  code: LifeDomainCode | null;
  weight: number;
}

export interface CompiledLexicons {
  sentiment: PhraseMatcher<SentimentPayload>;
  domains: PhraseMatcher<DomainPayload>;
  intensifiers: Set<string>;
  negators: Set<string>;
  acronyms: Set<string>;
  versions: { sentiment: string; lifeDomains: string };
}

export function compileLexicons(
  sentimentLexicon: SentimentLexicon = SENTIMENT_LEXICON_NL,
  domainLexicon: LifeDomainLexicon = LIFE_DOMAIN_LEXICON_NL,
  extra?: ExtraTerms,
): CompiledLexicons {
  const sentiment = new PhraseMatcher<SentimentPayload>([]);
  for (const kind of ['anger', 'distress', 'sarcasm'] as const) {
    for (const { phrase, weight } of sentimentLexicon[kind]) sentiment.add(phrase, { kind, weight });
  }
  const formal: SentimentPayload = { kind: 'formal', weight: 1 };
  for (const phrase of sentimentLexicon.formal) sentiment.add(phrase, formal);
  for (const term of extra?.sentiment ?? []) {
    const kind = term.label === 'angry' ? 'anger' : 'distress';
    sentiment.add(term.phrase, { kind, weight: term.weight ?? 1 });
  }
  const domains = new PhraseMatcher<DomainPayload>([]);
  for (const code of LIFE_DOMAIN_CODES) {
    for (const { phrase, weight } of domainLexicon.domains[code]) domains.add(phrase, { code, weight });
  }
  const ignored: DomainPayload = { code: null, weight: 0 };
  for (const phrase of domainLexicon.ignore) domains.add(phrase, ignored);
  for (const term of extra?.lifeDomains ?? [])
    domains.add(term.phrase, { code: term.code, weight: term.weight ?? 1 });
  return {
    sentiment,
    domains,
    intensifiers: new Set(sentimentLexicon.intensifiers.flatMap(phraseWords)),
    negators: new Set(sentimentLexicon.negators.flatMap(phraseWords)),
    acronyms: new Set(sentimentLexicon.acronyms.map((a) => a.toLowerCase())),
    versions: { sentiment: sentimentLexicon.version, lifeDomains: domainLexicon.version },
  };
}

const DEFAULT = compileLexicons();

/** How many distinct tenant term sets stay compiled; the least recently used one goes first. */
export const MAX_COMPILED_TERM_SETS = 64;
const compiled = new Map<string, CompiledLexicons>();

/**
 * The lexicons for a set of tenant terms, compiled once per distinct content: a tenant read afresh for every
 * request brings a new object with the same terms, which must not cost a compilation each time.
 */
export function lexiconsFor(extra: ExtraTerms | undefined): CompiledLexicons {
  if (!extra?.sentiment?.length && !extra?.lifeDomains?.length) return DEFAULT;
  const key = termsKey(extra);
  let lex = compiled.get(key);
  if (lex) {
    // Map order is insertion order: move it to the back as the most recently used.
    compiled.delete(key);
  } else {
    lex = compileLexicons(undefined, undefined, extra);
    if (compiled.size >= MAX_COMPILED_TERM_SETS) compiled.delete(compiled.keys().next().value as string);
  }
  compiled.set(key, lex);
  return lex;
}

function termsKey(extra: ExtraTerms): string {
  return JSON.stringify([
    (extra.sentiment ?? []).map((t) => [t.phrase, t.label, t.weight ?? 1]),
    (extra.lifeDomains ?? []).map((t) => [t.phrase, t.code, t.weight ?? 1]),
  ]);
}

/** The lexicon versions that produced the signals (store them beside a signal). */
export const LEXICON_VERSIONS = DEFAULT.versions;

const NEGATION_WINDOW = 3;
const INTENSIFIER_WINDOW = 2;
const INTENSIFIER_FACTOR = 1.5;
/** The formal register (three or more markers) tempers emotion: a lawyer's "ten onrechte" is no outburst. */
const FORMAL_MARKERS = 3;
const FORMAL_DAMPING = 0.6;

/** Conjunctions that end the scope of a negation ("geen kinderen en niemand die helpt"). */
const SCOPE_ENDS = new Set(['en', 'of', 'want', 'omdat', 'terwijl', 'dus']);

/** A negator within a few words before the match, in the same clause ("ik ben niet boos", "geen schulden"). */
function isNegated(tokens: Token[], first: number, negators: Set<string>): boolean {
  const clause = tokens[first].clause;
  for (let i = first - 1; i >= 0 && i >= first - NEGATION_WINDOW; i--) {
    if (tokens[i].clause !== clause || SCOPE_ENDS.has(tokens[i].norm)) return false;
    if (negators.has(tokens[i].norm)) return true;
  }
  return false;
}

function isIntensified(tokens: Token[], first: number, intensifiers: Set<string>): boolean {
  const clause = tokens[first].clause;
  for (let i = first - 1; i >= 0 && i >= first - INTENSIFIER_WINDOW; i--) {
    if (tokens[i].clause !== clause) return false;
    if (intensifiers.has(tokens[i].norm)) return true;
  }
  return false;
}

interface Cue {
  weight: number;
  start: number;
  end: number;
}

/** Quoted short spans ("service", 'hulp') are scare quotes: a sarcasm cue. */
const SCARE_QUOTES = /(?:^|[\s(])["“„'‘]([^"“”„'‘’\n]{2,30}?)["”'’](?=[\s.,!?;:)]|$)/g;

function scareQuotes(text: string): Cue[] {
  if (!/["“„'‘]/.test(text)) return [];
  const cues: Cue[] = [];
  for (const m of text.matchAll(SCARE_QUOTES)) {
    const words = m[1].trim().split(/\s+/).length;
    if (words > 3) continue;
    const start = (m.index ?? 0) + m[0].length - m[1].length - 2;
    cues.push({ weight: 0.6, start, end: start + m[1].length + 2 });
  }
  return cues;
}

/** Capitals of three or more letters that are no acronym: shouting when several, emphasis when few. */
function shouting(tokenized: TokenizedText, acronyms: Set<string>): { weight: number; cues: Cue[] } {
  const { tokens } = tokenized;
  let long = 0;
  const caps: Token[] = [];
  for (const token of tokens) {
    if (token.end - token.start < 3) continue;
    long++;
    if (token.caps && !acronyms.has(token.norm)) caps.push(token);
  }
  if (caps.length === 0) return { weight: 0, cues: [] };
  const ratio = caps.length / Math.max(long, 1);
  // Quote the longest run of capitalised words within a clause (short capitals like "IS" do not break it).
  let best = { start: 0, end: 0, words: 0 };
  let run = { start: 0, end: 0, words: 0 };
  let runClause = -1;
  for (const token of tokens) {
    if (token.clause !== runClause) run = { start: 0, end: 0, words: 0 };
    runClause = token.clause;
    const raw = tokenized.text.slice(token.start, token.end);
    if (token.caps && !acronyms.has(token.norm)) {
      run =
        run.words === 0
          ? { start: token.start, end: token.end, words: 1 }
          : { ...run, end: token.end, words: run.words + 1 };
      if (run.words > best.words) best = run;
    } else if (!(run.words > 0 && raw.length < 3 && raw === raw.toUpperCase())) {
      run = { start: 0, end: 0, words: 0 };
    }
  }
  const quote = { start: best.start, end: best.end };
  if (caps.length >= 3 && ratio >= 0.3) return { weight: 2, cues: [{ weight: 2, ...quote }] };
  if (caps.length >= 2) return { weight: 1, cues: [{ weight: 1, ...quote }] };
  return { weight: 0.4, cues: [{ weight: 0.4, ...quote }] };
}

function evidenceOf(text: string, cues: Cue[]): string[] {
  const sorted = [...cues].sort((a, b) => b.weight - a.weight || a.start - b.start);
  const seen = new Set<string>();
  const spans: Cue[] = [];
  const out: string[] = [];
  for (const cue of sorted) {
    const phrase = text.slice(cue.start, cue.end);
    const key = phrase.toLowerCase();
    // Skip repeats and phrases overlapping one already quoted ("echt slim" beside "echt slim bedacht").
    if (seen.has(key) || spans.some((s) => cue.start < s.end && s.start < cue.end)) continue;
    seen.add(key);
    spans.push(cue);
    out.push(phrase);
    if (out.length === MAX_EVIDENCE) break;
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

function sentimentOf(tokenized: TokenizedText, lex: CompiledLexicons): TextSignals['sentiment'] {
  const { tokens, text } = tokenized;
  const anger: Cue[] = [];
  const distress: Cue[] = [];
  let formal = 0;
  for (const m of lex.sentiment.match(tokens) as PhraseMatch<SentimentPayload>[]) {
    const { kind, weight } = m.payload;
    if (kind === 'formal') {
      formal++;
      continue;
    }
    if (isNegated(tokens, m.first, lex.negators)) continue;
    const w = isIntensified(tokens, m.first, lex.intensifiers) ? weight * INTENSIFIER_FACTOR : weight;
    // Quote an intensifier with its cue ("echt woedend").
    const start = w !== weight ? quoteStartWithIntensifier(tokens, m.first, lex.intensifiers) : m.start;
    (kind === 'distress' ? distress : anger).push({ weight: w, start, end: m.end });
  }
  anger.push(...scareQuotes(text));
  let a = anger.reduce((s, c) => s + c.weight, 0);
  let d = distress.reduce((s, c) => s + c.weight, 0);

  // Shouting and exclamation marks amplify the emotion already present; with none, they read as anger.
  const amplifiers: Cue[] = [];
  const shout = shouting(tokenized, lex.acronyms);
  amplifiers.push(...shout.cues);
  let amplify = shout.weight;
  const runs = tokenized.punctuationRuns.length;
  if (runs > 0) {
    amplify += Math.min(1.2, 0.6 * runs);
    const r = tokenized.punctuationRuns[0];
    amplifiers.push({ weight: 0.6, start: r.start, end: r.end });
  }
  const singles = tokenized.exclamations - tokenized.punctuationRuns.length;
  if (singles >= 2) amplify += Math.min(0.6, 0.2 * singles);
  if (d > a * 1.5 && d > 0) {
    d += amplify;
    distress.push(...amplifiers);
  } else {
    a += amplify;
    anger.push(...amplifiers);
  }

  if (formal >= FORMAL_MARKERS) {
    a *= FORMAL_DAMPING;
    d *= FORMAL_DAMPING;
  }
  const strength = Math.max(a, d);
  if (strength < EMOTION_THRESHOLD) {
    return {
      label: 'neutral',
      score: round(1 - (0.5 * strength) / EMOTION_THRESHOLD),
      evidence: [],
    };
  }
  const label: SentimentLabel = a >= d ? 'angry' : 'distressed';
  return {
    label,
    score: round(Math.min(1, strength / (strength + 1.2) + 0.1)),
    evidence: evidenceOf(text, label === 'angry' ? anger : distress),
  };
}

function quoteStartWithIntensifier(tokens: Token[], first: number, intensifiers: Set<string>): number {
  for (let i = first - 1; i >= 0 && i >= first - INTENSIFIER_WINDOW; i--) {
    if (intensifiers.has(tokens[i].norm)) return tokens[i].start;
  }
  return tokens[first].start;
}

function lifeDomainsOf(tokenized: TokenizedText, lex: CompiledLexicons): TextSignals['lifeDomains'] {
  const { tokens, text } = tokenized;
  const weights = new Map<LifeDomainCode, number>();
  const cues = new Map<LifeDomainCode, Cue[]>();
  for (const m of lex.domains.match(tokens)) {
    const { code, weight } = m.payload;
    if (code === null || isNegated(tokens, m.first, lex.negators)) continue;
    weights.set(code, (weights.get(code) ?? 0) + weight);
    const list = cues.get(code);
    const cue = { weight, start: m.start, end: m.end };
    if (list) list.push(cue);
    else cues.set(code, [cue]);
  }
  const out: TextSignals['lifeDomains'] = [];
  for (const code of LIFE_DOMAIN_CODES) {
    if ((weights.get(code) ?? 0) >= DOMAIN_THRESHOLD)
      out.push({ code, evidence: evidenceOf(text, cues.get(code)!) });
  }
  return out;
}

/**
 * Sentiment and life domains of a Dutch text. Pure and synchronous: no I/O, no model. Extra tenant terms are
 * compiled once per distinct set of terms (see lexiconsFor).
 */
export function analyzeText(text: string, options: { extraTerms?: ExtraTerms } = {}): TextSignals {
  const lex = lexiconsFor(options.extraTerms);
  const tokenized = tokenize(text);
  const lifeDomains = lifeDomainsOf(tokenized, lex);
  return { sentiment: sentimentOf(tokenized, lex), lifeDomains, multiProblem: lifeDomains.length >= 2 };
}
