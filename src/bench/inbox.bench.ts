import { AppUnderTest } from './app-under-test';
import { FILING_TENANT, filingRun } from './filing.bench';
import { percentile } from './load';
import { BenchOptions, Comparison, round } from './result';
import type { ScratchDatabase } from './scratch-database';
import type { Stage } from './stage';

const TENANTS = 300;
/** The measured tenant is a large city: this share of all objections is its own, the rest is spread evenly. */
const MEASURED_SHARE = 0.1;
/** Rows per INSERT … generate_series statement, so a large load shows progress and keeps its WAL in bounds. */
const CHUNK = 100_000;

/** What a handler asks the inbox for, in turn: the default page, the other orders and the common filters. */
const QUERIES = [
  '',
  'sort=received',
  'sort=contact',
  'overdue=true',
  'assignee=none',
  'q=Inwoner%2012',
  'atRisk=true',
];

/**
 * `SELECT` list copying every column of `table` from `t`, except those given an expression: new columns added
 * by later migrations are copied from the template row instead of breaking the load.
 */
async function copyColumns(
  db: ScratchDatabase,
  table: string,
  overrides: Record<string, string>,
): Promise<{ columns: string; values: string }> {
  const rows = await db.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const names = rows.map((r) => r.name);
  return {
    columns: names.join(', '),
    values: names.map((n) => overrides[n] ?? `t.${n}`).join(', '),
  };
}

/** The measured tenant's copies, with its regulations, so that TENANTS municipalities hold objections. */
async function addTenants(db: ScratchDatabase): Promise<void> {
  const [{ count }] = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM tenants WHERE slug LIKE 'bench-%'`,
  );
  const more = TENANTS - 1 - count;
  if (more <= 0) return;
  const tenants = await copyColumns(db, 'tenants', {
    id: 'gen_random_uuid()',
    slug: `'bench-' || g`,
    name: `'Gemeente Bench ' || g`,
  });
  await db.query(
    `INSERT INTO tenants (${tenants.columns}) SELECT ${tenants.values}
       FROM tenants t, generate_series(1, ${more}) g WHERE t.slug = '${FILING_TENANT}'`,
  );
  // Same regulation ids in every tenant (the key is tenant_id, id), so a copied case's regulation_id fits.
  for (const table of ['regulations', 'regulation_versions']) {
    const copy = await copyColumns(db, table, { tenant_id: 'n.id' });
    await db.query(
      `INSERT INTO ${table} (${copy.columns}) SELECT ${copy.values}
         FROM ${table} t JOIN tenants s ON s.id = t.tenant_id AND s.slug = '${FILING_TENANT}'
         JOIN tenants n ON n.slug LIKE 'bench-%'`,
    );
  }
}

/**
 * Brings the objections to `total`: copies of one filed case with their own tenant, id, reference, token,
 * objector, status, receipt and deadlines, so the inbox's indexes see a realistic spread. The measured tenant
 * gets MEASURED_SHARE of them.
 */
async function loadObjections(db: ScratchDatabase, total: number, options: BenchOptions): Promise<void> {
  const [{ template }] = await db.query<{ template: string }>(
    `SELECT o.id AS template FROM objections o JOIN tenants s ON s.id = o.tenant_id
      WHERE s.slug = '${FILING_TENANT}' ORDER BY o.received_at LIMIT 1`,
  );
  const ids = (
    await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE slug = '${FILING_TENANT}' OR slug LIKE 'bench-%' ORDER BY slug = '${FILING_TENANT}' DESC, slug`,
    )
  ).map((r) => r.id);
  const [{ have }] = await db.query<{ have: number }>(`SELECT count(*)::int AS have FROM objections`);
  const columns = await copyColumns(db, 'objections', {
    // g picks the measured tenant (first in the array) for MEASURED_SHARE of the rows, the others in turn.
    tenant_id: `CASE WHEN g % 1000 < ${MEASURED_SHARE * 1000} THEN ($1::uuid[])[1] ELSE ($1::uuid[])[2 + g % ${ids.length - 1}] END`,
    id: 'gen_random_uuid()',
    reference: `'BENCH-' || g`,
    case_token_hash: `md5('bench' || g)`,
    receipt_document_id: 'NULL',
    // The sealed contact details are bound to the template's tenant and would not decrypt in another: left out.
    objector: `jsonb_set(t.objector - 'sealed', '{name}', to_jsonb('Inwoner ' || g))`,
    representative: `t.representative - 'sealed'`,
    status: `(ARRAY['received','received','informal_contact','formal_procedure','formal_procedure','decided','closed'])[1 + g % 7]`,
    received_at: `now() - make_interval(days => g % 400, secs => g % 86400)`,
    next_deadline: `CASE WHEN g % 11 = 0 THEN NULL ELSE current_date + (g % 150 - 30) END`,
    decision_term_ends: `current_date + (g % 150 - 30)`,
    first_contact_at: `CASE WHEN g % 3 = 0 THEN NULL ELSE now() - make_interval(days => g % 300) END`,
    person_bsn_index: 'NULL',
    person_naw_index: 'NULL',
    citizen_subject: 'NULL',
    assignee_id: 'NULL',
  });
  for (let from = have + 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await db.query(
      `INSERT INTO objections (${columns.columns}) SELECT ${columns.values}
         FROM objections t, generate_series(${from}, ${to}) g WHERE t.id = '${template}'`,
      [`{${ids.join(',')}}`],
    );
    if (total > CHUNK)
      options.progress(`  loaded ${to.toLocaleString('en')} of ${total.toLocaleString('en')} objections`);
  }
  // What autovacuum does to a table in use: statistics, and the visibility map that index-only counts rely on
  // (right after a bulk load every one of them would visit the table instead).
  await db.query('VACUUM (ANALYZE) objections');
  await db.query('ANALYZE');
}

/** Sequential GETs of the measured tenant's inbox through HTTP, as a handler's browser asks; ms, sorted, per query. */
async function inboxLatencies(
  app: AppUnderTest,
  token: string,
  requests: number,
): Promise<{ all: number[]; byQuery: Record<string, number[]> }> {
  const url = `${app.baseUrl}/api/v1/tenants/${FILING_TENANT}/inbox`;
  const byQuery: Record<string, number[]> = Object.fromEntries(QUERIES.map((q) => [q || '(default)', []]));
  for (let i = -QUERIES.length; i < requests; i++) {
    const query = QUERIES[(i + QUERIES.length) % QUERIES.length];
    const t0 = performance.now();
    const response = await fetch(query ? `${url}?${query}` : url, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`inbox ?${query}: ${response.status} ${body.slice(0, 300)}`);
    if (i >= 0) byQuery[query || '(default)'].push(performance.now() - t0); // the first round warms up
  }
  for (const latencies of Object.values(byQuery)) latencies.sort((a, b) => a - b);
  return {
    all: Object.values(byQuery)
      .flat()
      .sort((a, b) => a - b),
    byQuery,
  };
}

/** p95 per query, to see which one a change should aim at. */
function p95ByQuery(byQuery: Record<string, number[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(byQuery).map(([q, ms]) => [q, round(percentile(ms, 95), 1)]));
}

/** 2. Inbox p95 at the large size vs the same at a tenth of it, objections over 300 tenants. */
export async function benchInbox(stage: Stage, options: BenchOptions): Promise<Comparison> {
  const app = await stage.postgresApp();
  const db = stage.database();
  const [small, large] = options.quick ? [2_000, 20_000] : [100_000, 1_000_000];
  const requests = options.quick ? 70 : 1_400;
  const [{ filed }] = await db.query<{ filed: number }>(`SELECT count(*)::int AS filed FROM objections`);
  if (!filed) await filingRun(app, { ...options, quick: true });
  await addTenants(db);
  const token = await app.handlerToken(FILING_TENANT);

  await loadObjections(db, small, options);
  const small95 = await inboxLatencies(app, token, requests);
  const atSmall = small95.all;
  options.progress(
    `  ${small.toLocaleString('en')} objections: p95 ${percentile(atSmall, 95).toFixed(1)} ms ${JSON.stringify(p95ByQuery(small95.byQuery))}`,
  );
  await loadObjections(db, large, options);
  const large95 = await inboxLatencies(app, token, requests);
  const atLarge = large95.all;
  options.progress(
    `  ${large.toLocaleString('en')} objections: p95 ${percentile(atLarge, 95).toFixed(1)} ms ${JSON.stringify(p95ByQuery(large95.byQuery))}`,
  );

  const p95 = percentile(atLarge, 95);
  const baseline = percentile(atSmall, 95);
  const [{ own }] = await db.query<{ own: number }>(
    `SELECT count(*)::int AS own FROM objections o JOIN tenants s ON s.id = o.tenant_id WHERE s.slug = '${FILING_TENANT}'`,
  );
  return {
    benchmark: 'inbox',
    measured: `GET /api/v1/tenants/{t}/inbox p95 at ${large.toLocaleString('en')} objections`,
    baseline: `the same at ${small.toLocaleString('en')} objections`,
    unit: 'ms (p95)',
    value: round(p95, 1),
    baselineValue: round(baseline, 1),
    ratio: round(p95 / baseline, 3),
    target: 'p95 ≤ 50 ms at 1M and ≤ 1.5 × the 100k figure',
    met: p95 <= 50 && p95 <= 1.5 * baseline,
    details: {
      tenants: TENANTS,
      measuredTenantObjectionsAtLarge: own,
      requestsPerSize: requests,
      queries: QUERIES,
      p50Ms: { large: round(percentile(atLarge, 50), 1), small: round(percentile(atSmall, 50), 1) },
      p95MsByQuery: { large: p95ByQuery(large95.byQuery), small: p95ByQuery(small95.byQuery) },
    },
  };
}
