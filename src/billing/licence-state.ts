import { ProblemError } from '../common/problems/problem.error';
import { formatDutchDate } from '../deadlines/dutch-dates';
import { daysBetween, LocalDate } from '../deadlines/local-date';
import { LICENCE_STATES, type LicenceState } from '../tenancy/tenant.entity';
import { covers } from './licence-terms';

/**
 * What a licence state allows. A suspended licence leaves staff reading and exporting only; citizens are never
 * affected: a municipality's legal duty to receive objections does not lapse with its licence.
 */
export function staffMayChange(state: LicenceState): boolean {
  return state !== 'suspended';
}

const READING = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws the 403 a staff member gets for a change (any non-reading request) under a suspended licence. */
export function assertStaffMayChange(
  tenant: { name: string; licenceState: LicenceState },
  method: string,
): void {
  if (READING.has(method.toUpperCase()) || staffMayChange(tenant.licenceState)) return;
  throw new ProblemError(
    403,
    'licence-suspended',
    'Licentie opgeschort',
    `De licentie van ${tenant.name} is opgeschort. U kunt zaken inzien en exporteren, maar niets wijzigen. ` +
      'Burgers kunnen wel bezwaar blijven maken. Neem contact op met de beheerder van uw gemeente.',
  );
}

/** How long the platform waits (days) before a late payment or an ended licence limits the municipality. */
export interface LicenceStatePolicy {
  /** An issued invoice unpaid more than this many days after its due date: grace. */
  graceAfterDays: number;
  /** Still unpaid this many days after grace began (or this many days after the licence ended): suspended. */
  suspendAfterDays: number;
}

/** The operator's hand on the state: a suspension holds until lifted; a reactivation holds until a date. */
export type LicenceHold = { state: 'suspended' } | { state: 'active'; until: LocalDate };

export interface LicenceStateFacts {
  today: LocalDate;
  licences: readonly { startsOn: LocalDate; endsOn: LocalDate | null }[];
  /** Issued invoices that are neither paid nor credited. */
  unpaidInvoices: readonly { number: string; dueOn: LocalDate }[];
  hold: LicenceHold | null;
}

export interface DueLicenceState {
  state: LicenceState;
  /** Why, in Dutch, for the operator, the history and the e-mail to the municipality's admins. */
  reason: string;
}

const SEVERITY = (state: LicenceState) => LICENCE_STATES.indexOf(state);
const date = (d: LocalDate) => formatDutchDate(d, { weekday: false });

/**
 * The state a municipality's licence should be in today. The worst of: the most overdue unpaid invoice (grace
 * from day graceAfterDays + 1 after its due date, suspended from suspendAfterDays later), and the licence's
 * end without a successor (grace from the day after it ended, suspended from suspendAfterDays + 1 days after
 * it). A municipality that never had a licence (being onboarded) or whose first licence is still to start is
 * active. An operator's hold overrides all of it.
 */
export function dueLicenceState(facts: LicenceStateFacts, policy: LicenceStatePolicy): DueLicenceState {
  const { today, hold } = facts;
  if (hold?.state === 'suspended') {
    return { state: 'suspended', reason: 'Opgeschort door de platformbeheerder.' };
  }
  if (hold?.state === 'active' && today <= hold.until) {
    return {
      state: 'active',
      reason: `Door de platformbeheerder actief gehouden tot en met ${date(hold.until)}.`,
    };
  }
  const candidates: DueLicenceState[] = [
    { state: 'active', reason: 'De licentie loopt en er staan geen facturen te lang open.' },
  ];

  const overdue = [...facts.unpaidInvoices].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
  if (overdue) {
    const late = daysBetween(overdue.dueOn, today);
    const text = `Factuur ${overdue.number} moest uiterlijk ${date(overdue.dueOn)} betaald zijn en is ${late} dagen te laat.`;
    if (late > policy.graceAfterDays + policy.suspendAfterDays)
      candidates.push({ state: 'suspended', reason: text });
    else if (late > policy.graceAfterDays) candidates.push({ state: 'grace', reason: text });
  }

  const ended = endedOn(facts.licences, today);
  if (ended) {
    const since = daysBetween(ended, today);
    const text = `De licentie is op ${date(ended)} geëindigd en er is geen nieuwe licentie.`;
    candidates.push({ state: since > policy.suspendAfterDays ? 'suspended' : 'grace', reason: text });
  }
  return candidates.reduce((worst, c) => (SEVERITY(c.state) > SEVERITY(worst.state) ? c : worst));
}

/** The last day of licence before today, when no licence covers today; null when one does or none ever did. */
function endedOn(licences: LicenceStateFacts['licences'], today: LocalDate): LocalDate | null {
  if (licences.some((l) => covers(l, today))) return null;
  const past = licences.filter((l) => l.endsOn !== null && l.endsOn < today).map((l) => l.endsOn!);
  return past.length ? past.sort().at(-1)! : null;
}
