import type { AtwCalendar } from './atw-calendar';
import { type LocalDate, addDays, addWeeks, daysBetween } from './local-date';

/**
 * The penalty for a late decision on an objection (Awb 4:17-4:20, via 7:14): after the decision term has passed
 * and a notice of default was received. Amounts in integer cents; the Atw does not apply to penalty days.
 */

/** 4:17 lid 1: owed for at most 42 days; the Atw does not apply to these days. */
export const PENALTY_MAX_DAYS = 42;
/** 4:17 lid 2, in cents: days 1-14 EUR 23, days 15-28 EUR 35, days 29-42 EUR 45 a day. */
export const PENALTY_DAILY_RATES_CENTS: readonly {
  readonly fromDay: number;
  readonly toDay: number;
  readonly cents: number;
}[] = [
  { fromDay: 1, toDay: 14, cents: 2_300 },
  { fromDay: 15, toDay: 28, cents: 3_500 },
  { fromDay: 29, toDay: 42, cents: 4_500 },
];
/** 14 x 23 + 14 x 35 + 14 x 45 = EUR 1,442. */
export const PENALTY_MAX_CENTS = 144_200;

/** Total penalty in integer cents after `days` penalty days (capped at 42 days). */
export function penaltyAmountCents(days: number): number {
  if (!Number.isSafeInteger(days) || days < 0)
    throw new RangeError(`days must be a whole number >= 0, got ${days}`);
  return PENALTY_DAILY_RATES_CENTS.reduce(
    (total, rate) => total + Math.max(0, Math.min(days, rate.toDay) - rate.fromDay + 1) * rate.cents,
    0,
  );
}

/**
 * 4:17 lid 3: "the first day is the day on which two weeks have passed after the day on which the term has
 * passed and the notice was received". UNSETTLED. Stated reading: notice day + 14 ('fourteenth-day',
 * default; the same arithmetic as any "N weeks after day D" term, and the earlier, more cautious date for
 * warnings); 'fifteenth-day' reads it as the first day after two full weeks.
 */
export type PenaltyFirstDayReading = 'fourteenth-day' | 'fifteenth-day';

/** First penalty day for a valid notice of default received on `noticeReceived` (no Atw). */
export function firstPenaltyDay(
  noticeReceived: LocalDate,
  reading: PenaltyFirstDayReading = 'fourteenth-day',
): LocalDate {
  return addDays(noticeReceived, reading === 'fourteenth-day' ? 14 : 15);
}

/**
 * For the inbox: the earliest date from which a case can cost money, i.e. the first penalty day if a notice
 * of default arrived on the first day after the decision term (the earliest valid day).
 */
export function earliestPenaltyDay(
  decisionTermEnds: LocalDate,
  reading: PenaltyFirstDayReading = 'fourteenth-day',
): LocalDate {
  return firstPenaltyDay(addDays(decisionTermEnds, 1), reading);
}

export interface PenaltyExposureInput {
  /** Last day of the decision term as it stands (Atw, pauses and extension applied). */
  readonly decisionTermEnds: LocalDate;
  /** Day the written notice of default (ingebrekestelling) was received; null when none. */
  readonly noticeOfDefaultReceived: LocalDate | null;
  /** Counted inclusive: the exposure if no decision is given today. */
  readonly today: LocalDate;
  /** Day the decision was given; it ends the default, so that day and later days are not owed. */
  readonly decidedOn?: LocalDate | null;
  readonly firstDayReading?: PenaltyFirstDayReading;
}

export type PenaltyStatus =
  'no-notice' | 'premature-notice' | 'not-yet-running' | 'running' | 'maximum-reached' | 'decided';

export interface PenaltyExposure {
  readonly status: PenaltyStatus;
  /** Null when there is no valid notice. */
  readonly firstPenaltyDay: LocalDate | null;
  /** Day 42, on which the maximum is reached if no decision comes first. */
  readonly maximumReachedOn: LocalDate | null;
  /** Penalty days owed up to today (or up to the decision), 0-42. */
  readonly daysRunning: number;
  /** Amount owed so far in integer cents. */
  readonly amountCents: number;
}

/**
 * Penalty owed for not deciding in time (4:17). A notice counts only when received after the decision term
 * has passed (a notice on or before its last day is premature). The exclusions of 4:17 lid 6 (notice
 * unreasonably late, no interested party, manifestly inadmissible or unfounded) are judgements left to a
 * person and are not applied here.
 */
export function penaltyExposure(input: PenaltyExposureInput): PenaltyExposure {
  const none = { firstPenaltyDay: null, maximumReachedOn: null, daysRunning: 0, amountCents: 0 };
  const notice = input.noticeOfDefaultReceived;
  if (notice === null) return { status: 'no-notice', ...none };
  if (notice <= input.decisionTermEnds) return { status: 'premature-notice', ...none };

  const first = firstPenaltyDay(notice, input.firstDayReading);
  const maximumReachedOn = addDays(first, PENALTY_MAX_DAYS - 1);
  const decided = input.decidedOn != null && input.decidedOn <= input.today ? input.decidedOn : null;
  const lastCountedDay = decided !== null ? addDays(decided, -1) : input.today;
  const daysRunning = Math.min(PENALTY_MAX_DAYS, Math.max(0, daysBetween(first, lastCountedDay) + 1));
  const status: PenaltyStatus =
    decided !== null
      ? 'decided'
      : daysRunning === 0
        ? 'not-yet-running'
        : daysRunning === PENALTY_MAX_DAYS
          ? 'maximum-reached'
          : 'running';
  return {
    status,
    firstPenaltyDay: first,
    maximumReachedOn,
    daysRunning,
    amountCents: penaltyAmountCents(daysRunning),
  };
}

/**
 * 4:18: the body fixes the penalty by decision within two weeks after the last day it was owed. That is an
 * ordinary statutory term, so the Atw applies (4:17 lid 1 excludes it only for the 42 penalty days).
 */
export function penaltyFixingDecisionDue(calendar: AtwCalendar, lastPenaltyDay: LocalDate): LocalDate {
  return calendar.applyAtw(addWeeks(lastPenaltyDay, 2));
}
