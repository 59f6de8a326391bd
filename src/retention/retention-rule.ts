import { addMonths, compareLocalDates, LocalDate } from '../deadlines/local-date';

/**
 * How long a closed objection case is kept, after the Selectielijst gemeenten en intergemeentelijke organen 2020,
 * process 13 (bezwaar), counted from closing: 1 year when the objection was inadmissible (niet-ontvankelijk) or
 * broken off (withdrawn, ingetrokken), 12 years for WOZ, 7 years with financial consequences, 5 years
 * otherwise. Afterwards the dossier is destroyed. The database holds the same rule (migration 1765756800000)
 * and refuses to anonymise a case before its date, whatever the application asks.
 */

/** What a regulation's cases are, for retention: set per regulation (`retention`) or derived from it. */
export const RETENTION_CLASSES = ['default', 'financial', 'woz'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

export type RetentionBasis = 'inadmissible' | 'withdrawn' | 'woz' | 'financial' | 'default';

/** The parts of a regulation (its code and stored definition) that decide its class. */
export interface RegulationForRetention {
  code: string;
  law?: string;
  appealRoute?: string;
  retention?: RetentionClass;
}

/** The parts of a closed case that decide its term. */
export interface ClosedCase {
  status: string;
  outcome: string | null;
  /** Costs reimbursed under Awb 7:15: a financial consequence of the decision itself. */
  costsCents: number | null;
  retentionClass: RetentionClass;
  /** The day the case was closed, in Amsterdam. */
  closedOn: LocalDate;
}

export interface RetentionTerm {
  years: number;
  basis: RetentionBasis;
  /** The last day the case is kept; from the day after, it is due for destruction. */
  destroyAfter: LocalDate;
}

const YEARS: Record<RetentionBasis, number> = {
  inadmissible: 1,
  withdrawn: 1,
  woz: 12,
  financial: 7,
  default: 5,
};

/** A regulation's class: as configured, else WOZ by code or law, municipal taxes as financial, else default. */
export function retentionClassOf(regulation: RegulationForRetention): RetentionClass {
  if (regulation.retention) return regulation.retention;
  if (regulation.code === 'woz' || (regulation.law ?? '').includes('WOZ')) return 'woz';
  if (regulation.appealRoute === 'tax') return 'financial';
  return 'default';
}

/** Why and how long; the shortest term first, because nothing was decided on the merits. */
export function retentionBasis(kase: Omit<ClosedCase, 'closedOn'>): RetentionBasis {
  if (kase.outcome === 'inadmissible') return 'inadmissible';
  if (kase.status === 'withdrawn') return 'withdrawn';
  if (kase.retentionClass === 'woz') return 'woz';
  if (kase.retentionClass === 'financial' || (kase.costsCents ?? 0) > 0) return 'financial';
  return 'default';
}

/** The retention term of a closed case; 29 February plus whole years is 28 February, as PostgreSQL counts. */
export function retentionTerm(kase: ClosedCase): RetentionTerm {
  const basis = retentionBasis(kase);
  const years = YEARS[basis];
  return { years, basis, destroyAfter: addMonths(kase.closedOn, years * 12) };
}

/** Whether a case whose term ends on `destroyAfter` may be destroyed on `today`. */
export function isDue(destroyAfter: LocalDate, today: LocalDate): boolean {
  return compareLocalDates(today, destroyAfter) > 0;
}

/** As an admin reads the basis. */
export const BASIS_LABELS: Record<RetentionBasis, string> = {
  inadmissible: 'niet-ontvankelijk (1 jaar)',
  withdrawn: 'ingetrokken (1 jaar)',
  woz: 'WOZ (12 jaar)',
  financial: 'financiële gevolgen (7 jaar)',
  default: 'standaard (5 jaar)',
};
