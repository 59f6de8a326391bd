/** Pure domain module for Dutch legal deadlines (Awb, Atw, AWR). No framework or I/O dependencies. */
export type { LocalDate, LocalDateParts, DayOfWeek } from './local-date';
export {
  parseLocalDate,
  isLocalDate,
  localDate,
  makeLocalDate,
  localDateParts,
  addDays,
  addWeeks,
  addMonths,
  dayOfWeek,
  compareLocalDates,
  daysBetween,
  minLocalDate,
  maxLocalDate,
  amsterdamDateOf,
  todayInAmsterdam,
} from './local-date';

export type { AtwDecreeDay, AtwDecreeTable } from './atw-decree-days';
export { ATW_DECREE_DAYS } from './atw-decree-days';

export type { AtwHoliday } from './atw-calendar';
export { AtwCalendar, defaultAtwCalendar, easterSunday, kingsDay, statutoryHolidays } from './atw-calendar';

export type {
  DateRange,
  DecisionTermBase,
  DecisionTermOptions,
  ExtensionOptions,
  RepairTermOptions,
  TaxLateYearBase,
  TaxDecisionTermOptions,
  TaxObjectionDates,
  PostTimelinessOptions,
  Deadlines,
  AwbDeadlineOptions,
  AwrDeadlineOptions,
  ComputeDeadlinesOptions,
} from './legal-terms';
export {
  MAX_EXTENSION_WEEKS,
  objectionTermEndsWithoutAtw,
  objectionTermEnds,
  appealTermEnds,
  pausedDayCount,
  shiftTermEndForPauses,
  decisionTermEnds,
  extendDecisionTermEnd,
  decisionTermEndsWithExtension,
  repairTermEnds,
  repairPause,
  isInLastSixWeeksOfYear,
  taxDecisionTermEnds,
  isTimelyElectronic,
  isTimelyByPost,
  computeDeadlines,
} from './legal-terms';

export type { PenaltyFirstDayReading, PenaltyExposureInput, PenaltyExposure, PenaltyStatus } from './penalty';
export {
  PENALTY_MAX_DAYS,
  PENALTY_DAILY_RATES_CENTS,
  PENALTY_MAX_CENTS,
  penaltyAmountCents,
  firstPenaltyDay,
  earliestPenaltyDay,
  penaltyExposure,
  penaltyFixingDecisionDue,
} from './penalty';
