import { defaultAtwCalendar } from '../deadlines/atw-calendar';
import { addDays, amsterdamDateOf, localDate, LocalDate } from '../deadlines/local-date';
import { amsterdamStartOf, firstContactDueOn, firstContactOf, lateContactCutoff } from './first-contact';

const calendar = defaultAtwCalendar;
/** 09:00 in the Netherlands (winter time) on a day. */
const morningOf = (date: string) => new Date(`${date}T08:00:00Z`);

describe('firstContactDueOn', () => {
  it('counts working days from the day of receipt in the Netherlands', () => {
    // Monday 2026-03-02 + 5 working days = Monday 2026-03-09.
    expect(firstContactDueOn(calendar, morningOf('2026-03-02'), 5)).toBe('2026-03-09');
    // Received late on Sunday evening in Amsterdam (Sunday 22:30 UTC is Sunday 23:30 there).
    expect(firstContactDueOn(calendar, new Date('2026-03-01T22:30:00Z'), 1)).toBe('2026-03-02');
    // 23:30 UTC on Sunday is already Monday in Amsterdam.
    expect(firstContactDueOn(calendar, new Date('2026-03-01T23:30:00Z'), 1)).toBe('2026-03-03');
  });

  it('skips the Atw holidays: Good Friday and Easter Monday 2026 are 3 and 6 April', () => {
    expect(firstContactDueOn(calendar, morningOf('2026-04-02'), 2)).toBe('2026-04-08');
  });
});

describe('firstContactOf', () => {
  const base = {
    calendar,
    receivedAt: morningOf('2026-03-02'),
    firstContactAt: null,
    open: true,
    workingDays: 5,
  };

  it('is not late on the day contact is due, and late the day after', () => {
    expect(firstContactOf({ ...base, today: localDate('2026-03-09') })).toEqual({
      at: null,
      dueOn: '2026-03-09',
      late: false,
    });
    expect(firstContactOf({ ...base, today: localDate('2026-03-10') }).late).toBe(true);
  });

  it('is never late once there was contact, nor on a closed case', () => {
    const at = new Date('2026-03-04T10:00:00Z');
    expect(firstContactOf({ ...base, firstContactAt: at, today: localDate('2026-04-01') })).toEqual({
      at: '2026-03-04T10:00:00.000Z',
      dueOn: '2026-03-09',
      late: false,
    });
    expect(firstContactOf({ ...base, open: false, today: localDate('2026-04-01') }).late).toBe(false);
  });
});

describe('lateContactCutoff', () => {
  it.each([1, 3, 5, 10])(
    'a day of receipt is late exactly when it is before the cutoff (%i working days)',
    (workingDays) => {
      // Every today across a year with Easter, Ascension, Whit Monday, King's Day and Christmas.
      for (let today = localDate('2026-01-01'); today <= '2027-01-15'; today = addDays(today, 1)) {
        const cutoff = lateContactCutoff(calendar, today, workingDays);
        for (let offset = -25; offset <= 2; offset++) {
          const received = addDays(today, offset);
          const late = calendar.addWorkingDays(received, workingDays) < today;
          expect([today, received, late]).toEqual([today, received, received < cutoff]);
        }
      }
    },
  );

  it('counts a weekend receipt from the Monday after', () => {
    // Monday 2026-03-09: received on Monday 2026-03-02 is due today; on the Sunday before, due on Friday.
    expect(lateContactCutoff(calendar, localDate('2026-03-09'), 5)).toBe('2026-03-02');
    // Tuesday 2026-03-10: received on Saturday or Sunday is due on Friday; on Monday 2 March, yesterday.
    expect(lateContactCutoff(calendar, localDate('2026-03-10'), 5)).toBe('2026-03-03');
    // Monday 2026-03-16 with one working day: received on Friday the 13th is due today; over the weekend too.
    expect(lateContactCutoff(calendar, localDate('2026-03-16'), 1)).toBe('2026-03-13');
  });
});

describe('amsterdamStartOf', () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    // The days of the clock changes: the change is at night, after midnight.
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
  ])('%s starts at %s', (date, instant) => {
    const start = amsterdamStartOf(date as LocalDate);
    expect(start.toISOString()).toBe(instant);
    expect(amsterdamDateOf(start)).toBe(date);
    expect(amsterdamDateOf(new Date(start.getTime() - 1))).toBe(addDays(date as LocalDate, -1));
  });
});
