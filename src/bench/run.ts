/*
 * `npm run bench [-- --quick] [-- --only=filing,inbox]`: every benchmark beside its baseline in one run, printed
 * and written to bench/results/<date>[-quick].json with the machine it ran on. See docs/benchmarks.md.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAdapter, benchFiling, benchPglite } from './filing.bench';
import { benchInbox } from './inbox.bench';
import { benchLetters } from './letters.bench';
import { describeMachine } from './machine';
import { BenchOptions, Comparison } from './result';
import { benchSignals } from './signals.bench';
import { Stage } from './stage';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Benchmark {
  name: string;
  /** Needs the scratch database and the app on PostgreSQL. */
  postgres: boolean;
  run: (stage: Stage, options: BenchOptions) => Promise<Comparison> | Comparison;
}

const BENCHMARKS: Benchmark[] = [
  { name: 'filing', postgres: true, run: benchFiling },
  { name: 'inbox', postgres: true, run: benchInbox },
  { name: 'letters', postgres: true, run: benchLetters },
  { name: 'signals', postgres: false, run: (_stage, options) => benchSignals(options) },
  { name: 'pglite', postgres: true, run: benchPglite },
  { name: 'adapter', postgres: true, run: benchAdapter },
];

function parseArgs(argv: string[]): { quick: boolean; only: string[] } {
  let quick = false;
  let only: string[] = BENCHMARKS.map((b) => b.name);
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',').filter(Boolean);
    else
      throw new Error(
        `unknown argument ${arg}: use --quick and/or --only=${BENCHMARKS.map((b) => b.name).join(',')}`,
      );
  }
  const unknown = only.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}`);
  return { quick, only };
}

function formatNumber(value: number): string {
  return value.toLocaleString('en', { maximumFractionDigits: value < 100 ? 2 : 1 });
}

function printComparison(c: Comparison): void {
  console.log(
    `${c.benchmark}: ${c.measured}: ${formatNumber(c.value)} ${c.unit}\n` +
      `  baseline, ${c.baseline}: ${formatNumber(c.baselineValue)} ${c.unit}\n` +
      `  ratio ${c.ratio} · target ${c.target} · ${c.met ? 'met' : 'NOT met'}`,
  );
}

/** Prettier-formatted when prettier is installed (it is a dev dependency), so `npm run lint` accepts the file. */
async function formatJson(value: unknown): Promise<string> {
  const json = JSON.stringify(value, null, 2) + '\n';
  try {
    const prettier = (await import('prettier')) as { format: (s: string, o: object) => Promise<string> };
    return await prettier.format(json, { parser: 'json', printWidth: 110 });
  } catch {
    return json;
  }
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_DATABASE_URL;
  const selected = BENCHMARKS.filter((b) => only.includes(b.name));
  const options: BenchOptions = { quick, progress: (line) => console.log(line) };
  const machine = await describeMachine(adminUrl);
  console.log(
    `${quick ? 'Quick run (small sizes: not the figures of the targets)' : 'Full run'} on ${machine.cpuModel}, ` +
      `${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres ?? 'unreachable'}`,
  );
  const started = new Date();
  const stage = new Stage(adminUrl);
  const results: Comparison[] = [];
  try {
    if (selected.some((b) => b.postgres)) await stage.prepare();
    for (const benchmark of selected) {
      console.log(`\n[${benchmark.name}]`);
      const t0 = performance.now();
      const result = await benchmark.run(stage, options);
      results.push(result);
      printComparison(result);
      console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await stage.close();
  }
  const seconds = (Date.now() - started.getTime()) / 1000;
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
  writeFileSync(
    file,
    await formatJson({ startedAt: started.toISOString(), seconds, quick, machine, results }),
  );
  console.log(`\n${results.length} benchmarks in ${seconds.toFixed(1)} s; results in ${file}`);
}

main().then(
  // Pools and timers of the apps are closed; exit anyway so a stray handle cannot keep a CI job waiting.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
