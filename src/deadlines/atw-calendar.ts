import { ATW_DECREE_DAYS, type AtwDecreeDay } from './atw-decree-days';
import {
  type LocalDate,
  addDays,
  compareLocalDates,
  dayOfWeek,
  localDateParts,
  makeLocalDate,
  parseLocalDate,
} from './local-date';

/**
 * The calendar of the Algemene termijnenwet (Atw). Do not replace it by a general holiday library: those
 * treat 5 May as a holiday only every fifth year and miss Good Friday and the decree days.
 *
 * The Atw rules are those in force since King's Day replaced Queen's Day (2014); earlier years are computed
 * with the same rules and are not historically exact.
 */

export interface AtwHoliday {
  readonly date: LocalDate;
  /** Dutch name; days that coincide are joined ("Bevrijdingsdag en Hemelvaartsdag"). */
  readonly name: string;
}

const DEFAULT_DECREE_DAY_NAME = 'Bij koninklijk besluit gelijkgestelde dag';

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeLocalDate(year, month, day);
}

/** The day the King's birthday is celebrated (Atw art. 3 lid 1): 27 April, or Saturday 26 April when the 27th is a Sunday. */
export function kingsDay(year: number): LocalDate {
  const april27 = makeLocalDate(year, 4, 27);
  return dayOfWeek(april27) === 7 ? makeLocalDate(year, 4, 26) : april27;
}

/** The holidays of Atw art. 3 lid 1 and 2 (without decree days), in calendar order within the year. */
export function statutoryHolidays(year: number): AtwHoliday[] {
  const easter = easterSunday(year);
  const holidays: AtwHoliday[] = [
    { date: makeLocalDate(year, 1, 1), name: 'Nieuwjaarsdag' },
    // Art. 3 lid 2 puts Good Friday on a par with the holidays of lid 1.
    { date: addDays(easter, -2), name: 'Goede Vrijdag' },
    { date: addDays(easter, 1), name: 'Tweede paasdag' },
    { date: kingsDay(year), name: 'Koningsdag' },
    // "de vijfde mei": every year, not only in lustrum years.
    { date: makeLocalDate(year, 5, 5), name: 'Bevrijdingsdag' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 50), name: 'Tweede pinksterdag' },
    { date: makeLocalDate(year, 12, 25), name: 'Eerste kerstdag' },
    { date: makeLocalDate(year, 12, 26), name: 'Tweede kerstdag' },
  ];
  return holidays.sort((x, y) => compareLocalDates(x.date, y.date));
}

export class AtwCalendar {
  private readonly extraDaysByYear = new Map<number, { date: LocalDate; name: string }[]>();
  private readonly holidaysByYear = new Map<number, ReadonlyMap<LocalDate, string>>();

  /**
   * @param extraDays days equal to holidays by royal decree (Atw art. 3 lid 3): pass `ATW_DECREE_DAYS.days`,
   *   plus any days an operator added. Throws a RangeError on an invalid date, so bad data fails loudly.
   */
  constructor(extraDays: readonly AtwDecreeDay[]) {
    for (const extra of extraDays) {
      const date = parseLocalDate(extra.date);
      if (date === null) throw new RangeError(`Invalid Atw decree day: ${JSON.stringify(extra.date)}`);
      const year = localDateParts(date).year;
      const list = this.extraDaysByYear.get(year) ?? [];
      list.push({ date, name: extra.name?.trim() || DEFAULT_DECREE_DAY_NAME });
      this.extraDaysByYear.set(year, list);
    }
  }

  /** All Atw holidays and decree days of a year, in date order. */
  holidaysInYear(year: number): AtwHoliday[] {
    return [...this.holidayMap(year)].map(([date, name]) => ({ date, name }));
  }

  /** Dutch name of the holiday or decree day, or null (also null for an ordinary Saturday or Sunday). */
  holidayName(date: LocalDate): string | null {
    return this.holidayMap(localDateParts(date).year).get(date) ?? null;
  }

  /** Saturday, Sunday, an Atw holiday or a decree day (Atw art. 1 lid 1, art. 3). */
  isNonWorkingDay(date: LocalDate): boolean {
    return dayOfWeek(date) >= 6 || this.holidayName(date) !== null;
  }

  isWorkingDay(date: LocalDate): boolean {
    return !this.isNonWorkingDay(date);
  }

  /** The date itself when it is a working day, otherwise the first working day after it. */
  nextWorkingDayFrom(date: LocalDate): LocalDate {
    let current = date;
    while (this.isNonWorkingDay(current)) current = addDays(current, 1);
    return current;
  }

  /**
   * Atw art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or holiday runs on to and including the
   * next day that is none of these, so chains (Christmas into a weekend, New Year into a bridge day) roll on.
   * Only for terms counted forward (art. 1 lid 2) and not for those excluded by art. 4; callers decide that.
   */
  applyAtw(termEnd: LocalDate): LocalDate {
    return this.nextWorkingDayFrom(termEnd);
  }

  /**
   * The n-th working day after `date` (the date itself is not counted); n = 0 returns `date` unchanged and
   * negative n counts backwards. For practice settings such as "acknowledge within 5 working days", not
   * for statutory terms (those are counted in calendar days and then extended by `applyAtw`).
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isSafeInteger(n)) throw new RangeError(`n must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) remaining--;
    }
    return current;
  }

  /**
   * Working days in (a, b]: after a, up to and including b; negative (-count of (b, a]) when b is before a.
   * Inverse of `addWorkingDays`: workingDaysBetween(d, addWorkingDays(d, n)) === n for n >= 0.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    if (b < a) return 0 - this.workingDaysBetween(b, a); // 0 - x, not -x: no negative zero
    let count = 0;
    for (let current = addDays(a, 1); current <= b; current = addDays(current, 1)) {
      if (this.isWorkingDay(current)) count++;
    }
    return count;
  }

  private holidayMap(year: number): ReadonlyMap<LocalDate, string> {
    const cached = this.holidaysByYear.get(year);
    if (cached) return cached;
    const names = new Map<LocalDate, string[]>();
    const add = (date: LocalDate, name: string): void => {
      const list = names.get(date) ?? [];
      if (!list.includes(name)) list.push(name);
      names.set(date, list);
    };
    for (const holiday of statutoryHolidays(year)) add(holiday.date, holiday.name);
    for (const extra of this.extraDaysByYear.get(year) ?? []) add(extra.date, extra.name);
    const map = new Map<LocalDate, string>(
      [...names.entries()]
        .sort(([a], [b]) => compareLocalDates(a, b))
        .map(([date, list]) => [date, list.join(' en ')]),
    );
    this.holidaysByYear.set(year, map);
    return map;
  }
}

/** Calendar with the published decree table; use your own instance when an operator has added days. */
export const defaultAtwCalendar = new AtwCalendar(ATW_DECREE_DAYS.days);
