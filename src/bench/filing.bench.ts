import { addDays, todayInAmsterdam } from '../deadlines/local-date';
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

/** One measured filing run against the whole app: the same sizes for PostgreSQL and PGlite. */
export async function filingRun(app: AppUnderTest, options: BenchOptions): Promise<LoadResult> {
  const url = `${app.baseUrl}/api/v1/tenants/${FILING_TENANT}/objections`;
  const prefix = `bench-${Date.now().toString(36)}-${++runs}`;
  const { total, concurrency, warmUp } = filingSizes(options);
  await fileMany(url, `${prefix}-warm`, warmUp, concurrency);
  return fileMany(url, prefix, total, concurrency);
}

function filingSizes(options: BenchOptions) {
  return options.quick
    ? { total: 150, concurrency: 8, warmUp: 30 }
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
    options.progress(`  whole pipeline: ${describeLoad(pipeline)}`);
    stage.filingOnPostgres = pipeline;
    const ratio = pipeline.perSecond / baseline.perSecond;
    return {
      benchmark: 'filing',
      measured: 'POST /api/v1/tenants/{t}/objections (whole pipeline, Fastify)',
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
  const embedded = await startApp();
  let pglite: LoadResult;
  try {
    pglite = await filingRun(embedded, options);
  } finally {
    await embedded.close();
  }
  options.progress(`  PGlite: ${describeLoad(pglite)}`);
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

export function describeLoad(r: LoadResult): string {
  return `${r.requests} requests in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(1)}/s, p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms`;
}

function rounded(r: LoadResult): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v, 2)]));
}
