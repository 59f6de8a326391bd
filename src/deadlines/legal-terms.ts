import { type AtwCalendar, defaultAtwCalendar } from './atw-calendar';
import {
  type LocalDate,
  addDays,
  addWeeks,
  amsterdamDateOf,
  daysBetween,
  localDateParts,
  makeLocalDate,
} from './local-date';

/**
 * Statutory terms of the objection procedure (Awb, Atw, AWR), as pure functions over calendar dates.
 *
 * Counting convention (Awb 6:8): a term of N weeks that starts on the day after day D covers D+1 ... D+7N,
 * so its last day is D + N weeks (the same weekday as D). Atw art. 1 then moves a last day that is a
 * Saturday, Sunday or holiday to the next working day.
 *
 * Points where sources differ ("unsettled") follow the stated reading by default and are configurable.
 */

/** Inclusive range of calendar days: [first day, last day]. */
export type DateRange = readonly [from: LocalDate, to: LocalDate];

const OBJECTION_TERM_WEEKS = 6;
const DECISION_TERM_WEEKS = 6;
const DECISION_TERM_WEEKS_ADVISORY_COMMITTEE = 12;
export const MAX_EXTENSION_WEEKS = 6;
const DEFAULT_REPAIR_TERM_WEEKS = 2;

function assertWeeks(name: string, weeks: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(weeks) || weeks < 1 || weeks > max) {
    throw new RangeError(`${name} must be a whole number of weeks from 1 to ${max}, got ${weeks}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Objection and appeal terms (6:7, 6:8)
// ---------------------------------------------------------------------------------------------------------

/** Last day of the six-week objection term before the Atw: decision date + 6 weeks (6:7, 6:8). */
export function objectionTermEndsWithoutAtw(decisionDate: LocalDate): LocalDate {
  return addWeeks(decisionDate, OBJECTION_TERM_WEEKS);
}

/**
 * Last day to object (6:7, 6:8): six weeks starting the day after the decision was sent (the sending date
 * counts even if it never arrived), extended by Atw art. 1.
 * Municipal taxes (AWR art. 22j): the term starts the day after the date on the document, so pass that
 * date; the arithmetic is the same.
 */
export function objectionTermEnds(calendar: AtwCalendar, decisionDate: LocalDate): LocalDate {
  return calendar.applyAtw(objectionTermEndsWithoutAtw(decisionDate));
}

/** Last day to appeal to the court (6:7, 6:8): six weeks from the day after sending the decision, Atw applied. */
export function appealTermEnds(calendar: AtwCalendar, decisionSentDate: LocalDate): LocalDate {
  return calendar.applyAtw(addWeeks(decisionSentDate, OBJECTION_TERM_WEEKS));
}

// ---------------------------------------------------------------------------------------------------------
// Decision term (7:10), pauses and extension
// ---------------------------------------------------------------------------------------------------------

/**
 * From which end of the objection term the 7:10 decision term is counted. UNSETTLED: 7:10 lid 1 counts
 * "from the day after the objection term ended"; the stated reading is the Atw-extended end
 * ('atw-extended', default). 'unextended' counts from decision date + 6 weeks as given by the caller.
 */
export type DecisionTermBase = 'atw-extended' | 'unextended';

export interface DecisionTermOptions {
  /** 7:10 lid 1: twelve weeks instead of six when a 7:13 advisory committee handles it and the objector was told. */
  readonly advisoryCommittee?: boolean;
  /** Default 'atw-extended' (unsettled, see `DecisionTermBase`). */
  readonly base?: DecisionTermBase;
  /** Periods during which the term is suspended (see `shiftTermEndForPauses`). */
  readonly pauses?: readonly DateRange[];
}

/**
 * Number of calendar days covered by the (inclusive) ranges. Overlapping or adjacent ranges are merged so
 * that a day paused for two reasons counts once. Throws a RangeError when a range ends before it starts.
 */
export function pausedDayCount(pauses: readonly DateRange[]): number {
  for (const [from, to] of pauses) {
    if (to < from) throw new RangeError(`Pause ends before it starts: ${from} - ${to}`);
  }
  const sorted = [...pauses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let total = 0;
  let current: [LocalDate, LocalDate] | null = null;
  for (const [from, to] of sorted) {
    if (current && from <= addDays(current[1], 1)) {
      if (to > current[1]) current[1] = to;
    } else {
      if (current) total += daysBetween(current[0], current[1]) + 1;
      current = [from, to];
    }
  }
  if (current) total += daysBetween(current[0], current[1]) + 1;
  return total;
}

/**
 * Suspends a term by paused periods: the repair term given under 6:6 (7:10 lid 2) and delay caused by the
 * objector or force majeure (4:15 via 7:14). Adds the paused days to the term end and then applies the
 * Atw. Pass the end before the Atw (e.g. objection base + 6 weeks): an end already moved by the Atw would
 * count the extension twice. Pass only periods that fall while the term runs.
 */
export function shiftTermEndForPauses(
  calendar: AtwCalendar,
  termEndWithoutAtw: LocalDate,
  pauses: readonly DateRange[],
): LocalDate {
  return calendar.applyAtw(addDays(termEndWithoutAtw, pausedDayCount(pauses)));
}

/**
 * Last day to decide on the objection (7:10 lid 1): six weeks, or twelve with an advisory committee, counted
 * from the day after the objection term ended, plus pauses (lid 2); the Atw applies to the end, twelve weeks
 * included (art. 4 only excludes terms of more than twelve weeks).
 *
 * @param objectionTermEnd under the default base 'atw-extended' the end with or without the Atw (the Atw is
 *   applied to it first); under base 'unextended' the end before the Atw (`objectionTermEndsWithoutAtw`).
 */
export function decisionTermEnds(
  calendar: AtwCalendar,
  objectionTermEnd: LocalDate,
  options: DecisionTermOptions = {},
): LocalDate {
  const base = options.base ?? 'atw-extended';
  const start = base === 'atw-extended' ? calendar.applyAtw(objectionTermEnd) : objectionTermEnd;
  const weeks = options.advisoryCommittee ? DECISION_TERM_WEEKS_ADVISORY_COMMITTEE : DECISION_TERM_WEEKS;
  return shiftTermEndForPauses(calendar, addWeeks(start, weeks), options.pauses ?? []);
}

/**
 * One extension (verdaging) of at most six weeks with written notice (7:10 lid 3). Stated reading: the
 * extension is counted from the last day of the original decision term as it stands (Atw-extended and
 * shifted for pauses), and the Atw is applied again to the new end.
 */
export function extendDecisionTermEnd(
  calendar: AtwCalendar,
  decisionTermEnd: LocalDate,
  weeks: number = MAX_EXTENSION_WEEKS,
): LocalDate {
  assertWeeks('extension', weeks, MAX_EXTENSION_WEEKS);
  return calendar.applyAtw(addWeeks(decisionTermEnd, weeks));
}

export interface ExtensionOptions extends DecisionTermOptions {
  /** Length of the extension, 1-6 weeks (default 6). */
  readonly extensionWeeks?: number;
}

/** `decisionTermEnds` followed by one 7:10 lid 3 extension (see `extendDecisionTermEnd` for the reading). */
export function decisionTermEndsWithExtension(
  calendar: AtwCalendar,
  objectionTermEnd: LocalDate,
  options: ExtensionOptions = {},
): LocalDate {
  return extendDecisionTermEnd(
    calendar,
    decisionTermEnds(calendar, objectionTermEnd, options),
    options.extensionWeeks ?? MAX_EXTENSION_WEEKS,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Repair term (6:6)
// ---------------------------------------------------------------------------------------------------------

export interface RepairTermOptions {
  /** Move an end on a Saturday, Sunday or holiday to the next working day (default true, see below). */
  readonly extendToWorkingDay?: boolean;
}

/**
 * Last day of the term to repair a defect (6:6); two weeks is common practice.
 *
 * The Atw does not apply by law: art. 1 covers terms set in a statute, and this term is set by the body in
 * its letter. We still move an end on a non-working day to the next working day by default, because a later
 * end never harms the objector and a repair term ending on a holiday invites dispute about whether a fair
 * chance to repair was given before declaring the objection inadmissible.
 */
export function repairTermEnds(
  calendar: AtwCalendar,
  requestSentDate: LocalDate,
  weeks: number = DEFAULT_REPAIR_TERM_WEEKS,
  options: RepairTermOptions = {},
): LocalDate {
  assertWeeks('repair term', weeks);
  const end = addWeeks(requestSentDate, weeks);
  return options.extendToWorkingDay === false ? end : calendar.applyAtw(end);
}

/** The pause of the decision term for a repair term (7:10 lid 2): from the day after sending to its last day. */
export function repairPause(requestSentDate: LocalDate, repairTermEnd: LocalDate): DateRange {
  return [addDays(requestSentDate, 1), repairTermEnd];
}

// ---------------------------------------------------------------------------------------------------------
// Municipal taxes (AWR art. 25)
// ---------------------------------------------------------------------------------------------------------

/**
 * Which six weeks apply to a tax objection received in the last six weeks of the year. UNSETTLED.
 * AWR art. 25 lid 1 departs from 7:10 lid 1 Awb ("decide within the calendar year of receipt") except for
 * objections received in the last six weeks of the year; for those the stated reading is that 7:10 lid 1
 * applies unchanged: six weeks from the day after the objection term ended ('objection-term-end', default).
 * Some municipal practice counts six weeks from receipt instead ('receipt').
 */
export type TaxLateYearBase = 'objection-term-end' | 'receipt';

export interface TaxDecisionTermOptions {
  /** Default 'objection-term-end' (unsettled, see `TaxLateYearBase`). */
  readonly lateYearBase?: TaxLateYearBase;
  /**
   * Apply the Atw to 31 December. Default false: the stated reading is that "within the calendar year" names
   * a fixed date rather than a term of a length, and it is mostly longer than twelve weeks (Atw art. 4).
   * UNSETTLED.
   */
  readonly applyAtwToYearEnd?: boolean;
  /** Only for the late-year case, where 7:10 lid 1 (including its twelve-week variant) applies. */
  readonly advisoryCommittee?: boolean;
  /** Base of the late-year 7:10 term (see `DecisionTermBase`). */
  readonly decisionTermBase?: DecisionTermBase;
  /** 7:10 lid 2 suspensions; AWR art. 25 departs only from lid 1, so they apply to both cases. */
  readonly pauses?: readonly DateRange[];
}

export interface TaxObjectionDates {
  readonly receivedDate: LocalDate;
  /** End of the objection term (AWR art. 22j: counted from the date on the document). */
  readonly objectionTermEnd: LocalDate;
}

/** Received on or after 20 November: the last six weeks (42 days) of the calendar year (AWR art. 25 lid 1). */
export function isInLastSixWeeksOfYear(date: LocalDate): boolean {
  const { year } = localDateParts(date);
  return date >= addDays(makeLocalDate(year, 12, 31), -(6 * 7 - 1));
}

/**
 * Last day to decide on a municipal tax objection (AWR art. 25 lid 1, via Gemeentewet art. 231): within the
 * calendar year of receipt, unless received in its last six weeks; then the 7:10 Awb term (see
 * `TaxLateYearBase` for the unsettled base).
 */
export function taxDecisionTermEnds(
  calendar: AtwCalendar,
  dates: TaxObjectionDates,
  options: TaxDecisionTermOptions = {},
): LocalDate {
  const pauses = options.pauses ?? [];
  if (!isInLastSixWeeksOfYear(dates.receivedDate)) {
    const yearEnd = makeLocalDate(localDateParts(dates.receivedDate).year, 12, 31);
    const shifted = addDays(yearEnd, pausedDayCount(pauses));
    return options.applyAtwToYearEnd ? calendar.applyAtw(shifted) : shifted;
  }
  if ((options.lateYearBase ?? 'objection-term-end') === 'receipt') {
    const weeks = options.advisoryCommittee ? DECISION_TERM_WEEKS_ADVISORY_COMMITTEE : DECISION_TERM_WEEKS;
    return shiftTermEndForPauses(calendar, addWeeks(dates.receivedDate, weeks), pauses);
  }
  return decisionTermEnds(calendar, dates.objectionTermEnd, {
    advisoryCommittee: options.advisoryCommittee,
    base: options.decisionTermBase,
    pauses,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Timeliness of a filing (6:9, 2:17)
// ---------------------------------------------------------------------------------------------------------

/**
 * An electronic filing is timely when received before the end of the last day of the term, in Dutch time
 * (6:9 lid 1; 2:17: received when it enters the body's system). `termEnds` is the Atw-extended last day.
 * Late filings are accepted and flagged for review under 6:11, never refused: this only sets the flag.
 */
export function isTimelyElectronic(receivedAt: Date, termEnds: LocalDate): boolean {
  return amsterdamDateOf(receivedAt) <= termEnds;
}

export interface PostTimelinessOptions {
  /**
   * When given, the Atw is applied to the last day of the one-week receipt window. UNSETTLED: the stated
   * (literal) reading, used by default, is termEnds + 7 days without extension.
   */
  readonly receiptWeekCalendar?: AtwCalendar;
}

/**
 * A filing by post is timely when received within the term (6:9 lid 1), or when posted before the end of
 * the term and received at most one week after it (6:9 lid 2). `postmarkDate` null: unknown postmark.
 */
export function isTimelyByPost(
  postmarkDate: LocalDate | null,
  receivedDate: LocalDate,
  termEnds: LocalDate,
  options: PostTimelinessOptions = {},
): boolean {
  if (receivedDate <= termEnds) return true;
  if (postmarkDate === null || postmarkDate > termEnds) return false;
  const weekAfter = addWeeks(termEnds, 1);
  const lastReceiptDay = options.receiptWeekCalendar
    ? options.receiptWeekCalendar.applyAtw(weekAfter)
    : weekAfter;
  return receivedDate <= lastReceiptDay;
}

// ---------------------------------------------------------------------------------------------------------
// Aggregate
// ---------------------------------------------------------------------------------------------------------

export interface Deadlines {
  readonly objectionTermEnds: LocalDate;
  readonly decisionTermEnds: LocalDate;
  readonly decisionTermEndsWithExtension: LocalDate;
}

interface CommonDeadlineOptions {
  readonly advisoryCommittee?: boolean;
  /** Defaults to `defaultAtwCalendar`; pass the operator-extended calendar when there is one. */
  readonly calendar?: AtwCalendar;
  readonly pauses?: readonly DateRange[];
  readonly decisionTermBase?: DecisionTermBase;
  /** 1-6, default 6. */
  readonly extensionWeeks?: number;
}

export interface AwbDeadlineOptions extends CommonDeadlineOptions {
  readonly termModel?: 'awb';
}

export interface AwrDeadlineOptions extends CommonDeadlineOptions {
  readonly termModel: 'awr';
  /** Receipt of the objection decides between the calendar-year term and the late-year term. */
  readonly receivedDate: LocalDate;
  readonly lateYearBase?: TaxLateYearBase;
  readonly applyAtwToYearEnd?: boolean;
}

export type ComputeDeadlinesOptions = AwbDeadlineOptions | AwrDeadlineOptions;

/**
 * The three deadlines of an objection case.
 * @param decisionDate 'awb': the date the decision was sent; 'awr': the date on the tax document.
 */
export function computeDeadlines(decisionDate: LocalDate, options: ComputeDeadlinesOptions = {}): Deadlines {
  const calendar = options.calendar ?? defaultAtwCalendar;
  const base = options.decisionTermBase ?? 'atw-extended';
  const objectionEnds = objectionTermEnds(calendar, decisionDate);
  const decisionBase = base === 'atw-extended' ? objectionEnds : objectionTermEndsWithoutAtw(decisionDate);

  const decisionEnds =
    options.termModel === 'awr'
      ? taxDecisionTermEnds(
          calendar,
          { receivedDate: options.receivedDate, objectionTermEnd: decisionBase },
          {
            lateYearBase: options.lateYearBase,
            applyAtwToYearEnd: options.applyAtwToYearEnd,
            advisoryCommittee: options.advisoryCommittee,
            decisionTermBase: base,
            pauses: options.pauses,
          },
        )
      : decisionTermEnds(calendar, decisionBase, {
          advisoryCommittee: options.advisoryCommittee,
          base,
          pauses: options.pauses,
        });

  return {
    objectionTermEnds: objectionEnds,
    decisionTermEnds: decisionEnds,
    decisionTermEndsWithExtension: extendDecisionTermEnd(
      calendar,
      decisionEnds,
      options.extensionWeeks ?? MAX_EXTENSION_WEEKS,
    ),
  };
}
