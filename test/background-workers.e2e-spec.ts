import { setTimeout as sleep } from 'node:timers/promises';
import { Database } from '../src/database/database.service';
import { JobQueue } from '../src/jobs/job-queue.service';
import { ClaimedJob, JobWorker } from '../src/jobs/job-worker.service';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { enqueueEmail } from '../src/messaging/outbox';
import { TenantsService } from '../src/tenancy/tenants.service';
import { SmtpSink } from './support/smtp-sink';
import { bosObjection } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Two replicas as deployed (issue 7): each app's OWN JobWorker and OutboxDispatcher run on their timers at the
 * same time, on one database, sending to one mail server. test/jobs.e2e-spec.ts proves the queue's claiming
 * with hand-made workers; this proves the deployed configuration. With TEST_DATABASE_URL the second replica is
 * a second app on the same PostgreSQL database; PGlite is one process's own database (one session), so there
 * the second replica is a second worker and dispatcher inside the one app.
 */
/** Enough that both replicas claim many at the same moment; more only makes the test slower. */
const JOBS_PER_TENANT = 60;
const MAILS_PER_TENANT = 25;

describe('background work on two replicas', () => {
  let a: TestApp;
  let b: TestApp | undefined;
  let sink: SmtpSink;
  const tenantIds: Record<string, string> = {};
  let second: { worker: JobWorker; dispatcher: OutboxDispatcher };

  beforeAll(async () => {
    sink = new SmtpSink();
    const env = { SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '100' };
    a = await startTestApp(env);
    if (process.env.TEST_DATABASE_URL) {
      b = await startTestApp({ ...env, DATABASE_URL: a.config.databaseUrl! });
      second = { worker: b.app.get(JobWorker), dispatcher: b.app.get(OutboxDispatcher) };
    } else {
      const [database, tenants] = [a.app.get(Database), a.app.get(TenantsService)];
      second = {
        worker: new JobWorker(database, tenants, {
          pollMs: 100,
          concurrency: 2,
          leaseMs: 300_000,
          maxAttempts: 3,
        }),
        dispatcher: new OutboxDispatcher(database, tenants, a.config),
      };
      second.dispatcher.onApplicationBootstrap();
    }
    for (const slug of ['rivierstad', 'heuveldorp']) {
      tenantIds[slug] = (await a.app.get(TenantsService).requireBySlug(slug)).id;
    }
  }, 60_000);
  afterAll(async () => {
    if (!b) {
      await second.worker.stop();
      await second.dispatcher.beforeApplicationShutdown();
    }
    await b?.close();
    await a.close();
    await sink.stop();
  });

  const inTenant = <T>(slug: string, work: Parameters<Database['forTenant']>[1]) =>
    a.app.get(Database).forTenant(tenantIds[slug], work) as Promise<T>;
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 1_200; i++) {
      if (await check()) return;
      await sleep(50);
    }
    throw new Error(`gave up waiting until ${what}`);
  };
  const jobs = (slug: string, kind: string) =>
    inTenant<{ id: string; state: string; attempts: number; result: { by: string } | null }[]>(slug, (db) =>
      db.query(`SELECT id, state, attempts, result FROM jobs WHERE kind = $1`, [kind]),
    );

  it('runs every job once and sends every e-mail once while both replicas work at the same time', async () => {
    const runs = new Map<string, string[]>();
    const handler = (replica: string) => async (job: ClaimedJob) => {
      await sleep(1);
      runs.set(job.id, [...(runs.get(job.id) ?? []), replica]);
      return { by: replica };
    };
    a.app.get(JobWorker).register('test.replicas', handler('a'));
    second.worker.register('test.replicas', handler('b'));
    if (!b) second.worker.start();

    for (const slug of ['rivierstad', 'heuveldorp']) {
      await inTenant(slug, async (db) => {
        await a.app.get(JobQueue).enqueueMany(db, tenantIds[slug], {
          kind: 'test.replicas',
          payloads: Array.from({ length: JOBS_PER_TENANT }, (_, n) => ({ n })),
        });
        for (let n = 0; n < MAILS_PER_TENANT; n++) {
          await enqueueEmail(db, tenantIds[slug], {
            to: ['inwoner@example.nl'],
            subject: `Bericht ${slug} ${n}`,
            text: 'Test',
          });
        }
      });
    }

    await until('every job and e-mail is done', async () => {
      const all = [
        ...(await jobs('rivierstad', 'test.replicas')),
        ...(await jobs('heuveldorp', 'test.replicas')),
      ];
      return all.every((j) => j.state === 'done') && sink.messages.length >= 2 * MAILS_PER_TENANT;
    });
    // Both timers keep running: a duplicate would show up now if one were coming.
    await sleep(500);

    const all = [
      ...(await jobs('rivierstad', 'test.replicas')),
      ...(await jobs('heuveldorp', 'test.replicas')),
    ];
    expect(all).toHaveLength(2 * JOBS_PER_TENANT);
    expect(all.filter((j) => j.attempts !== 1)).toEqual([]);
    expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    expect(runs.size).toBe(2 * JOBS_PER_TENANT);
    // Both replicas took part: the claims really did compete.
    expect(new Set([...runs.values()].flat())).toEqual(new Set(['a', 'b']));
    for (const job of all) expect(job.result).toEqual({ by: runs.get(job.id)![0] });

    expect(sink.messages).toHaveLength(2 * MAILS_PER_TENANT);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(2 * MAILS_PER_TENANT);
    expect(new Set(sink.messages.map((m) => m.subject)).size).toBe(2 * MAILS_PER_TENANT);
    for (const slug of ['rivierstad', 'heuveldorp']) {
      const unsent = await inTenant<{ n: number }[]>(slug, (db) =>
        db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE sent_at IS NULL`),
      );
      expect(unsent[0].n).toBe(0);
    }
  }, 120_000);

  it('lets the other replica finish a job whose worker died, once its lease has run out', async () => {
    let frozen: string | undefined;
    let thaw!: () => void;
    const thawed = new Promise<void>((resolve) => (thaw = resolve));
    const effects = new Map<string, string[]>();
    // Replica a takes the job and stops mid-run (a pod that died); replica b would finish it.
    a.app.get(JobWorker).register('test.dies', async (job: ClaimedJob) => {
      frozen = job.id;
      await thawed;
      return { by: 'a' };
    });
    await inTenant('rivierstad', (db) =>
      a.app.get(JobQueue).enqueue(db, tenantIds.rivierstad, { kind: 'test.dies', payload: {} }),
    );
    await until('replica a holds the job', async () => frozen !== undefined);
    // Dead: replica a claims nothing more (its run never ends until thawed below).
    const stopped = a.app.get(JobWorker).stop();
    second.worker.register('test.dies', async (job: ClaimedJob) => {
      effects.set(job.id, [...(effects.get(job.id) ?? []), 'b']);
      return { by: 'b' };
    });
    // While the lease holds, nobody else takes it.
    await sleep(500);
    expect(effects.size).toBe(0);

    // The lease (5 minutes in production) runs out: moved into the past instead of waited for.
    await a.asOwner(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE kind = 'test.dies'`);
    await until('replica b finished it', async () =>
      (await jobs('rivierstad', 'test.dies')).every((j) => j.state === 'done'),
    );
    expect([...effects.entries()]).toEqual([[frozen, ['b']]]);

    // The "dead" worker comes back and finishes: its late outcome is not recorded.
    thaw();
    await stopped;
    expect(await jobs('rivierstad', 'test.dies')).toEqual([
      expect.objectContaining({ state: 'done', attempts: 2, result: { by: 'b' } }),
    ]);
  }, 60_000);
});

/**
 * Serving pods beside worker pods of their own (the chart's `workers`): the serving replica files and claims no
 * background work on its own; a worker replica renders the receipt and sends its e-mail.
 */
describe('a serving replica with BACKGROUND_WORK=off beside a worker replica', () => {
  let api: TestApp;
  let worker: TestApp | undefined;
  let dispatcher: OutboxDispatcher | undefined;
  let sink: SmtpSink;
  let env: Record<string, string>;

  beforeAll(async () => {
    sink = new SmtpSink();
    env = { SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '100' };
    api = await startTestApp({ ...env, BACKGROUND_WORK: 'off' });
  }, 60_000);
  afterAll(async () => {
    await dispatcher?.beforeApplicationShutdown();
    await worker?.close();
    await api.close();
    await sink.stop();
  });

  it('files the objection and leaves its receipt and e-mail to the worker', async () => {
    const filed = await api
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', 'serving-replica-1')
      .send(bosObjection());
    expect(filed.status).toBe(201);
    const receiptJobs = () =>
      api.asOwner<{ state: string }>(`SELECT state FROM jobs WHERE kind = 'filing-receipt'`);
    // Ten of its poll periods: the serving replica took nothing.
    await sleep(1_000);
    expect(await receiptJobs()).toEqual([{ state: 'queued' }]);
    expect(sink.messages).toHaveLength(0);

    if (process.env.TEST_DATABASE_URL) {
      // Replicas share their secrets (one Kubernetes Secret): here through the files in the first one's DATA_DIR.
      worker = await startTestApp({
        ...env,
        DATABASE_URL: api.config.databaseUrl!,
        DATA_DIR: api.config.dataDir,
      });
    } else {
      // PGlite is this process's own database: the worker pod's timers run inside this app instead.
      api.app.get(JobWorker).start();
      dispatcher = new OutboxDispatcher(api.app.get(Database), api.app.get(TenantsService), {
        ...api.config,
        backgroundWork: true,
      });
      dispatcher.onApplicationBootstrap();
    }
    for (let i = 0; i < 300 && !sink.messages.length; i++) await sleep(50);
    expect(await receiptJobs()).toEqual([{ state: 'done' }]);
    expect(sink.messages.map((m) => (m.to as { text: string }).text)).toEqual([
      expect.stringContaining('bo.devries@example.nl'),
    ]);
  }, 60_000);
});
