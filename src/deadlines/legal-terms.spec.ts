import { AtwCalendar, defaultAtwCalendar } from './atw-calendar';
import { ATW_DECREE_DAYS } from './atw-decree-days';
import {
  type DateRange,
  appealTermEnds,
  computeDeadlines,
  decisionTermEnds,
  decisionTermEndsWithExtension,
  extendDecisionTermEnd,
  isInLastSixWeeksOfYear,
  objectionTermEnds,
  objectionTermEndsWithoutAtw,
  pausedDayCount,
  repairPause,
  repairTermEnds,
  shiftTermEndForPauses,
  taxDecisionTermEnds,
} from './legal-terms';
import { localDate } from './local-date';

const d = localDate;
const calendar = defaultAtwCalendar;
const range = (from: string, to: string): DateRange => [d(from), d(to)];

describe('objectionTermEnds (6:7, 6:8 + Atw art. 1)', () => {
  it.each([
    ['2026-01-19', '2026-03-02', '2026-03-02', 'Monday to Monday, no extension'],
    ['2026-11-13', '2026-12-25', '2026-12-28', 'Christmas Fri, Boxing Day Sat, Sunday'],
    ['2026-11-20', '2027-01-01', '2027-01-04', 'New Year on a Friday'],
    ['2025-11-21', '2026-01-02', '2026-01-05', 'decree day 2 Jan 2026, then weekend'],
    ['2025-11-20', '2026-01-01', '2026-01-05', 'New Year, decree day, weekend'],
    ['2024-11-13', '2024-12-25', '2024-12-30', 'Christmas, Boxing Day, decree day 27 Dec, weekend'],
    ['2024-11-15', '2024-12-27', '2024-12-30', 'decree day 27 Dec 2024'],
    ['2028-01-18', '2028-02-29', '2028-02-29', 'ends on leap day'],
    ['2028-01-19', '2028-03-01', '2028-03-01', 'runs across 29 Feb 2028'],
    ['2027-01-19', '2027-03-02', '2027-03-02', 'same start in a common year'],
    ['2028-02-29', '2028-04-11', '2028-04-11', 'starts on leap day'],
    ['2026-02-20', '2026-04-03', '2026-04-07', 'Good Friday into Easter Monday'],
    ['2027-03-24', '2027-05-05', '2027-05-10', '5 May 2027, Ascension, decree day, weekend'],
    ['2026-04-02', '2026-05-14', '2026-05-18', 'Ascension, decree day, weekend'],
    ['2026-04-13', '2026-05-25', '2026-05-26', 'Whit Monday'],
    ['2028-03-16', '2028-04-27', '2028-05-01', "King's Day, decree day 28 Apr 2028, weekend"],
    ['2025-03-15', '2025-04-26', '2025-04-28', "King's Day on Saturday 26 April 2025, then Sunday"],
    ['2026-12-31', '2027-02-11', '2027-02-11', 'decided on the last day of the year'],
    ['2027-12-31', '2028-02-11', '2028-02-11', 'across the year into a leap year'],
    ['2026-11-28', '2027-01-09', '2027-01-11', 'decision sent on a Saturday'],
  ])('decision %s: raw %s, ends %s (%s)', (decision, raw, expected) => {
    expect(objectionTermEndsWithoutAtw(d(decision))).toBe(raw);
    expect(objectionTermEnds(calendar, d(decision))).toBe(expected);
  });

  it('uses the calendar it is given (operator-added day)', () => {
    const extended = new AtwCalendar([
      ...ATW_DECREE_DAYS.days,
      { date: '2026-03-02', source: 'test decree' },
    ]);
    expect(objectionTermEnds(extended, d('2026-01-19'))).toBe('2026-03-03');
  });
});

describe('appealTermEnds (6:7, 6:8 + Atw)', () => {
  it.each([
    ['2026-03-23', '2026-05-04'], // 4 May is no holiday
    ['2026-03-24', '2026-05-06'], // 5 May 2026
    ['2026-11-13', '2026-12-28'],
    ['2028-01-18', '2028-02-29'],
  ])('decision on objection sent %s: appeal until %s', (sent, expected) => {
    expect(appealTermEnds(calendar, d(sent))).toBe(expected);
  });
});

describe('decisionTermEnds (7:10 lid 1)', () => {
  it.each([
    ['2026-03-02', false, '2026-04-13'],
    ['2026-03-02', true, '2026-05-26'], // 12 weeks end on Whit Monday: Atw applies to 12 weeks too
    ['2026-12-28', false, '2027-02-08'],
    ['2026-12-28', true, '2027-03-22'],
    ['2026-03-24', false, '2026-05-06'], // 5 May
    ['2027-03-25', false, '2027-05-10'], // Ascension, decree day, weekend
    ['2028-02-29', false, '2028-04-11'],
  ])('objection term end %s, advisory committee %s: %s', (objectionEnd, advisoryCommittee, expected) => {
    expect(decisionTermEnds(calendar, d(objectionEnd), { advisoryCommittee })).toBe(expected);
  });

  it('counts from the Atw-extended objection term end by default (unsettled reading)', () => {
    // Decision 2026-11-13: objection term 2026-12-25, extended to 2026-12-28.
    expect(decisionTermEnds(calendar, d('2026-12-25'))).toBe('2027-02-08');
    expect(decisionTermEnds(calendar, d('2026-12-28'))).toBe('2027-02-08');
    expect(decisionTermEnds(calendar, d('2026-12-25'), { base: 'atw-extended' })).toBe('2027-02-08');
  });

  it("counts from the unextended end with base 'unextended'", () => {
    expect(decisionTermEnds(calendar, d('2026-12-25'), { base: 'unextended' })).toBe('2027-02-05');
  });

  it('adds paused days and applies the Atw again (7:10 lid 2)', () => {
    // 2026-04-13 + 14 days = King's Day 2026-04-27, so the end runs on to Tuesday.
    expect(decisionTermEnds(calendar, d('2026-03-02'), { pauses: [range('2026-03-10', '2026-03-23')] })).toBe(
      '2026-04-28',
    );
    expect(decisionTermEnds(calendar, d('2026-03-02'), { pauses: [] })).toBe('2026-04-13');
  });
});

describe('extension (verdaging, 7:10 lid 3)', () => {
  it('is six weeks from the end of the original term, Atw applied', () => {
    expect(extendDecisionTermEnd(calendar, d('2026-04-13'))).toBe('2026-05-26'); // Whit Monday
    expect(extendDecisionTermEnd(calendar, d('2027-02-08'))).toBe('2027-03-22');
  });

  it.each([
    [1, '2026-04-20'],
    [2, '2026-04-28'], // King's Day
    [3, '2026-05-04'],
    [6, '2026-05-26'],
  ])('may be shorter: %i weeks from 2026-04-13 ends %s', (weeks, expected) => {
    expect(extendDecisionTermEnd(calendar, d('2026-04-13'), weeks)).toBe(expected);
  });

  it.each([0, 7, -1, 1.5])('rejects an extension of %p weeks', (weeks) => {
    expect(() => extendDecisionTermEnd(calendar, d('2026-04-13'), weeks)).toThrow(RangeError);
    expect(() => decisionTermEndsWithExtension(calendar, d('2026-03-02'), { extensionWeeks: weeks })).toThrow(
      RangeError,
    );
  });

  it.each([
    ['2026-03-02', false, '2026-05-26'],
    ['2026-03-02', true, '2026-07-07'],
    ['2026-12-28', false, '2027-03-22'],
    ['2026-12-28', true, '2027-05-03'],
  ])('decisionTermEndsWithExtension(%s, advisory %s) = %s', (objectionEnd, advisoryCommittee, expected) => {
    expect(decisionTermEndsWithExtension(calendar, d(objectionEnd), { advisoryCommittee })).toBe(expected);
  });

  it('carries pauses into the extended term', () => {
    expect(
      decisionTermEndsWithExtension(calendar, d('2026-03-02'), {
        pauses: [range('2026-03-10', '2026-03-23')],
      }),
    ).toBe('2026-06-09');
  });
});

describe('pauses', () => {
  it.each([
    [[], 0],
    [[['2026-03-10', '2026-03-10']], 1],
    [[['2026-03-10', '2026-03-23']], 14],
    [
      [
        ['2026-03-10', '2026-03-23'],
        ['2026-03-20', '2026-03-25'],
      ],
      16,
    ], // overlap counted once
    [
      [
        ['2026-03-20', '2026-03-25'],
        ['2026-03-10', '2026-03-23'],
      ],
      16,
    ], // order does not matter
    [
      [
        ['2026-03-10', '2026-03-12'],
        ['2026-03-13', '2026-03-14'],
      ],
      5,
    ], // adjacent
    [
      [
        ['2026-03-10', '2026-03-12'],
        ['2026-03-20', '2026-03-20'],
      ],
      4,
    ], // disjoint
    [
      [
        ['2026-03-01', '2026-03-31'],
        ['2026-03-05', '2026-03-06'],
      ],
      31,
    ], // nested
    [[['2028-02-27', '2028-03-01']], 4], // across 29 Feb 2028
    [[['2027-02-27', '2027-03-01']], 3],
    [[['2026-12-30', '2027-01-02']], 4], // across the year end
  ])('%j covers %i days', (pauses, expected) => {
    expect(pausedDayCount((pauses as [string, string][]).map(([a, b]) => range(a, b)))).toBe(expected);
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() => pausedDayCount([range('2026-03-10', '2026-03-09')])).toThrow(RangeError);
  });

  it('shifts an unextended term end and applies the Atw', () => {
    expect(shiftTermEndForPauses(calendar, d('2026-12-18'), [range('2026-12-01', '2026-12-07')])).toBe(
      '2026-12-28',
    );
    expect(shiftTermEndForPauses(calendar, d('2026-12-18'), [])).toBe('2026-12-18');
    expect(shiftTermEndForPauses(calendar, d('2026-12-19'), [])).toBe('2026-12-21');
  });
});

describe('repair term (6:6)', () => {
  it.each([
    ['2026-03-09', 2, '2026-03-23'],
    ['2026-12-11', 2, '2026-12-28'], // Christmas Friday, weekend
    ['2026-12-11', 3, '2027-01-04'], // New Year Friday
    ['2026-04-20', 1, '2026-04-28'], // King's Day
    ['2028-02-15', 2, '2028-02-29'],
  ])('request sent %s, %i weeks: %s', (sent, weeks, expected) => {
    expect(repairTermEnds(calendar, d(sent), weeks)).toBe(expected);
  });

  it('is two weeks by default', () => {
    expect(repairTermEnds(calendar, d('2026-03-09'))).toBe('2026-03-23');
  });

  it('can leave the end on a non-working day (the Atw does not apply by law)', () => {
    expect(repairTermEnds(calendar, d('2026-12-11'), 2, { extendToWorkingDay: false })).toBe('2026-12-25');
  });

  it.each([0, -2, 1.5])('rejects %p weeks', (weeks) => {
    expect(() => repairTermEnds(calendar, d('2026-03-09'), weeks)).toThrow(RangeError);
  });

  it('gives the decision-term pause from the day after sending to the last repair day', () => {
    const pause = repairPause(d('2026-12-11'), repairTermEnds(calendar, d('2026-12-11')));
    expect(pause).toEqual(['2026-12-12', '2026-12-28']);
    expect(pausedDayCount([pause])).toBe(17);
    expect(pausedDayCount([repairPause(d('2026-03-09'), d('2026-03-23'))])).toBe(14);
  });

  it('end to end: repair request pauses the decision term', () => {
    const objectionEnd = objectionTermEnds(calendar, d('2026-01-19'));
    const repairEnd = repairTermEnds(calendar, d('2026-03-09'));
    expect(
      decisionTermEnds(calendar, objectionEnd, { pauses: [repairPause(d('2026-03-09'), repairEnd)] }),
    ).toBe('2026-04-28');
  });
});

describe('municipal taxes (AWR art. 25)', () => {
  it.each([
    ['2026-01-01', false],
    ['2026-11-19', false],
    ['2026-11-20', true],
    ['2026-12-31', true],
    ['2028-11-19', false],
    ['2028-11-20', true],
  ])('%s in the last six weeks of the year: %s', (date, expected) => {
    expect(isInLastSixWeeksOfYear(d(date))).toBe(expected);
  });

  it.each([
    ['2026-03-10', '2026-03-30'],
    ['2026-01-02', '2026-02-16'],
    ['2026-11-19', '2026-12-14'],
  ])('received %s: decided by 31 December of that year', (received, objectionEnd) => {
    expect(
      taxDecisionTermEnds(calendar, { receivedDate: d(received), objectionTermEnd: d(objectionEnd) }),
    ).toBe('2026-12-31');
  });

  it('received in the last six weeks: the 7:10 term from the objection term end (default reading)', () => {
    const dates = { receivedDate: d('2026-11-20'), objectionTermEnd: d('2026-12-14') };
    expect(taxDecisionTermEnds(calendar, dates)).toBe('2027-01-25');
    expect(taxDecisionTermEnds(calendar, dates, { advisoryCommittee: true })).toBe('2027-03-08');
  });

  it("received in the last six weeks: six weeks from receipt with lateYearBase 'receipt'", () => {
    const dates = { receivedDate: d('2026-11-20'), objectionTermEnd: d('2026-12-14') };
    expect(taxDecisionTermEnds(calendar, dates, { lateYearBase: 'receipt' })).toBe('2027-01-04'); // 1 Jan Fri
    expect(
      taxDecisionTermEnds(
        calendar,
        { receivedDate: d('2026-12-31'), objectionTermEnd: d('2027-01-04') },
        { lateYearBase: 'receipt' },
      ),
    ).toBe('2027-02-11');
  });

  it('does not apply the Atw to 31 December unless configured (unsettled)', () => {
    const dates = { receivedDate: d('2028-05-01'), objectionTermEnd: d('2028-05-15') };
    expect(taxDecisionTermEnds(calendar, dates)).toBe('2028-12-31'); // a Sunday
    expect(taxDecisionTermEnds(calendar, dates, { applyAtwToYearEnd: true })).toBe('2029-01-02');
    expect(
      taxDecisionTermEnds(
        calendar,
        { receivedDate: d('2027-06-01'), objectionTermEnd: d('2027-06-15') },
        {
          applyAtwToYearEnd: true,
        },
      ),
    ).toBe('2027-12-31'); // a Friday
  });

  it('applies 7:10 lid 2 pauses to the calendar-year term as well', () => {
    const dates = { receivedDate: d('2026-03-10'), objectionTermEnd: d('2026-03-30') };
    const pauses = [range('2026-04-01', '2026-04-10')];
    expect(taxDecisionTermEnds(calendar, dates, { pauses })).toBe('2027-01-10');
    expect(taxDecisionTermEnds(calendar, dates, { pauses, applyAtwToYearEnd: true })).toBe('2027-01-11');
  });
});

describe('computeDeadlines', () => {
  it('returns exactly the three public fields', () => {
    expect(Object.keys(computeDeadlines(d('2026-01-19'))).sort()).toEqual([
      'decisionTermEnds',
      'decisionTermEndsWithExtension',
      'objectionTermEnds',
    ]);
  });

  it.each([
    ['2026-01-19', false, '2026-03-02', '2026-04-13', '2026-05-26'],
    ['2026-01-19', true, '2026-03-02', '2026-05-26', '2026-07-07'],
    ['2026-11-13', false, '2026-12-28', '2027-02-08', '2027-03-22'],
    ['2026-11-13', true, '2026-12-28', '2027-03-22', '2027-05-03'],
    ['2028-01-18', false, '2028-02-29', '2028-04-11', '2028-05-23'],
    ['2026-12-31', false, '2027-02-11', '2027-03-25', '2027-05-10'],
    ['2025-11-20', false, '2026-01-05', '2026-02-16', '2026-03-30'],
  ])('awb, decision %s, advisory %s', (decision, advisoryCommittee, objection, decisionEnd, extension) => {
    expect(computeDeadlines(d(decision), { advisoryCommittee, termModel: 'awb' })).toEqual({
      objectionTermEnds: objection,
      decisionTermEnds: decisionEnd,
      decisionTermEndsWithExtension: extension,
    });
  });

  it('defaults to the awb model and the default calendar', () => {
    expect(computeDeadlines(d('2026-01-19'))).toEqual(
      computeDeadlines(d('2026-01-19'), { termModel: 'awb', calendar, advisoryCommittee: false }),
    );
  });

  it("honours decisionTermBase 'unextended'", () => {
    expect(computeDeadlines(d('2026-11-13'), { decisionTermBase: 'unextended' })).toEqual({
      objectionTermEnds: '2026-12-28',
      decisionTermEnds: '2027-02-05',
      decisionTermEndsWithExtension: '2027-03-19',
    });
  });

  it('honours pauses, extension length and a custom calendar', () => {
    expect(computeDeadlines(d('2026-01-19'), { pauses: [range('2026-03-10', '2026-03-23')] })).toEqual({
      objectionTermEnds: '2026-03-02',
      decisionTermEnds: '2026-04-28',
      decisionTermEndsWithExtension: '2026-06-09',
    });
    expect(computeDeadlines(d('2026-01-19'), { extensionWeeks: 2 }).decisionTermEndsWithExtension).toBe(
      '2026-04-28',
    );
    const extended = new AtwCalendar([
      ...ATW_DECREE_DAYS.days,
      { date: '2026-04-13', source: 'test decree' },
    ]);
    expect(computeDeadlines(d('2026-01-19'), { calendar: extended }).decisionTermEnds).toBe('2026-04-14');
  });

  it('awr: document dated 2026-10-31, received 2026-11-02: decided within 2026', () => {
    expect(computeDeadlines(d('2026-10-31'), { termModel: 'awr', receivedDate: d('2026-11-02') })).toEqual({
      objectionTermEnds: '2026-12-14',
      decisionTermEnds: '2026-12-31',
      decisionTermEndsWithExtension: '2027-02-11',
    });
  });

  it('awr: received in the last six weeks of the year', () => {
    expect(computeDeadlines(d('2026-10-31'), { termModel: 'awr', receivedDate: d('2026-11-25') })).toEqual({
      objectionTermEnds: '2026-12-14',
      decisionTermEnds: '2027-01-25',
      decisionTermEndsWithExtension: '2027-03-08',
    });
    expect(
      computeDeadlines(d('2026-10-31'), {
        termModel: 'awr',
        receivedDate: d('2026-11-25'),
        lateYearBase: 'receipt',
      }),
    ).toEqual({
      objectionTermEnds: '2026-12-14',
      decisionTermEnds: '2027-01-06',
      decisionTermEndsWithExtension: '2027-02-17',
    });
  });

  it('awr: Atw on the year end only when configured', () => {
    const options = { termModel: 'awr', receivedDate: d('2028-05-01') } as const;
    expect(computeDeadlines(d('2028-04-10'), options).decisionTermEnds).toBe('2028-12-31');
    expect(computeDeadlines(d('2028-04-10'), { ...options, applyAtwToYearEnd: true }).decisionTermEnds).toBe(
      '2029-01-02',
    );
  });
});
