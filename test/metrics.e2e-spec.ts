import { setTimeout as sleep } from 'node:timers/promises';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Database } from '../src/database/database.service';
import { JobQueue } from '../src/jobs/job-queue.service';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const TOKEN = 'metrics-test-token-5f0c2a';

/** Prometheus metrics at /metrics (issue 7), guarded by METRICS_TOKEN. */
describe('metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Background work only when the test asks for it.
    t = await startTestApp({ METRICS_TOKEN: TOKEN, OUTBOX_POLL_MS: '600000' });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const scrape = async () => {
    const response = await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    return response.text;
  };
  /** The value of one sample line, e.g. `bezwaar_outbox_pending` or `x_total{kind="receipt"}`; 0 when absent. */
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  it('answers only the bearer of METRICS_TOKEN', async () => {
    await t.http().get('/metrics').expect(404);
    await t.http().get('/metrics').set('Authorization', 'Bearer wrong').expect(404);
    await t.http().get('/metrics').set('Authorization', TOKEN).expect(404);
    const text = await scrape();
    // The process metrics of prom-client come along.
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('times requests by route template and counts filings, letters, e-mails and queued work', async () => {
    const before = await scrape();
    const filed = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', 'metrics-test-0001')
      .send(bosObjection())
      .expect(201);
    const reference = (filed.body as { reference: string }).reference;
    // A replay of the same filing is no second filing.
    await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', 'metrics-test-0001')
      .send(bosObjection())
      .expect(201);
    const token = await t.tokenFor('rivierstad');
    await t
      .http()
      .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    await t.http().get('/no/such/page/at/all').expect(404);
    // The receipt is rendered, and its e-mail queued, by a job after the filing.
    await t.jobsDone();

    const after = await scrape();
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('bezwaar_objections_filed_total{tenant="rivierstad"}')).toBe(1);
    expect(
      delta(
        'http_request_duration_seconds_count{method="POST",route="/api/v1/tenants/:tenant/objections",status="201"}',
      ),
    ).toBe(2);
    expect(
      delta(
        'http_request_duration_seconds_count{method="GET",route="/api/v1/tenants/:tenant/objections/:reference",status="200"}',
      ),
    ).toBe(1);
    expect(delta('http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBe(1);
    // Never a raw URL: no case reference, no token, no unmatched path in any label.
    expect(after).not.toContain(reference);
    expect(after).not.toContain('/no/such/page');
    expect(after).not.toContain(token);
    // The filing's receipt letter, and its e-mail waiting in the outbox.
    const letters = [...after.matchAll(/^bezwaar_letters_rendered_total\{kind="(\w+)"\} (\d+)/gm)];
    expect(letters.length).toBeGreaterThan(0);
    expect(sample(after, 'bezwaar_outbox_pending')).toBe(1);

    // Sent (written as .eml: no SMTP_URL here), the outbox is empty and the e-mail counted.
    expect(await t.app.get(OutboxDispatcher).dispatchDue()).toBe(1);
    const tenantId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
    await t.app
      .get(Database)
      .forTenant(tenantId, (db) =>
        t.app.get(JobQueue).enqueueMany(db, tenantId, { kind: 'test.metrics', payloads: [{}, {}, {}] }),
      );
    const sent = await scrape();
    expect(sample(sent, 'bezwaar_outbox_pending')).toBe(0);
    expect(
      sample(sent, 'bezwaar_emails_total{outcome="sent"}') -
        sample(after, 'bezwaar_emails_total{outcome="sent"}'),
    ).toBe(1);
    expect(sample(sent, 'bezwaar_jobs{state="queued"}')).toBe(3);
    expect(sample(sent, 'bezwaar_jobs{state="running"}')).toBe(0);
    if (process.env.TEST_DATABASE_URL) {
      expect(sample(sent, 'bezwaar_db_pool_connections{state="total"}')).toBeGreaterThan(0);
      expect(sent).toMatch(/^bezwaar_db_pool_connections\{state="waiting"\} 0$/m);
    } else {
      // The embedded database has no pool.
      expect(sent).not.toMatch(/^bezwaar_db_pool_connections\{/m);
    }
  });
});

/**
 * Graceful shutdown: closing the app (SIGTERM → app.close(), enableShutdownHooks) lets a request in flight
 * finish with its database, while the listening socket takes no new connections.
 */
describe('graceful shutdown', () => {
  it('finishes a filing that is in flight when the app closes', async () => {
    const t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    // Hold the filing up inside the database, so it is surely in flight when the close begins.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding: Promise<unknown>;
    const admin = process.env.TEST_DATABASE_URL;
    if (admin) {
      // As the owner, on the app's database: a lock the filing's insert has to wait for.
      const owner = new URL(admin);
      owner.pathname = new URL(t.config.databaseUrl!).pathname;
      const lock = new Client({ connectionString: owner.toString() });
      await lock.connect();
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE objections IN EXCLUSIVE MODE');
      holding = released.then(() => lock.query('COMMIT')).finally(() => lock.end());
    } else {
      // PGlite has one session: a unit of work that stays open keeps every other one waiting.
      holding = t.app.get(Database).forPlatform(() => released);
    }

    const filing = fetch(`${base}/api/v1/tenants/rivierstad/objections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'shutdown-test-0001' },
      body: JSON.stringify(bosObjection()),
    });
    await sleep(300);
    let closed = false;
    const closing = t.close().then(() => (closed = true));
    await sleep(300);
    expect(closed).toBe(false);
    // No new connections once closing began.
    await expect(fetch(`${base}/api/v1/health/live`)).rejects.toThrow('fetch failed');

    release();
    const response = await filing;
    expect(response.status).toBe(201);
    // The connection closes with the response, so the close need not wait for the client to let go.
    expect(response.headers.get('connection')).toBe('close');
    await holding;
    await closing;
    expect(closed).toBe(true);
    // 201 is answered after the filing's transaction committed: the database was still there.
  }, 60_000);
});
