/** One word of a text: its folded form for matching and its place in the original for quoting evidence. */
export interface Token {
  /** Lowercase, diacritics folded (cliënte → cliente). */
  norm: string;
  start: number;
  end: number;
  /** Three or more letters, all capitals (shouting or an acronym). */
  caps: boolean;
  /** Index of the clause: a new clause starts after . , ; : ! ? a line break, and at "maar". */
  clause: number;
}

export interface TokenizedText {
  text: string;
  tokens: Token[];
  /** Number of "!" characters. */
  exclamations: number;
  /** Runs of two or more "!" or "?" ("!!", "???", "?!"). */
  punctuationRuns: { start: number; end: number }[];
}

const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const LETTER = /\p{L}|\p{N}/u;
const isWordChar = (c: number, ch: string) => isAsciiWordChar(c) || (c > 127 && LETTER.test(ch));
const isClauseBreak = (c: number) =>
  c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 10;

/** Lowercase and fold Dutch diacritics (é, ë, ï, ü …) so that "cliënte" and "cliente" match alike. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 127) return lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return lower;
}

/** Splits on everything that is not a letter or digit (hyphens and apostrophes too: "burn-out" → burn, out). */
export function tokenize(text: string): TokenizedText {
  const tokens: Token[] = [];
  const punctuationRuns: { start: number; end: number }[] = [];
  let exclamations = 0;
  let clause = 0;
  let pendingBreak = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordChar(c, text[i])) {
      const start = i;
      let upper = 0;
      let letters = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!isWordChar(d, text[i])) break;
        if (d >= 65 && d <= 90) upper++;
        else if (d > 127 && text[i] !== text[i].toLowerCase()) upper++;
        if (!(d >= 48 && d <= 57)) letters++;
        i++;
      }
      const raw = text.slice(start, i);
      if (pendingBreak) {
        clause++;
        pendingBreak = false;
      }
      const norm = foldWord(raw);
      if (norm === 'maar') clause++;
      tokens.push({ norm, start, end: i, caps: letters >= 3 && upper === letters, clause });
      continue;
    }
    if (isClauseBreak(c)) pendingBreak = true;
    if (c === 33 || c === 63) {
      const start = i;
      while (i < n && (text.charCodeAt(i) === 33 || text.charCodeAt(i) === 63)) {
        if (text.charCodeAt(i) === 33) exclamations++;
        i++;
      }
      if (i - start >= 2) punctuationRuns.push({ start, end: i });
      continue;
    }
    i++;
  }
  return { text, tokens, exclamations, punctuationRuns };
}
