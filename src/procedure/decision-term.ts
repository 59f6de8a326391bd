import type { AtwCalendar } from '../deadlines/atw-calendar';
import {
  type DateRange,
  extendDecisionTermEnd,
  isInLastSixWeeksOfYear,
  pausedDayCount,
  shiftTermEndForPauses,
} from '../deadlines/legal-terms';
import { type LocalDate, addDays, dayOfWeek, maxLocalDate } from '../deadlines/local-date';
import {
  firstPenaltyDay,
  PENALTY_MAX_CENTS,
  penaltyExposure,
  type PenaltyStatus,
} from '../deadlines/penalty';

/**
 * The decision term of a case as it stands (Awb 7:10): the term as filed, suspended by pauses (lid 2), extended
 * once (lid 3), or replaced by a date the objector agreed to (lid 4). Pure: the services store its result in
 * objections.decision_term_ends with every change to one of its facts.
 */

export interface DecisionTermFacts {
  /** The end as filed (objections.decision_term_base), the Atw applied where it applies. */
  readonly decisionTermBase: LocalDate | null;
  /**
   * The same end before the Atw moved it (see `filedDecisionTerm`). Pauses are added to this day, not to the
   * moved one, or the days the Atw added would count twice (see `shiftTermEndForPauses`). Default: the base.
   */
  readonly baseBeforeAtw?: LocalDate | null;
  /** False for the AWR calendar-year term: 31 December is a fixed date the Atw does not move. Default true. */
  readonly atw?: boolean;
  readonly decisionTermPauses: readonly { readonly from: string; readonly to: string }[];
  /** The one verdaging, 1-6 weeks. */
  readonly extensionWeeks: number | null;
  /** A later date the objector agreed to (lid 4): it replaces the end whatever it was. */
  readonly postponedUntil: string | null;
}

/**
 * The last day to decide, now: pauses shift the filed end (the Atw applied to the shifted end, legal-terms.ts
 * `shiftTermEndForPauses`), then the one extension is counted from that end (Atw again, `extendDecisionTermEnd`),
 * and a postponement with consent replaces the result. The agreed date is taken as agreed: the Atw governs
 * statutory terms, not a date two parties set. Null when the case has no term (nothing filed, no postponement).
 */
export function currentDecisionTermEnds(calendar: AtwCalendar, facts: DecisionTermFacts): LocalDate | null {
  if (facts.postponedUntil) return facts.postponedUntil as LocalDate;
  if (!facts.decisionTermBase) return null;
  const pauses = facts.decisionTermPauses.map((p): DateRange => [p.from as LocalDate, p.to as LocalDate]);
  const start = facts.baseBeforeAtw ?? facts.decisionTermBase;
  const paused =
    facts.atw === false
      ? addDays(start, pausedDayCount(pauses))
      : shiftTermEndForPauses(calendar, start, pauses);
  return facts.extensionWeeks ? extendDecisionTermEnd(calendar, paused, facts.extensionWeeks) : paused;
}

export interface FiledTermFacts {
  readonly decisionTermBase: LocalDate;
  readonly objectionTermEnds: LocalDate | null;
  /** Day of receipt, Europe/Amsterdam. */
  readonly receivedDate: LocalDate;
  readonly termModel: 'awb' | 'awr';
}

/**
 * How the filed decision term came about, so that pauses are added as legal-terms.ts adds them: `beforeAtw` is
 * its last day before the Atw moved it, `atw` whether the Atw applies to it at all.
 *
 * A 7:10 term is whole weeks from an Atw-extended start, a working day, so its unmoved last day falls on the
 * start's weekday: of the days the Atw moves onto the stored end, it is the one with that weekday. The start is
 * the later of the objection term's end and receipt, as filing-rules.ts `filingTerms` counts it. When no day
 * matches (the stored end came about otherwise), the stored end is taken as it is.
 * The AWR calendar-year term (received before its last six weeks) is 31 December, which the Atw does not move.
 */
export function filedDecisionTerm(
  calendar: AtwCalendar,
  facts: FiledTermFacts,
): { beforeAtw: LocalDate; atw: boolean } {
  const base = facts.decisionTermBase;
  if (facts.termModel === 'awr' && !isInLastSixWeeksOfYear(facts.receivedDate)) {
    return { beforeAtw: base, atw: false };
  }
  const start = calendar.applyAtw(
    maxLocalDate(facts.objectionTermEnds ?? facts.receivedDate, facts.receivedDate),
  );
  for (let back = 0; back < 7; back++) {
    const day = addDays(base, -back);
    if (calendar.applyAtw(day) !== base) break;
    if (dayOfWeek(day) === dayOfWeek(start)) return { beforeAtw: day, atw: true };
  }
  return { beforeAtw: base, atw: true };
}

/**
 * First penalty day (4:17 lid 3) for a notice of default, or null when there is none or it came before the term
 * had passed (then it has no effect). Kept with the term: when a pause moves the term past the notice, the
 * notice turns out premature and no penalty runs.
 */
export function penaltyStartsOn(
  decisionTermEnds: LocalDate | null,
  noticeOfDefaultOn: LocalDate | null,
): LocalDate | null {
  if (!noticeOfDefaultOn || !decisionTermEnds || noticeOfDefaultOn <= decisionTermEnds) return null;
  return firstPenaltyDay(noticeOfDefaultOn);
}

/** What a late decision costs or can cost (4:17), as the case shows it. Amounts in integer cents. */
export interface PenaltyExposureView {
  status: PenaltyStatus;
  /** First penalty day. */
  startsOn: LocalDate;
  /** Penalty days owed up to today (or up to the decision), 0-42. */
  daysRunning: number;
  amountCentsSoFar: number;
  /** EUR 1,442: the most it can cost. */
  maxCents: number;
  /** Day 42: the last day a penalty can be owed, if no decision comes first. */
  lastDay: LocalDate;
}

/**
 * The penalty exposure of a case with a notice of default, counted up to `today` or up to the day before the
 * decision (penalty.ts `penaltyExposure`); null without a notice that took effect.
 */
export function casePenaltyExposure(input: {
  decisionTermEnds: LocalDate | null;
  noticeOfDefaultOn: LocalDate | null;
  decidedOn?: LocalDate | null;
  today: LocalDate;
}): PenaltyExposureView | null {
  if (!input.decisionTermEnds || !input.noticeOfDefaultOn) return null;
  const exposure = penaltyExposure({
    decisionTermEnds: input.decisionTermEnds,
    noticeOfDefaultReceived: input.noticeOfDefaultOn,
    today: input.today,
    decidedOn: input.decidedOn ?? null,
  });
  if (!exposure.firstPenaltyDay || !exposure.maximumReachedOn) return null;
  return {
    status: exposure.status,
    startsOn: exposure.firstPenaltyDay,
    daysRunning: exposure.daysRunning,
    amountCentsSoFar: exposure.amountCents,
    maxCents: PENALTY_MAX_CENTS,
    lastDay: exposure.maximumReachedOn,
  };
}
