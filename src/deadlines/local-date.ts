/**
 * Calendar dates without time or zone, as ISO `YYYY-MM-DD` strings.
 *
 * Legal terms are counted in whole days (Awb 6:8, Atw art. 1), so terms are computed on dates, never on
 * instants. Arithmetic goes through UTC midnight so that no local timezone or DST change can shift a day.
 * Only the conversion of a moment of receipt to its date (`amsterdamDateOf`) involves a timezone.
 */

declare const localDateBrand: unique symbol;

/** An ISO `YYYY-MM-DD` calendar date (years 0001-9999). Obtain one from `parseLocalDate` or `localDate`. */
export type LocalDate = string & { readonly [localDateBrand]: true };

/** ISO weekday: 1 = Monday ... 6 = Saturday, 7 = Sunday. */
export type DayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function format(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
}

/** Returns the date, or null when `value` is not a real calendar date in `YYYY-MM-DD` form (e.g. 2026-02-30). */
export function parseLocalDate(value: string): LocalDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidParts(year, month, day) ? (value as LocalDate) : null;
}

/** Type guard form of `parseLocalDate`. */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parseLocalDate(value) !== null;
}

/** Like `parseLocalDate`, but throws a RangeError on invalid input (for constants and trusted data). */
export function localDate(value: string): LocalDate {
  const parsed = parseLocalDate(value);
  if (parsed === null) throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(value)}`);
  return parsed;
}

/** Builds a date from its parts (month 1-12); throws a RangeError when the parts are not a real date. */
export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  if (!isValidParts(year, month, day)) throw new RangeError(`Not a valid date: ${year}-${month}-${day}`);
  return format(year, month, day);
}

export function localDateParts(date: LocalDate): LocalDateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (UTC midnight arithmetic, so free of DST effects). */
function toEpochDay(date: LocalDate): number {
  const { year, month, day } = localDateParts(date);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

function fromEpochDay(epochDay: number): LocalDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  const year = utc.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw new RangeError('Date arithmetic left the years 0001-9999');
  return format(year, utc.getUTCMonth() + 1, utc.getUTCDate());
}

function assertWholeNumber(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  assertWholeNumber('days', days);
  return fromEpochDay(toEpochDay(date) + days);
}

export function addWeeks(date: LocalDate, weeks: number): LocalDate {
  assertWholeNumber('weeks', weeks);
  return addDays(date, weeks * 7);
}

/** Calendar months; a day that does not exist in the target month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  assertWholeNumber('months', months);
  const { year, month, day } = localDateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  if (!(targetYear >= 1 && targetYear <= 9999))
    throw new RangeError('Date arithmetic left the years 0001-9999');
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function dayOfWeek(date: LocalDate): DayOfWeek {
  const jsDay = new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay(); // 0 = Sunday
  return (jsDay === 0 ? 7 : jsDay) as DayOfWeek;
}

/** Negative when a is earlier, 0 when equal, positive when a is later (usable as an Array.sort comparator). */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  // Fixed-width ISO strings sort chronologically.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Number of days from a to b (b - a): 1 for consecutive days, negative when b is earlier. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function minLocalDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((min, d) => (d < min ? d : min), first);
}

export function maxLocalDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((max, d) => (d > max ? d : max), first);
}

const amsterdamFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in the Netherlands at the given instant. Receipt of a filing is judged on this date
 * (Awb 6:9, 2:17: timely when received before the end of the last day), with CET/CEST handled by ICU.
 */
export function amsterdamDateOf(instant: Date): LocalDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('amsterdamDateOf needs a valid Date');
  }
  const parts = amsterdamFormatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return makeLocalDate(part('year'), part('month'), part('day'));
}

/** Today's date in the Netherlands. */
export function todayInAmsterdam(now: Date = new Date()): LocalDate {
  return amsterdamDateOf(now);
}
