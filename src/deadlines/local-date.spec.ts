import {
  addDays,
  addMonths,
  addWeeks,
  amsterdamDateOf,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  isLocalDate,
  localDate,
  localDateParts,
  makeLocalDate,
  maxLocalDate,
  minLocalDate,
  parseLocalDate,
  todayInAmsterdam,
} from './local-date';

const d = localDate;

describe('parseLocalDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29', '2024-02-29', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => {
      expect(parseLocalDate(value)).toBe(value);
      expect(isLocalDate(value)).toBe(true);
    },
  );

  it.each([
    '2026-02-30', // February never has 30 days
    '2026-02-29', // 2026 is not a leap year
    '2027-02-29',
    '1900-02-29', // century, not divisible by 400
    '2100-02-29',
    '2026-04-31',
    '2026-06-31',
    '2026-09-31',
    '2026-11-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '0000-01-01',
    '2026-1-1',
    '26-01-01',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026-01-01T00:00:00Z',
    '2026/01/01',
    '20260101',
    '',
    'not a date',
  ])('rejects %j', (value) => {
    expect(parseLocalDate(value)).toBeNull();
    expect(isLocalDate(value)).toBe(false);
  });

  it('rejects non-strings at runtime', () => {
    expect(parseLocalDate(20260101 as unknown as string)).toBeNull();
    expect(isLocalDate(null)).toBe(false);
    expect(isLocalDate(undefined)).toBe(false);
  });
});

describe('localDate / makeLocalDate / localDateParts', () => {
  it('throws on invalid input', () => {
    expect(() => localDate('2026-02-30')).toThrow(RangeError);
    expect(() => makeLocalDate(2026, 2, 29)).toThrow(RangeError);
    expect(() => makeLocalDate(2026, 13, 1)).toThrow(RangeError);
  });

  it('builds and splits dates', () => {
    expect(makeLocalDate(2028, 2, 29)).toBe('2028-02-29');
    expect(makeLocalDate(33, 3, 5)).toBe('0033-03-05');
    expect(localDateParts(d('2026-07-09'))).toEqual({ year: 2026, month: 7, day: 9 });
  });
});

describe('addDays / addWeeks', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-28', 2, '2028-03-01'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-28', 1, '2026-03-29'], // DST switch in Europe does not matter for dates
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
    ['2026-05-05', 0, '2026-05-05'],
    ['0050-06-15', 1, '0050-06-16'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(d(from), days)).toBe(expected);
  });

  it.each([
    ['2026-01-19', 6, '2026-03-02'],
    ['2028-01-18', 6, '2028-02-29'],
    ['2028-01-19', 6, '2028-03-01'],
    ['2027-01-19', 6, '2027-03-02'],
    ['2026-11-20', 6, '2027-01-01'],
    ['2026-03-02', 12, '2026-05-25'],
    ['2026-03-02', -2, '2026-02-16'],
  ])('%s + %i weeks = %s', (from, weeks, expected) => {
    expect(addWeeks(d(from), weeks)).toBe(expected);
  });

  it('rejects fractional or out-of-range arithmetic', () => {
    expect(() => addDays(d('2026-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addDays(d('2026-01-01'), Number.NaN)).toThrow(RangeError);
    expect(() => addWeeks(d('2026-01-01'), 0.5)).toThrow(RangeError);
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(RangeError);
    expect(() => addDays(d('0001-01-01'), -1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-05-05', 0, '2026-05-05'],
    ['2026-05-05', 24, '2028-05-05'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(d(from), months)).toBe(expected);
  });

  it('rejects out-of-range results', () => {
    expect(() => addMonths(d('9999-12-01'), 1)).toThrow(RangeError);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-24', 2],
    ['2026-11-25', 3],
    ['2026-11-26', 4],
    ['2026-11-27', 5],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['2028-02-29', 2],
    ['2000-01-01', 6],
    ['1970-01-01', 4],
    ['2026-03-29', 7],
  ])('%s is ISO weekday %i', (date, expected) => {
    expect(dayOfWeek(d(date))).toBe(expected);
  });
});

describe('compare / daysBetween / min / max', () => {
  it('compares chronologically', () => {
    expect(compareLocalDates(d('2026-01-02'), d('2026-01-10'))).toBe(-1);
    expect(compareLocalDates(d('2026-01-10'), d('2026-01-02'))).toBe(1);
    expect(compareLocalDates(d('2026-01-10'), d('2026-01-10'))).toBe(0);
    expect(compareLocalDates(d('0999-12-31'), d('1000-01-01'))).toBe(-1);
    expect([d('2027-01-01'), d('2026-12-31'), d('2026-02-01')].sort(compareLocalDates)).toEqual([
      '2026-02-01',
      '2026-12-31',
      '2027-01-01',
    ]);
  });

  it.each([
    ['2028-02-01', '2028-03-01', 29],
    ['2027-02-01', '2027-03-01', 28],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-03-29', '2026-03-30', 1],
    ['2026-10-25', '2026-10-26', 1],
    ['2026-03-02', '2026-01-19', -42],
    ['2026-05-05', '2026-05-05', 0],
  ])('from %s to %s is %i days', (a, b, expected) => {
    expect(daysBetween(d(a), d(b))).toBe(expected);
  });

  it('finds min and max', () => {
    expect(minLocalDate(d('2026-05-05'), d('2026-01-01'), d('2027-01-01'))).toBe('2026-01-01');
    expect(maxLocalDate(d('2026-05-05'), d('2026-01-01'), d('2027-01-01'))).toBe('2027-01-01');
    expect(maxLocalDate(d('2026-05-05'))).toBe('2026-05-05');
  });
});

describe('amsterdamDateOf', () => {
  it.each([
    // Winter time (CET, UTC+1): the Dutch day ends at 23:00 UTC.
    ['2026-01-15T22:59:59.999Z', '2026-01-15'],
    ['2026-01-15T23:00:00.000Z', '2026-01-16'],
    ['2026-01-15T00:00:00.000Z', '2026-01-15'],
    // Summer time (CEST, UTC+2): the Dutch day ends at 22:00 UTC.
    ['2026-07-15T21:59:59.999Z', '2026-07-15'],
    ['2026-07-15T22:00:00.000Z', '2026-07-16'],
    // Last Sunday of March 2026 (29 March): 02:00 CET becomes 03:00 CEST at 01:00 UTC; a 23-hour day.
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T00:59:59Z', '2026-03-29'],
    ['2026-03-29T01:00:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // Last Sunday of October 2026 (25 October): 03:00 CEST becomes 02:00 CET at 01:00 UTC; a 25-hour day.
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // 2027 switches: 28 March and 31 October.
    ['2027-03-28T21:59:59Z', '2027-03-28'],
    ['2027-03-28T22:00:00Z', '2027-03-29'],
    ['2027-10-31T22:59:59Z', '2027-10-31'],
    ['2027-10-31T23:00:00Z', '2027-11-01'],
    // Year end and leap day.
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    ['2028-02-28T23:00:00Z', '2028-02-29'],
    ['2028-02-29T22:59:59Z', '2028-02-29'],
    ['2028-02-29T23:00:00Z', '2028-03-01'],
  ])('%s is %s in Amsterdam', (instant, expected) => {
    expect(amsterdamDateOf(new Date(instant))).toBe(expected);
  });

  it('throws on an invalid Date', () => {
    expect(() => amsterdamDateOf(new Date('nonsense'))).toThrow(RangeError);
  });

  it('gives today in Amsterdam for a given now', () => {
    expect(todayInAmsterdam(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(isLocalDate(todayInAmsterdam())).toBe(true);
  });
});
