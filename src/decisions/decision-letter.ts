import { amsterdamDateOf } from '../deadlines/local-date';
import { addresseeLines, writtenDate } from '../letters/addressee';
import type { LetterRequest } from '../letters/letters.service';
import type { Objection } from '../objections/objection.entity';
import type { Regulation } from '../regulations/regulation.entity';
import type { Address, Tenant } from '../tenancy/tenant.entity';
import { DECISION_OUTCOMES, DecisionOutcome, OUTCOME_WORDS } from './decision-outcome';
import type { CostsDecision, ResolvedDecision } from './decision-rules';
import { hearingSentence } from '../procedure/hearing-grounds';

export interface DecisionLetterFacts {
  tenant: Tenant;
  regulation: Pick<Regulation, 'name' | 'definition'>;
  objection: Pick<
    Objection,
    'reference' | 'decision' | 'objector' | 'representative' | 'receivedAt' | 'hearing'
  >;
  outcome: DecisionOutcome;
  reasoning: string;
  revokedAndReplaced?: string;
  resolved: ResolvedDecision;
}

/** Where an appeal goes after the rechtbank (hoger beroep), by the regulation's domain. */
export const ONWARD_APPEAL: Record<'general' | 'social' | 'tax', string> = {
  social: 'de Centrale Raad van Beroep',
  tax: 'het gerechtshof',
  general: 'de Afdeling bestuursrechtspraak van de Raad van State',
};

/**
 * The decision letter (7:12): the outcome in words and what it means, the reasons, the hearing or the 7:3
 * ground for not holding one, the costs decision when costs were asked for, and the appeal clause (6:23):
 * who may appeal, to which court, until which day and how. Addressed to the representative where there is one.
 */
export function decisionLetter(facts: DecisionLetterFacts): LetterRequest {
  const { tenant, regulation, objection, outcome, resolved } = facts;
  const court = tenant.profile.court;
  const contested = objection.decision;
  return {
    tenant,
    kind: 'decision',
    reference: objection.reference,
    subject: 'Beslissing op uw bezwaar',
    addressee: addresseeLines(objection),
    date: resolved.sendOn,
    context: {
      addresseeName: (objection.representative ?? objection.objector).name,
      objectorName: objection.objector.name,
      representativeName: objection.representative?.name ?? '',
      reference: objection.reference,
      regulationName: regulation.name,
      decisionLabel: [contested.description, contested.reference].filter(Boolean).join(', ') || '—',
      decisionDate: writtenDate(contested.date),
      receivedOn: writtenDate(amsterdamDateOf(objection.receivedAt)),
      outcome,
      outcomeText: OUTCOME_WORDS[outcome],
      outcomeIs: Object.fromEntries(DECISION_OUTCOMES.map((o) => [o, o === outcome])),
      revokedAndReplaced: facts.revokedAndReplaced?.trim() ?? '',
      // One paragraph per paragraph the handler wrote (values are folded onto one line each).
      reasoning: facts.reasoning
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
      hearingText: hearingSentence(resolved.hearing, heldOn(objection.hearing?.heldAt)),
      costsRequested: resolved.costs.requested,
      costsReimbursed: resolved.costs.reimbursed,
      costsAmount: resolved.costs.reimbursed ? euros(resolved.costs.cents) : '',
      costsText: costsText(resolved.costs, outcome),
      appealWho:
        'Bent u het niet eens met deze beslissing? Dan kunt u in beroep gaan bij de rechtbank. Dat mag iedereen ' +
        'die belanghebbende is: u, en ieder ander die rechtstreeks door deze beslissing wordt geraakt ' +
        '(artikel 8:1 Algemene wet bestuursrecht).',
      appealCourt: court.name,
      appealCourtAddress: addressLine(court.address),
      appealTermEnds: writtenDate(resolved.appealTermEnds),
      appealHow:
        'U kunt digitaal in beroep gaan via de website van de rechtspraak, www.rechtspraak.nl (Mijn Rechtspraak, ' +
        'inloggen met DigiD). Of u stuurt een brief, uw beroepschrift, naar de rechtbank op het adres hierboven. ' +
        'Schrijf in het Nederlands. Zet in uw beroepschrift uw naam en adres, de datum, waarom u het niet eens ' +
        'bent met deze beslissing, en uw handtekening. Stuur een kopie van deze beslissing mee. Voor een beroep ' +
        'betaalt u griffierecht; de rechtbank laat u weten hoeveel dat is en hoe u het betaalt.',
      appealInterim:
        'Een beroep houdt deze beslissing niet tegen: zij blijft gelden. Kunt u de uitspraak van de rechtbank niet ' +
        'afwachten, bijvoorbeeld omdat u dan grote schade lijdt? Vraag dan de voorzieningenrechter van de ' +
        'rechtbank om een voorlopige voorziening (artikel 8:81 Algemene wet bestuursrecht).',
      appealOnward:
        'Bent u het daarna niet eens met de uitspraak van de rechtbank? Dan kunt u hoger beroep instellen bij ' +
        `${ONWARD_APPEAL[regulation.definition.appealRoute]}.`,
      phone: tenant.profile.contact.phone,
      email: tenant.profile.contact.email,
    },
  };
}

/** 7:15 lid 3: the decision on a costs request is part of the decision on the objection. */
function costsText(costs: CostsDecision, outcome: DecisionOutcome): string {
  if (!costs.requested) return '';
  const asked =
    'U heeft gevraagd om vergoeding van de kosten die u voor het bezwaar heeft gemaakt (artikel 7:15 Algemene wet bestuursrecht).';
  if (costs.reimbursed) {
    return (
      `${asked} Wij vergoeden ${euros(costs.cents)}. Dat is het vaste bedrag uit het Besluit proceskosten ` +
      'bestuursrecht voor professionele hulp bij een bezwaar.'
    );
  }
  return outcome === 'founded' || outcome === 'partially_founded'
    ? `${asked} Die kosten vergoeden wij niet. Kosten worden alleen vergoed als het besluit wordt herroepen omdat wij een fout hebben gemaakt, en dat is hier niet het geval.`
    : `${asked} Die kosten vergoeden wij niet. Kosten worden alleen vergoed als het besluit wordt herroepen, en dat doen wij niet.`;
}

/** € 1.294,00 (with an ordinary space, so the amount reads and copies the same everywhere). */
export function euros(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' })
    .format(cents / 100)
    .replace(/\s/g, ' ');
}

function addressLine(address: Address): string {
  return `${address.street} ${address.houseNumber}, ${address.postalCode} ${address.city}`;
}

/** The day of the hearing as the letter writes it; `heldAt` is a date or a moment (ISO 8601). */
function heldOn(heldAt: string | undefined): string | null {
  if (!heldAt) return null;
  const moment = new Date(heldAt);
  return Number.isNaN(moment.getTime()) ? null : writtenDate(amsterdamDateOf(moment));
}
