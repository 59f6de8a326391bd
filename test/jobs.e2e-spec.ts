import { setTimeout as sleep } from 'node:timers/promises';
import { ProblemError } from '../src/common/problems/problem.error';
import { Database } from '../src/database/database.service';
import { JobQueue } from '../src/jobs/job-queue.service';
import { ClaimedJob, JobWorker, JobWorkerOptions } from '../src/jobs/job-worker.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { startTestApp, TestApp } from './support/test-app';

interface JobRow {
  id: string;
  state: string;
  attempts: number;
  payload: Record<string, unknown>;
  result: Record<string, unknown> | null;
  error: string | null;
}

/**
 * The queue under background work (issue 7): with TEST_DATABASE_URL two workers on two app instances share one
 * PostgreSQL database, as two replicas would; on PGlite one worker runs. Each test uses job kinds of its own,
 * which the apps' own workers have no handler for and so never claim.
 */
describe('job queue', () => {
  const twoReplicas = Boolean(process.env.TEST_DATABASE_URL);
  let a: TestApp;
  let b: TestApp | undefined;
  const tenantIds: Record<'rivierstad' | 'heuveldorp', string> = {} as never;
  const workers: JobWorker[] = [];

  beforeAll(async () => {
    a = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    // The second replica: another app on the first one's database.
    if (twoReplicas)
      b = await startTestApp({ OUTBOX_POLL_MS: '600000', DATABASE_URL: a.config.databaseUrl! });
    for (const slug of ['rivierstad', 'heuveldorp'] as const) {
      tenantIds[slug] = (await a.app.get(TenantsService).requireBySlug(slug)).id;
    }
  }, 60_000);
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await b?.close();
    await a.close();
  });

  /** A worker of one replica, with a short poll interval and immediate retries. */
  const workerOn = (t: TestApp, options: Partial<JobWorkerOptions> = {}) => {
    const worker = new JobWorker(t.app.get(Database), t.app.get(TenantsService), {
      pollMs: 50,
      concurrency: 2,
      leaseMs: 60_000,
      maxAttempts: 3,
      retryDelayMs: () => 0,
      ...options,
    });
    workers.push(worker);
    return worker;
  };
  const inTenant = <T>(slug: keyof typeof tenantIds, work: Parameters<Database['forTenant']>[1]) =>
    a.app.get(Database).forTenant(tenantIds[slug], work) as Promise<T>;
  const enqueue = (slug: keyof typeof tenantIds, kind: string, payloads: object[]) =>
    inTenant<void>(slug, (db) => a.app.get(JobQueue).enqueueMany(db, tenantIds[slug], { kind, payloads }));
  const jobsOf = (kind: string, slug: keyof typeof tenantIds = 'rivierstad') =>
    inTenant<JobRow[]>(slug, (db) =>
      db.query(`SELECT id, state, attempts, payload, result, error FROM jobs WHERE kind = $1`, [kind]),
    );
  /** Waits (polling the database) until `check` holds; the ceiling only keeps a broken run from hanging. */
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 1_200; i++) {
      if (await check()) return;
      await sleep(50);
    }
    throw new Error(`gave up waiting until ${what}`);
  };
  const allFinished =
    (kind: string, slug: keyof typeof tenantIds = 'rivierstad') =>
    async () =>
      (await jobsOf(kind, slug)).every((j) => j.state === 'done' || j.state === 'failed');

  it('queues inside the unit of work: a rolled-back change leaves no job', async () => {
    await expect(
      inTenant('rivierstad', async (db) => {
        await a.app.get(JobQueue).enqueue(db, tenantIds.rivierstad, { kind: 'test.rollback', payload: {} });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await jobsOf('test.rollback')).toEqual([]);
    await inTenant('rivierstad', (db) =>
      a.app.get(JobQueue).enqueue(db, tenantIds.rivierstad, { kind: 'test.rollback', payload: { n: 1 } }),
    );
    expect(await jobsOf('test.rollback')).toEqual([
      expect.objectContaining({ state: 'queued', attempts: 0 }),
    ]);
  });

  it('runs 200 jobs of two tenants each exactly once', async () => {
    const runs = new Map<string, string[]>();
    const handler = (name: string) => async (job: ClaimedJob<{ n: number }>) => {
      await sleep(2);
      const key = `${job.tenantId}:${job.payload.n}`;
      runs.set(key, [...(runs.get(key) ?? []), name]);
      return { by: name };
    };
    const numbers = (from: number) => Array.from({ length: 100 }, (_, i) => ({ n: from + i }));
    await enqueue('rivierstad', 'test.count', numbers(0));
    await enqueue('heuveldorp', 'test.count', numbers(100));
    const first = workerOn(a);
    first.register('test.count', handler('first'));
    first.start();
    const second = b ? workerOn(b) : undefined;
    second?.register('test.count', handler('second'));
    second?.start();

    await until(
      'every job ran',
      async () => (await allFinished('test.count')()) && (await allFinished('test.count', 'heuveldorp')()),
    );
    const rows = [...(await jobsOf('test.count')), ...(await jobsOf('test.count', 'heuveldorp'))];
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.state !== 'done' || r.attempts !== 1)).toEqual([]);
    expect(runs.size).toBe(200);
    expect([...runs.entries()].filter(([, by]) => by.length !== 1)).toEqual([]);
    // Each job's recorded result is the run that did it.
    for (const row of rows) {
      const tenantId = rows.indexOf(row) < 100 ? tenantIds.rivierstad : tenantIds.heuveldorp;
      expect(row.result).toEqual({ by: runs.get(`${tenantId}:${String(row.payload.n)}`)![0] });
    }
    if (second) {
      // Both replicas took part: the work was really shared out, not run by one while the other idled.
      const by = new Set([...runs.values()].flat());
      expect(by).toEqual(new Set(['first', 'second']));
    }
    await first.stop();
    await second?.stop();
  }, 120_000);

  it('claims the jobs of a worker that died mid-run again once their lease runs out, and ignores it if it comes back', async () => {
    const frozen: string[] = [];
    let thaw!: () => void;
    const thawed = new Promise<void>((resolve) => (thaw = resolve));
    const dying = workerOn(a, { leaseMs: 1_000 });
    // A pod that stops mid-run: it took two jobs (its concurrency) and never gets further.
    dying.register('test.crash', async (job: ClaimedJob) => {
      frozen.push(job.id);
      await thawed;
      return { by: 'dying' };
    });
    await enqueue(
      'rivierstad',
      'test.crash',
      Array.from({ length: 6 }, (_, n) => ({ n })),
    );
    dying.start();
    await until('the dying worker holds two jobs', async () => frozen.length === 2);
    const stopped = dying.stop();

    const effects = new Map<string, number>();
    const rescuer = workerOn(b ?? a);
    rescuer.register('test.crash', async (job: ClaimedJob) => {
      effects.set(job.id, (effects.get(job.id) ?? 0) + 1);
      return { by: 'rescuer' };
    });
    rescuer.start();
    await until('every job ran', async () => (await jobsOf('test.crash')).every((j) => j.state === 'done'));
    const rows = await jobsOf('test.crash');
    expect(rows).toHaveLength(6);
    expect([...effects.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(rows.filter((r) => frozen.includes(r.id)).map((r) => r.attempts)).toEqual([2, 2]);
    expect(rows.filter((r) => !frozen.includes(r.id)).map((r) => r.attempts)).toEqual([1, 1, 1, 1]);

    // The frozen worker comes back and finishes its stale runs: nothing it says is recorded.
    thaw();
    await stopped;
    const after = await jobsOf('test.crash');
    expect(after.map((r) => [r.state, r.result])).toEqual(rows.map(() => ['done', { by: 'rescuer' }]));
    await rescuer.stop();
  }, 60_000);

  it('retries a failing job with back-off and fails it after the last attempt, with the error text', async () => {
    const calls = new Map<string, number>();
    const worker = workerOn(a);
    worker.register('test.flaky', async (job: ClaimedJob<{ mode: string }>) => {
      const n = (calls.get(job.payload.mode) ?? 0) + 1;
      calls.set(job.payload.mode, n);
      if (job.payload.mode === 'refused') {
        throw ProblemError.conflict(
          'not-open',
          'Deze zaak is al besloten en kan geen tweede besluit krijgen.',
        );
      }
      if (job.payload.mode === 'always' || n <= 2) throw new Error(`mail server away (attempt ${n})`);
      return { succeededOn: n };
    });
    await enqueue('rivierstad', 'test.flaky', [{ mode: 'always' }, { mode: 'twice' }, { mode: 'refused' }]);
    // A job whose every run was cut short (three claims, the last lease expired) is not started a fourth time.
    await inTenant('rivierstad', (db) =>
      db.query(
        `INSERT INTO jobs (tenant_id, kind, payload, state, attempts, locked_until)
         VALUES ($1, 'test.flaky', '{"mode":"abandoned"}', 'running', 3, now() - interval '1 minute')`,
        [tenantIds.rivierstad],
      ),
    );
    worker.start();
    await until('every job is finished', allFinished('test.flaky'));

    const byMode = Object.fromEntries((await jobsOf('test.flaky')).map((r) => [r.payload.mode, r]));
    expect(byMode.always).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: 'mail server away (attempt 3)',
    });
    expect(byMode.twice).toMatchObject({
      state: 'done',
      attempts: 3,
      result: { succeededOn: 3 },
      error: null,
    });
    // A refusal would be refused again: no retry.
    expect(byMode.refused).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'Deze zaak is al besloten en kan geen tweede besluit krijgen.',
    });
    expect(byMode.abandoned).toMatchObject({ state: 'failed', attempts: 4 });
    expect(byMode.abandoned.error).toContain('3 keer begonnen');
    expect(Object.fromEntries(calls)).toEqual({ always: 3, twice: 3, refused: 1 });
    await worker.stop();
  }, 60_000);

  it('lets running jobs finish, with their database, when the app shuts down', async () => {
    const t = await startTestApp({ OUTBOX_POLL_MS: '100' });
    const tenantId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let wroteAtTheEnd = false;
    // The app's own worker, with a handler registered as a module would.
    t.app.get(JobWorker).register('test.shutdown', async () => {
      started();
      await released;
      // Only possible while the database is still open.
      await t.app.get(Database).forTenant(tenantId, (db) => db.query(`SELECT 1`));
      wroteAtTheEnd = true;
      return { finished: true };
    });
    await t.app
      .get(Database)
      .forTenant(tenantId, (db) =>
        t.app.get(JobQueue).enqueue(db, tenantId, { kind: 'test.shutdown', payload: {} }),
      );
    await running;
    let closed = false;
    const closing = t.close().then(() => (closed = true));
    await sleep(200);
    expect(closed).toBe(false);
    release();
    await closing;
    expect(wroteAtTheEnd).toBe(true);
  }, 60_000);
});
