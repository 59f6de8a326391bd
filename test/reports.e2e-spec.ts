import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { DECISION_OUTCOMES, DecisionOutcome, OUTCOME_WORDS } from '../src/decisions/decision-outcome';
import { addDays, LocalDate, todayInAmsterdam } from '../src/deadlines/local-date';
import { ObjectionStatus, OPEN_STATUSES } from '../src/objections/case-status';
import type { Report } from '../src/reports/report';
import { browserOnApp, navigation } from './support/browser';
import { bosObjection, daysAgo } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

type Tenant = 'rivierstad' | 'heuveldorp';

interface TimelineEvent {
  kind: string;
  at: string;
  data: Record<string, unknown>;
}

/** A case as this test makes it: filed through the API, then given this history directly in the database. */
interface CaseSpec {
  tenant: Tenant;
  regulation: 'participatiewet' | 'wmo';
  /** ISO instant; null keeps the moment of filing (now). */
  receivedAt: string | null;
  status: ObjectionStatus;
  outcome?: DecisionOutcome;
  decidedAt?: string;
  firstContactAt?: string;
  statusChangedAt?: string;
  decisionTermEnds: LocalDate;
  noticeOfDefaultOn?: LocalDate;
  penaltyStartsOn?: LocalDate;
  events: TimelineEvent[];
}

const TODAY = todayInAmsterdam();
/** Last year's first half: wholly past, so nothing filed today falls into it. */
const YEAR = Number(TODAY.slice(0, 4)) - 1;
const y = (rest: string) => `${YEAR}-${rest}`;
const PERIOD = { from: y('01-01'), to: y('06-30') };

const staffActor = 'staff:00000000-0000-4000-8000-000000000001';
const changed = (at: string, from: ObjectionStatus, to: ObjectionStatus): TimelineEvent => ({
  kind: 'status_changed',
  at,
  data: { from, to },
});
const conversation = (at: string, agreedRoute: string): TimelineEvent => ({
  kind: 'conversation',
  at,
  data: { channel: 'phone', notes: 'Gebeld en doorgesproken.', agreedRoute },
});
const referral = (at: string, partnerCode: string, partnerName: string): TimelineEvent => ({
  kind: 'referral_sent',
  at,
  data: { partnerCode, partnerName, kind: 'debt', description: 'Gratis hulp bij schulden.' },
});
const penaltyFixed = (at: string, amountCents: number, days: number): TimelineEvent => ({
  kind: 'penalty_fixed',
  at,
  data: { amountCents, days },
});

/**
 * The cases. Moments near midnight check that days are Amsterdam days (UTC+1 in winter, +2 in summer): a case
 * received on 31 December at 23:30 UTC was received on 1 January here.
 */
const CASES = {
  // Bo: a phone call and a referral, then partially founded within the term.
  bo: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: y('02-03T09:00:00Z'),
    firstContactAt: y('02-05T10:00:00Z'),
    status: 'decided',
    outcome: 'partially_founded',
    decidedAt: y('03-10T12:00:00Z'),
    decisionTermEnds: y('03-20') as LocalDate,
    events: [
      changed(y('02-05T10:00:00Z'), 'received', 'informal_contact'),
      conversation(y('02-05T10:00:00Z'), 'referral'),
      referral(y('02-05T10:30:00Z'), 'schuldhulp', 'Schuldhulp Rivierstad'),
      changed(y('02-20T09:00:00Z'), 'informal_contact', 'formal_procedure'),
      changed(y('03-10T12:00:00Z'), 'formal_procedure', 'decided'),
      { kind: 'decided', at: y('03-10T12:00:00Z'), data: { outcome: 'partially_founded', hearing: 'held' } },
    ],
  },
  // Withdrawn after an informal call; the withdrawal event ends it.
  withdrawn: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: y('02-10T08:00:00Z'),
    firstContactAt: y('02-11T13:00:00Z'),
    status: 'withdrawn',
    statusChangedAt: y('02-20T09:00:00Z'),
    decisionTermEnds: y('04-10') as LocalDate,
    events: [
      changed(y('02-11T13:00:00Z'), 'received', 'informal_contact'),
      conversation(y('02-11T13:00:00Z'), 'withdrawal'),
      { kind: 'withdrawn', at: y('02-20T09:00:00Z'), data: { how: 'confirmed_by_objector' } },
      changed(y('02-20T09:00:00Z'), 'informal_contact', 'withdrawn'),
    ],
  },
  // Through a hearing and an extension, decided after its term; never reached by phone. A penalty was fixed.
  hearing: {
    tenant: 'rivierstad',
    regulation: 'wmo',
    receivedAt: y('03-02T10:00:00Z'),
    status: 'decided',
    outcome: 'unfounded',
    decidedAt: y('05-20T14:00:00Z'),
    decisionTermEnds: y('05-10') as LocalDate,
    events: [
      { kind: 'contact_attempt', at: y('03-04T09:00:00Z'), data: { channel: 'phone', reached: false } },
      changed(y('03-06T09:00:00Z'), 'received', 'formal_procedure'),
      referral(y('03-05T09:00:00Z'), 'juridisch', 'Juridisch Loket'),
      { kind: 'hearing_planned', at: y('03-20T09:00:00Z'), data: { at: y('04-10T10:00:00Z') } },
      { kind: 'decision_term_extended', at: y('04-01T09:00:00Z'), data: { weeks: 6 } },
      changed(y('05-20T14:00:00Z'), 'formal_procedure', 'decided'),
      penaltyFixed(y('06-15T10:00:00Z'), 32_200, 14),
    ],
  },
  // Closed without a decision: the event's moment counts, not the later status_changed_at.
  closed: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: y('04-01T07:00:00Z'),
    status: 'closed',
    statusChangedAt: y('04-30T10:00:00Z'),
    decisionTermEnds: y('06-01') as LocalDate,
    events: [changed(y('04-15T10:00:00Z'), 'received', 'closed')],
  },
  // Open, a conversation that led to the formal procedure, a notice of default: the penalty runs today.
  penaltyRunning: {
    tenant: 'rivierstad',
    regulation: 'wmo',
    receivedAt: y('01-15T10:00:00Z'),
    firstContactAt: y('01-18T23:30:00Z'),
    status: 'formal_procedure',
    decisionTermEnds: addDays(TODAY, -30),
    noticeOfDefaultOn: addDays(TODAY, -20),
    penaltyStartsOn: addDays(TODAY, -6),
    events: [conversation(y('01-18T23:30:00Z'), 'formal_procedure')],
  },
  // Open, its decision term passed three days ago, no notice of default.
  termPassed: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: y('05-05T09:00:00Z'),
    status: 'received',
    decisionTermEnds: addDays(TODAY, -3),
    events: [],
  },
  // 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam: inside the period.
  firstMinutes: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: `${YEAR - 1}-12-31T23:30:00Z`,
    firstContactAt: y('01-02T08:00:00Z'),
    status: 'received',
    decisionTermEnds: addDays(TODAY, 30),
    events: [],
  },
  // 23:59:59 on 31 December in Amsterdam: before the period, with all it has. Its penalty fixed in January counts.
  lastYear: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: `${YEAR - 1}-12-31T22:59:59Z`,
    firstContactAt: y('01-03T09:00:00Z'),
    status: 'decided',
    outcome: 'founded',
    decidedAt: y('02-01T09:00:00Z'),
    decisionTermEnds: y('02-10') as LocalDate,
    events: [
      conversation(y('01-03T09:00:00Z'), 'formal_procedure'),
      referral(`${YEAR - 1}-12-31T22:00:00Z`, 'schuldhulp', 'Schuldhulp Rivierstad'),
      penaltyFixed(y('01-10T09:00:00Z'), 46_000, 17),
    ],
  },
  // 22:30 UTC on 30 June is 00:30 on 1 July (summer time): after the period. Its referral at 23:30 on 30 June
  // (Amsterdam) is in it; its penalty fixed at 00:30 on 1 July is not. Open, a penalty from in five days.
  afterPeriod: {
    tenant: 'rivierstad',
    regulation: 'wmo',
    receivedAt: y('06-30T22:30:00Z'),
    status: 'informal_contact',
    decisionTermEnds: addDays(TODAY, -10),
    noticeOfDefaultOn: addDays(TODAY, -9),
    penaltyStartsOn: addDays(TODAY, 5),
    events: [
      referral(y('06-30T21:30:00Z'), 'schuldhulp', 'Schuldhulp Rivierstad'),
      penaltyFixed(y('06-30T22:30:00Z'), 99_900, 30),
    ],
  },
  // Founded, decided at 00:30 on the day after its term (Amsterdam), though still on the term's last day in UTC.
  lateByMinutes: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: y('03-15T10:00:00Z'),
    status: 'decided',
    outcome: 'founded',
    decidedAt: y('04-26T22:30:00Z'),
    decisionTermEnds: y('04-26') as LocalDate,
    events: [changed(y('04-26T22:30:00Z'), 'formal_procedure', 'decided')],
  },
  // Inadmissible at 23:30 on its term's last day (Amsterdam): in time.
  justInTime: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: y('05-02T08:00:00Z'),
    firstContactAt: y('05-04T08:00:00Z'),
    status: 'decided',
    outcome: 'inadmissible',
    decidedAt: y('05-31T21:30:00Z'),
    decisionTermEnds: y('05-31') as LocalDate,
    events: [changed(y('05-31T21:30:00Z'), 'formal_procedure', 'decided')],
  },
  // Filed today: only in this year's report.
  today: {
    tenant: 'rivierstad',
    regulation: 'participatiewet',
    receivedAt: null,
    status: 'received',
    decisionTermEnds: addDays(TODAY, 60),
    events: [],
  },
  // Another municipality, the same kinds of history in the same period: none of it may count.
  otherDecided: {
    tenant: 'heuveldorp',
    regulation: 'participatiewet',
    receivedAt: y('02-03T09:00:00Z'),
    firstContactAt: y('02-04T09:00:00Z'),
    status: 'decided',
    outcome: 'founded',
    decidedAt: y('03-01T09:00:00Z'),
    decisionTermEnds: y('03-20') as LocalDate,
    events: [
      conversation(y('02-04T09:00:00Z'), 'referral'),
      referral(y('02-04T10:00:00Z'), 'schuldhulp', 'Schuldhulp Heuveldorp'),
      penaltyFixed(y('03-01T09:00:00Z'), 144_200, 42),
    ],
  },
  otherOpen: {
    tenant: 'heuveldorp',
    regulation: 'wmo',
    receivedAt: y('04-01T09:00:00Z'),
    status: 'formal_procedure',
    decisionTermEnds: addDays(TODAY, -20),
    noticeOfDefaultOn: addDays(TODAY, -18),
    penaltyStartsOn: addDays(TODAY, -4),
    events: [],
  },
  otherPassed: {
    tenant: 'heuveldorp',
    regulation: 'participatiewet',
    receivedAt: y('05-01T09:00:00Z'),
    status: 'received',
    decisionTermEnds: addDays(TODAY, -1),
    events: [],
  },
} satisfies Record<string, CaseSpec>;
type CaseKey = keyof typeof CASES;

// ---- What the report must say, worked out from the cases above (independently of src/reports) ----

const amsterdamDay = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(instant));
const dayCount = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const inPeriod = (day: string, period: { from: string; to: string }) =>
  day >= period.from && day <= period.to;
const middle = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** 4:17: € 23 a day for days 1-14, € 35 for 15-28, € 45 for 29-42. */
const penaltyCents = (days: number) =>
  Array.from({ length: Math.min(days, 42) }, (_, i) => (i < 14 ? 2_300 : i < 28 ? 3_500 : 4_500)).reduce(
    (a, b) => a + b,
    0,
  );

function expectedReport(
  tenant: Tenant,
  period: { from: string; to: string },
  asOf: string,
  receivedNow: string,
) {
  const specs = (Object.values(CASES) as CaseSpec[]).filter((c) => c.tenant === tenant);
  const received = (c: CaseSpec) => amsterdamDay(c.receivedAt ?? receivedNow);
  const cohort = specs.filter((c) => inPeriod(received(c), period));
  const isOpen = (c: CaseSpec) => (OPEN_STATUSES as readonly string[]).includes(c.status);
  const informal = (c: CaseSpec) => c.events.some((e) => e.kind === 'conversation');
  const endOf = (c: CaseSpec): string | undefined => {
    if (c.status === 'decided') return c.decidedAt;
    const ends = c.events
      .filter(
        (e) =>
          (e.kind === 'withdrawn' && c.status === 'withdrawn') ||
          (e.kind === 'status_changed' && e.data.to === c.status),
      )
      .map((e) => e.at)
      .sort();
    return ends[0] ?? c.statusChangedAt;
  };
  const outcomes = (list: CaseSpec[]) =>
    Object.fromEntries(DECISION_OUTCOMES.map((o) => [o, list.filter((c) => c.outcome === o).length]));
  const decided = cohort.filter((c) => c.status === 'decided');
  const judged = decided.filter((c) => c.decidedAt);
  const within = judged.filter((c) => amsterdamDay(c.decidedAt!) <= c.decisionTermEnds).length;
  const events = specs.flatMap((c) => c.events).filter((e) => inPeriod(amsterdamDay(e.at), period));
  const referrals = events.filter((e) => e.kind === 'referral_sent');
  const partners = new Map<string, number>();
  for (const r of referrals)
    partners.set(String(r.data.partnerCode), (partners.get(String(r.data.partnerCode)) ?? 0) + 1);
  const open = specs.filter(isOpen);
  const withPenalty = open.filter((c) => c.penaltyStartsOn);
  const penaltyDays = (c: CaseSpec) => Math.max(0, dayCount(c.penaltyStartsOn!, asOf) + 1);

  return {
    filed: cohort.length,
    byRegulation: (code: string) => {
      const of = cohort.filter((c) => c.regulation === code);
      return {
        filed: of.length,
        informal: of.filter(informal).length,
        withdrawn: of.filter((c) => c.status === 'withdrawn').length,
        closed: of.filter((c) => c.status === 'closed').length,
        stillOpen: of.filter(isOpen).length,
        decided: { total: of.filter((c) => c.status === 'decided').length, byOutcome: outcomes(of) },
      };
    },
    informal: {
      count: cohort.filter(informal).length,
      of: cohort.length,
      share: cohort.length ? cohort.filter(informal).length / cohort.length : null,
    },
    withdrawn: cohort.filter((c) => c.status === 'withdrawn').length,
    closed: cohort.filter((c) => c.status === 'closed').length,
    stillOpen: cohort.filter(isOpen).length,
    decided: { total: decided.length, byOutcome: outcomes(decided) },
    daysToFirstContact: (() => {
      const days = cohort
        .filter((c) => c.firstContactAt)
        .map((c) => dayCount(received(c), amsterdamDay(c.firstContactAt!)));
      return { medianCalendarDays: middle(days), cases: days.length };
    })(),
    leadTime: (() => {
      const days = cohort
        .filter((c) => !isOpen(c) && endOf(c))
        .map((c) => dayCount(received(c), amsterdamDay(endOf(c)!)));
      return { medianCalendarDays: middle(days), cases: days.length };
    })(),
    decidedWithinTerm: {
      count: within,
      of: judged.length,
      share: judged.length ? within / judged.length : null,
    },
    penalties: {
      paid: {
        amountCents: events
          .filter((e) => e.kind === 'penalty_fixed')
          .reduce((sum, e) => sum + Number(e.data.amountCents), 0),
        decisions: events.filter((e) => e.kind === 'penalty_fixed').length,
      },
      atRisk: {
        openWithPenaltyDate: withPenalty.length,
        runningToday: withPenalty.filter((c) => penaltyDays(c) > 0).length,
        accruedCents: withPenalty.reduce((sum, c) => sum + penaltyCents(penaltyDays(c)), 0),
        maximumCents: withPenalty.length * 144_200,
        termPassedWithoutNotice: open.filter((c) => !c.penaltyStartsOn && c.decisionTermEnds < asOf).length,
      },
    },
    referrals: { total: referrals.length, partners },
  };
}

describe('reports (GET /api/v1/tenants/{tenant}/reports, .csv, and /:tenant/behandelaar/rapportages)', () => {
  let t: TestApp;
  let handlerToken: string;
  let adminToken: string;
  let otherToken: string;
  const ids = {} as Record<CaseKey, string>;
  let receivedNow: string;
  let activeRegulations: { code: string; name: string }[];

  const api = (path: string, token = handlerToken) => t.http().get(path).auth(token, { type: 'bearer' });
  const reportOf = async (query: string, tenant: Tenant = 'rivierstad', token = handlerToken) =>
    (await api(`/api/v1/tenants/${tenant}/reports${query}`, token).expect(200)).body as Report;
  const query = (p: { from: string; to: string }) => `?from=${p.from}&to=${p.to}`;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000', DEMO_CASES: 'false' });
    handlerToken = await t.tokenFor('rivierstad');
    adminToken = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    otherToken = await t.tokenFor('heuveldorp');

    let keys = 0;
    for (const [key, spec] of Object.entries(CASES) as [CaseKey, CaseSpec][]) {
      const response = await t
        .http()
        .post(`/api/v1/tenants/${spec.tenant}/objections`)
        .set('Idempotency-Key', `reports-test-${++keys}`)
        .send(
          bosObjection({
            regulation: spec.regulation,
            decision: { ...bosObjection().decision, date: daysAgo(5) },
            objector: { ...bosObjection().objector, name: `Zaak ${key}` },
          }),
        )
        .expect(201);
      const [{ id }] = await t.asOwner<{ id: string }>(
        `SELECT id FROM objections WHERE reference = $1 AND tenant_id = (SELECT id FROM tenants WHERE slug = $2)`,
        [(response.body as { reference: string }).reference, spec.tenant],
      );
      ids[key] = id;
      await t.asOwner(
        `UPDATE objections
            SET received_at = COALESCE($2::timestamptz, received_at), status = $3, outcome = $4,
                decided_at = $5, first_contact_at = $6, status_changed_at = $7, decision_term_ends = $8,
                notice_of_default_on = $9, penalty_starts_on = $10
          WHERE id = $1`,
        [
          id,
          spec.receivedAt,
          spec.status,
          spec.outcome ?? null,
          spec.decidedAt ?? null,
          spec.firstContactAt ?? null,
          spec.statusChangedAt ?? null,
          spec.decisionTermEnds,
          spec.noticeOfDefaultOn ?? null,
          spec.penaltyStartsOn ?? null,
        ],
      );
      for (const event of spec.events) {
        await t.asOwner(
          `INSERT INTO objection_events (tenant_id, objection_id, at, actor, kind, data)
           SELECT tenant_id, id, $2, $3, $4, $5::jsonb FROM objections WHERE id = $1`,
          [id, event.at, staffActor, event.kind, JSON.stringify(event.data)],
        );
      }
    }
    [{ received_at: receivedNow }] = await t.asOwner<{ received_at: string }>(
      `SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS received_at
         FROM objections WHERE id = $1`,
      [ids.today],
    );
    activeRegulations = await t.asOwner<{ code: string; name: string }>(
      `SELECT code, name FROM regulations WHERE active AND tenant_id = (SELECT id FROM tenants WHERE slug = 'rivierstad')`,
    );
  });
  afterAll(() => t?.close());

  describe('JSON', () => {
    let report: Report;
    let expected: ReturnType<typeof expectedReport>;
    beforeAll(async () => {
      report = await reportOf(query(PERIOD));
      expected = expectedReport('rivierstad', PERIOD, report.asOf, receivedNow);
    });

    it('names the period and the day of the snapshot figures', () => {
      expect(report.period).toEqual(PERIOD);
      expect([TODAY, addDays(TODAY, 1)]).toContain(report.asOf);
    });

    it('counts the cases received in the period, per regulation, Amsterdam days deciding the edges', () => {
      expect(report.filed).toBe(expected.filed);
      // bo, withdrawn, hearing, closed, penaltyRunning, termPassed, firstMinutes, lateByMinutes, justInTime
      expect(report.filed).toBe(9);
      expect(report.byRegulation.map((r) => r.code).sort()).toEqual(
        activeRegulations.map((r) => r.code).sort(),
      );
      for (const regulation of report.byRegulation) {
        expect(regulation).toEqual({
          code: regulation.code,
          name: activeRegulations.find((r) => r.code === regulation.code)!.name,
          ...expected.byRegulation(regulation.code),
        });
      }
      expect(report.byRegulation[0].code).toBe('participatiewet');
      expect(report.byRegulation.reduce((sum, r) => sum + r.filed, 0)).toBe(report.filed);
    });

    it('counts the cases with a conversation as handled informally, with their share of those filed', () => {
      expect(report.informal).toEqual(expected.informal);
      expect(report.informal).toEqual({ count: 3, of: 9, share: 3 / 9 });
    });

    it('counts withdrawn, closed, decided per outcome and still open, adding up to those filed', () => {
      expect(report.withdrawn).toBe(expected.withdrawn);
      expect(report.closed).toBe(expected.closed);
      expect(report.stillOpen).toBe(expected.stillOpen);
      expect(report.decided).toEqual(expected.decided);
      expect(report.decided).toEqual({
        total: 4,
        byOutcome: { inadmissible: 1, unfounded: 1, founded: 1, partially_founded: 1 },
      });
      expect(report.decided.total + report.withdrawn + report.closed + report.stillOpen).toBe(report.filed);
    });

    it('takes the medians in calendar days: to first contact, and to the end of the case', () => {
      expect(report.daysToFirstContact).toEqual(expected.daysToFirstContact);
      // 2 (bo), 1 (withdrawn), 4 (called 00:30 on 19 January), 1 (firstMinutes), 2 (justInTime)
      expect(report.daysToFirstContact).toEqual({ medianCalendarDays: 2, cases: 5 });
      expect(report.leadTime).toEqual(expected.leadTime);
      // 35, 10, 79, 14 (the closing event, not status_changed_at), 43, 29
      expect(report.leadTime).toEqual({ medianCalendarDays: 32, cases: 6 });
    });

    it('judges decisions in time on their Amsterdam date against the term', () => {
      expect(report.decidedWithinTerm).toEqual(expected.decidedWithinTerm);
      expect(report.decidedWithinTerm).toEqual({ count: 2, of: 4, share: 0.5 });
    });

    it('sums the penalties fixed in the period and puts open cases at risk as of today', () => {
      expect(report.penalties.paid).toEqual(expected.penalties.paid);
      expect(report.penalties.paid).toEqual({ amountCents: 32_200 + 46_000, decisions: 2 });
      expect(report.penalties.atRisk).toEqual(expected.penalties.atRisk);
      expect(report.penalties.atRisk).toMatchObject({ openWithPenaltyDate: 2, termPassedWithoutNotice: 1 });
    });

    it('counts the referrals sent in the period per partner', () => {
      expect(report.referrals.total).toBe(expected.referrals.total);
      expect(new Map(report.referrals.byPartner.map((p) => [p.code!, p.count]))).toEqual(
        expected.referrals.partners,
      );
      expect(report.referrals.byPartner).toEqual([
        { code: 'schuldhulp', name: 'Schuldhulp Rivierstad', count: 2 },
        { code: 'juridisch', name: 'Juridisch Loket', count: 1 },
      ]);
    });

    it("never counts another municipality's cases, and theirs are theirs alone", async () => {
      const other = await reportOf(query(PERIOD), 'heuveldorp', otherToken);
      const theirs = expectedReport('heuveldorp', PERIOD, other.asOf, receivedNow);
      expect(other.filed).toBe(3);
      expect(other.informal).toEqual(theirs.informal);
      expect(other.decided).toEqual(theirs.decided);
      expect(other.penalties).toEqual(theirs.penalties);
      expect(other.referrals.byPartner).toEqual([
        { code: 'schuldhulp', name: 'Schuldhulp Heuveldorp', count: 1 },
      ]);
      await api(`/api/v1/tenants/rivierstad/reports${query(PERIOD)}`, otherToken).expect(403);
    });

    it('defaults to this calendar year up to today', async () => {
      const current = await reportOf('');
      expect(current.period).toEqual({ from: `${current.asOf.slice(0, 4)}-01-01`, to: current.asOf });
      const expectedNow = expectedReport('rivierstad', current.period, current.asOf, receivedNow);
      expect(current.filed).toBe(expectedNow.filed);
      expect(current.filed).toBeGreaterThanOrEqual(1);
      expect(current.penalties.atRisk).toEqual(report.penalties.atRisk);
    });

    it('is the same for a tenant admin', async () => {
      expect(await reportOf(query(PERIOD), 'rivierstad', adminToken)).toEqual(report);
    });

    it('reports an empty period with zeros and null medians', async () => {
      const empty = await reportOf(query({ from: y('07-02'), to: y('07-31') }));
      expect(empty.filed).toBe(0);
      expect(empty.informal.share).toBeNull();
      expect(empty.daysToFirstContact.medianCalendarDays).toBeNull();
      expect(empty.leadTime.medianCalendarDays).toBeNull();
      expect(empty.decidedWithinTerm.share).toBeNull();
      expect(empty.referrals.total).toBe(0);
    });

    it.each([
      ['a date that does not exist', `?from=${y('02-30')}`, 'from', 'De begindatum is geen bestaande datum'],
      ['a date in another form', '?to=30-06-2025', 'to', 'De einddatum is geen bestaande datum'],
      [
        'a start after the end',
        `?from=${y('06-01')}&to=${y('05-31')}`,
        'to',
        'De einddatum ligt voor de begindatum',
      ],
    ])('answers 400 in Dutch for %s', async (_, params, field, message) => {
      const response = await api(`/api/v1/tenants/rivierstad/reports${params}`).expect(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
      expect(response.body.detail).toContain(message);
      const csv = await api(`/api/v1/tenants/rivierstad/reports.csv${params}`).expect(400);
      expect(csv.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    });

    it('is documented in the OpenAPI document', async () => {
      const document = (await t.http().get('/api/docs/openapi.json').expect(200)).body as {
        paths: Record<string, unknown>;
        components: {
          schemas: Record<string, { properties: Record<string, { type?: string; format?: string }> }>;
        };
      };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/v1/tenants/{tenant}/reports', '/api/v1/tenants/{tenant}/reports.csv']),
      );
      expect(document.components.schemas.ReportDto.properties.asOf).toMatchObject({
        type: 'string',
        format: 'date',
      });
    });

    it('refuses unknown parameters and callers without a staff token', async () => {
      await api('/api/v1/tenants/rivierstad/reports?regulation=wmo').expect(400);
      await t.http().get('/api/v1/tenants/rivierstad/reports').expect(401);
      await t.http().get('/api/v1/tenants/rivierstad/reports.csv').expect(401);
    });
  });

  describe('CSV', () => {
    let report: Report;
    let rows: string[][];
    let text: string;
    let headers: Record<string, string>;
    const cell = (measure: string, breakdown: string) => {
      const found = rows.filter((r) => r[0] === measure && r[1] === breakdown);
      expect(found).toHaveLength(1);
      return found[0][2];
    };
    const percent = (share: number | null) =>
      share === null ? '—' : (Math.round(share * 1000) / 10).toString().replace('.', ',');

    beforeAll(async () => {
      report = await reportOf(query(PERIOD));
      const response = await api(`/api/v1/tenants/rivierstad/reports.csv${query(PERIOD)}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      headers = response.headers as Record<string, string>;
      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      text = bytes.toString('utf8').slice(1);
      rows = text
        .split('\r\n')
        .filter(Boolean)
        .map((line) => line.split(';'));
    });

    it('is a semicolon-separated attachment with a header row and a sensible name', () => {
      expect(headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(headers['content-disposition']).toBe(
        `attachment; filename="rapportage-rivierstad-${PERIOD.from}-tot-${PERIOD.to}.csv"`,
      );
      expect(rows[0]).toEqual(['Meting', 'Uitsplitsing', 'Waarde', 'Eenheid']);
      expect(rows.every((r) => r.length === 4)).toBe(true);
    });

    it('holds the same numbers as the JSON', () => {
      expect(cell('Periode', 'Van')).toBe(PERIOD.from);
      expect(cell('Periode', 'Tot en met')).toBe(PERIOD.to);
      expect(cell('Ingediend', 'Totaal')).toBe(String(report.filed));
      for (const regulation of report.byRegulation) {
        expect(cell('Ingediend', `Regeling: ${regulation.name}`)).toBe(String(regulation.filed));
        expect(cell('Besloten', `Regeling: ${regulation.name}`)).toBe(String(regulation.decided.total));
      }
      expect(cell('Informeel afgehandeld (met gesprek)', 'Totaal')).toBe(String(report.informal.count));
      expect(cell('Informeel afgehandeld (met gesprek)', 'Aandeel van ingediend')).toBe(
        percent(report.informal.share),
      );
      expect(cell('Informeel afgehandeld (met gesprek)', 'Aandeel van ingediend')).toBe('33,3');
      expect(cell('Ingetrokken', 'Totaal')).toBe(String(report.withdrawn));
      expect(cell('Afgesloten zonder beslissing', 'Totaal')).toBe(String(report.closed));
      expect(cell('Nog open', 'Totaal')).toBe(String(report.stillOpen));
      expect(cell('Besloten', 'Totaal')).toBe(String(report.decided.total));
      for (const outcome of DECISION_OUTCOMES) {
        expect(cell('Besloten', `Uitkomst: ${OUTCOME_WORDS[outcome]}`)).toBe(
          String(report.decided.byOutcome[outcome]),
        );
      }
      expect(cell('Besloten binnen de wettelijke termijn', 'Aandeel')).toBe('50');
      expect(cell('Tijd tot eerste contact', 'Mediaan')).toBe(
        String(report.daysToFirstContact.medianCalendarDays),
      );
      expect(cell('Doorlooptijd tot einde zaak', 'Mediaan')).toBe(String(report.leadTime.medianCalendarDays));
      expect(cell('Dwangsom betaald', 'Bedrag')).toBe(
        (report.penalties.paid.amountCents / 100).toFixed(2).replace('.', ','),
      );
      expect(cell('Dwangsom risico (open zaken)', 'Opgebouwd tot peildatum')).toBe(
        (report.penalties.atRisk.accruedCents / 100).toFixed(2).replace('.', ','),
      );
      expect(cell('Dwangsom risico (open zaken)', 'Termijn verlopen, geen ingebrekestelling')).toBe(
        String(report.penalties.atRisk.termPassedWithoutNotice),
      );
      expect(cell('Doorverwijzingen', 'Totaal')).toBe(String(report.referrals.total));
      expect(cell('Doorverwijzingen', 'Partner: Schuldhulp Rivierstad')).toBe('2');
      expect(text).not.toContain('Heuveldorp');
    });
  });

  describe('staff page', () => {
    let cookie: string;
    const page = (params: string, withCookie = cookie) =>
      t.page(`/rivierstad/behandelaar/rapportages${params}`, withCookie);
    const login = (tenant: Tenant) => t.staffCookie(tenant, `beheer@${tenant}.example`);
    const pageParams = `?van=${PERIOD.from}&tot=${PERIOD.to}`;

    beforeAll(async () => {
      cookie = await login('rivierstad');
    });

    it('shows the period form, the figures in tables and accessible SVG charts, without scripts or style attributes', async () => {
      const report = await reportOf(query(PERIOD));
      const response = await page(pageParams).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = response.text;
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html).toContain(`value="${PERIOD.from}"`);
      expect(html).toContain(`value="${PERIOD.to}"`);
      expect(html).toMatch(
        /<a class="staff-nav__link" href="\/rivierstad\/behandelaar\/rapportages" aria-current="page">Rapportages<\/a>/,
      );
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toContain('<script');

      const svgs = [...html.matchAll(/<svg\b([^>]*)>\s*<title id="([^"]+)">([^<]*)<\/title>/g)];
      expect(svgs).toHaveLength(3);
      for (const [, attributes, id] of svgs) {
        expect(attributes).toContain('role="img"');
        expect(attributes).toContain(`aria-labelledby="${id}"`);
      }
      const titles = svgs.map((m) => m[3]);
      const outcomeTitle = `Besloten per uitkomst: ${DECISION_OUTCOMES.map((o) => `${OUTCOME_WORDS[o]} ${report.decided.byOutcome[o]}`).join(', ')}.`;
      expect(titles).toContain(outcomeTitle);
      expect(titles).toContain(
        `Ingediend per regeling: ${report.byRegulation.map((r) => `${r.name} ${r.filed}`).join(', ')}.`,
      );
      expect(titles.some((title) => title.startsWith('Informeel afgehandeld: 33,3% (3 van 9).'))).toBe(true);
      // One bar per outcome and per regulation, one share bar.
      expect(html.match(/<rect class="chart__bar"/g)).toHaveLength(
        DECISION_OUTCOMES.length + report.byRegulation.length + 1,
      );

      // The same numbers in tables with headers.
      expect(html).toContain('<th scope="col">Regeling</th>');
      expect(html).toContain('<th scope="col">Uitkomst</th>');
      for (const outcome of DECISION_OUTCOMES) {
        expect(html).toMatch(
          new RegExp(
            `<th scope="row">${OUTCOME_WORDS[outcome]}</th>\\s*<td class="table__number">${report.decided.byOutcome[outcome]}</td>`,
          ),
        );
      }
      const participatiewet = report.byRegulation.find((r) => r.code === 'participatiewet')!;
      expect(html).toMatch(
        new RegExp(
          `<th scope="row">${participatiewet.name.replace(/[()]/g, '\\$&')}</th>\\s*<td class="table__number">${participatiewet.filed}</td>\\s*<td class="table__number">${participatiewet.informal}</td>`,
        ),
      );
      expect(html).toContain('3 van 9');
      expect(html).toContain('2 van 4 (50%)');
      expect(html).toMatch(/€\s782,00/);
      expect(html).toContain('Schuldhulp Rivierstad');
      expect(html).toContain(
        `href="/rivierstad/behandelaar/rapportages.csv?van&#x3D;${PERIOD.from}&amp;tot&#x3D;${PERIOD.to}"`,
      );
    });

    it('offers the same CSV to the logged-in page as the API gives', async () => {
      const fromPage = await t
        .page(`/rivierstad/behandelaar/rapportages.csv${pageParams}`, cookie)
        .expect(200);
      const fromApi = await api(`/api/v1/tenants/rivierstad/reports.csv${query(PERIOD)}`).expect(200);
      expect(fromPage.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(fromPage.headers['content-disposition']).toBe(fromApi.headers['content-disposition']);
      expect(fromPage.text).toBe(fromApi.text);
    });

    it('shows a wrong period as errors on the form, with status 400 and no figures', async () => {
      const response = await page(`?van=${y('06-01')}&tot=${y('05-01')}`).expect(400);
      expect(response.text).toContain('class="error-summary"');
      expect(response.text).toContain('href="#tot"');
      expect(response.text).toContain('De einddatum ligt voor de begindatum');
      expect(response.text).toContain('aria-invalid="true"');
      expect(response.text).not.toContain('<svg');
      expect(response.text).toMatch(/<title>Fout: Rapportage/);
      await t.page(`/rivierstad/behandelaar/rapportages.csv?van=morgen`, cookie).expect(400);
    });

    it("sends someone without this municipality's session to its login page", async () => {
      const other = await login('heuveldorp');
      const response = await page(pageParams, other).expect(303);
      expect(response.headers.location).toMatch(/^\/rivierstad\/behandelaar\/inloggen/);
      await t.http().get('/rivierstad/behandelaar/rapportages').expect(303);
    });

    describe('in a browser (chromium, axe-core)', () => {
      const browser = browserOnApp(() => t.app, 'the report page');

      it('has no serious accessibility violation and nothing blocked by the CSP, with and without errors', async () => {
        const { context, page: tab } = await browser.newPage({ cookie });
        await tab.goto(`${browser.base}/rivierstad/behandelaar/rapportages${pageParams}`);
        expect(await tab.locator('svg[role="img"]').count()).toBe(3);
        await browser.audit(tab, 'rapportage');
        await tab.goto(
          `${browser.base}/rivierstad/behandelaar/rapportages?van=${y('06-01')}&tot=${y('05-01')}`,
        );
        await browser.audit(tab, 'rapportage met fouten');
        // The period form is an ordinary GET form.
        await tab.fill('#van', PERIOD.from);
        await tab.fill('#tot', PERIOD.to);
        await navigation(tab, () => tab.getByRole('button', { name: 'Toon rapportage' }).click());
        expect(await tab.locator('h1').innerText()).toContain(`1 januari ${YEAR} tot en met 30 juni ${YEAR}`);
        expect(await tab.locator('svg[role="img"]').count()).toBe(3);
        await context.close();
      });
    });
  });
});
