import { decisionLetter } from '../decisions/decision-letter';
import { addDays, LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import type { FileObjectionDto } from '../objections/dto/file-objection.dto';
import { caseReference } from '../objections/filing-rules';
import type { Objection } from '../objections/objection.entity';
import { receiptLetter } from '../objections/filing-receipt';
import {
  extensionLetter,
  hearingInvitationLetter,
  hearingReportLetter,
  LetterFacts,
  repairRequestLetter,
} from '../procedure/procedure-letters';
import type { Regulation } from '../regulations/regulation.entity';
import { agreementLetter } from '../resolution/agreement-letter';
import type { Tenant } from '../tenancy/tenant.entity';
import type { LetterKind } from './letter-kinds';
import type { LetterRequest } from './letters.service';

/**
 * Bo's case from the pilot as every kind of letter: what an admin previews a template with. Each sample is made
 * by the same function that makes the real letter, so a template that works with its sample works in real use:
 * it has exactly the values (names and shape) that the real letter has.
 */
export function sampleLetter(
  kind: LetterKind,
  tenant: Tenant,
  today: LocalDate = todayInAmsterdam(),
): LetterRequest {
  const bo = sampleCase(tenant, today);
  const facts: LetterFacts = { tenant, objection: bo.objection, regulationName: REGULATION.name, today };
  switch (kind) {
    case 'receipt':
      return receiptLetter({
        tenant,
        regulation: REGULATION as Regulation,
        input: bo.filing,
        reference: bo.objection.reference,
        receivedAt: bo.objection.receivedAt,
        terms: {
          objectionTermEnds: addDays(bo.decisionDate, 42),
          decisionTermEnds: addDays(bo.decisionDate, 42 + 84),
          timely: true,
        },
        missing: [],
      });
    case 'repair_request':
      return repairRequestLetter(facts, { elements: ['grounds'], repairTermEnds: addDays(today, 14) });
    case 'hearing_invitation':
      return hearingInvitationLetter(facts, {
        dates: {
          hearingDate: addDays(today, 21),
          hearingTime: '10:30',
          documentsUntil: addDays(today, 11),
          fileOpenFrom: addDays(today, 14),
        },
        location: `Stadhuis ${tenant.name.replace(/^Gemeente /, '')}, spreekkamer 2`,
        hearerName: 'mr. Anouk Visser',
      });
    case 'hearing_report':
      return hearingReportLetter(facts, {
        dates: { hearingDate: addDays(today, -2), hearingTime: '10:30' },
        location: 'Stadhuis, spreekkamer 2',
        hearerName: 'mr. Anouk Visser',
        attendees: ['Bo de Vries', 'mr. Anouk Visser', 'Jeroen Bakker (behandelaar)'],
        report:
          'Mevrouw De Vries licht toe dat zij elke wijziging in haar inkomen op tijd heeft doorgegeven.\n\n' +
          'Zij vertelt dat zij de terugvordering van € 2.340 niet kan betalen en dat de deurwaarder al is geweest.',
      });
    case 'extension':
      return extensionLetter(facts, {
        weeks: 6,
        reason:
          'Wij wachten nog op gegevens van de Belastingdienst over uw inkomen. Die hebben wij nodig om goed te beslissen.',
        previousEnd: addDays(today, 10),
        newEnd: addDays(today, 52),
      });
    case 'informal_agreement':
      return agreementLetter({
        tenant,
        objection: { ...bo.objection, decisionTermEnds: addDays(today, 60) },
        conversation: {
          at: new Date(`${addDays(today, -1)}T09:15:00Z`),
          channel: 'phone',
          agreedRoute: 'referral',
          agreement:
            'Wij zien af van de terugvordering van € 2.340. Schuldhulpverlening neemt deze week contact met u op.',
        },
        handlerName: 'Jeroen Bakker',
        issuedAt: new Date(`${today}T10:00:00Z`),
      });
    case 'decision':
      return decisionLetter({
        tenant,
        regulation: REGULATION,
        objection: bo.objection,
        outcome: 'partially_founded',
        reasoning:
          'U heeft uw inkomsten op tijd aan ons doorgegeven. Daarom vorderen wij het bedrag van € 2.340 niet terug.\n\n' +
          'Uw bijstand blijft wel gestopt. Uw inkomen is sinds 1 oktober hoger dan de bijstandsnorm.',
        revokedAndReplaced: 'Wij vorderen geen bijstand van u terug.',
        resolved: {
          hearing: 'held',
          costs: { requested: false, reimbursed: false, cents: 0 },
          sendOn: today,
          appealTermEnds: addDays(today, 42),
        },
      });
  }
}

const REGULATION: Pick<Regulation, 'name' | 'definition'> = {
  name: 'Participatiewet (bijstand)',
  definition: { appealRoute: 'social' } as Regulation['definition'],
};

/** Bo de Vries: her bijstand stopped and part of it reclaimed; she objected ten days after the decision. */
function sampleCase(tenant: Tenant, today: LocalDate) {
  const decisionDate = addDays(today, -30);
  const city = tenant.profile.contact.postalAddress.city;
  const filing = {
    regulation: 'participatiewet',
    decision: {
      reference: 'PW-2026-0042',
      date: decisionDate,
      description: 'Stopzetting van uw bijstandsuitkering en terugvordering van € 2.340',
    },
    objector: {
      name: 'Bo de Vries',
      email: 'bo.devries@example.nl',
      address: { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city },
    },
    grounds: { hints: [], text: 'Ik heb alles op tijd gemeld.' },
    wantsHearing: true,
  } as unknown as FileObjectionDto;
  const objection: Pick<
    Objection,
    'reference' | 'decision' | 'objector' | 'representative' | 'receivedAt' | 'hearing'
  > = {
    reference: caseReference(tenant.slug, Number(today.slice(0, 4)), 42),
    decision: filing.decision,
    objector: filing.objector,
    representative: null,
    receivedAt: new Date(`${addDays(decisionDate, 10)}T09:15:00Z`),
    hearing: { heldAt: `${addDays(today, -2)}T09:30:00Z` },
  };
  return { decisionDate, filing, objection };
}

/** A municipality with every field a letter reads, for the values' names and shape only. */
const ANY_TENANT = {
  slug: 'voorbeeld',
  name: 'Gemeente Voorbeeld',
  profile: {
    inhabitants: 1,
    governingBody: 'het college van burgemeester en wethouders',
    court: {
      name: 'Rechtbank Voorbeeld',
      address: { street: 'Postbus', houseNumber: '1', postalCode: '1000 AA', city: 'Voorbeeld' },
    },
    contact: {
      phone: '14 000',
      email: 'info@voorbeeld.example',
      website: 'https://www.voorbeeld.example',
      postalAddress: { street: 'Postbus', houseNumber: '1', postalCode: '1000 AA', city: 'Voorbeeld' },
    },
    branding: { primaryColor: '#000000' },
    settings: { atRiskWorkingDays: 5, firstContactWorkingDays: 5 },
  },
} as Tenant;

/** The values a letter of this kind has (the same for every municipality and case). */
export function letterValues(kind: LetterKind): Record<string, unknown> {
  return sampleLetter(kind, ANY_TENANT).context;
}
