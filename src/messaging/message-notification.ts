import { caseNoticeEmail } from './case-notice';
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
  const { tenant, reference } = args;
  return caseNoticeEmail(
    { tenant, publicUrl: args.publicUrl, objection: args, filedWithDigid: args.filedWithDigid },
    {
      subject: `U heeft een nieuw bericht over uw bezwaar ${reference}`,
      news: [`U heeft een nieuw bericht van ${tenant.name} over uw bezwaar ${reference}.`],
      where: 'U leest het bericht op de pagina van uw bezwaar. Daar kunt u ook antwoorden.',
      withheld: 'het bericht zelf',
    },
  );
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
