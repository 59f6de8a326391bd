import { setTimeout as sleep } from 'node:timers/promises';
import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { Database } from '../src/database/database.service';
import { JobWorker } from '../src/jobs/job-worker.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface BatchStatus {
  batchId: string;
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  finished: boolean;
  items: { reference: string; state: string; documentId?: string; error?: string }[];
}

/**
 * Bulk decisions: a handler decides many cases alike; the work runs on the job queue, not on the request. The
 * app's worker polls only when the test says so (OUTBOX_POLL_MS is long), so each step sees a known state.
 */
describe('bulk decisions (decision-batches)', () => {
  let t: TestApp;
  let token: string;
  let otherTenantToken: string;
  let rivierstadId: string;
  let cookie: string;

  const DECISION = {
    outcome: 'unfounded',
    reasoning:
      'De WOZ-waarde is goed vastgesteld: vergelijkbare woningen in de wijk zijn voor hetzelfde verkocht.',
    hearing: { ground: 'clearly_unfounded' },
  };

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    token = await t.tokenFor('rivierstad');
    otherTenantToken = await t.tokenFor('heuveldorp');
    rivierstadId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
    cookie = await t.staffCookie('rivierstad');
  }, 60_000);
  afterAll(() => t.close());

  let keys = 0;
  const fileCase = async (): Promise<string> =>
    (
      await t
        .http()
        .post('/api/v1/tenants/rivierstad/objections')
        .set('Idempotency-Key', `bulk-${Date.now()}-${++keys}`)
        .send(bosObjection())
        .expect(201)
    ).body.reference as string;
  const fileCases = async (n: number) => {
    const references: string[] = [];
    for (let i = 0; i < n; i++) references.push(await fileCase());
    return references;
  };
  const startBatch = (body: object, bearer = token, tenant = 'rivierstad') =>
    t.http().post(`/api/v1/tenants/${tenant}/decision-batches`).auth(bearer, { type: 'bearer' }).send(body);
  const statusOf = async (batchId: string) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/decision-batches/${batchId}`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as BatchStatus;
  /** Lets the app's worker take the queued work, and waits (polling the status) until the run is finished. */
  const runToEnd = async (batchId: string) => {
    await t.app.get(JobWorker).poll();
    for (let i = 0; i < 1_200; i++) {
      const status = await statusOf(batchId);
      if (status.finished) return status;
      await sleep(50);
    }
    throw new Error(`run ${batchId} did not finish`);
  };
  const getCase = async (reference: string) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as {
      status: string;
      events: { kind: string; data: Record<string, unknown> }[];
      documents: { id: string; mediaType: string }[];
    };
  const counts = async () =>
    (
      (await t.app.get(Database).forTenant(rivierstadId, (db) =>
        db.query(
          `SELECT (SELECT count(*)::int FROM jobs WHERE kind = 'decision') AS jobs,
                    (SELECT count(*)::int FROM job_batches) AS batches`,
        ),
      )) as { jobs: number; batches: number }[]
    )[0];
  const page = (batchId: string, withCookie = cookie, tenant = 'rivierstad') =>
    t.page(`/${tenant}/behandelaar/bulk/${batchId}`, withCookie);

  let firstRun: { batchId: string; references: string[] };

  it('decides every case of a run once with a letter, and reports a case that cannot be decided without stopping the rest', async () => {
    const references = await fileCases(5);
    const started = await startBatch({ references, ...DECISION }).expect(202);
    const { batchId } = started.body as { batchId: string };
    expect(started.body).toEqual({
      batchId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      total: 5,
      statusUrl: `/api/v1/tenants/rivierstad/decision-batches/${batchId}`,
      pageUrl: `/rivierstad/behandelaar/bulk/${batchId}`,
    });
    firstRun = { batchId, references };
    // Queued, not yet decided: the request only queued the work.
    expect(await statusOf(batchId)).toMatchObject({
      total: 5,
      queued: 5,
      done: 0,
      failed: 0,
      finished: false,
    });
    expect((await getCase(references[0])).status).toBe('received');

    // Meanwhile a colleague decides the third case on its own: the run cannot decide it again.
    const single = await t
      .http()
      .post(`/api/v1/tenants/rivierstad/objections/${references[2]}/decision`)
      .auth(token, { type: 'bearer' })
      .send({ outcome: 'founded', reasoning: 'De waarde was te hoog vastgesteld.' })
      .expect(201);
    // The fourth case's worker died after deciding it and before marking its job: the next claim finds the
    // decision of this run (same handler, after the job was queued) and reports it as done, not as a failure.
    const crashed = await t
      .http()
      .post(`/api/v1/tenants/rivierstad/objections/${references[3]}/decision`)
      .auth(token, { type: 'bearer' })
      .send(DECISION)
      .expect(201);
    await t.app.get(Database).forTenant(rivierstadId, (db) =>
      db.query(
        `UPDATE jobs SET state = 'running', attempts = 1, locked_until = now() - interval '1 second'
         WHERE kind = 'decision' AND batch_id = $1 AND payload ->> 'reference' = $2`,
        [batchId, references[3]],
      ),
    );

    const status = await runToEnd(batchId);
    expect(status).toMatchObject({
      batchId,
      total: 5,
      queued: 0,
      running: 0,
      done: 4,
      failed: 1,
      finished: true,
    });
    expect(status.items.map((i) => i.reference)).toEqual(references);
    expect(status.items.map((i) => i.state)).toEqual(['done', 'done', 'failed', 'done', 'done']);
    expect(status.items[2].error).toContain('al afgehandeld');
    expect(status.items[2].documentId).toBeUndefined();
    expect(status.items[3].documentId).toBe(crashed.body.documentId);

    for (const [i, reference] of references.entries()) {
      const file = await getCase(reference);
      expect(file.status).toBe('decided');
      const decided = file.events.filter((e) => e.kind === 'decided');
      // Decided exactly once, whatever happened in the run.
      expect(decided).toHaveLength(1);
      const documentId = i === 2 ? single.body.documentId : status.items[i].documentId;
      expect(decided[0].data).toMatchObject({ outcome: i === 2 ? 'founded' : 'unfounded', documentId });
      expect(file.documents.map((d) => d.id)).toContain(documentId);
    }
    const letter = await t
      .http()
      .get(`/api/v1/tenants/rivierstad/documents/${status.items[0].documentId}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(letter.headers['content-type']).toMatch(/application\/pdf/);
  }, 120_000);

  it('never doubles a run when the same request comes again, running or finished', async () => {
    const references = await fileCases(2);
    const first = await startBatch({ references, ...DECISION }).expect(202);
    const before = await counts();

    // Again while it is queued: refused, pointing at the run that is going.
    const again = await startBatch({ references, ...DECISION }).expect(409);
    expect(again.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(again.body.type).toContain('already-in-batch');
    expect(again.body.detail).toContain(first.body.statusUrl);
    expect(again.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'references[0]',
      'references[1]',
    ]);
    // One case overlapping is enough to refuse the whole request.
    const fresh = await fileCase();
    await startBatch({ references: [fresh, references[1]], ...DECISION }).expect(409);
    expect(await counts()).toEqual(before);

    await runToEnd(first.body.batchId);
    // Again once it is finished: the cases are decided, so nothing starts.
    const late = await startBatch({ references, ...DECISION }).expect(400);
    expect(late.body.errors).toEqual([
      { field: 'references[0]', message: `${references[0]} is al afgehandeld (status Besloten).` },
      { field: 'references[1]', message: `${references[1]} is al afgehandeld (status Besloten).` },
    ]);
    expect(await counts()).toEqual(before);
    for (const reference of references) {
      expect((await getCase(reference)).events.filter((e) => e.kind === 'decided')).toHaveLength(1);
    }
  }, 120_000);

  it('refuses a list with repeats, unknown or closed cases, naming each, and starts nothing', async () => {
    const [open] = await fileCases(1);
    const before = await counts();
    const repeated = await startBatch({ references: [open, open], ...DECISION }).expect(400);
    expect(repeated.body.errors).toEqual([
      { field: 'references[1]', message: `${open} staat al eerder in de lijst.` },
    ]);
    const closed = firstRun.references[0];
    const bad = await startBatch({ references: [open, 'RIV-1999-999999', closed], ...DECISION }).expect(400);
    expect(bad.body.detail).toContain('2 van de 3 zaken');
    expect(bad.body.errors).toEqual([
      { field: 'references[1]', message: 'Er is geen bezwaar met kenmerk RIV-1999-999999.' },
      { field: 'references[2]', message: `${closed} is al afgehandeld (status Besloten).` },
    ]);
    const empty = await startBatch({ references: [], ...DECISION }).expect(400);
    expect(empty.body.errors).toEqual([{ field: 'references', message: 'Noem minstens één zaak.' }]);
    const noOutcome = await startBatch({ references: [open], reasoning: 'x' }).expect(400);
    expect(noOutcome.body.errors.map((e: { field: string }) => e.field)).toEqual(['outcome']);
    expect(await counts()).toEqual(before);
    expect((await getCase(open)).status).toBe('received');
  });

  it("keeps runs within their municipality: another tenant's token gets 403, another tenant's path 404", async () => {
    const [open] = await fileCases(1);
    const refused = await startBatch({ references: [open], ...DECISION }, otherTenantToken).expect(403);
    expect(refused.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    await t
      .http()
      .get(`/api/v1/tenants/rivierstad/decision-batches/${firstRun.batchId}`)
      .auth(otherTenantToken, { type: 'bearer' })
      .expect(403);
    // Heuveldorp's own path does not know Rivierstad's run.
    await t
      .http()
      .get(`/api/v1/tenants/heuveldorp/decision-batches/${firstRun.batchId}`)
      .auth(otherTenantToken, { type: 'bearer' })
      .expect(404);
    await t
      .http()
      .post('/api/v1/tenants/rivierstad/decision-batches')
      .send({ references: [open] })
      .expect(401);
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/decision-batches/not-a-run')
      .auth(token, { type: 'bearer' })
      .expect(404);
    expect((await getCase(open)).status).toBe('received');
  });

  it('shows a handler the progress on a page that refreshes itself until the run is done', async () => {
    const references = await fileCases(2);
    const { batchId } = (await startBatch({ references, ...DECISION }).expect(202)).body as {
      batchId: string;
    };

    const going = await page(batchId).expect(200);
    expect(going.headers['content-type']).toContain('text/html');
    expect(going.text).toContain('<meta http-equiv="refresh" content="2">');
    expect(going.text).toMatch(/<progress id="voortgang" max="2" value="0"[^>]*>0%<\/progress>/);
    expect(going.text).toContain('Bezig: 0 van de 2 zaken verwerkt (0%).');
    expect(going.text).toContain('2 zaken: ongegrond');
    expect(going.text).not.toContain('<script');

    await runToEnd(batchId);
    const done = await page(batchId).expect(200);
    expect(done.text).not.toContain('http-equiv="refresh"');
    expect(done.text).toMatch(/<progress id="voortgang" max="2" value="2"[^>]*>100%<\/progress>/);
    expect(done.text).toContain('Klaar: alle 2 zaken zijn besloten.');
    expect(done.text).not.toContain('Niet besloten');

    // The first run's page lists the case it could not decide, with the reason.
    const first = await page(firstRun.batchId).expect(200);
    expect(first.text).toContain('Klaar: 4 van de 5 zaken zijn besloten, 1 niet.');
    expect(first.text).toContain('Niet besloten (1)');
    expect(first.text).toContain(
      `<a href="/rivierstad/behandelaar/zaken/${firstRun.references[2]}">${firstRun.references[2]}</a>`,
    );
    expect(first.text).toContain('al afgehandeld');

    // Not logged in, or logged in elsewhere: to this municipality's login page, and back here afterwards.
    const anonymous = await t.http().get(`/rivierstad/behandelaar/bulk/${batchId}`).expect(303);
    expect(anonymous.headers.location).toBe(
      `/rivierstad/behandelaar/inloggen?terug=${encodeURIComponent(`/rivierstad/behandelaar/bulk/${batchId}`)}`,
    );
    await page(batchId, cookie, 'heuveldorp').expect(303);
    const unknown = await page('00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.text).toContain('Deze reeks beslissingen bestaat niet');
  }, 120_000);
});
