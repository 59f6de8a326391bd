import { FieldError, ProblemError } from '../common/problems/problem.error';
import type { AtwCalendar } from '../deadlines/atw-calendar';
import { appealTermEnds } from '../deadlines/legal-terms';
import { addDays, LocalDate } from '../deadlines/local-date';
import type { HearingRecord } from '../objections/objection.entity';
import type { CostRates } from '../tenancy/tenant-config.schema';
import { DecisionOutcome, OUTCOME_WORDS } from './decision-outcome';
import {
  GROUND_FITS,
  HEARING_GROUND_LABELS,
  HearingBasis,
  HearingWaiverGround,
  isHearingWaiverGround,
} from '../procedure/hearing-grounds';

/** How far ahead a letter may be dated: it is dated the day it is sent, and sending is not planned far off. */
export const MAX_SEND_AHEAD_DAYS = 28;

/** The outcomes that revoke (part of) the contested decision (herroepen, 7:11 lid 2). */
const REVOKING: readonly DecisionOutcome[] = ['founded', 'partially_founded'];

export interface DecisionRequest {
  outcome: DecisionOutcome;
  hearing?: { held?: true; ground?: HearingWaiverGround };
  costs?: { requested: boolean; reimbursed?: boolean };
  revokedAndReplaced?: string;
  sendOn?: string;
}

/** What the case itself says about the hearing. */
export interface HearingFacts {
  hearing: HearingRecord | null;
  wantsHearing: boolean | null;
}

export interface CostsDecision {
  requested: boolean;
  reimbursed: boolean;
  /** The flat amount reimbursed, in cents; 0 when nothing is. */
  cents: number;
}

export interface ResolvedDecision {
  hearing: HearingBasis;
  costs: CostsDecision;
  /** The letter's date: the day it is sent, from which the appeal term runs. */
  sendOn: LocalDate;
  /** Last day to appeal to the court: six weeks from the day after sending, Atw applied (6:7, 6:8). */
  appealTermEnds: LocalDate;
}

/**
 * Completes and checks a decision against the law before anything is stored: the hearing or its 7:3 ground
 * (a decision with neither is unlawful), the costs under 7:15, what replaces a revoked decision, and the date
 * the letter is sent. Throws one 400 problem naming every field that is wrong.
 */
export function resolveDecision(
  request: DecisionRequest,
  facts: HearingFacts,
  context: { today: LocalDate; calendar: AtwCalendar; rates: CostRates },
): ResolvedDecision {
  const errors: FieldError[] = [];
  const hearing = hearingBasis(request, facts, errors);
  const costs = costsDecision(request, hearing ?? 'held', context.rates, errors);
  if (request.revokedAndReplaced !== undefined && !REVOKING.includes(request.outcome)) {
    errors.push({
      field: 'revokedAndReplaced',
      message: `Bij een ${OUTCOME_WORDS[request.outcome]} bezwaar blijft het besluit staan; alleen bij een gegrond of gedeeltelijk gegrond bezwaar wordt het herroepen en vervangen.`,
    });
  }
  const sendOn = (request.sendOn ?? context.today) as LocalDate;
  if (sendOn < context.today) {
    errors.push({
      field: 'sendOn',
      message:
        'De verzenddatum ligt in het verleden. De brief krijgt de datum waarop hij wordt verstuurd; vanaf de dag daarna loopt de beroepstermijn.',
    });
  } else if (sendOn > addDays(context.today, MAX_SEND_AHEAD_DAYS)) {
    errors.push({
      field: 'sendOn',
      message: `De verzenddatum ligt te ver vooruit (hoogstens ${MAX_SEND_AHEAD_DAYS} dagen). Leg de beslissing vast als de brief bijna wordt verstuurd.`,
    });
  }
  if (errors.length || !hearing) throw ProblemError.invalid(errors);
  return { hearing, costs, sendOn, appealTermEnds: appealTermEnds(context.calendar, sendOn) };
}

/**
 * Held when the body says so or the case records it; otherwise a 7:3 ground: given, recorded on the case, or
 * following from the outcome (inadmissible: clearly inadmissible; founded: fully granted) or from an objector
 * who said at filing not to want a hearing. Anything else needs the handler to say which it was.
 */
function hearingBasis(
  request: DecisionRequest,
  facts: HearingFacts,
  errors: FieldError[],
): HearingBasis | null {
  const { outcome } = request;
  const given = request.hearing;
  if (given?.held && given.ground) {
    errors.push({
      field: 'hearing',
      message: 'Geef óf held: true (er was een hoorzitting), óf de grond om niet te horen, niet allebei.',
    });
    return null;
  }
  if (given?.held) return 'held';
  if (given?.ground) return fitting(given.ground, outcome, 'hearing.ground', errors);
  if (facts.hearing?.heldAt) return 'held';
  const recorded = facts.hearing?.waiverGround;
  if (isHearingWaiverGround(recorded)) return fitting(recorded, outcome, 'hearing', errors);
  if (outcome === 'inadmissible') return 'clearly_inadmissible';
  if (outcome === 'founded') return 'fully_granted';
  if (facts.wantsHearing === false) return 'waived_by_objector';
  errors.push({
    field: 'hearing',
    message:
      'Er is geen hoorzitting vastgelegd en geen grond om niet te horen. Een beslissing zonder hoorzitting mag alleen ' +
      'op een grond uit artikel 7:3 Awb. Geef hearing: { "held": true } als de indiener is gehoord, of ' +
      `hearing: { "ground": … } met een van: ${fittingGrounds(outcome).join(', ')}.`,
  });
  return null;
}

function fitting(
  ground: HearingWaiverGround,
  outcome: DecisionOutcome,
  field: string,
  errors: FieldError[],
): HearingWaiverGround | null {
  if (GROUND_FITS[ground].includes(outcome)) return ground;
  errors.push({
    field,
    message:
      `De grond "${HEARING_GROUND_LABELS[ground]}" past niet bij een ${OUTCOME_WORDS[outcome]} bezwaar. ` +
      `Mogelijk zijn: ${fittingGrounds(outcome).join(', ')}, of held: true.`,
  });
  return null;
}

function fittingGrounds(outcome: DecisionOutcome): HearingWaiverGround[] {
  return (Object.keys(GROUND_FITS) as HearingWaiverGround[]).filter((g) => GROUND_FITS[g].includes(outcome));
}

/**
 * Awb 7:15: costs are reimbursed only when asked for before the decision and the decision is revoked (founded
 * or partially founded) for an unlawfulness the body is to blame for. The handler may say it was not to blame
 * (reimbursed: false); the amount is the flat rate of the Besluit proceskosten bestuursrecht.
 */
export function costsDecision(
  request: Pick<DecisionRequest, 'outcome' | 'costs'>,
  hearing: HearingBasis,
  rates: CostRates,
  errors: FieldError[] = [],
): CostsDecision {
  const requested = request.costs?.requested ?? false;
  const revoking = REVOKING.includes(request.outcome);
  const asked = request.costs?.reimbursed;
  if (asked && !requested) {
    errors.push({
      field: 'costs.reimbursed',
      message:
        'Kosten worden alleen vergoed als de indiener daar vóór de beslissing om heeft gevraagd (artikel 7:15 Awb).',
    });
  } else if (asked && !revoking) {
    errors.push({
      field: 'costs.reimbursed',
      message: `Kosten worden alleen vergoed als het besluit wordt herroepen (gegrond of gedeeltelijk gegrond), niet bij een ${OUTCOME_WORDS[request.outcome]} bezwaar (artikel 7:15 Awb).`,
    });
  }
  const reimbursed = requested && revoking && asked !== false;
  const points = rates.objectionPoints + (hearing === 'held' ? rates.hearingPoints : 0);
  return { requested, reimbursed, cents: reimbursed ? Math.round(rates.pointValueCents * points) : 0 };
}
