import { addDays, todayInAmsterdam } from '../deadlines/local-date';
import { Database } from '../database/database.service';
import { JobWorker } from '../jobs/job-worker.service';
import { AppUnderTest, startApp } from './app-under-test';
import { BareInsertServer } from './bare-insert-server';
import { closedLoop, LoadResult } from './load';
import { BenchOptions, Comparison, round } from './result';
import type { Stage } from './stage';

export const FILING_TENANT = 'rivierstad';

const GROUNDS = [
  'Ik ben het niet eens met de terugvordering. Ik heb elke wijziging in mijn inkomen op tijd doorgegeven.',
  'De deurwaarder staat al voor de deur en de woningcorporatie dreigt met ontruiming. Ik kan dit niet betalen.',
  'Mijn kinderen en ik hebben dit geld nodig voor huur en eten. Ik vraag u het besluit te herzien.',
];

/** A citizen's filing as the portal sends it: a different person and text per request. */
export function filingBody(n: number): Record<string, unknown> {
  return {
    regulation: 'participatiewet',
    decision: {
      reference: `PW-2026-${String(n % 10_000).padStart(4, '0')}`,
      date: addDays(todayInAmsterdam(), -10),
      description: 'Stopzetting van mijn bijstandsuitkering en terugvordering',
    },
    objector: {
      name: `Inwoner ${n}`,
      email: `inwoner${n}@example.nl`,
      address: {
        street: 'Dijkstraat',
        houseNumber: String((n % 300) + 1),
        postalCode: '4101 AB',
        city: 'Rivierstad',
      },
    },
    grounds: { hints: [], text: `${GROUNDS[n % GROUNDS.length]} ${GROUNDS[(n + 1) % GROUNDS.length]}` },
    wantsHearing: n % 2 === 0,
    signed: true,
  };
}

/** POSTs `total` filings with fresh Idempotency-Keys to `url`, `concurrency` at a time. */
function fileMany(url: string, keyPrefix: string, total: number, concurrency: number): Promise<LoadResult> {
  return closedLoop(
    total,
    concurrency,
    (n) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `${keyPrefix}-${n}` },
        body: JSON.stringify(filingBody(n)),
      }),
    201,
  );
}

let runs = 0;

/** A filing run, and how long the receipts (rendered by jobs after each filing) took to catch up after it. */
export interface FilingRun extends LoadResult {
  receiptsDrainSeconds: number;
  /** Filings per second counting until the last receipt was rendered: what a sustained stream can keep up. */
  sustainedPerSecond: number;
}

/** One measured filing run against the whole app: the same sizes for PostgreSQL and PGlite. */
export async function filingRun(
  app: AppUnderTest,
  options: BenchOptions,
  sizes = filingSizes(options),
): Promise<FilingRun> {
  const url = `${app.baseUrl}/api/v1/tenants/${FILING_TENANT}/objections`;
  const prefix = `bench-${Date.now().toString(36)}-${++runs}`;
  const { total, concurrency, warmUp } = sizes;
  await fileMany(url, `${prefix}-warm`, warmUp, concurrency);
  await receiptsDrained(app);
  const load = await fileMany(url, prefix, total, concurrency);
  const receiptsDrainSeconds = await receiptsDrained(app);
  return {
    ...load,
    receiptsDrainSeconds,
    sustainedPerSecond: load.requests / (load.seconds + receiptsDrainSeconds),
  };
}

/**
 * Seconds until no receipt job of the filing tenant is queued or running any more. The app under test serves
 * as a pod beside worker pods does (BACKGROUND_WORK=off), so during the load it renders no receipt; here, after
 * it, the same process works them off as a worker pod would (its job worker, driven by `poll`), on the same
 * cores: the sustained figure is what one machine does with both.
 */
async function receiptsDrained(app: AppUnderTest): Promise<number> {
  const worker = app.app.get(JobWorker);
  const database = app.app.get(Database);
  const [{ id }] = (await database.forPlatform((db) =>
    db.query(`SELECT id FROM tenants WHERE slug = $1`, [FILING_TENANT]),
  )) as { id: string }[];
  const started = performance.now();
  for (;;) {
    const [{ pending }] = (await database.forTenant(id, (db) =>
      db.query(`SELECT count(*)::int AS pending FROM jobs WHERE state IN ('queued', 'running')`),
    )) as { pending: number }[];
    const seconds = (performance.now() - started) / 1000;
    if (!pending) return seconds;
    if (seconds > 900) throw new Error(`${pending} receipt jobs still pending after 15 minutes`);
    // A finished job claims the next by itself; this starts the chain and picks up any retry that comes due.
    void worker.poll();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Four runs of the same load: a fifth of benchmark 1's each, with its concurrency. */
function adapterSizes(options: BenchOptions) {
  const { total, concurrency, warmUp } = filingSizes(options);
  return { total: total / 5, concurrency, warmUp: warmUp / 3 };
}

function filingSizes(options: BenchOptions) {
  return options.quick
    ? { total: 100, concurrency: 8, warmUp: 30 }
    : { total: 5_000, concurrency: 32, warmUp: 300 };
}

/** 1. Filing through the whole pipeline vs a bare endpoint inserting one row, on the real PostgreSQL. */
export async function benchFiling(stage: Stage, options: BenchOptions): Promise<Comparison> {
  const app = await stage.postgresApp();
  const bare = await BareInsertServer.start(
    (sql) => stage.database().query(sql),
    stage.database().appUrl,
    20,
  );
  try {
    const { total, concurrency, warmUp } = filingSizes(options);
    const prefix = `bare-${Date.now().toString(36)}`;
    const bareUrl = `${bare.baseUrl}/bare/${FILING_TENANT}`;
    await fileMany(bareUrl, `${prefix}-warm`, warmUp, concurrency);
    const baseline = await fileMany(bareUrl, prefix, total, concurrency);
    options.progress(`  bare insert: ${describeLoad(baseline)}`);
    const pipeline = await filingRun(app, options);
    options.progress(`  whole pipeline: ${describeLoad(pipeline)}; ${describeReceipts(pipeline)}`);
    stage.filingOnPostgres = pipeline;
    const ratio = pipeline.perSecond / baseline.perSecond;
    return {
      benchmark: 'filing',
      measured: 'POST /api/v1/tenants/{t}/objections (whole pipeline, Fastify); receipts follow as jobs',
      baseline: 'bare Fastify endpoint inserting one row',
      unit: 'filings/s',
      value: round(pipeline.perSecond, 1),
      baselineValue: round(baseline.perSecond, 1),
      ratio: round(ratio, 3),
      target: 'ratio ≥ 0.40',
      met: ratio >= 0.4,
      details: { concurrency, pipeline: rounded(pipeline), baseline: rounded(baseline) },
    };
  } finally {
    await bare.close();
  }
}

/** 5. The same filing run on the embedded PGlite as on PostgreSQL. */
export async function benchPglite(stage: Stage, options: BenchOptions): Promise<Comparison> {
  const postgres = stage.filingOnPostgres ?? (await filingRun(await stage.postgresApp(), options));
  const embedded = await startApp(undefined, 'fastify', false);
  let pglite: FilingRun;
  try {
    pglite = await filingRun(embedded, options);
  } finally {
    await embedded.close();
  }
  options.progress(`  PGlite: ${describeLoad(pglite)}; ${describeReceipts(pglite)}`);
  return {
    benchmark: 'pglite',
    measured: 'filing run on embedded PGlite',
    baseline: 'the same filing run on PostgreSQL',
    unit: 'filings/s',
    value: round(pglite.perSecond, 1),
    baselineValue: round(postgres.perSecond, 1),
    ratio: round(pglite.perSecond / postgres.perSecond, 3),
    target: 'none: recorded so users know what the embedded default carries',
    met: true,
    details: {
      concurrency: filingSizes(options).concurrency,
      pglite: rounded(pglite),
      postgres: rounded(postgres),
    },
  };
}

function describeReceipts(r: FilingRun): string {
  return `receipts done ${r.receiptsDrainSeconds.toFixed(1)} s later = ${r.sustainedPerSecond.toFixed(1)}/s sustained`;
}

export function describeLoad(r: LoadResult): string {
  return `${r.requests} requests in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(1)}/s, p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms`;
}

function rounded(r: LoadResult): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v, 2)]));
}

/**
 * 6. The HTTP adapter, chosen by measurement: the filing run on Fastify (as deployed) and on Express, both on the
 * scratch database, in the order Fastify, Express, Express, Fastify so that a drifting machine favours neither.
 */
export async function benchAdapter(stage: Stage, options: BenchOptions): Promise<Comparison> {
  const fastify = await stage.postgresApp();
  const express = await startApp(stage.database().appUrl, 'express', false);
  const rates = { fastify: [] as number[], express: [] as number[] };
  try {
    for (const [name, app] of [
      ['fastify', fastify],
      ['express', express],
      ['express', express],
      ['fastify', fastify],
    ] as const) {
      const run = await filingRun(app, options, adapterSizes(options));
      rates[name].push(run.perSecond);
      options.progress(`  ${name}: ${describeLoad(run)}; ${describeReceipts(run)}`);
    }
  } finally {
    await express.close();
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const [onFastify, onExpress] = [mean(rates.fastify), mean(rates.express)];
  return {
    benchmark: 'adapter',
    measured: 'filing run on Express (without the Fastify-only hooks: an upper bound)',
    baseline: 'the same filing run on Fastify, as deployed',
    unit: 'filings/s',
    value: round(onExpress, 1),
    baselineValue: round(onFastify, 1),
    ratio: round(onExpress / onFastify, 3),
    target: 'none: the faster adapter is kept',
    met: true,
    details: { chosen: onFastify >= onExpress ? 'fastify' : 'express', runs: rates },
  };
}
