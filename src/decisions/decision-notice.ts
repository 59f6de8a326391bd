import { caseNoticeEmail } from '../messaging/case-notice';
import type { EmailPayload } from '../messaging/outbox-message.entity';

export interface DecisionNoticeFacts {
  tenant: { slug: string; name: string; profile: { contact: { phone: string; email: string } } };
  publicUrl: string;
  reference: string;
  objector: { name: string; email?: string };
  representative: { name: string; email?: string } | null;
  /** Filed after a DigiD login: the case is also under "Mijn bezwaren". */
  filedWithDigid: boolean;
}

/**
 * The e-mail that says the decision is there. It carries neither the letter nor its content (an e-mail can be
 * read by others and travels unencrypted) nor the secret case link (it is not stored): it says where to find
 * it. To the representative where there is one with an e-mail address, the objector in copy; null when
 * nobody gave an e-mail address (the letter still waits on the case page).
 */
export function decisionNotice(facts: DecisionNoticeFacts): EmailPayload | null {
  const { tenant, reference } = facts;
  return caseNoticeEmail(
    { tenant, publicUrl: facts.publicUrl, objection: facts, filedWithDigid: facts.filedWithDigid },
    {
      subject: `Beslissing op uw bezwaar ${reference}`,
      news: [
        `${tenant.name} heeft beslist op het bezwaar met kenmerk ${reference}.`,
        'In de brief staat ook hoe u in beroep kunt gaan en tot wanneer dat kan.',
      ],
      where:
        'U vindt de brief met de beslissing op de pagina van het bezwaar. Daar kunt u hem downloaden (pdf).',
      withheld: 'de beslissing zelf',
      copyObjector: true,
    },
  );
}
