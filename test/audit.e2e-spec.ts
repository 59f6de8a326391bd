import { DataSource } from 'typeorm';
import { verifyAuditChains } from '../src/audit/audit-verify';
import { Database } from '../src/database/database.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import { decodeHtml } from './support/pages';
import { startTestApp, TestApp, userIdOf } from './support/test-app';
import { adminUrl, withDatabase } from './support/test-database';

interface EventRow {
  seq: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  case_reference: string | null;
  result: string;
  status: number;
  channel: string;
  client_ip: string | null;
  request_id: string | null;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  other_tenant_id: string | null;
  method: string;
  route: string;
}

interface ApiEvent {
  seq: number;
  action: string;
  objectId: string | null;
  caseReference: string | null;
  result: string;
  status: number;
  actor: { type: string; id: string | null; name: string | null };
}

describe('audit trail (BIO 8.15)', () => {
  let t: TestApp;
  let handler: string;
  let admin: string;
  let otherTenant: string;
  let rivierstadId: string;
  let heuveldorpId: string;
  let keys = 0;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    handler = await t.tokenFor('rivierstad');
    admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    otherTenant = await t.tokenFor('heuveldorp');
    rivierstadId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
    heuveldorpId = (await t.app.get(TenantsService).requireBySlug('heuveldorp')).id;
  });
  afterAll(() => t.close());

  /** The events of one tenant, oldest first, read past row-level security. */
  const events = (tenantId: string) =>
    t.asOwner<EventRow>(`SELECT * FROM audit_events WHERE tenant_id = $1 ORDER BY seq`, [tenantId]);
  const lastEvent = async (tenantId: string) => (await events(tenantId)).at(-1)!;

  const fileCase = async (): Promise<string> => {
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `audit-${Date.now()}-${++keys}`)
      .send(bosObjection())
      .expect(201);
    return response.body.reference as string;
  };

  /** The verifier's connection: the owner's, as `npm run audit:verify` has it. */
  const withOwnerSource = async <T>(work: (source: DataSource) => Promise<T>): Promise<T> => {
    const admin = adminUrl();
    if (!admin) return work(t.app.get(DataSource));
    const database = new URL(t.config.databaseUrl!).pathname.slice(1);
    const source = new DataSource({ type: 'postgres', url: withDatabase(admin, database) });
    await source.initialize();
    try {
      return await work(source);
    } finally {
      await source.destroy();
    }
  };

  it('records a filing by an anonymous citizen as a change, with the new case as its object', async () => {
    const reference = await fileCase();
    const event = await lastEvent(rivierstadId);
    expect(event).toMatchObject({
      action: 'case.create',
      object_type: 'case',
      object_id: reference,
      case_reference: reference,
      result: 'success',
      status: 201,
      channel: 'api',
      actor_type: 'anonymous',
      actor_id: null,
      method: 'POST',
      route: '/api/v1/tenants/:tenant/objections',
    });
  });

  it('records a handler reading a case: who, which case, from where, with which request id', async () => {
    const reference = await fileCase();
    const response = await t
      .http()
      .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
      .set('X-Request-Id', 'audit-read-0001')
      .auth(handler, { type: 'bearer' })
      .expect(200);
    expect(response.body.reference).toBe(reference);
    // Written before the answer left: readable at once.
    expect(await lastEvent(rivierstadId)).toMatchObject({
      action: 'case.read',
      object_type: 'case',
      object_id: reference,
      result: 'success',
      status: 200,
      channel: 'api',
      request_id: 'audit-read-0001',
      actor_type: 'staff',
      actor_id: userIdOf(handler),
      actor_role: 'handler',
      other_tenant_id: null,
      route: '/api/v1/tenants/:tenant/objections/:reference',
    });
    expect((await lastEvent(rivierstadId)).client_ip).toMatch(/\d/);
  });

  it('records the inbox and a case page on the staff pages as reads on the page channel', async () => {
    const reference = await fileCase();
    const cookie = await t.staffCookie('rivierstad');
    await t.page(`/rivierstad/behandelaar/zaken/${reference}`, cookie).expect(200);
    expect(await lastEvent(rivierstadId)).toMatchObject({
      action: 'case.read',
      object_id: reference,
      channel: 'page',
      actor_type: 'staff',
      actor_id: userIdOf(handler),
    });
    await t.page('/rivierstad/behandelaar', cookie).expect(200);
    expect(await lastEvent(rivierstadId)).toMatchObject({
      action: 'case.list',
      result: 'success',
      channel: 'page',
    });
  });

  it("records the citizen's own case view through the secret link, with the case's reference, not the link", async () => {
    const filed = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `audit-${Date.now()}-${++keys}`)
      .send(bosObjection())
      .expect(201);
    const caseUrl = new URL(filed.body.caseUrl as string);
    const token = caseUrl.pathname.split('/').at(-1)!;
    await t.http().get(`/api/v1/tenants/rivierstad/cases/${token}`).expect(200);
    const event = await lastEvent(rivierstadId);
    expect(event).toMatchObject({
      action: 'case.read',
      object_id: filed.body.reference,
      actor_type: 'case_link',
      route: '/api/v1/tenants/:tenant/cases/:token',
    });
    expect(JSON.stringify(await events(rivierstadId))).not.toContain(token);
  });

  it('records a change by a handler with its result', async () => {
    const reference = await fileCase();
    await t
      .http()
      .put(`/api/v1/tenants/rivierstad/objections/${reference}/assignee`)
      .auth(handler, { type: 'bearer' })
      .send({ assigneeId: userIdOf(handler) })
      .expect(200);
    expect(await lastEvent(rivierstadId)).toMatchObject({
      action: 'case.assignee',
      object_id: reference,
      result: 'success',
      status: 200,
      method: 'PUT',
      actor_type: 'staff',
      actor_id: userIdOf(handler),
    });
  });

  it("records an attempt with another municipality's token as refused, in both municipalities' trails", async () => {
    const reference = await fileCase();
    await t
      .http()
      .post(`/api/v1/tenants/rivierstad/objections/${reference}/status`)
      .auth(otherTenant, { type: 'bearer' })
      .send({ status: 'closed' })
      .expect(403);
    const expected = {
      action: 'case.status',
      object_id: reference,
      result: 'refused',
      status: 403,
      actor_type: 'staff',
      actor_id: userIdOf(otherTenant),
      actor_role: 'handler',
    };
    expect(await lastEvent(rivierstadId)).toMatchObject({ ...expected, other_tenant_id: heuveldorpId });
    expect(await lastEvent(heuveldorpId)).toMatchObject({ ...expected, other_tenant_id: rivierstadId });

    await t
      .http()
      .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
      .auth(otherTenant, { type: 'bearer' })
      .expect(403);
    expect(await lastEvent(heuveldorpId)).toMatchObject({
      action: 'case.read',
      result: 'refused',
      status: 403,
    });
  });

  it('records attempts without a token, and of a role without access, as refused', async () => {
    const reference = await fileCase();
    await t
      .http()
      .post(`/api/v1/tenants/rivierstad/objections/${reference}/decision`)
      .send({ outcome: 'founded', reasoning: 'x' })
      .expect(401);
    expect(await lastEvent(rivierstadId)).toMatchObject({
      action: 'case.decision',
      object_id: reference,
      result: 'refused',
      status: 401,
      actor_type: 'anonymous',
    });
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/admin/audit')
      .auth(handler, { type: 'bearer' })
      .expect(403);
    // A handler at the admin pages' forms is refused too, and recorded as such.
    const cookie = await t.staffCookie('rivierstad');
    await t.postForm('/rivierstad/behandelaar/beheer/medewerkers', cookie, { naam: 'X' }).expect(403);
    expect(await lastEvent(rivierstadId)).toMatchObject({
      result: 'refused',
      status: 403,
      channel: 'page',
      actor_type: 'staff',
      actor_id: userIdOf(handler),
    });
  });

  it('keeps no personal data of the filing in the trail', async () => {
    const all = JSON.stringify(await events(rivierstadId));
    for (const text of ['Bo de Vries', 'bo.devries@example.nl', 'Dijkstraat', '06 12345678', 'woedend']) {
      expect(all).not.toContain(text);
    }
  });

  it('lets the app role add events but never change or remove one', async () => {
    const database = t.app.get(Database);
    await expect(
      database.forTenant(rivierstadId, (db) => db.query(`UPDATE audit_events SET result = 'success'`)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      database.forTenant(rivierstadId, (db) => db.query(`DELETE FROM audit_events`)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      database.forTenant(rivierstadId, (db) => db.query(`UPDATE audit_chain_heads SET last_seq = 1`)),
    ).rejects.toThrow(/permission denied/);
    // Row-level security: one municipality's trail is invisible to another's unit of work.
    const seen = (await database.forTenant(heuveldorpId, (db) =>
      db.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [rivierstadId]),
    )) as { n: number }[];
    expect(seen[0].n).toBe(0);
  });

  describe('search (tenant admins)', () => {
    let reference: string;

    beforeAll(async () => {
      reference = await fileCase();
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
        .auth(handler, { type: 'bearer' });
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
        .auth(otherTenant, { type: 'bearer' })
        .expect(403);
    });

    const search = (query: Record<string, string>, bearer = admin) =>
      t.http().get('/api/v1/tenants/rivierstad/admin/audit').query(query).auth(bearer, { type: 'bearer' });

    it('filters by object, action, result and actor, newest first', async () => {
      const byObject = (await search({ object: reference }).expect(200)).body as { events: ApiEvent[] };
      expect(byObject.events.map((e) => [e.action, e.result])).toEqual([
        ['case.read', 'refused'],
        ['case.read', 'success'],
        ['case.create', 'success'],
      ]);
      const seqs = byObject.events.map((e) => e.seq);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);

      const refused = (await search({ object: reference, result: 'refused' }).expect(200)).body;
      expect(refused.events).toHaveLength(1);
      expect(refused.events[0].actor).toMatchObject({ type: 'staff', id: userIdOf(otherTenant), name: null });

      const byActor = (
        await search({ object: reference, actor: 'behandelaar@rivierstad.example' }).expect(200)
      ).body as { events: ApiEvent[] };
      expect(byActor.events.map((e) => e.action)).toEqual(['case.read']);
      expect(byActor.events[0].actor).toMatchObject({ id: userIdOf(handler), name: 'Jeroen Bakker' });

      const reads = (await search({ action: 'case.read', object: reference }).expect(200)).body;
      expect(reads.events).toHaveLength(2);
      const anyCase = (await search({ action: 'case', object: reference }).expect(200)).body;
      expect(anyCase.events).toHaveLength(3);
    });

    it('filters by date range and pages', async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
      const inRange = (await search({ object: reference, from: today, to: today }).expect(200)).body;
      expect(inRange.events).toHaveLength(3);
      const before = (await search({ object: reference, to: '2020-01-01' }).expect(200)).body;
      expect(before.events).toHaveLength(0);
      const first = (await search({}).expect(200)).body as { events: ApiEvent[]; hasMore: boolean };
      const second = (await search({ page: '2' }).expect(200)).body as { events: ApiEvent[]; page: number };
      expect(second.page).toBe(2);
      if (first.hasMore) expect(second.events[0].seq).toBeLessThan(first.events.at(-1)!.seq);
      else expect(second.events).toEqual([]);
    });

    it('refuses wrong filters with a problem naming the field', async () => {
      const response = await search({ from: '1-2-2026', result: 'maybe' }).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'result']);
    });

    it('is for tenant admins only', async () => {
      await search({}, handler).expect(403);
      await search({}, otherTenant).expect(403);
      await t.http().get('/api/v1/tenants/rivierstad/admin/audit').expect(401);
    });

    it('has a page in the admin section with the same filters; a handler cannot open it', async () => {
      const cookie = await t.staffCookie('rivierstad', 'beheer@rivierstad.example');
      const page = await t.page(
        `/rivierstad/behandelaar/beheer/audit?object=${reference}&result=refused`,
        cookie,
      );
      expect(page.status).toBe(200);
      const html = decodeHtml(page.text);
      expect(html).toContain('Audittrail');
      expect(html).toContain(reference);
      expect(html).toContain('van een andere gemeente');
      expect(html.match(/class="audit-row"/g)).toHaveLength(1);
      const wrong = await t.page('/rivierstad/behandelaar/beheer/audit?from=gisteren', cookie);
      expect(wrong.status).toBe(400);
      expect(decodeHtml(wrong.text)).toContain('Vul een datum in als JJJJ-MM-DD');

      const handlerCookie = await t.staffCookie('rivierstad');
      const refused = await t.page('/rivierstad/behandelaar/beheer/audit', handlerCookie);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain(reference);
    });
  });

  describe('the chain', () => {
    it('verifies, and names the tenant and seq of an edited, then a deleted event', async () => {
      const before = await withOwnerSource((source) => verifyAuditChains(source));
      expect(before.map((r) => r.tenant)).toEqual(expect.arrayContaining(['heuveldorp', 'rivierstad']));
      expect(before.filter((r) => !r.verdict.ok)).toEqual([]);
      expect(before.find((r) => r.tenant === 'rivierstad')!.verdict).toMatchObject({
        events: (await events(rivierstadId)).length,
      });

      await t.asOwner(`UPDATE audit_events SET object_id = 'BZ-0000-0000' WHERE tenant_id = $1 AND seq = 3`, [
        rivierstadId,
      ]);
      const edited = await withOwnerSource((source) => verifyAuditChains(source, 'rivierstad'));
      expect(edited).toEqual([
        {
          tenant: 'rivierstad',
          verdict: { ok: false, seq: 3, reason: 'event 3 was changed after it was written' },
        },
      ]);

      const heuveldorp = await withOwnerSource((source) => verifyAuditChains(source, 'heuveldorp'));
      expect(heuveldorp[0].verdict.ok).toBe(true);
      await t.asOwner(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 1`, [heuveldorpId]);
      const deleted = await withOwnerSource((source) => verifyAuditChains(source, 'heuveldorp'));
      expect(deleted[0].verdict).toEqual({ ok: false, seq: 1, reason: 'event 1 is missing' });
    });

    it('withholds the answer when the event cannot be written', async () => {
      const reference = await fileCase();
      await t.asOwner(`REVOKE INSERT ON audit_events FROM bezwaar_app`);
      try {
        const read = await t
          .http()
          .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
          .auth(handler, { type: 'bearer' });
        expect(read.status).toBe(500);
        expect(read.body.type).toBe('urn:bezwaarplatform:problem:audit-unavailable');
        expect(read.text).not.toContain('Bo de Vries');
      } finally {
        await t.asOwner(`GRANT INSERT ON audit_events TO bezwaar_app`);
      }
    });
  });
});
