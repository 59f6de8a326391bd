import type { AtwCalendar } from '../deadlines/atw-calendar';
import { repairTermEnds } from '../deadlines/legal-terms';
import { type LocalDate, addDays, amsterdamDateOf } from '../deadlines/local-date';

/** Dates of the formal procedure other than the decision term: the repair term and the hearing's 7:4 dates. */

export const REPAIR_TERM_DAYS = { min: 7, max: 28, default: 14 } as const;

/**
 * Last day of a repair term of `days` days (6:6) sent on `sentOn`. `repairTermEnds` counts whole weeks and moves
 * an end on a non-working day to the next working day (its stated reading); a term of any number of days is
 * those weeks counted from the matching later day.
 */
export function repairTermEndsAfterDays(calendar: AtwCalendar, sentOn: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days) || days < 7)
    throw new RangeError(`repair term must be 7 days or more, got ${days}`);
  const weeks = Math.floor(days / 7);
  return repairTermEnds(calendar, addDays(sentOn, days - weeks * 7), weeks);
}

export interface HearingDates {
  /** Calendar day of the hearing, Europe/Amsterdam. */
  hearingDate: LocalDate;
  /** HH:MM, Europe/Amsterdam. */
  hearingTime: string;
  /** 7:4 lid 1: documents may be filed until ten days before the hearing. */
  documentsUntil: LocalDate;
  /** 7:4 lid 2: the file lies open for at least a week before the hearing. */
  fileOpenFrom: LocalDate;
}

const amsterdamTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The dates an invitation to a hearing states. Both 7:4 terms are counted back from the hearing day, so the
 * Atw does not move them (it only extends terms counted forward).
 */
export function hearingDates(at: Date): HearingDates {
  const hearingDate = amsterdamDateOf(at);
  return {
    hearingDate,
    hearingTime: amsterdamTime.format(at),
    documentsUntil: addDays(hearingDate, -10),
    fileOpenFrom: addDays(hearingDate, -7),
  };
}
