import type { EmailPayload } from './outbox-message.entity';

interface Person {
  name: string;
  email?: string;
}

export interface CaseNoticeFacts {
  tenant: { slug: string; name: string; profile: { contact: { phone: string; email: string } } };
  publicUrl: string;
  objection: {
    reference: string;
    objector: Person;
    representative: Person | null;
  };
  /** Filed after a DigiD login: the objector also finds the case under "Mijn bezwaren". */
  filedWithDigid: boolean;
}

export interface CaseNotice {
  subject: string;
  /** What is new, one line each ("Er staat een brief voor u klaar …"). */
  news: string[];
  /** Where it is, first line ("U vindt de brief op de pagina van uw bezwaar, bij de documenten."). */
  where: string;
  /** What this e-mail leaves out ("de brief zelf"). */
  withheld: string;
  /** A decision goes to the representative with the objector in copy; other notices to one of them. */
  copyObjector?: boolean;
}

/**
 * Tells the objector (or their representative, Awb 2:1) that something waits on the case page. Never the
 * letter or message itself, nor the secret case link (it is not stored): an e-mail travels unencrypted and can
 * be read by others. Null when nobody gave an e-mail address; the case page still shows it.
 */
export function caseNoticeEmail(facts: CaseNoticeFacts, notice: CaseNotice): EmailPayload | null {
  const { tenant, objection } = facts;
  const { objector, representative, reference } = objection;
  const addressee = representative?.email ? representative : objector.email ? objector : null;
  if (!addressee?.email) return null;
  const myCases = `${facts.publicUrl}/${encodeURIComponent(tenant.slug)}/mijn-bezwaren`;
  // Only the objector can log in with DigiD to see the case; a representative has the link from the receipt.
  const how =
    facts.filedWithDigid && addressee === objector
      ? [
          `- Log in met DigiD op ${myCases}`,
          '- Of open de persoonlijke link uit de e-mail met de ontvangstbevestiging.',
        ]
      : ['Open daarvoor de persoonlijke link uit de e-mail met de ontvangstbevestiging.'];
  const text = [
    `Beste ${addressee.name},`,
    '',
    ...notice.news,
    '',
    notice.where,
    ...how,
    '',
    `Om uw gegevens te beschermen, staat ${notice.withheld} niet in deze e-mail.`,
    '',
    `Kunt u de link niet meer vinden? Bel ${tenant.profile.contact.phone} of mail ${tenant.profile.contact.email}. Noem dan het kenmerk ${reference}.`,
    '',
    'Met vriendelijke groet,',
    tenant.name,
  ].join('\n');
  const copy =
    notice.copyObjector && objector.email && objector.email !== addressee.email ? [objector.email] : [];
  return { to: [addressee.email], ...(copy.length ? { cc: copy } : {}), subject: notice.subject, text };
}
