/*
 * Throughput of the text analyser on one core. Texts of 1,000 characters are cut from the development set (all
 * registers), so the mix of cues is realistic. The baseline is tokenising the same texts, the first step
 * analyzeText takes: the ratio says how much the lexicons and rules cost on top of reading the text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText } from '../signals';
import { tokenize } from '../signals/text-tokens';
import { BenchOptions, Comparison, round } from './result';

function devTexts(): string[] {
  const dirs: string[] = [process.cwd()];
  for (let dir = __dirname; dir !== resolve(dir, '..'); dir = resolve(dir, '..')) dirs.push(dir);
  for (const dir of dirs) {
    const file = join(dir, 'eval', 'signals', 'dev.jsonl');
    if (existsSync(file)) {
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text);
    }
  }
  throw new Error('eval/signals/dev.jsonl not found in the working directory or above ' + __dirname);
}

/** 1,000-character texts: each dev text repeated and cut, then shifted so they differ. */
function thousandCharTexts(count: number): string[] {
  const sources = devTexts();
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const a = sources[i % sources.length];
    const b = sources[(i * 7 + 3) % sources.length];
    let text = `${a}\n\n${b}`;
    while (text.length < 1000) text += `\n${a}`;
    out.push(text.slice(0, 1000));
  }
  return out;
}

/** The median of `rounds` timed passes over the texts, in texts per second. */
function textsPerSecond(texts: string[], rounds: number, pass: (text: string) => number): number {
  let sink = 0;
  for (const text of texts.slice(0, 1_000)) sink += pass(text); // warm up the JIT
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    for (const text of texts) sink += pass(text);
    rates.push(texts.length / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  if (sink < 0) throw new Error('unreachable: keeps the passes from being optimised away');
  return rates.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

/** 4. analyzeText on one core (one thread) vs tokenising the same texts. */
export function benchSignals(options: BenchOptions): Comparison {
  const texts = thousandCharTexts(options.quick ? 2_000 : 5_000);
  const rounds = options.quick ? 3 : 5;
  const tokenised = textsPerSecond(texts, rounds, (text) => tokenize(text).tokens.length);
  const analysed = textsPerSecond(texts, rounds, (text) => analyzeText(text).lifeDomains.length);
  return {
    benchmark: 'signals',
    measured: 'analyzeText, 1,000-character texts, one thread',
    baseline: 'tokenize only (its first step)',
    unit: 'texts/s',
    value: Math.round(analysed),
    baselineValue: Math.round(tokenised),
    ratio: round(analysed / tokenised, 3),
    target: '≥ 2,000 texts/s per core (absolute)',
    met: analysed >= 2_000,
    details: { texts: texts.length, rounds, statistic: 'median of rounds' },
  };
}
