import { DECISION_OUTCOMES, DecisionOutcome } from '../decisions/decision-outcome';
import { daysBetween, LocalDate, parseLocalDate } from '../deadlines/local-date';
import { PENALTY_MAX_CENTS, PENALTY_MAX_DAYS, penaltyAmountCents } from '../deadlines/penalty';
import { isObjectionStatus, isOpen } from '../objections/case-status';

/**
 * The management report of one municipality over one period: what the report queries (report-sql.ts) return,
 * turned into figures. No database or framework here, so every figure can be checked on hand-made rows.
 *
 * Basis: the case figures (filed, informal, withdrawn, closed, decided, medians, within term) are about the
 * cases RECEIVED in the period, each as it stands today, so they add up: filed = decided + withdrawn + closed +
 * still open. Penalties paid and referrals count what happened IN the period (the event's moment). Penalty
 * risk is a snapshot of all open cases today, whenever they were received. Days are calendar days between
 * Amsterdam dates.
 */

/** From and to are Amsterdam calendar dates, both included. */
export interface ReportPeriod {
  from: LocalDate;
  to: LocalDate;
}

/** One case received in the period (report-sql.ts casesStatement); dates are Amsterdam `YYYY-MM-DD`. */
export interface ReportCaseRow {
  regulationCode: string;
  regulationName: string;
  status: string;
  outcome: string | null;
  receivedOn: string;
  firstContactOn: string | null;
  /** The Amsterdam date of decided_at. */
  decidedOn: string | null;
  /** When a decided, withdrawn or closed case ended (decided_at, else the event that closed it). */
  endedOn: string | null;
  decisionTermEnds: string | null;
  /** At least one 'conversation' event: the case was handled informally (domain-nl §5). */
  hadConversation: boolean;
}

/** A 'penalty_fixed' or 'referral_sent' event in the period, oldest first. */
export interface ReportEventRow {
  kind: string;
  partnerCode: string | null;
  partnerName: string | null;
  /** 'penalty_fixed' amountCents as text (numeric JSON only), else null. */
  amountCents: string | number | null;
}

/** An open case that can cost a penalty: one with a first penalty day, or one past its decision term. */
export interface ReportRiskRow {
  penaltyStartsOn: string | null;
  decisionTermEnds: string | null;
}

export interface ReportRows {
  /** The tenant's active regulations, shown even when nothing was filed under them. */
  regulations: { code: string; name: string }[];
  cases: ReportCaseRow[];
  events: ReportEventRow[];
  openAtRisk: ReportRiskRow[];
}

/** `count` of `of`; share is count / of (0..1), null when `of` is 0. */
export interface Share {
  count: number;
  of: number;
  share: number | null;
}

export interface DecidedFigures {
  total: number;
  byOutcome: Record<DecisionOutcome, number>;
}

export interface RegulationFigures {
  code: string;
  name: string;
  filed: number;
  informal: number;
  withdrawn: number;
  closed: number;
  stillOpen: number;
  decided: DecidedFigures;
}

/** A median in calendar days over `cases` cases; null when there are none. */
export interface MedianDays {
  medianCalendarDays: number | null;
  cases: number;
}

export interface PartnerReferrals {
  code: string | null;
  name: string;
  count: number;
}

export interface PenaltyRisk {
  /** Open cases with a first penalty day (a valid notice of default was registered). */
  openWithPenaltyDate: number;
  /** Of those, the ones whose penalty is running today. */
  runningToday: number;
  /** Owed so far if they were all decided today (4:17, counted from penaltyStartsOn up to today). */
  accruedCents: number;
  /** The most they can still cost together (€ 1.442 each). */
  maximumCents: number;
  /** Open cases past their decision term without a penalty date yet: a notice of default makes them cost. */
  termPassedWithoutNotice: number;
}

export interface Report {
  period: ReportPeriod;
  /** The day the snapshot figures (still open, penalty risk) are taken. */
  asOf: LocalDate;
  filed: number;
  informal: Share;
  withdrawn: number;
  closed: number;
  stillOpen: number;
  decided: DecidedFigures;
  /** Every active regulation and any other with cases in the period; most filed first. */
  byRegulation: RegulationFigures[];
  daysToFirstContact: MedianDays;
  leadTime: MedianDays;
  /** Decided cases whose decision date is on or before their decision term's end, of those with both dates. */
  decidedWithinTerm: Share;
  penalties: {
    paid: { amountCents: number; decisions: number };
    atRisk: PenaltyRisk;
  };
  referrals: { total: number; byPartner: PartnerReferrals[] };
}

/** The middle value, or the mean of the two middle values; null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function share(count: number, of: number): Share {
  return { count, of, share: of > 0 ? count / of : null };
}

function noOutcomes(): Record<DecisionOutcome, number> {
  return Object.fromEntries(DECISION_OUTCOMES.map((o) => [o, 0])) as Record<DecisionOutcome, number>;
}

function isOutcome(value: unknown): value is DecisionOutcome {
  return typeof value === 'string' && (DECISION_OUTCOMES as readonly string[]).includes(value);
}

/** Calendar days from one Amsterdam date to another, or null when either is missing or malformed. */
function daysFromTo(from: string | null, to: string | null): number | null {
  const a = from === null ? null : parseLocalDate(from);
  const b = to === null ? null : parseLocalDate(to);
  return a && b ? daysBetween(a, b) : null;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');

export function buildReport(rows: ReportRows, period: ReportPeriod, asOf: LocalDate): Report {
  const regulations = new Map<string, RegulationFigures>();
  const regulation = (code: string, name: string): RegulationFigures => {
    let figures = regulations.get(code);
    if (!figures) {
      figures = {
        code,
        name,
        filed: 0,
        informal: 0,
        withdrawn: 0,
        closed: 0,
        stillOpen: 0,
        decided: { total: 0, byOutcome: noOutcomes() },
      };
      regulations.set(code, figures);
    }
    return figures;
  };
  for (const { code, name } of rows.regulations) regulation(code, name);

  const decided: DecidedFigures = { total: 0, byOutcome: noOutcomes() };
  let informal = 0;
  let withdrawn = 0;
  let closed = 0;
  let stillOpen = 0;
  let judged = 0;
  let withinTerm = 0;
  const firstContactDays: number[] = [];
  const leadTimeDays: number[] = [];

  for (const row of rows.cases) {
    const figures = regulation(row.regulationCode, row.regulationName);
    figures.filed += 1;
    if (row.hadConversation) {
      informal += 1;
      figures.informal += 1;
    }
    const contact = daysFromTo(row.receivedOn, row.firstContactOn);
    if (contact !== null) firstContactDays.push(contact);

    const status = isObjectionStatus(row.status) ? row.status : 'received';
    if (isOpen(status)) {
      stillOpen += 1;
      figures.stillOpen += 1;
      continue;
    }
    const lead = daysFromTo(row.receivedOn, row.endedOn);
    if (lead !== null) leadTimeDays.push(lead);
    if (status === 'withdrawn') {
      withdrawn += 1;
      figures.withdrawn += 1;
    } else if (status === 'closed') {
      closed += 1;
      figures.closed += 1;
    } else {
      decided.total += 1;
      figures.decided.total += 1;
      // The outcome is always set with the decision; a decided case without one counts in the total only.
      if (isOutcome(row.outcome)) {
        decided.byOutcome[row.outcome] += 1;
        figures.decided.byOutcome[row.outcome] += 1;
      }
      const margin = daysFromTo(row.decidedOn, row.decisionTermEnds);
      if (margin !== null) {
        judged += 1;
        if (margin >= 0) withinTerm += 1;
      }
    }
  }

  const filed = rows.cases.length;
  return {
    period,
    asOf,
    filed,
    informal: share(informal, filed),
    withdrawn,
    closed,
    stillOpen,
    decided,
    byRegulation: [...regulations.values()].sort((a, b) => b.filed - a.filed || byName(a, b)),
    daysToFirstContact: { medianCalendarDays: median(firstContactDays), cases: firstContactDays.length },
    leadTime: { medianCalendarDays: median(leadTimeDays), cases: leadTimeDays.length },
    decidedWithinTerm: share(withinTerm, judged),
    penalties: { paid: penaltiesPaid(rows.events), atRisk: penaltyRisk(rows.openAtRisk, asOf) },
    referrals: referrals(rows.events),
  };
}

function penaltiesPaid(events: readonly ReportEventRow[]): { amountCents: number; decisions: number } {
  let amountCents = 0;
  let decisions = 0;
  for (const event of events) {
    if (event.kind !== 'penalty_fixed') continue;
    decisions += 1;
    const cents = Number(event.amountCents);
    if (Number.isSafeInteger(cents) && cents > 0) amountCents += cents;
  }
  return { amountCents, decisions };
}

function penaltyRisk(rows: readonly ReportRiskRow[], today: LocalDate): PenaltyRisk {
  const risk: PenaltyRisk = {
    openWithPenaltyDate: 0,
    runningToday: 0,
    accruedCents: 0,
    maximumCents: 0,
    termPassedWithoutNotice: 0,
  };
  for (const row of rows) {
    const start = row.penaltyStartsOn === null ? null : parseLocalDate(row.penaltyStartsOn);
    if (start) {
      risk.openWithPenaltyDate += 1;
      // The first penalty day counts as day 1; at most 42 days are owed (4:17).
      const days = Math.min(PENALTY_MAX_DAYS, Math.max(0, daysBetween(start, today) + 1));
      if (days > 0) risk.runningToday += 1;
      risk.accruedCents += penaltyAmountCents(days);
      risk.maximumCents += PENALTY_MAX_CENTS;
      continue;
    }
    // No penalty date: no valid notice of default (none, or one sent before the term had passed).
    const margin = daysFromTo(today, row.decisionTermEnds);
    if (margin !== null && margin < 0) risk.termPassedWithoutNotice += 1;
  }
  return risk;
}

function referrals(events: readonly ReportEventRow[]): { total: number; byPartner: PartnerReferrals[] } {
  const partners = new Map<string, PartnerReferrals>();
  let total = 0;
  for (const event of events) {
    if (event.kind !== 'referral_sent') continue;
    total += 1;
    const code = event.partnerCode || null;
    const name = event.partnerName || code || 'Onbekende partner';
    const key = code ?? `name:${name}`;
    const partner = partners.get(key) ?? { code, name, count: 0 };
    partner.count += 1;
    // Events come oldest first: a renamed partner shows under its latest name.
    partner.name = name;
    partners.set(key, partner);
  }
  return { total, byPartner: [...partners.values()].sort((a, b) => b.count - a.count || byName(a, b)) };
}
