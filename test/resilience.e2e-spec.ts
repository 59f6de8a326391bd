import { Client } from 'pg';
import type { Response } from 'supertest';
import { bosObjection } from './support/fixtures';
import { PrivatePostgres } from './support/private-postgres';
import { startTestApp, TestApp } from './support/test-app';

const DATABASE = 'bezwaar_resilience';
const FILINGS = 36;
const CLIENTS = 6;
/** Filings accepted before the crash: the rest arrive while the database is down or coming back. */
const CRASH_AFTER = 8;

/** What one client saw for one Idempotency-Key, attempt by attempt. */
interface Filing {
  key: string;
  /** Every answer: an HTTP status, or 'no answer' when the request itself failed or timed out. */
  answers: (number | 'no answer')[];
  /** The reference of every 201 (more than one when a retry was answered from the stored first result). */
  references: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Nothing lost, nothing twice, on a real PostgreSQL that crashes (pg_ctl stop -m immediate) in the middle of a
 * burst of filings. Each client retries with the same Idempotency-Key until it gets a 201, as a real client
 * would. The server is this test's own: the shared one serves other tests meanwhile.
 */
describe('filing while PostgreSQL crashes and comes back', () => {
  let pg: PrivatePostgres | undefined;
  let t: TestApp | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    pg = await PrivatePostgres.start();
    const url = await pg.prepareDatabase(DATABASE);
    // A short poll, so that the background senders also meet the outage.
    t = await startTestApp({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4', OUTBOX_POLL_MS: '200' });
  }, 90_000);

  afterAll(async () => {
    await t?.close();
    await pg?.destroy();
    process.off('unhandledRejection', onUnhandled);
  });

  /** Owner queries on the private server (past row-level security). */
  const asOwner = async <T>(sql: string): Promise<T[]> => {
    const client = new Client({ connectionString: pg!.url(DATABASE) });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

  const expectUnavailable = (response: Response) => {
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body).toMatchObject({ status: 503, type: 'urn:bezwaarplatform:problem:unavailable' });
    // Nothing of the database's own words reaches the client.
    expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|terminat|postgres|57P0/i);
  };

  it('answers 503 problem+json while the database is down, recovers without a restart, and stores every accepted filing exactly once', async () => {
    const app = t!;
    const filings: Filing[] = Array.from({ length: FILINGS }, (_, i) => ({
      key: `resilience-${String(i).padStart(3, '0')}-${Date.now()}`,
      answers: [],
      references: [],
    }));
    let accepted = 0;
    let crashed = false;
    let answeredDuringOutage = 0;
    let reachedCrashPoint!: () => void;
    const crashPoint = new Promise<void>((resolve) => (reachedCrashPoint = resolve));

    /** One client: sends until 201, waiting as Retry-After says after a 503, briefly after no answer. */
    const fileUntilAccepted = async (filing: Filing) => {
      const giveUpAt = Date.now() + 40_000;
      while (Date.now() < giveUpAt) {
        let response: Response;
        try {
          response = await app
            .http()
            .post('/api/v1/tenants/rivierstad/objections')
            .set('Idempotency-Key', filing.key)
            .send(bosObjection({ grounds: { hints: [], text: `Bezwaar ${filing.key}` } }))
            .timeout(10_000);
        } catch {
          filing.answers.push('no answer');
          await sleep(200);
          continue;
        }
        filing.answers.push(response.status);
        if (response.status === 201) {
          filing.references.push((response.body as { reference: string }).reference);
          if (++accepted === CRASH_AFTER) reachedCrashPoint();
          return;
        }
        // Anything but "try again later" is a bug in this test's request or in the service.
        if (response.status !== 503) {
          throw new Error(`${filing.key}: ${response.status} ${JSON.stringify(response.body)}`);
        }
        expectUnavailable(response);
        if (crashed) answeredDuringOutage++;
        await sleep(Number(response.headers['retry-after']) * 1000);
      }
      throw new Error(`${filing.key} was never accepted: ${filing.answers.join(', ')}`);
    };

    const queue = [...filings];
    const clients = Array.from({ length: CLIENTS }, async () => {
      for (let filing = queue.shift(); filing; filing = queue.shift()) await fileUntilAccepted(filing);
    });
    const burst = Promise.all(clients);
    burst.catch(() => undefined);

    await crashPoint;
    await pg!.crash();
    crashed = true;

    // Down: the API says so, clearly and with a time to retry; a filing that got no 201 is not stored.
    const probeKey = `resilience-probe-${Date.now()}`;
    expectUnavailable(
      await app
        .http()
        .post('/api/v1/tenants/rivierstad/objections')
        .set('Idempotency-Key', probeKey)
        .send(bosObjection()),
    );
    expectUnavailable(await app.http().get('/api/v1/health/ready'));
    expectUnavailable(await app.http().get('/api/v1/health'));
    // A citizen on the portal gets a page that says so, not "something went wrong".
    const portal = await app.http().get('/rivierstad');
    expect(portal.status).toBe(503);
    expect(portal.headers['retry-after']).toBe('2');
    expect(portal.text).toContain('Even niet bereikbaar');
    // Alive all the same: an orchestrator must not restart the process over its database.
    expect((await app.http().get('/api/v1/health/live')).status).toBe(200);
    // The burst's clients meet the outage too before it ends.
    for (let waited = 0; answeredDuringOutage === 0 && waited < 10_000; waited += 100) await sleep(100);
    expect(answeredDuringOutage).toBeGreaterThan(0);

    await pg!.restart();
    await burst;

    // The same app instance serves again: its pool made new connections.
    expect((await app.http().get('/api/v1/health/ready')).status).toBe(200);

    // Every client got its 201; a retry answered from the stored result names the same case.
    expect(filings.every((f) => f.references.length >= 1)).toBe(true);
    for (const filing of filings) expect(new Set(filing.references).size).toBe(1);
    expect(filings.some((f) => f.answers.length > 1)).toBe(true);

    // In the database: exactly the accepted filings, each once; nothing for the key that never got a 201.
    const stored = await asOwner<{ key: string; reference: string }>(
      `SELECT k.key, o.reference FROM idempotency_keys k
         JOIN objections o ON o.tenant_id = k.tenant_id AND o.id = k.objection_id`,
    );
    const [{ objections }] = await asOwner<{ objections: number }>(
      `SELECT count(*)::int AS objections FROM objections`,
    );
    const [{ filed }] = await asOwner<{ filed: number }>(
      `SELECT count(*)::int AS filed FROM objection_events WHERE kind = 'filed'`,
    );
    const acceptedKeys = new Map(filings.map((f) => [f.key, f.references[0]]));
    expect(objections).toBe(acceptedKeys.size);
    expect(filed).toBe(acceptedKeys.size);
    expect(new Map(stored.map((row) => [row.key, row.reference]))).toEqual(acceptedKeys);
    expect(stored.map((row) => row.key)).not.toContain(probeKey);

    // Nothing in the background gave up on the outage unnoticed (an unhandled rejection ends the process).
    expect(unhandled).toEqual([]);
  });
});
