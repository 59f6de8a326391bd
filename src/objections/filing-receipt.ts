import { LetterRequest } from '../letters/letters.service';
import { EmailPayload } from '../messaging/outbox-message.entity';
import { Regulation } from '../regulations/regulation.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { ContestedDecision, Objector, Representative } from './objection.entity';
import { FilingTerms, MISSING_ELEMENT_LABELS, MissingElement } from './filing-rules';
import { amsterdamDateOf } from '../deadlines/local-date';
import { addresseeLines, writtenDate, writtenDateTime } from '../letters/addressee';

/** The parts of the objection the receipt repeats: as filed, or as stored. */
export interface ReceiptInput {
  objector: Objector;
  representative?: Representative | null;
  decision: ContestedDecision;
  wantsHearing?: boolean | null;
}

/** What the acknowledgement of receipt (Awb 6:14) is made of. */
export interface ReceiptFacts {
  tenant: Tenant;
  regulation: Pick<Regulation, 'name'>;
  input: ReceiptInput;
  reference: string;
  receivedAt: Date;
  terms: FilingTerms;
  missing: MissingElement[];
}

/** The receipt letter, addressed to the representative where there is one (Awb 2:1). */
export function receiptLetter(facts: ReceiptFacts): LetterRequest {
  const { tenant, regulation, input, reference, terms } = facts;
  const addressee = input.representative ?? input.objector;
  return {
    tenant,
    kind: 'receipt',
    reference,
    subject: 'Ontvangstbevestiging van uw bezwaar',
    addressee: addresseeLines(input),
    date: amsterdamDateOf(facts.receivedAt),
    context: {
      addresseeName: addressee.name,
      reference,
      receivedAt: writtenDateTime(facts.receivedAt),
      regulationName: regulation.name,
      decisionLabel: [input.decision.description, input.decision.reference].filter(Boolean).join(', ') || '—',
      decisionDate: writtenDate(input.decision.date),
      representativeName: input.representative?.name ?? '',
      objectionTermEnds: writtenDate(terms.objectionTermEnds),
      decisionTermEnds: writtenDate(terms.decisionTermEnds),
      timely: terms.timely,
      missing: facts.missing.map((m) => MISSING_ELEMENT_LABELS[m]),
      wantsHearing: input.wantsHearing === true,
      firstContactWorkingDays: tenant.profile.settings.firstContactWorkingDays,
      phone: tenant.profile.contact.phone,
      email: tenant.profile.contact.email,
    },
  };
}

/**
 * The e-mail that carries the receipt and the secret case link: to the representative (the objector in copy),
 * else to the objector; none when nobody gave an e-mail address (the receipt then waits on the case page).
 */
export function receiptEmail(
  facts: ReceiptFacts & { caseUrl: string; receiptDocumentId: string },
): EmailPayload | null {
  const { tenant, input, reference, terms } = facts;
  const recipients = [input.representative?.email, input.objector.email].filter((e): e is string =>
    Boolean(e),
  );
  if (!recipients.length) return null;
  const addressee = input.representative ?? input.objector;
  const text = [
    `Beste ${addressee.name},`,
    '',
    `Wij hebben uw bezwaar ontvangen. Uw kenmerk is ${reference}.`,
    'In de bijlage vindt u de ontvangstbevestiging.',
    '',
    `Wij beslissen uiterlijk op ${writtenDate(terms.decisionTermEnds)}.`,
    ...(terms.timely ? [] : ['Uw bezwaar kwam na de termijn binnen. Laat ons weten waarom u te laat was.']),
    'Volg uw bezwaar via deze persoonlijke link (deel hem niet met anderen):',
    facts.caseUrl,
    '',
    `Vragen? Bel ${tenant.profile.contact.phone} of mail ${tenant.profile.contact.email}.`,
    '',
    'Met vriendelijke groet,',
    tenant.name,
  ].join('\n');
  return {
    to: [recipients[0]],
    cc: recipients.slice(1),
    subject: `Ontvangstbevestiging bezwaar ${reference} - ${tenant.name}`,
    text,
    documentIds: [facts.receiptDocumentId],
  };
}
