import { formatDutchDate } from '../deadlines/dutch-dates';
import type { LocalDate } from '../deadlines/local-date';
import type { DeadlineKind } from '../objections/next-deadline';

/** What runs out on that day, as a handler says it. */
const DEADLINE_PHRASES: Record<DeadlineKind, string> = {
  decision_term: 'Beslistermijn eindigt',
  repair_term: 'Hersteltermijn eindigt',
  penalty: 'Dwangsom loopt vanaf',
};

export interface DeadlineView {
  /** "Beslistermijn eindigt 14 december 2026" */
  text: string;
  iso: string;
  /** "over 3 werkdagen", "vandaag", "2 werkdagen te laat" */
  remaining: string;
  /** Said in words, never by colour alone. */
  marker: { label: string; modifier: 'overdue' | 'at-risk' } | null;
}

/** "over 3 werkdagen", "over 1 werkdag", "vandaag", "1 werkdag te laat", "2 werkdagen te laat". */
export function workingDaysText(workingDaysLeft: number): string {
  const days = Math.abs(workingDaysLeft);
  const unit = days === 1 ? 'werkdag' : 'werkdagen';
  if (workingDaysLeft > 0) return `over ${days} ${unit}`;
  if (workingDaysLeft < 0) return `${days} ${unit} te laat`;
  return 'vandaag';
}

export function deadlineView(
  next: { date: string; kind: DeadlineKind; workingDaysLeft: number } | null,
  state: { overdue: boolean; atRisk: boolean },
): DeadlineView | null {
  if (!next) return null;
  const phrase = DEADLINE_PHRASES[next.kind] ?? 'Termijn eindigt';
  return {
    text: `${phrase} ${formatDutchDate(next.date as LocalDate, { weekday: false })}`,
    iso: next.date,
    remaining: workingDaysText(next.workingDaysLeft),
    marker: state.overdue
      ? { label: 'Termijn verlopen', modifier: 'overdue' }
      : state.atRisk
        ? { label: 'Bijna verlopen', modifier: 'at-risk' }
        : null,
  };
}

/** The part of the Atw calendar this needs (src/deadlines/atw-calendar.ts). */
export interface WorkingDayCalendar {
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
  addWorkingDays(date: LocalDate, n: number): LocalDate;
}

/**
 * Working days left until the case's next deadline, and whether it has passed or falls within the tenant's
 * at-risk window (today up to `atRiskWorkingDays` working days ahead), as the inbox counts them.
 */
export function deadlineState(
  next: { date: string; kind: DeadlineKind } | null,
  today: LocalDate,
  calendar: WorkingDayCalendar,
  atRiskWorkingDays: number,
): { date: string; kind: DeadlineKind; workingDaysLeft: number; overdue: boolean; atRisk: boolean } | null {
  if (!next) return null;
  const date = next.date as LocalDate;
  const overdue = date < today;
  const atRiskUntil = calendar.addWorkingDays(today, atRiskWorkingDays);
  return {
    date: next.date,
    kind: next.kind,
    workingDaysLeft: calendar.workingDaysBetween(today, date),
    overdue,
    atRisk: !overdue && date <= atRiskUntil,
  };
}
