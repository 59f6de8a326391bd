import type { EmailPayload } from './outbox-message.entity';

/**
 * The e-mails that say a new message waits on a case. They never carry the message itself (an e-mail can be
 * read by others and travels unencrypted) nor the citizen's secret case link (it is not stored anywhere).
 */

export interface NotifyingTenant {
  slug: string;
  name: string;
  profile: { contact: { phone: string; email: string } };
}

/**
 * To the citizen, after a handler wrote: to the representative when there is one with an e-mail address
 * (documents go to the gemachtigde, Awb 2:1), else to the objector; null when neither gave one.
 */
export function citizenMessageEmail(args: {
  tenant: NotifyingTenant;
  publicUrl: string;
  reference: string;
  objector: { name: string; email?: string };
  representative: { name: string; email?: string } | null;
  /** Filed after a DigiD login: the case is also under "Mijn bezwaren". */
  filedWithDigid: boolean;
}): EmailPayload | null {
  const { tenant, reference, objector, representative } = args;
  const addressee = representative?.email ? representative : objector.email ? objector : null;
  if (!addressee?.email) return null;
  const myCases = `${args.publicUrl}/${encodeURIComponent(tenant.slug)}/mijn-bezwaren`;
  // Only the objector can log in with DigiD to see the case; a representative has the link from the receipt.
  const where =
    args.filedWithDigid && addressee === objector
      ? [
          'U leest het bericht op de pagina van uw bezwaar. Daar kunt u ook antwoorden.',
          `- Log in met DigiD op ${myCases}`,
          '- Of open de persoonlijke link uit de e-mail met de ontvangstbevestiging.',
        ]
      : [
          'U leest het bericht op de pagina van uw bezwaar. Daar kunt u ook antwoorden.',
          'Open daarvoor de persoonlijke link uit de e-mail met de ontvangstbevestiging.',
        ];
  const text = [
    `Beste ${addressee.name},`,
    '',
    `U heeft een nieuw bericht van ${tenant.name} over uw bezwaar ${reference}.`,
    '',
    ...where,
    '',
    'Om uw gegevens te beschermen, staat het bericht zelf niet in deze e-mail.',
    '',
    `Kunt u de link niet meer vinden? Bel ${tenant.profile.contact.phone} of mail ${tenant.profile.contact.email}. Noem dan het kenmerk ${reference}.`,
    '',
    'Met vriendelijke groet,',
    tenant.name,
  ].join('\n');
  return { to: [addressee.email], subject: `U heeft een nieuw bericht over uw bezwaar ${reference}`, text };
}

/** To the handler the case is assigned to, after the citizen wrote. */
export function handlerMessageEmail(args: {
  tenant: NotifyingTenant;
  reference: string;
  handler: { name: string; email: string };
  /** The case in the staff pages. */
  caseUrl: string;
}): EmailPayload {
  const { tenant, reference, handler } = args;
  const text = [
    `Beste ${handler.name},`,
    '',
    `De indiener van bezwaar ${reference} heeft een nieuw bericht gestuurd.`,
    'Het bericht staat niet in deze e-mail. U leest het bij het bezwaar:',
    args.caseUrl,
    '',
    `Bezwaarplatform ${tenant.name}`,
  ].join('\n');
  return { to: [handler.email], subject: `Nieuw bericht bij bezwaar ${reference}`, text };
}
