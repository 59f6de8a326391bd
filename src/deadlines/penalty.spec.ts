import { defaultAtwCalendar } from './atw-calendar';
import { computeDeadlines } from './legal-terms';
import {
  PENALTY_DAILY_RATES_CENTS,
  PENALTY_MAX_CENTS,
  earliestPenaltyDay,
  firstPenaltyDay,
  penaltyAmountCents,
  penaltyExposure,
  penaltyFixingDecisionDue,
} from './penalty';
import { localDate } from './local-date';

const d = localDate;

describe('penaltyAmountCents (4:17 lid 2)', () => {
  it.each([
    [0, 0],
    [1, 2_300],
    [13, 29_900],
    [14, 32_200],
    [15, 35_700],
    [28, 81_200],
    [29, 85_700],
    [41, 139_700],
    [42, 144_200],
    [43, 144_200],
    [1000, 144_200],
  ])('%i days: %i cents', (days, cents) => {
    expect(penaltyAmountCents(days)).toBe(cents);
    expect(Number.isInteger(penaltyAmountCents(days))).toBe(true);
  });

  it('the table adds up to the EUR 1,442 maximum', () => {
    const total = PENALTY_DAILY_RATES_CENTS.reduce((sum, r) => sum + (r.toDay - r.fromDay + 1) * r.cents, 0);
    expect(total).toBe(PENALTY_MAX_CENTS);
    expect(PENALTY_MAX_CENTS).toBe(144_200);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %p days', (days) => {
    expect(() => penaltyAmountCents(days)).toThrow(RangeError);
  });
});

describe('penaltyExposure (4:17)', () => {
  // Decision term ends Friday 2026-04-10; notice received Monday 2026-04-13. First penalty day is
  // 2026-04-27, which is King's Day: the Atw does not apply to penalty days, so it stays.
  const base = { decisionTermEnds: d('2026-04-10'), noticeOfDefaultReceived: d('2026-04-13') };

  it.each([
    ['2026-04-13', 'not-yet-running', 0, 0],
    ['2026-04-26', 'not-yet-running', 0, 0],
    ['2026-04-27', 'running', 1, 2_300],
    ['2026-05-10', 'running', 14, 32_200],
    ['2026-05-11', 'running', 15, 35_700],
    ['2026-05-24', 'running', 28, 81_200],
    ['2026-05-25', 'running', 29, 85_700],
    ['2026-06-06', 'running', 41, 139_700],
    ['2026-06-07', 'maximum-reached', 42, 144_200],
    ['2026-12-01', 'maximum-reached', 42, 144_200],
  ])('today %s: %s, %i days, %i cents', (today, status, days, cents) => {
    expect(penaltyExposure({ ...base, today: d(today) })).toEqual({
      status,
      firstPenaltyDay: '2026-04-27',
      maximumReachedOn: '2026-06-07',
      daysRunning: days,
      amountCents: cents,
    });
  });

  it('without a notice nothing is owed', () => {
    expect(penaltyExposure({ ...base, noticeOfDefaultReceived: null, today: d('2026-12-01') })).toEqual({
      status: 'no-notice',
      firstPenaltyDay: null,
      maximumReachedOn: null,
      daysRunning: 0,
      amountCents: 0,
    });
  });

  it.each(['2026-04-10', '2026-04-01'])(
    'a notice received on %s (not after the term) is premature',
    (notice) => {
      expect(
        penaltyExposure({ ...base, noticeOfDefaultReceived: d(notice), today: d('2026-12-01') }),
      ).toMatchObject({
        status: 'premature-notice',
        firstPenaltyDay: null,
        daysRunning: 0,
        amountCents: 0,
      });
    },
  );

  it('a notice on the first day after the term counts', () => {
    expect(
      penaltyExposure({ ...base, noticeOfDefaultReceived: d('2026-04-11'), today: d('2026-04-25') }),
    ).toMatchObject({ status: 'running', firstPenaltyDay: '2026-04-25', daysRunning: 1, amountCents: 2_300 });
  });

  it("supports the 'fifteenth-day' reading of 4:17 lid 3", () => {
    expect(penaltyExposure({ ...base, today: d('2026-04-27'), firstDayReading: 'fifteenth-day' })).toEqual({
      status: 'not-yet-running',
      firstPenaltyDay: '2026-04-28',
      maximumReachedOn: '2026-06-08',
      daysRunning: 0,
      amountCents: 0,
    });
  });

  it.each([
    ['2026-05-02', '2026-06-30', 'decided', 5, 11_500],
    ['2026-04-27', '2026-06-30', 'decided', 0, 0],
    ['2026-04-20', '2026-06-30', 'decided', 0, 0],
    ['2026-07-01', '2026-07-02', 'decided', 42, 144_200],
    ['2026-07-01', '2026-05-11', 'running', 15, 35_700], // decision date still in the future
  ])('decided on %s, today %s: %s, %i days, %i cents', (decidedOn, today, status, days, cents) => {
    expect(penaltyExposure({ ...base, decidedOn: d(decidedOn), today: d(today) })).toMatchObject({
      status,
      daysRunning: days,
      amountCents: cents,
    });
  });
});

describe('penalty helpers', () => {
  it('first penalty day is two weeks after the notice, no Atw', () => {
    expect(firstPenaltyDay(d('2026-04-13'))).toBe('2026-04-27');
    expect(firstPenaltyDay(d('2026-04-13'), 'fifteenth-day')).toBe('2026-04-28');
    expect(firstPenaltyDay(d('2028-02-20'))).toBe('2028-03-05'); // across 29 Feb, a Sunday
  });

  it('earliest day a case can cost money: term end + 1 day (earliest notice) + 2 weeks', () => {
    expect(earliestPenaltyDay(d('2026-04-10'))).toBe('2026-04-25');
    expect(earliestPenaltyDay(d('2026-04-10'), 'fifteenth-day')).toBe('2026-04-26');
    const { decisionTermEnds } = computeDeadlines(d('2026-01-19'));
    expect(decisionTermEnds).toBe('2026-04-13');
    expect(earliestPenaltyDay(decisionTermEnds)).toBe('2026-04-28');
    expect(earliestPenaltyDay(d('2026-12-28'))).toBe('2027-01-12');
  });

  it('penalty must be fixed within two weeks after the last day owed (4:18), Atw applied', () => {
    expect(penaltyFixingDecisionDue(defaultAtwCalendar, d('2026-06-07'))).toBe('2026-06-22');
    expect(penaltyFixingDecisionDue(defaultAtwCalendar, d('2026-06-08'))).toBe('2026-06-22');
    expect(penaltyFixingDecisionDue(defaultAtwCalendar, d('2026-12-11'))).toBe('2026-12-28');
  });
});
