/*
 * Throughput of the text analyser on one core: `npm run bench`. Texts of 1,000 characters are cut from the
 * development set (all registers), so the mix of cues is realistic. Prints texts per second; no threshold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText } from '../text-signals';

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

function run(texts: string[]): number {
  let sink = 0;
  for (const text of texts) sink += analyzeText(text).lifeDomains.length;
  return sink;
}

const texts = thousandCharTexts(5_000);
run(texts.slice(0, 1_000)); // warm up the JIT
const rounds: number[] = [];
for (let round = 0; round < 5; round++) {
  const started = process.hrtime.bigint();
  run(texts);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rounds.push(texts.length / seconds);
}
rounds.sort((a, b) => a - b);
console.log(
  `analyzeText, ${texts.length} texts × 1,000 chars, one core (single thread), 5 rounds: ` +
    `median ${Math.round(rounds[2])} texts/s (min ${Math.round(rounds[0])}, max ${Math.round(rounds[4])})`,
);
