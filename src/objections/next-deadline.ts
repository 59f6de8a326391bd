import { compareLocalDates, LocalDate } from '../deadlines/local-date';

/** The legal deadlines that can fall due on an open case. */
export type DeadlineKind = 'decision_term' | 'repair_term' | 'penalty';

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  decision_term: 'beslistermijn',
  repair_term: 'hersteltermijn',
  penalty: 'dwangsom loopt vanaf',
};

export interface CaseDeadlines {
  decisionTermEnds: string | null;
  /** While a repair request (6:6) is outstanding. */
  repairTermEnds?: string | null;
  /** First day a penalty (4:17) is due after a notice of default. */
  penaltyStartsOn?: string | null;
}

export interface NextDeadline {
  date: LocalDate;
  kind: DeadlineKind;
}

/** The nearest of the case's running deadlines: what the inbox sorts on. On a tie the costlier one names it. */
export function nextDeadline(deadlines: CaseDeadlines): NextDeadline | null {
  const candidates: [string | null | undefined, DeadlineKind][] = [
    [deadlines.penaltyStartsOn, 'penalty'],
    [deadlines.repairTermEnds, 'repair_term'],
    [deadlines.decisionTermEnds, 'decision_term'],
  ];
  let nearest: NextDeadline | null = null;
  for (const [date, kind] of candidates) {
    if (!date) continue;
    if (!nearest || compareLocalDates(date as LocalDate, nearest.date) < 0)
      nearest = { date: date as LocalDate, kind };
  }
  return nearest;
}
