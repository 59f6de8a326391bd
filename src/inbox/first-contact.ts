import { addDays, amsterdamDateOf, LocalDate } from '../deadlines/local-date';

/** The part of the Atw calendar these helpers need (AtwCalendar has it). */
export interface WorkingDayCalendar {
  addWorkingDays(date: LocalDate, n: number): LocalDate;
}

/** What the inbox says about the first contact with the objector (the informal approach, domain-nl §5). */
export interface FirstContact {
  /** ISO instant of the first conversation in which the objector was reached, or null. */
  at: string | null;
  /** Contact is due by this day: the day of receipt plus the tenant's firstContactWorkingDays. */
  dueOn: LocalDate;
  /** No contact yet on an open case and dueOn has passed. */
  late: boolean;
}

export function firstContactDueOn(
  calendar: WorkingDayCalendar,
  receivedAt: Date,
  workingDays: number,
): LocalDate {
  return calendar.addWorkingDays(amsterdamDateOf(receivedAt), workingDays);
}

export function firstContactOf(args: {
  calendar: WorkingDayCalendar;
  receivedAt: Date;
  firstContactAt: Date | null;
  open: boolean;
  workingDays: number;
  today: LocalDate;
}): FirstContact {
  const dueOn = firstContactDueOn(args.calendar, args.receivedAt, args.workingDays);
  return {
    at: args.firstContactAt?.toISOString() ?? null,
    dueOn,
    late: args.open && args.firstContactAt === null && dueOn < args.today,
  };
}

/**
 * The first day of receipt whose contact is not yet late today: a case received before this day and still
 * without contact is late. Adding working days never moves an earlier day past a later one, so the late cases
 * are exactly those received before one day, and SQL can select them with `received_at < <that day's start>`
 * instead of counting working days itself.
 */
export function lateContactCutoff(
  calendar: WorkingDayCalendar,
  today: LocalDate,
  workingDays: number,
): LocalDate {
  let cutoff = today;
  while (calendar.addWorkingDays(addDays(cutoff, -1), workingDays) >= today) cutoff = addDays(cutoff, -1);
  return cutoff;
}

/**
 * 00:00 of a day in the Netherlands as an instant. Midnight is never inside a DST change there (those happen
 * at 02:00 and 03:00), so it is 22:00 or 23:00 UTC the day before: the one whose Amsterdam date is the day.
 */
export function amsterdamStartOf(date: LocalDate): Date {
  const [year, month, day] = date.split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, day);
  for (const hours of [2, 1]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (amsterdamDateOf(candidate) === date) return candidate;
  }
  throw new RangeError(`No midnight found for ${date} in Europe/Amsterdam`);
}
