import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { Database } from '../src/database/database.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface TimelineEntry {
  at: string;
  actor: { kind: string; name: string };
  kind: string;
  summary: string;
  data: Record<string, unknown>;
}

describe('case work: assignment and status (staff)', () => {
  let t: TestApp;
  let token: string;
  let adminToken: string;
  let otherTenantToken: string;
  let rivierstadId: string;
  const ids: Record<'jeroen' | 'bo' | 'inactive' | 'admin' | 'otherTenant', string> = {} as never;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    token = await t.tokenFor('rivierstad');
    adminToken = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    otherTenantToken = await t.tokenFor('heuveldorp');
    rivierstadId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
    // A second handler to reassign to, and an account that left (inactive).
    const staff = (await t.app.get(Database).forTenant(rivierstadId, (db) =>
      db.query(
        `INSERT INTO staff_users (tenant_id, email, name, roles, active) VALUES
           ($1, 'bo.bakker@rivierstad.example', 'Bo Bakker', '{handler}', true),
           ($1, 'oud@rivierstad.example', 'Oud Collega', '{handler}', false)
         RETURNING id, name`,
        [rivierstadId],
      ),
    )) as { id: string; name: string }[];
    ids.bo = staff.find((s) => s.name === 'Bo Bakker')!.id;
    ids.inactive = staff.find((s) => s.name === 'Oud Collega')!.id;
    const all = (await t.app
      .get(Database)
      .forTenant(rivierstadId, (db) => db.query(`SELECT id, email FROM staff_users`))) as {
      id: string;
      email: string;
    }[];
    ids.jeroen = all.find((s) => s.email === 'behandelaar@rivierstad.example')!.id;
    ids.admin = all.find((s) => s.email === 'beheer@rivierstad.example')!.id;
    const heuveldorp = await t
      .http()
      .get('/api/v1/tenants/heuveldorp/staff')
      .auth(otherTenantToken, { type: 'bearer' })
      .expect(200);
    ids.otherTenant = (heuveldorp.body as { id: string }[])[0].id;
  });
  afterAll(() => t.close());

  let keys = 0;
  const fileCase = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `case-work-${Date.now()}-${++keys}`)
      .send(bosObjection(overrides))
      .expect(201);
    return response.body.reference as string;
  };
  const getCase = async (reference: string, bearer = token) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
        .auth(bearer, { type: 'bearer' })
        .expect(200)
    ).body;
  const assign = (reference: string, assigneeId: unknown, bearer = token, tenant = 'rivierstad') =>
    t
      .http()
      .put(`/api/v1/tenants/${tenant}/objections/${reference}/assignee`)
      .auth(bearer, { type: 'bearer' })
      .send({ assigneeId });
  const move = (reference: string, body: object, bearer = token, tenant = 'rivierstad') =>
    t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections/${reference}/status`)
      .auth(bearer, { type: 'bearer' })
      .send(body);
  const eventsOf = async (reference: string, kind: string) =>
    ((await getCase(reference)).timeline as TimelineEntry[]).filter((e) => e.kind === kind);

  describe('GET /staff', () => {
    it('lists the active handlers by name, for an assignment list', async () => {
      const response = await t
        .http()
        .get('/api/v1/tenants/rivierstad/staff')
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(response.body).toEqual([
        { id: ids.bo, name: 'Bo Bakker', email: 'bo.bakker@rivierstad.example', roles: ['handler'] },
        {
          id: ids.jeroen,
          name: 'Jeroen Bakker',
          email: 'behandelaar@rivierstad.example',
          roles: ['handler'],
        },
      ]);
    });

    it("refuses another tenant's token", async () => {
      const response = await t
        .http()
        .get('/api/v1/tenants/rivierstad/staff')
        .auth(otherTenantToken, { type: 'bearer' })
        .expect(403);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(JSON.stringify(response.body)).not.toContain('Bakker');
    });
  });

  describe('PUT /objections/{reference}/assignee', () => {
    it('assigns, reassigns and unassigns, each on the timeline with names', async () => {
      const reference = await fileCase();
      const first = await assign(reference, ids.bo).expect(200);
      expect(first.body).toEqual({ reference, assignee: { id: ids.bo, name: 'Bo Bakker' } });
      expect((await getCase(reference)).assignee).toEqual({ id: ids.bo, name: 'Bo Bakker' });

      const second = await assign(reference, ids.jeroen, adminToken).expect(200);
      expect(second.body.assignee).toEqual({ id: ids.jeroen, name: 'Jeroen Bakker' });

      const third = await assign(reference, null).expect(200);
      expect(third.body).toEqual({ reference, assignee: null });

      const kase = await getCase(reference);
      expect(kase.assignee).toBeNull();
      expect(kase.assigneeId).toBeNull();
      const assigned = (kase.timeline as TimelineEntry[]).filter((e) => e.kind === 'assigned');
      expect(assigned.map((e) => e.summary)).toEqual([
        'Toegewezen aan Bo Bakker',
        'Toegewezen aan Jeroen Bakker',
        'Niet meer toegewezen aan Jeroen Bakker',
      ]);
      expect(assigned.map((e) => e.actor)).toEqual([
        { kind: 'staff', name: 'Jeroen Bakker' },
        { kind: 'staff', name: 'Fatima El Amrani' },
        { kind: 'staff', name: 'Jeroen Bakker' },
      ]);
      expect(assigned.map((e) => e.data)).toEqual([
        { assigneeId: ids.bo, assigneeName: 'Bo Bakker', previousAssigneeId: null },
        { assigneeId: ids.jeroen, assigneeName: 'Jeroen Bakker', previousAssigneeId: ids.bo },
        { assigneeId: null, assigneeName: null, previousAssigneeId: ids.jeroen },
      ]);
    });

    it('records nothing new when the same person is assigned again', async () => {
      const reference = await fileCase();
      await assign(reference, ids.bo).expect(200);
      const again = await assign(reference, ids.bo).expect(200);
      expect(again.body.assignee).toEqual({ id: ids.bo, name: 'Bo Bakker' });
      expect(await eventsOf(reference, 'assigned')).toHaveLength(1);
      // Nobody to nobody is no change either.
      const other = await fileCase();
      await assign(other, null).expect(200);
      expect(await eventsOf(other, 'assigned')).toHaveLength(0);
    });

    it('refuses anyone but an active handler of this tenant with a Dutch field message', async () => {
      const reference = await fileCase();
      for (const assigneeId of [
        ids.admin,
        ids.inactive,
        ids.otherTenant,
        '00000000-0000-4000-8000-000000000000',
      ]) {
        const response = await assign(reference, assigneeId).expect(400);
        expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
        expect(response.body.errors).toEqual([
          { field: 'assigneeId', message: 'Deze medewerker is geen actieve behandelaar van deze gemeente.' },
        ]);
      }
      for (const assigneeId of ['jeroen', 42, undefined]) {
        const response = await assign(reference, assigneeId).expect(400);
        expect(response.body.errors[0]).toMatchObject({
          field: 'assigneeId',
          message: expect.stringContaining('behandelaar'),
        });
      }
      const kase = await getCase(reference);
      expect(kase.assignee).toBeNull();
      expect((kase.timeline as TimelineEntry[]).map((e) => e.kind)).toEqual(['filed']);
    });

    it('answers 404 for a reference that does not exist', async () => {
      const response = await assign('RIV-2000-99999', ids.bo).expect(404);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    });

    it("refuses another tenant's token with 403 and reveals nothing, whether the case exists or not", async () => {
      const reference = await fileCase();
      const existing = await assign(reference, ids.otherTenant, otherTenantToken).expect(403);
      const missing = await assign('RIV-2000-99999', ids.otherTenant, otherTenantToken).expect(403);
      const statusChange = await move(reference, { status: 'closed' }, otherTenantToken).expect(403);
      for (const response of [existing, missing, statusChange]) {
        expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
        expect(JSON.stringify(response.body)).not.toMatch(/Bo de Vries|Ontvangen|received/);
      }
      expect([missing.body.title, missing.body.detail]).toEqual([existing.body.title, existing.body.detail]);
      const kase = await getCase(reference);
      expect(kase.status).toBe('received');
      expect((kase.timeline as TimelineEntry[]).map((e) => e.kind)).toEqual(['filed']);
    });
  });

  describe('POST /objections/{reference}/status', () => {
    it('follows a full path received → informal contact → formal procedure → closed', async () => {
      const reference = await fileCase();
      const before = await getCase(reference);
      expect(before.allowedNext).toEqual(['informal_contact', 'formal_procedure', 'withdrawn', 'closed']);
      expect(before.nextDeadline).toEqual({ date: before.decisionTermEnds, kind: 'decision_term' });

      const informal = await move(reference, {
        status: 'informal_contact',
        note: ' Gebeld, ze was erg boos. ',
      }).expect(200);
      expect(informal.body).toEqual({
        reference,
        status: 'informal_contact',
        allowedNext: ['formal_procedure', 'withdrawn', 'closed'],
      });
      const formal = await move(reference, { status: 'formal_procedure' }).expect(200);
      // A decision is recorded with its letter, so this endpoint does not offer it.
      expect(formal.body.allowedNext).toEqual(['withdrawn', 'closed']);
      const closed = await move(reference, { status: 'closed' }, adminToken).expect(200);
      expect(closed.body).toEqual({ reference, status: 'closed', allowedNext: [] });

      const kase = await getCase(reference);
      expect(kase.status).toBe('closed');
      expect(kase.allowedNext).toEqual([]);
      // A closed case has no deadline running, in the answer and in the stored inbox columns.
      expect(kase.nextDeadline).toBeNull();
      const [row] = (await t.app
        .get(Database)
        .forTenant(rivierstadId, (db) =>
          db.query(
            `SELECT status, status_changed_at, next_deadline, next_deadline_kind, flags FROM objections WHERE reference = $1`,
            [reference],
          ),
        )) as {
        status: string;
        status_changed_at: Date | null;
        next_deadline: string | null;
        next_deadline_kind: string | null;
        flags: string[];
      }[];
      expect(row).toMatchObject({ status: 'closed', next_deadline: null, next_deadline_kind: null });
      expect(row.status_changed_at).not.toBeNull();
      expect(row.flags).toEqual(kase.flags);

      const changes = (kase.timeline as TimelineEntry[]).filter((e) => e.kind === 'status_changed');
      expect(changes.map((e) => e.summary)).toEqual([
        'Status: Ontvangen → Informeel contact',
        'Status: Informeel contact → Formele procedure',
        'Status: Formele procedure → Afgesloten',
      ]);
      expect(changes.map((e) => e.data)).toEqual([
        { from: 'received', to: 'informal_contact', note: 'Gebeld, ze was erg boos.' },
        { from: 'informal_contact', to: 'formal_procedure' },
        { from: 'formal_procedure', to: 'closed' },
      ]);
      expect(changes.map((e) => e.actor.name)).toEqual([
        'Jeroen Bakker',
        'Jeroen Bakker',
        'Fatima El Amrani',
      ]);
    });

    it('lets a citizen withdraw straight from received', async () => {
      const reference = await fileCase();
      const response = await move(reference, { status: 'withdrawn' }).expect(200);
      expect(response.body).toEqual({ reference, status: 'withdrawn', allowedNext: [] });
      expect((await getCase(reference)).status).toBe('withdrawn');
    });

    it('refuses an illegal move with a 409 naming both statuses and what is possible', async () => {
      const reference = await fileCase();
      await move(reference, { status: 'informal_contact' }).expect(200);
      const back = await move(reference, { status: 'received' }).expect(409);
      expect(back.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(back.body.status).toBe(409);
      expect(back.body.detail).toBe(
        'Een bezwaar met de status Informeel contact kan niet naar Ontvangen. ' +
          'Vanuit Informeel contact kan het naar: Formele procedure, Ingetrokken, Afgesloten.',
      );
      const same = await move(reference, { status: 'informal_contact' }).expect(409);
      expect(same.body.detail).toContain('heeft de status Informeel contact al');
      expect((await getCase(reference)).status).toBe('informal_contact');
      expect(await eventsOf(reference, 'status_changed')).toHaveLength(1);
    });

    it('refuses every move out of an end state', async () => {
      const reference = await fileCase();
      await move(reference, { status: 'closed' }).expect(200);
      for (const status of ['received', 'informal_contact', 'formal_procedure', 'withdrawn', 'closed']) {
        const response = await move(reference, { status }).expect(409);
        expect(response.body.detail).toContain('Afgesloten is een eindstatus');
      }
      expect((await getCase(reference)).status).toBe('closed');
    });

    it("refuses 'decided': a decision is recorded together with its letter", async () => {
      const reference = await fileCase();
      const early = await move(reference, { status: 'decided' }).expect(409);
      expect(early.body.detail).toContain('beslissing op bezwaar');
      expect(early.body.detail).toContain('brief');
      await move(reference, { status: 'formal_procedure' }).expect(200);
      const formal = await move(reference, { status: 'decided' }).expect(409);
      expect(formal.body.detail).toContain('beslissing op bezwaar');
      expect((await getCase(reference)).status).toBe('formal_procedure');
      // Moving from the formal procedure to somewhere illegal names the decision as the way on.
      const back = await move(reference, { status: 'informal_contact' }).expect(409);
      expect(back.body.detail).toContain('Besloten (door de beslissing vast te leggen)');
    });

    it('refuses an unknown status or a note that is not text with a 400 naming the field', async () => {
      const reference = await fileCase();
      const unknown = await move(reference, { status: 'archived' }).expect(400);
      expect(unknown.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(unknown.body.errors[0]).toMatchObject({
        field: 'status',
        message: expect.stringContaining('Kies een status'),
      });
      const note = await move(reference, { status: 'closed', note: 12 }).expect(400);
      expect(note.body.errors[0].field).toBe('note');
      expect((await getCase(reference)).status).toBe('received');
    });

    it('lets exactly one of two concurrent changes from the same status through', async () => {
      for (const [a, b] of [
        ['withdrawn', 'closed'],
        ['informal_contact', 'informal_contact'],
      ]) {
        const reference = await fileCase();
        const responses = await Promise.all([move(reference, { status: a }), move(reference, { status: b })]);
        expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = responses.find((r) => r.status === 200)!;
        const kase = await getCase(reference);
        expect(kase.status).toBe(winner.body.status);
        expect((kase.timeline as TimelineEntry[]).filter((e) => e.kind === 'status_changed')).toHaveLength(1);
      }
    });
  });

  describe('GET /objections/{reference} for handlers', () => {
    it('shows the timeline in order with names, the assignee and what can happen next', async () => {
      const reference = await fileCase();
      await assign(reference, ids.bo).expect(200);
      await move(reference, { status: 'informal_contact' }, adminToken).expect(200);
      const kase = await getCase(reference);
      const timeline = kase.timeline as TimelineEntry[];
      expect(timeline.map((e) => [e.kind, e.actor.name, e.summary])).toEqual([
        ['filed', 'Inwoner', 'Bezwaar ontvangen (op tijd)'],
        ['assigned', 'Jeroen Bakker', 'Toegewezen aan Bo Bakker'],
        ['status_changed', 'Fatima El Amrani', 'Status: Ontvangen → Informeel contact'],
      ]);
      const times = timeline.map((e) => Date.parse(e.at));
      expect([...times].sort((x, y) => x - y)).toEqual(times);
      expect(kase.assignee).toEqual({ id: ids.bo, name: 'Bo Bakker' });
      expect(kase.allowedNext).toEqual(['formal_procedure', 'withdrawn', 'closed']);
      expect(kase).toMatchObject({ repairTermEnds: null, penaltyStartsOn: null });
      // The raw events stay for older clients.
      expect((kase.events as { kind: string }[]).map((e) => e.kind)).toEqual([
        'filed',
        'assigned',
        'status_changed',
      ]);
    });

    it("shows why Bo's case is flagged: the angry phrases and each life domain with its phrases", async () => {
      const text = bosObjection().grounds.text;
      const kase = await getCase(await fileCase());
      expect(kase.flags).toEqual(expect.arrayContaining(['angry', 'multi_problem']));
      const { sentiment, lifeDomains } = kase.flagEvidence as {
        sentiment: { flag: string; label: string; score: number; evidence: string[] } | null;
        lifeDomains: { code: string; label: string; evidence: string[] }[];
      };
      expect(sentiment).toMatchObject({ flag: 'angry', label: 'boos' });
      expect(sentiment!.evidence.join(' ')).toContain('woedend');
      const domains = Object.fromEntries(lifeDomains.map((d) => [d.code, d]));
      expect(domains.finances).toMatchObject({ label: 'financiën' });
      expect(domains.housing).toMatchObject({ label: 'huisvesting' });
      for (const phrase of [...sentiment!.evidence, ...lifeDomains.flatMap((d) => d.evidence)]) {
        expect(text).toContain(phrase);
      }
      expect(domains.housing.evidence.join(' ')).toMatch(/ontruiming|woningcorporatie/);
    });

    it('shows no sentiment evidence for a calm, formal objection', async () => {
      const kase = await getCase(
        await fileCase({
          grounds: {
            hints: [],
            text: 'Het besluit is onvoldoende gemotiveerd. Ik verzoek u het besluit te herzien.',
          },
        }),
      );
      expect(kase.flagEvidence.sentiment).toBeNull();
      expect(kase.flags).not.toContain('angry');
    });
  });
});
