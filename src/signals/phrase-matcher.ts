import { foldWord, Token } from './text-tokens';

/**
 * A phrase is one or more words separated by spaces, folded like the tokenizer does. Per word:
 * - `word`   matches exactly;
 * - `word~`  also matches Dutch inflections and diminutives: +e, +en, +n, +s, +t, +je, +tje, +jes, +tjes;
 * - `word*`  matches any word that starts with it (schuldhulp* → schuldhulpverlening);
 * - `*word`  matches any word that ends with it, i.e. Dutch compounds (*schuld → huurschuld).
 */
type WordPattern = { text: string; mode: 'exact' | 'prefix' | 'suffix' };

interface Entry<P> {
  words: WordPattern[];
  payload: P;
}

export interface PhraseMatch<P> {
  payload: P;
  /** Token indexes, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
}

const INFLECTIONS = ['', 'e', 'en', 'n', 's', 't', 'je', 'tje', 'jes', 'tjes'];

function parseWord(word: string): WordPattern[] {
  if (word.length > 1 && word.endsWith('*')) return [{ text: word.slice(0, -1), mode: 'prefix' }];
  if (word.length > 1 && word.startsWith('*')) return [{ text: word.slice(1), mode: 'suffix' }];
  if (word.length > 1 && word.endsWith('~'))
    return INFLECTIONS.map((ending) => ({ text: word.slice(0, -1) + ending, mode: 'exact' as const }));
  return [{ text: word, mode: 'exact' }];
}

const wordMatches = (pattern: WordPattern, token: string) =>
  pattern.mode === 'exact'
    ? token === pattern.text
    : pattern.mode === 'prefix'
      ? token.startsWith(pattern.text)
      : token.endsWith(pattern.text);

/** Splits a phrase like the tokenizer would, keeping the wildcard marks. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .split(/[^\p{L}\p{N}*~]+/u)
    .filter((w) => w.length > 0)
    .map((w) => foldWord(w));
}

/**
 * Finds lexicon phrases in a token list without a regular expression per term: phrases are indexed by their
 * first word (exact words in a map, prefixes and compound heads in maps keyed by the fixed part), so each token
 * costs a handful of map lookups. At each position the longest phrase wins (phrases of that same length all match, since one word can signal two domains: "gokschulden"); a phrase that lies inside a phrase found
 * earlier is dropped, while partly overlapping phrases both count.
 */
export class PhraseMatcher<P> {
  private readonly exact = new Map<string, Entry<P>[]>();
  private readonly prefix = new Map<string, Entry<P>[]>();
  private readonly suffix = new Map<string, Entry<P>[]>();
  private minAffix = Infinity;
  private maxAffix = 0;

  constructor(phrases: Iterable<{ phrase: string; payload: P }>) {
    for (const { phrase, payload } of phrases) this.add(phrase, payload);
  }

  add(phrase: string, payload: P): void {
    const words = phraseWords(phrase);
    if (words.length === 0) throw new Error(`empty phrase: "${phrase}"`);
    // Expand "~" variants of every word into separate entries (small lexicons: at most a few dozen each).
    let variants: WordPattern[][] = [[]];
    for (const word of words) {
      const options = parseWord(word);
      variants = variants.flatMap((prefix) => options.map((option) => [...prefix, option]));
    }
    for (const variant of variants) {
      const entry: Entry<P> = { words: variant, payload };
      const head = variant[0];
      const index = head.mode === 'exact' ? this.exact : head.mode === 'prefix' ? this.prefix : this.suffix;
      if (head.mode !== 'exact') {
        this.minAffix = Math.min(this.minAffix, head.text.length);
        this.maxAffix = Math.max(this.maxAffix, head.text.length);
      }
      const list = index.get(head.text);
      if (list) list.push(entry);
      else index.set(head.text, [entry]);
    }
  }

  match(tokens: Token[]): PhraseMatch<P>[] {
    const found: PhraseMatch<P>[] = [];
    const candidates: Entry<P>[] = [];
    let coveredUntil = 0;
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i].norm;
      candidates.length = 0;
      const exact = this.exact.get(norm);
      if (exact) candidates.push(...exact);
      if (this.maxAffix > 0 && norm.length >= this.minAffix) {
        const longest = Math.min(norm.length, this.maxAffix);
        for (let k = this.minAffix; k <= longest; k++) {
          const byPrefix = this.prefix.get(norm.slice(0, k));
          if (byPrefix) candidates.push(...byPrefix);
          const bySuffix = this.suffix.get(norm.slice(norm.length - k));
          if (bySuffix) candidates.push(...bySuffix);
        }
      }
      let bestLength = 0;
      let best: Entry<P>[] = [];
      for (const entry of candidates) {
        const length = entry.words.length;
        if (length < bestLength || i + length > tokens.length) continue;
        let ok = true;
        for (let w = 1; w < length; w++) {
          if (!wordMatches(entry.words[w], tokens[i + w].norm)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (length > bestLength) {
          bestLength = length;
          best = [entry];
        } else if (!best.some((b) => b.payload === entry.payload)) best.push(entry);
      }
      // A phrase inside a longer one found before ("bijstand" in "bijzondere bijstand") does not count again.
      if (bestLength === 0 || i + bestLength <= coveredUntil) continue;
      coveredUntil = i + bestLength;
      for (const entry of best) {
        found.push({
          payload: entry.payload,
          first: i,
          last: i + bestLength,
          start: tokens[i].start,
          end: tokens[i + bestLength - 1].end,
        });
      }
    }
    return found;
  }
}
