import { LocalDate } from '../deadlines/local-date';
import { PENALTY_MAX_CENTS } from '../deadlines/penalty';
import { buildReport, median, ReportCaseRow, ReportRows, share } from './report';

const PERIOD = { from: '2026-01-01' as LocalDate, to: '2026-06-30' as LocalDate };
const TODAY = '2026-07-15' as LocalDate;
const REGULATIONS = [
  { code: 'participatiewet', name: 'Bijstandsuitkering (Participatiewet)' },
  { code: 'wmo', name: 'Wmo-voorziening' },
  { code: 'parkeren', name: 'Parkeervergunning' },
];

function caseRow(overrides: Partial<ReportCaseRow> = {}): ReportCaseRow {
  return {
    regulationCode: 'participatiewet',
    regulationName: 'Bijstandsuitkering (Participatiewet)',
    status: 'received',
    outcome: null,
    receivedOn: '2026-02-02',
    firstContactOn: null,
    decidedOn: null,
    endedOn: null,
    decisionTermEnds: '2026-04-01',
    hadConversation: false,
    ...overrides,
  };
}

const rows = (overrides: Partial<ReportRows> = {}): ReportRows => ({
  regulations: REGULATIONS,
  cases: [],
  events: [],
  openAtRisk: [],
  ...overrides,
});

describe('median', () => {
  it('is null for no values', () => expect(median([])).toBeNull());
  it('is the single value', () => expect(median([7])).toBe(7));
  it('is the middle value of an odd count, whatever the order', () => expect(median([9, 1, 4])).toBe(4));
  it('is the mean of the two middle values of an even count', () => expect(median([10, 2, 3, 1])).toBe(2.5));
  it('keeps zero and negative values', () => expect(median([0, -2, 0])).toBe(0));
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('share', () => {
  it('is count / of', () => expect(share(5, 8)).toEqual({ count: 5, of: 8, share: 0.625 }));
  it('is null of nothing', () => expect(share(0, 0)).toEqual({ count: 0, of: 0, share: null }));
  it('can be whole', () => expect(share(3, 3).share).toBe(1));
});

describe('buildReport', () => {
  it('reports an empty period as zeros, null medians and null shares, with every active regulation', () => {
    const report = buildReport(rows(), PERIOD, TODAY);
    expect(report).toMatchObject({
      period: PERIOD,
      asOf: TODAY,
      filed: 0,
      informal: { count: 0, of: 0, share: null },
      withdrawn: 0,
      closed: 0,
      stillOpen: 0,
      decided: { total: 0, byOutcome: { inadmissible: 0, unfounded: 0, founded: 0, partially_founded: 0 } },
      daysToFirstContact: { medianCalendarDays: null, cases: 0 },
      leadTime: { medianCalendarDays: null, cases: 0 },
      decidedWithinTerm: { count: 0, of: 0, share: null },
      penalties: {
        paid: { amountCents: 0, decisions: 0 },
        atRisk: {
          openWithPenaltyDate: 0,
          runningToday: 0,
          accruedCents: 0,
          maximumCents: 0,
          termPassedWithoutNotice: 0,
        },
      },
      referrals: { total: 0, byPartner: [] },
    });
    // Alphabetical when nothing was filed.
    expect(report.byRegulation.map((r) => r.code)).toEqual(['participatiewet', 'parkeren', 'wmo']);
    expect(report.byRegulation.every((r) => r.filed === 0 && r.decided.total === 0)).toBe(true);
  });

  it('counts each case once by its status, so that filed = decided + withdrawn + closed + still open', () => {
    const report = buildReport(
      rows({
        cases: [
          caseRow({ status: 'received' }),
          caseRow({ status: 'informal_contact', hadConversation: true }),
          caseRow({ status: 'formal_procedure' }),
          caseRow({ status: 'withdrawn', hadConversation: true, endedOn: '2026-02-12' }),
          caseRow({ status: 'closed', endedOn: '2026-03-02' }),
          caseRow({
            status: 'decided',
            outcome: 'partially_founded',
            decidedOn: '2026-03-20',
            endedOn: '2026-03-20',
            hadConversation: true,
          }),
          caseRow({
            regulationCode: 'wmo',
            regulationName: 'Wmo-voorziening',
            status: 'decided',
            outcome: 'unfounded',
            decidedOn: '2026-04-10',
            endedOn: '2026-04-10',
          }),
        ],
      }),
      PERIOD,
      TODAY,
    );
    expect(report.filed).toBe(7);
    expect(report.stillOpen).toBe(3);
    expect(report.withdrawn).toBe(1);
    expect(report.closed).toBe(1);
    expect(report.decided.total).toBe(2);
    expect(report.filed).toBe(report.decided.total + report.withdrawn + report.closed + report.stillOpen);
    expect(report.decided.byOutcome).toEqual({
      inadmissible: 0,
      unfounded: 1,
      founded: 0,
      partially_founded: 1,
    });
    expect(report.informal).toEqual({ count: 3, of: 7, share: 3 / 7 });

    const [pw, wmo, parkeren] = report.byRegulation;
    expect(pw).toMatchObject({
      code: 'participatiewet',
      filed: 6,
      informal: 3,
      withdrawn: 1,
      closed: 1,
      stillOpen: 3,
    });
    expect(pw.decided).toEqual({
      total: 1,
      byOutcome: { inadmissible: 0, unfounded: 0, founded: 0, partially_founded: 1 },
    });
    expect(wmo).toMatchObject({ code: 'wmo', filed: 1, informal: 0, stillOpen: 0 });
    expect(wmo.decided.byOutcome.unfounded).toBe(1);
    expect(parkeren).toMatchObject({ code: 'parkeren', filed: 0 });
  });

  it('takes medians in calendar days: first contact over contacted cases, lead time over ended ones', () => {
    const report = buildReport(
      rows({
        cases: [
          caseRow({ receivedOn: '2026-02-02', firstContactOn: '2026-02-02' }), // 0
          caseRow({ receivedOn: '2026-02-02', firstContactOn: '2026-02-05' }), // 3
          caseRow({ receivedOn: '2026-03-30', firstContactOn: '2026-04-06' }), // 7 (across the DST change)
          caseRow({
            receivedOn: '2026-02-02',
            firstContactOn: '2026-02-04',
            status: 'withdrawn',
            endedOn: '2026-02-12',
          }),
          caseRow({ receivedOn: '2026-02-02', status: 'closed', endedOn: '2026-03-04' }), // 30
          caseRow({
            receivedOn: '2026-01-31',
            status: 'decided',
            outcome: 'founded',
            decidedOn: '2026-03-02',
            endedOn: '2026-03-02',
          }),
          // Still open: no lead time.
          caseRow({ receivedOn: '2026-01-10', status: 'formal_procedure', endedOn: null }),
        ],
      }),
      PERIOD,
      TODAY,
    );
    // 0, 2, 3, 7
    expect(report.daysToFirstContact).toEqual({ medianCalendarDays: 2.5, cases: 4 });
    // 10 (withdrawn), 30 (closed), 30 (decided: 31 Jan → 2 Mar)
    expect(report.leadTime).toEqual({ medianCalendarDays: 30, cases: 3 });
  });

  it('judges the legal term on the decision date against the term end, that day included', () => {
    const decided = (decidedOn: string | null, decisionTermEnds: string | null) =>
      caseRow({ status: 'decided', outcome: 'unfounded', decidedOn, endedOn: decidedOn, decisionTermEnds });
    const report = buildReport(
      rows({
        cases: [
          decided('2026-03-31', '2026-04-01'),
          decided('2026-04-01', '2026-04-01'),
          decided('2026-04-02', '2026-04-01'),
          decided('2026-05-01', null), // no term known: not judged
          caseRow({ status: 'withdrawn', endedOn: '2026-05-01', decisionTermEnds: '2026-04-01' }), // not decided
        ],
      }),
      PERIOD,
      TODAY,
    );
    expect(report.decidedWithinTerm).toEqual({ count: 2, of: 3, share: 2 / 3 });
    expect(report.decided.total).toBe(4);
  });

  it('sorts regulations by cases filed, most first, and adds inactive ones that have cases', () => {
    const report = buildReport(
      rows({
        cases: [
          caseRow({ regulationCode: 'wmo', regulationName: 'Wmo-voorziening' }),
          caseRow({ regulationCode: 'wmo', regulationName: 'Wmo-voorziening' }),
          caseRow({ regulationCode: 'oud', regulationName: 'Afgeschafte regeling' }),
          caseRow(),
        ],
      }),
      PERIOD,
      TODAY,
    );
    expect(report.byRegulation.map((r) => [r.code, r.filed])).toEqual([
      ['wmo', 2],
      ['oud', 1],
      ['participatiewet', 1],
      ['parkeren', 0],
    ]);
  });

  it('sums the penalties fixed in the period and counts referrals per partner under its latest name', () => {
    const report = buildReport(
      rows({
        events: [
          { kind: 'penalty_fixed', partnerCode: null, partnerName: null, amountCents: '32200' },
          { kind: 'referral_sent', partnerCode: 'schuldhulp', partnerName: 'Schuldhulp', amountCents: null },
          { kind: 'penalty_fixed', partnerCode: null, partnerName: null, amountCents: 144200 },
          {
            kind: 'referral_sent',
            partnerCode: 'juridisch',
            partnerName: 'Juridisch Loket',
            amountCents: null,
          },
          {
            kind: 'referral_sent',
            partnerCode: 'schuldhulp',
            partnerName: 'Schuldhulp Rivierstad',
            amountCents: null,
          },
          // A malformed amount still counts as a decision, not as money.
          { kind: 'penalty_fixed', partnerCode: null, partnerName: null, amountCents: null },
        ],
      }),
      PERIOD,
      TODAY,
    );
    expect(report.penalties.paid).toEqual({ amountCents: 32_200 + 144_200, decisions: 3 });
    expect(report.referrals).toEqual({
      total: 3,
      byPartner: [
        { code: 'schuldhulp', name: 'Schuldhulp Rivierstad', count: 2 },
        { code: 'juridisch', name: 'Juridisch Loket', count: 1 },
      ],
    });
  });

  it('puts a penalty at risk from its first day (day 1) up to 42 days, and counts passed terms without notice', () => {
    const report = buildReport(
      rows({
        openAtRisk: [
          { penaltyStartsOn: '2026-07-20', decisionTermEnds: '2026-06-20' }, // not yet running
          { penaltyStartsOn: '2026-07-15', decisionTermEnds: '2026-06-20' }, // day 1: € 23
          { penaltyStartsOn: '2026-07-01', decisionTermEnds: '2026-06-01' }, // day 15: 14 × 23 + 35
          { penaltyStartsOn: '2026-01-01', decisionTermEnds: '2025-12-01' }, // capped at 42 days
          { penaltyStartsOn: null, decisionTermEnds: '2026-07-14' }, // passed yesterday, no notice
          { penaltyStartsOn: null, decisionTermEnds: '2026-07-15' }, // ends today: not passed
          { penaltyStartsOn: null, decisionTermEnds: null },
        ],
      }),
      PERIOD,
      TODAY,
    );
    expect(report.penalties.atRisk).toEqual({
      openWithPenaltyDate: 4,
      runningToday: 3,
      accruedCents: 2_300 + (14 * 2_300 + 3_500) + PENALTY_MAX_CENTS,
      maximumCents: 4 * PENALTY_MAX_CENTS,
      termPassedWithoutNotice: 1,
    });
  });

  it('treats an unknown status as open and a decision without an outcome as decided only', () => {
    const report = buildReport(
      rows({ cases: [caseRow({ status: 'something' }), caseRow({ status: 'decided', outcome: null })] }),
      PERIOD,
      TODAY,
    );
    expect(report.stillOpen).toBe(1);
    expect(report.decided.total).toBe(1);
    expect(Object.values(report.decided.byOutcome).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
