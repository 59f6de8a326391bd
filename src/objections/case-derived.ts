import { caseFlags, CaseFlag } from './case-flags';
import { isOpen, ObjectionStatus } from './case-status';
import { CaseDeadlines, DeadlineKind, nextDeadline } from './next-deadline';

export interface DerivedColumns {
  flags: CaseFlag[];
  nextDeadline: string | null;
  nextDeadlineKind: DeadlineKind | null;
}

type CaseFacts = Parameters<typeof caseFlags>[0] & CaseDeadlines & { status: ObjectionStatus };

/**
 * What the inbox sorts and filters on, computed from the case itself. Every write that changes a fact below
 * stores these again in the same statement, so they can never disagree with the case. A case that is no
 * longer open has no deadline running.
 */
export function derivedColumns(facts: CaseFacts): DerivedColumns {
  const next = isOpen(facts.status) ? nextDeadline(facts) : null;
  return { flags: caseFlags(facts), nextDeadline: next?.date ?? null, nextDeadlineKind: next?.kind ?? null };
}
