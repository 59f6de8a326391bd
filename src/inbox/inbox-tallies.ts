import type { LocalDate } from '../deadlines/local-date';
import { OBJECTION_STATUSES, ObjectionStatus } from '../objections/case-status';
import type { InboxCounts } from './inbox-query';
import type { SqlStatement } from './inbox-sql';

/**
 * One key of the inbox tallies (migration 1765843200000) with its net number of cases. Only open cases count
 * beyond their status: by next deadline, by assignee ('' for none) and, while never reached, by the Amsterdam
 * day they were received.
 */
export interface Tally {
  measure: 'status' | 'deadline' | 'assignee' | 'awaiting_contact';
  value: string;
  n: number;
}

/** The day boundaries the counts are taken at. */
export interface TallyDay {
  today: LocalDate;
  atRiskUntil: LocalDate;
  /** Cases received before this day and still without first contact are late (first-contact.ts). */
  lateIfReceivedBefore: LocalDate;
  viewerUserId: string;
}

/**
 * Rows appended since the last folding beyond which a reader folds them: a few hundred keys per tenant stay a
 * cheap sum, a busy day's filings (three or four rows each) are folded by the next handler who looks.
 */
export const FOLD_AFTER_ROWS = 2_000;

/** Net number per key, and how many rows made it (to know when to fold). */
export function tallyStatement(tenantId: string): SqlStatement {
  return {
    text: `SELECT measure, value, sum(n)::int AS n, count(*)::int AS rows FROM inbox_tallies
      WHERE tenant_id = $1::uuid GROUP BY measure, value`,
    params: [tenantId],
  };
}

/**
 * Replaces a tenant's rows by one per key. Rows appended meanwhile are outside the statement's snapshot and
 * stay; a concurrent fold waits for this one and then finds its rows gone, so no difference is counted twice.
 */
export function foldStatement(tenantId: string): SqlStatement {
  return {
    text: `WITH gone AS (DELETE FROM inbox_tallies WHERE tenant_id = $1::uuid RETURNING measure, value, n)
      INSERT INTO inbox_tallies (tenant_id, measure, value, n)
        SELECT $1::uuid, measure, value, sum(n) FROM gone GROUP BY measure, value HAVING sum(n) <> 0`,
    params: [tenantId],
  };
}

/** The inbox's counts from the tallies, on the given day. Dates compare as text (YYYY-MM-DD). */
export function countsFromTallies(tallies: readonly Tally[], day: TallyDay): InboxCounts {
  const byStatus = Object.fromEntries(OBJECTION_STATUSES.map((s) => [s, 0])) as Record<
    ObjectionStatus,
    number
  >;
  const counts: InboxCounts = { byStatus, overdue: 0, atRisk: 0, mine: 0, unassigned: 0, noContact: 0 };
  for (const { measure, value, n } of tallies) {
    if (measure === 'status' && value in byStatus) byStatus[value as ObjectionStatus] += n;
    if (measure === 'deadline' && value < day.today) counts.overdue += n;
    if (measure === 'deadline' && value >= day.today && value <= day.atRiskUntil) counts.atRisk += n;
    if (measure === 'assignee' && value === day.viewerUserId) counts.mine += n;
    if (measure === 'assignee' && value === '') counts.unassigned += n;
    if (measure === 'awaiting_contact' && value < day.lateIfReceivedBefore) counts.noContact += n;
  }
  return counts;
}
