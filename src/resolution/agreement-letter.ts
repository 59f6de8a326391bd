import { amsterdamDateOf } from '../deadlines/local-date';
import { addresseeLines, addresseeName, writtenDate } from '../letters/addressee';
import type { LetterRequest } from '../letters/letters.service';
import { caseNoticeEmail } from '../messaging/case-notice';
import type { EmailPayload } from '../messaging/outbox-message.entity';
import type { ContestedDecision, Objector, Representative } from '../objections/objection.entity';
import type { Tenant } from '../tenancy/tenant.entity';
import { CHANNEL_WORDS, ROUTE_NEXT_STEPS, ROUTE_WORDS } from './informal-route';
import type { ConversationInput } from './resolution-input';

/** The case as the confirmation of an informal agreement needs it. */
export interface AgreementCase {
  reference: string;
  decision: ContestedDecision;
  objector: Objector;
  representative: Representative | null;
  decisionTermEnds: string | null;
}

/**
 * The letter that confirms what was agreed (domain-nl §5: "recorded in writing and confirmed to the objector"),
 * to the representative where there is one. It says that the objection stands and the decision term runs on:
 * an informal agreement alone ends nothing.
 */
export function agreementLetter(args: {
  tenant: Tenant;
  objection: AgreementCase;
  conversation: Pick<ConversationInput, 'at' | 'channel' | 'agreedRoute' | 'agreement'>;
  handlerName: string;
  issuedAt: Date;
}): LetterRequest {
  const { tenant, objection, conversation } = args;
  return {
    tenant,
    kind: 'informal_agreement',
    reference: objection.reference,
    subject: 'Bevestiging van wat wij hebben afgesproken over uw bezwaar',
    addressee: addresseeLines(objection),
    date: amsterdamDateOf(args.issuedAt),
    context: {
      addresseeName: addresseeName(objection),
      reference: objection.reference,
      decisionLabel:
        [objection.decision.description, objection.decision.reference].filter(Boolean).join(', ') || '—',
      conversationDate: writtenDate(amsterdamDateOf(conversation.at)),
      channelText: CHANNEL_WORDS[conversation.channel],
      handlerName: args.handlerName,
      agreedRoute: ROUTE_WORDS[conversation.agreedRoute],
      agreement: conversation.agreement ?? '',
      nextSteps: ROUTE_NEXT_STEPS[conversation.agreedRoute],
      decisionTermEnds: objection.decisionTermEnds ? writtenDate(objection.decisionTermEnds) : '',
      phone: tenant.profile.contact.phone,
      email: tenant.profile.contact.email,
    },
  };
}

export function agreementLetterFilename(reference: string): string {
  return `bevestiging-afspraken-${reference}.pdf`;
}

/**
 * The e-mail that says the letter is waiting on the case page: to the representative when there is one with an
 * e-mail address, else to the objector; null when neither gave one. Like every notice it carries neither the
 * letter nor the secret case link (an e-mail travels unencrypted and may be read by others).
 */
export function agreementEmail(args: {
  tenant: Pick<Tenant, 'slug' | 'name'> & { profile: { contact: { phone: string; email: string } } };
  publicUrl: string;
  objection: AgreementCase;
  /** Filed after a DigiD login: the case is also under "Mijn bezwaren". */
  filedWithDigid: boolean;
}): EmailPayload | null {
  const { tenant, objection } = args;
  return caseNoticeEmail(args, {
    subject: `Er staat een brief voor u klaar over uw bezwaar ${objection.reference}`,
    news: [
      `Er staat een brief voor u klaar van ${tenant.name} over uw bezwaar ${objection.reference}.`,
      'In de brief staat wat wij met u hebben afgesproken.',
    ],
    where: 'U vindt de brief op de pagina van uw bezwaar, bij de documenten.',
    withheld: 'de brief zelf',
  });
}
