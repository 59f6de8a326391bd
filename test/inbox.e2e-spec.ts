import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { addDays, LocalDate } from '../src/deadlines/local-date';
import { CURSOR_INVALID, CURSOR_OTHER_SORT, InboxItem, InboxPage } from '../src/inbox/inbox-query';
import { FOLD_AFTER_ROWS } from '../src/inbox/inbox-tallies';
import { bosObjection, daysAgo } from './support/fixtures';
import { startTestApp, TestApp, userIdOf } from './support/test-app';

const NEUTRAL = 'Ik ben het niet eens met dit besluit. De gegevens over mijn inkomen kloppen niet.';

/** The cases of this file: key → objector name, days since the decision, and what is changed afterwards. */
const CASES = {
  late: { name: 'Karel Visser', decisionDaysAgo: 60 },
  early: { name: 'Fatima el Amrani', decisionDaysAgo: 40 },
  tie1: { name: 'Jan de Boer', decisionDaysAgo: 20 },
  tie2: { name: 'Sanne de Boer', decisionDaysAgo: 20 },
  tie3: { name: 'Noor Bakker', decisionDaysAgo: 20 },
  bo: { name: 'Bo de Vries', decisionDaysAgo: 10 },
  wmo: { name: 'Ahmed Yilmaz', decisionDaysAgo: 25, regulation: 'wmo' },
  overdue: { name: 'Petra Smit', decisionDaysAgo: 30 },
  riskToday: { name: 'Ria Jansen', decisionDaysAgo: 30 },
  riskEdge: { name: 'Tom Hendriks', decisionDaysAgo: 30 },
  pastEdge: { name: 'Eva Mulder', decisionDaysAgo: 30 },
  noDeadline1: { name: 'Lotte Peters', decisionDaysAgo: 30 },
  noDeadline2: { name: 'Daan Vos', decisionDaysAgo: 30 },
  decided: { name: 'Wim Kok', decisionDaysAgo: 30 },
  informal: { name: 'Iris de Wit', decisionDaysAgo: 30 },
  formal: { name: 'Bram Dekker', decisionDaysAgo: 30 },
} as const;
type CaseKey = keyof typeof CASES;

describe('handler inbox (GET /api/v1/tenants/{tenant}/inbox)', () => {
  let t: TestApp;
  let handlerToken: string;
  let adminToken: string;
  let otherTenantToken: string;
  let handler: { id: string; name: string };
  let admin: { id: string; name: string };
  const filed = {} as Record<CaseKey, { reference: string; decisionTermEnds: string; id: string }>;
  let today: LocalDate;
  let atRiskUntil: LocalDate;
  let heuveldorpReference: string;

  const inbox = (params = '', token = handlerToken, tenant = 'rivierstad') =>
    t
      .http()
      .get(`/api/v1/tenants/${tenant}/inbox${params ? `?${params}` : ''}`)
      .auth(token, { type: 'bearer' });
  const pageOf = async (params = '', token = handlerToken) =>
    (await inbox(params, token).expect(200)).body as InboxPage;
  const referencesOf = async (params: string) => (await pageOf(params)).items.map((i) => i.reference);
  const refs = (...keys: CaseKey[]) => keys.map((k) => filed[k].reference);
  const keyOf = (reference: string) =>
    (Object.keys(filed) as CaseKey[]).find((k) => filed[k].reference === reference);
  const setCase = (key: CaseKey, assignments: string, params: unknown[] = []) =>
    t.asOwner(`UPDATE objections SET ${assignments} WHERE id = $1`, [filed[key].id, ...params]);

  beforeAll(async () => {
    // Nothing runs on a timer, so the owner's statements never meet a unit of work on the embedded session.
    t = await startTestApp({ OUTBOX_POLL_MS: '600000', DEMO_CASES: 'false' });
    handlerToken = await t.tokenFor('rivierstad');
    adminToken = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    otherTenantToken = await t.tokenFor('heuveldorp');

    let keys = 0;
    const file = async (tenant: string, body: object) =>
      (
        await t
          .http()
          .post(`/api/v1/tenants/${tenant}/objections`)
          .set('Idempotency-Key', `inbox-test-${++keys}`)
          .send(body)
          .expect(201)
      ).body as { reference: string; decisionTermEnds: string };

    for (const [key, spec] of Object.entries(CASES) as [CaseKey, (typeof CASES)[CaseKey]][]) {
      const body = bosObjection({
        regulation: 'regulation' in spec ? spec.regulation : 'participatiewet',
        decision: { ...bosObjection().decision, date: daysAgo(spec.decisionDaysAgo) },
        objector: { ...bosObjection().objector, name: spec.name },
        ...(key === 'bo' ? {} : { grounds: { hints: [], text: NEUTRAL } }),
      });
      const response = await file('rivierstad', body);
      const [{ id }] = await t.asOwner<{ id: string }>(`SELECT id FROM objections WHERE reference = $1`, [
        response.reference,
      ]);
      filed[key] = { ...response, id };
    }
    heuveldorpReference = (await file('heuveldorp', bosObjection({ regulation: 'participatiewet' })))
      .reference;

    const staff = async (token: string) => {
      const [row] = await t.asOwner<{ id: string; name: string }>(
        `SELECT id, name FROM staff_users WHERE id = $1`,
        [userIdOf(token)],
      );
      return row;
    };
    handler = await staff(handlerToken);
    admin = await staff(adminToken);

    const first = await pageOf('limit=1');
    today = first.today as LocalDate;
    atRiskUntil = first.atRiskUntil as LocalDate;
    // The derived columns are kept consistent with the facts they come from, as every write does.
    const dated = `decision_term_ends = $2::date, next_deadline = $2::date, next_deadline_kind = 'decision_term'`;
    const undated = `decision_term_ends = NULL, next_deadline = NULL, next_deadline_kind = NULL`;
    await setCase('overdue', dated, [addDays(today, -3)]);
    await setCase('riskToday', dated, [today]);
    await setCase('riskEdge', dated, [atRiskUntil]);
    await setCase('pastEdge', dated, [addDays(atRiskUntil, 1)]);
    await setCase('noDeadline1', undated);
    await setCase('noDeadline2', undated);
    await setCase('decided', `status = 'decided', next_deadline = NULL, next_deadline_kind = NULL`);
    await setCase('informal', `status = 'informal_contact', assignee_id = $2`, [handler.id]);
    await setCase('formal', `status = 'formal_procedure', assignee_id = $2`, [admin.id]);
    await setCase('early', `assignee_id = $2`, [handler.id]);
    await setCase('tie1', `last_citizen_message_at = now()`);
    await setCase(
      'tie2',
      `last_citizen_message_at = now() - interval '1 hour', last_staff_message_at = now()`,
    );
  });
  afterAll(() => t.close());

  /** Every open case, in the order the inbox must give them: nearest deadline first, none last, then id. */
  async function expectedDeadlineOrder(statuses = `('received', 'informal_contact', 'formal_procedure')`) {
    const rows = await t.asOwner<{ reference: string }>(
      `SELECT reference FROM objections WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'rivierstad')
         AND status IN ${statuses} ORDER BY next_deadline ASC NULLS LAST, id ASC`,
    );
    return rows.map((r) => r.reference);
  }

  it('lists the open cases, nearest deadline first, cases without a deadline last', async () => {
    const page = await pageOf();
    const order = page.items.map((i) => i.reference);
    expect(order.slice(0, 5)).toEqual(refs('overdue', 'riskToday', 'riskEdge', 'pastEdge', 'late'));
    expect(order.slice(-2).sort()).toEqual(refs('noDeadline1', 'noDeadline2').sort());
    expect(order).toHaveLength(15);
    expect(order).not.toContain(filed.decided.reference);
    expect(order).not.toContain(heuveldorpReference);
    expect(order).toEqual(await expectedDeadlineOrder());
    const dates = page.items.map((i) => i.nextDeadline?.date ?? '9999-99-99');
    expect([...dates].sort()).toEqual(dates);
    expect(page.nextCursor).toBeNull();
  });

  it("puts a late filing's deadline (counted from receipt) before timely ones filed the same day", async () => {
    const order = await referencesOf('');
    expect(order.indexOf(filed.late.reference)).toBeLessThan(order.indexOf(filed.early.reference));
    expect(order.indexOf(filed.early.reference)).toBeLessThan(order.indexOf(filed.tie1.reference));
    expect(order.indexOf(filed.tie3.reference)).toBeLessThan(order.indexOf(filed.bo.reference));
  });

  it('describes each case: regulation, objector, deadlines, flags, signals, assignee and waiting replies', async () => {
    const items = new Map((await pageOf()).items.map((i) => [keyOf(i.reference)!, i]));
    const bo = items.get('bo')!;
    expect(bo).toMatchObject({
      status: 'received',
      regulation: { code: 'participatiewet', name: 'Bijstandsuitkering (Participatiewet)' },
      objectorName: 'Bo de Vries',
      nextDeadline: { date: filed.bo.decisionTermEnds, kind: 'decision_term' },
      decisionTermEnds: filed.bo.decisionTermEnds,
      overdue: false,
      atRisk: false,
      timely: true,
      assignee: null,
      awaitingReply: false,
      sentiment: { label: 'angry' },
    });
    expect(bo.flags).toEqual(expect.arrayContaining(['angry', 'multi_problem']));
    expect(bo.lifeDomains).toEqual(expect.arrayContaining(['finances', 'housing']));
    expect(bo.sentiment!.score).toBeGreaterThan(0);
    expect(bo.nextDeadline!.workingDaysLeft).toBeGreaterThan(40);
    expect(new Date(bo.receivedAt).toISOString()).toBe(bo.receivedAt);

    expect(items.get('late')).toMatchObject({ timely: false, flags: ['late_filing'] });
    expect(items.get('tie3')).toMatchObject({ flags: [], lifeDomains: [] });
    expect(items.get('wmo')!.regulation.code).toBe('wmo');
    expect(items.get('overdue')).toMatchObject({ overdue: true, atRisk: false });
    expect(items.get('overdue')!.nextDeadline!.workingDaysLeft).toBeLessThan(0);
    expect(items.get('riskToday')).toMatchObject({
      overdue: false,
      atRisk: true,
      nextDeadline: { workingDaysLeft: 0 },
    });
    // rivierstad's tenant.yaml: at risk within 5 working days.
    expect(items.get('riskEdge')).toMatchObject({
      atRisk: true,
      nextDeadline: { date: atRiskUntil, workingDaysLeft: 5 },
    });
    expect(items.get('pastEdge')).toMatchObject({ overdue: false, atRisk: false });
    expect(items.get('noDeadline1')).toMatchObject({
      nextDeadline: null,
      decisionTermEnds: null,
      overdue: false,
      atRisk: false,
    });
    expect(items.get('informal')).toMatchObject({ status: 'informal_contact', assignee: handler });
    expect(items.get('formal')).toMatchObject({ status: 'formal_procedure', assignee: admin });
    expect(items.get('tie1')!.awaitingReply).toBe(true);
    expect(items.get('tie2')!.awaitingReply).toBe(false);
  });

  it('counts per status (all cases) and overdue, at risk, mine and unassigned (open cases)', async () => {
    const { counts, today: pageToday } = await pageOf('status=decided&limit=1');
    expect(pageToday).toBe(today);
    expect(counts).toEqual({
      byStatus: {
        received: 13,
        informal_contact: 1,
        formal_procedure: 1,
        decided: 1,
        withdrawn: 0,
        closed: 0,
      },
      overdue: 1,
      atRisk: 2,
      mine: 2,
      unassigned: 12,
      noContact: 0,
    });
    expect((await pageOf('', adminToken)).counts.mine).toBe(1);
  });

  it('keeps the same counts once the tallies pile up and are folded into one row per key', async () => {
    const before = (await pageOf()).counts;
    const tenant = `(SELECT id FROM tenants WHERE slug = 'rivierstad')`;
    // Every change appends its differences: many changes that cancel out leave the counts as they were.
    for (let round = 0; round < 120; round++) {
      await setCase('early', `assignee_id = $2`, [round % 2 === 0 ? admin.id : handler.id]);
    }
    await t.asOwner(
      `INSERT INTO inbox_tallies (tenant_id, measure, value, n)
         SELECT ${tenant}, 'status', 'received', CASE WHEN g % 2 = 0 THEN 1 ELSE -1 END
         FROM generate_series(1, ${FOLD_AFTER_ROWS}) g`,
    );
    const rowCount = async () =>
      (
        await t.asOwner<{ rows: number }>(
          `SELECT count(*)::int AS rows FROM inbox_tallies WHERE tenant_id = ${tenant}`,
        )
      )[0].rows;
    expect(await rowCount()).toBeGreaterThan(FOLD_AFTER_ROWS);

    expect((await pageOf()).counts).toEqual(before);
    const [{ keys }] = await t.asOwner<{ keys: number }>(
      `SELECT count(DISTINCT (measure, value))::int AS keys FROM inbox_tallies WHERE tenant_id = ${tenant}`,
    );
    expect(await rowCount()).toBe(keys);
    expect((await pageOf()).counts).toEqual(before);
    // And they are what counting the cases themselves gives.
    const [recount] = await t.asOwner<{ received: number; unassigned: number; overdue: number }>(
      `SELECT count(*) FILTER (WHERE status = 'received')::int AS received,
         count(*) FILTER (WHERE status IN ('received', 'informal_contact', 'formal_procedure')
           AND assignee_id IS NULL)::int AS unassigned,
         count(*) FILTER (WHERE status IN ('received', 'informal_contact', 'formal_procedure')
           AND next_deadline < $1::date)::int AS overdue
       FROM objections WHERE tenant_id = ${tenant}`,
      [today],
    );
    expect(recount).toEqual({
      received: before.byStatus.received,
      unassigned: before.unassigned,
      overdue: before.overdue,
    });
  });

  it('filters on status, comma-separated or repeated, closed ones only when asked for', async () => {
    expect(await referencesOf('status=informal_contact')).toEqual(refs('informal'));
    expect(await referencesOf('status=decided')).toEqual(refs('decided'));
    const both = refs('informal', 'formal').sort();
    expect((await referencesOf('status=informal_contact,formal_procedure')).sort()).toEqual(both);
    expect((await referencesOf('status=informal_contact&status=formal_procedure')).sort()).toEqual(both);
    const all = await referencesOf(
      'status=received,informal_contact,formal_procedure,decided,withdrawn,closed',
    );
    expect(all).toHaveLength(16);
    expect(all).toEqual(
      await expectedDeadlineOrder(`('received', 'informal_contact', 'formal_procedure', 'decided')`),
    );
  });

  it('filters on regulation', async () => {
    expect(await referencesOf('regulation=wmo')).toEqual(refs('wmo'));
    expect(await referencesOf('regulation=participatiewet')).toHaveLength(14);
    expect(await referencesOf('regulation=jeugdwet')).toEqual([]);
  });

  it('filters on assignee: me, none, or a staff member', async () => {
    expect((await referencesOf('assignee=me')).sort()).toEqual(refs('early', 'informal').sort());
    expect(await referencesOf(`assignee=${admin.id}`)).toEqual(refs('formal'));
    expect(await referencesOf(`assignee=${handler.id.toUpperCase()}`)).toHaveLength(2);
    expect(await referencesOf('assignee=00000000-0000-4000-8000-000000000000')).toEqual([]);
    const none = await referencesOf('assignee=none');
    expect(none).toHaveLength(12);
    expect(none).not.toEqual(expect.arrayContaining(refs('early')));
    const adminsOwn = await pageOf('assignee=me', adminToken);
    expect(adminsOwn.items.map((i) => i.reference)).toEqual(refs('formal'));
  });

  it('filters on flags, all of which must be present', async () => {
    expect(await referencesOf('flags=angry')).toEqual(refs('bo'));
    expect(await referencesOf('flags=angry,multi_problem')).toEqual(refs('bo'));
    expect(await referencesOf('flags=late_filing')).toEqual(refs('late'));
    expect(await referencesOf('flags=late_filing,angry')).toEqual([]);
  });

  it('filters on timeliness', async () => {
    expect(await referencesOf('timeliness=late')).toEqual(refs('late'));
    const timely = await referencesOf('timeliness=timely');
    expect(timely).toHaveLength(14);
    expect(timely).not.toContain(filed.late.reference);
  });

  it('filters on overdue and at risk, both ways', async () => {
    expect(await referencesOf('overdue=true')).toEqual(refs('overdue'));
    const notOverdue = await referencesOf('overdue=false');
    expect(notOverdue).toHaveLength(14);
    expect(notOverdue).toEqual(expect.arrayContaining(refs('noDeadline1', 'riskToday')));
    expect(await referencesOf('atRisk=true')).toEqual(refs('riskToday', 'riskEdge'));
    const notAtRisk = await referencesOf('atRisk=false');
    expect(notAtRisk).toHaveLength(13);
    expect(notAtRisk).toEqual(expect.arrayContaining(refs('overdue', 'pastEdge', 'noDeadline2')));
    expect(await referencesOf('overdue=true&atRisk=true')).toEqual([]);
    expect(await referencesOf('atRisk=true&assignee=none')).toEqual(refs('riskToday', 'riskEdge'));
  });

  it('searches on a reference prefix (any case) and on part of the name', async () => {
    const reference = filed.tie2.reference;
    expect(await referencesOf(`q=${reference.toLowerCase()}`)).toEqual([reference]);
    const prefix = reference.slice(0, -1).toLowerCase();
    const byPrefix = await referencesOf(`q=${encodeURIComponent(prefix)}`);
    expect(byPrefix).toContain(reference);
    for (const r of byPrefix) expect(r.toLowerCase().startsWith(prefix)).toBe(true);
    expect((await referencesOf('q=DE%20BOER')).sort()).toEqual(refs('tie1', 'tie2').sort());
    expect(await referencesOf('q=isse')).toEqual(refs('late'));
    expect(await referencesOf('q=nobody')).toEqual([]);
    // The LIKE wildcards are literal characters: nobody's name or reference contains them.
    expect(await referencesOf('q=%25')).toEqual([]);
    expect(await referencesOf('q=_')).toEqual([]);
    expect(await referencesOf(`q=${encodeURIComponent('de\\')}`)).toEqual([]);
  });

  describe('paging', () => {
    async function walk(params: string, limit: number) {
      const seen: InboxItem[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const query = [params, `limit=${limit}`, cursor ? `cursor=${encodeURIComponent(cursor)}` : '']
          .filter(Boolean)
          .join('&');
        const page: InboxPage = await pageOf(query);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) return seen.map((i) => i.reference);
        expect(page.items).toHaveLength(limit);
      }
      throw new Error('paging did not end');
    }

    it.each([1, 2, 3, 5])(
      'gives every case exactly once and in order, by deadline, with limit %i (ties and no deadline included)',
      async (limit) => {
        const all = 'status=received,informal_contact,formal_procedure,decided';
        const walked = await walk(all, limit);
        expect(walked).toEqual(await referencesOf(`${all}&limit=200`));
        expect(new Set(walked).size).toBe(16);
        expect(await walk('', limit)).toEqual(await expectedDeadlineOrder());
      },
    );

    it.each([1, 4])('gives every case exactly once, newest first, with limit %i', async (limit) => {
      const walked = await walk('sort=received', limit);
      expect(walked).toEqual(await referencesOf('sort=received&limit=200'));
      expect(new Set(walked).size).toBe(15);
      const rows = await t.asOwner<{ reference: string }>(
        `SELECT reference FROM objections WHERE status <> 'decided'
           AND tenant_id = (SELECT id FROM tenants WHERE slug = 'rivierstad') ORDER BY received_at DESC, id DESC`,
      );
      expect(walked).toEqual(rows.map((r) => r.reference));
      expect(walked[0]).toBe(filed.formal.reference);
    });

    it('pages through a filtered list', async () => {
      expect(await walk('regulation=participatiewet&timeliness=timely', 2)).toEqual(
        await referencesOf('regulation=participatiewet&timeliness=timely'),
      );
    });
  });

  describe('refusals', () => {
    const problem = async (params: string, token = handlerToken, status = 400) => {
      const response = await inbox(params, token).expect(status);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      return response.body as { status: number; errors?: { field: string; message: string }[] };
    };

    it.each([
      ['status=open', 'status', 'status kent "open" niet'],
      ['flags=boos', 'flags', 'flags kent "boos" niet'],
      ['sort=oldest', 'sort', 'sort moet deadline, received of contact zijn.'],
      ['limit=0', 'limit', 'limit moet een geheel getal van 1 tot en met 200 zijn.'],
      ['limit=201', 'limit', 'limit moet een geheel getal van 1 tot en met 200 zijn.'],
      ['limit=veel', 'limit', 'limit moet een geheel getal van 1 tot en met 200 zijn.'],
      ['assignee=jan', 'assignee', 'assignee moet "me", "none" of het id van een medewerker zijn.'],
      ['overdue=ja', 'overdue', 'overdue moet true of false zijn.'],
      ['cursor=rubbish', 'cursor', CURSOR_INVALID],
      ['page=2', 'page', 'Dit veld is onbekend.'],
    ])('refuses %s with a 400 problem naming the field', async (params, field, message) => {
      const body = await problem(params);
      expect(body.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
    });

    it('refuses a cursor that was tampered with', async () => {
      const { nextCursor } = await pageOf('limit=2');
      const [payload, mac] = nextCursor!.split('.');
      const moved = Buffer.from(JSON.stringify(['d', null, filed.bo.id])).toString('base64url');
      for (const cursor of [`${moved}.${mac}`, `${payload}.${mac.slice(1)}A`, `${payload}x.${mac}`]) {
        const body = await problem(`cursor=${cursor}`);
        expect(body.errors).toEqual([{ field: 'cursor', message: CURSOR_INVALID }]);
      }
    });

    it('refuses a deadline cursor used with sort=received, and the other way round', async () => {
      const byDeadline = (await pageOf('limit=2')).nextCursor!;
      expect((await problem(`sort=received&cursor=${byDeadline}`)).errors).toEqual([
        { field: 'cursor', message: CURSOR_OTHER_SORT },
      ]);
      const byReceipt = (await pageOf('sort=received&limit=2')).nextCursor!;
      expect((await problem(`cursor=${byReceipt}`)).errors).toEqual([
        { field: 'cursor', message: CURSOR_OTHER_SORT },
      ]);
    });

    it("refuses another tenant's token with 403 and no token with 401", async () => {
      await problem('', otherTenantToken, 403);
      const response = await t.http().get('/api/v1/tenants/rivierstad/inbox').expect(401);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    });

    it('shows another tenant only its own cases and counts', async () => {
      const page = (await inbox('', otherTenantToken, 'heuveldorp').expect(200)).body as InboxPage;
      expect(page.items.map((i) => i.reference)).toEqual([heuveldorpReference]);
      expect(page.counts.byStatus.received).toBe(1);
    });
  });
});
