import { type AtwCalendar, defaultAtwCalendar } from '../deadlines/atw-calendar';
import { objectionTermEnds } from '../deadlines/legal-terms';
import { daysBetween, type LocalDate } from '../deadlines/local-date';

/** The id of the date question whose answer gives the facts below (the day the decision letter was sent). */
export const DECISION_DATE_QUESTION = 'decisionDate';

/** What a tree's JSON Logic can read as `facts.<name>` once `decisionDate` is answered. */
export interface DiagnosisFacts {
  /** Last day to object (Awb 6:7, 6:8; Atw applied); for taxes counted from the date on the document (AWR 22j). */
  objectionTermEnds: LocalDate;
  /** Calendar days from today to that last day: 0 on the last day itself, negative when late. */
  daysLeft: number;
  late: boolean;
}

export const DIAGNOSIS_FACT_NAMES: readonly (keyof DiagnosisFacts)[] = [
  'objectionTermEnds',
  'daysLeft',
  'late',
];

/** `today` is a parameter (Europe/Amsterdam date, see todayInAmsterdam) so that callers and tests fix the clock. */
export function diagnosisFacts(
  decisionDate: LocalDate,
  today: LocalDate,
  calendar: AtwCalendar = defaultAtwCalendar,
): DiagnosisFacts {
  const termEnds = objectionTermEnds(calendar, decisionDate);
  const daysLeft = daysBetween(today, termEnds);
  return { objectionTermEnds: termEnds, daysLeft, late: daysLeft < 0 };
}
