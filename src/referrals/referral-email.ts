import type { EmailPayload } from '../messaging/outbox-message.entity';
import type { ReferralPartnerConfig } from '../tenancy/tenant-config.schema';

type ReferralKind = ReferralPartnerConfig['kind'];

/**
 * A partner as it was sent, kept in the 'referral_sent' event, so the citizen's case page keeps showing what
 * was sent even when the partner's details change later.
 */
export interface ReferralSnapshot {
  partnerCode: string;
  partnerName: string;
  kind: ReferralKind;
  description: string;
  phone?: string;
  email?: string;
  website?: string;
  note?: string;
}

export function referralSnapshot(
  partner: { code: string; name: string; definition: Omit<ReferralPartnerConfig, 'code' | 'name'> },
  note?: string,
): ReferralSnapshot {
  const { kind, description, phone, email, website } = partner.definition;
  const text = note?.trim();
  return {
    partnerCode: partner.code,
    partnerName: partner.name,
    kind,
    description,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    ...(text ? { note: text } : {}),
  };
}

/** Who a partner is, in one plain sentence per kind. */
const WHO: Record<ReferralKind, string> = {
  debt_counselling: 'helpt mensen die schulden hebben of hun rekeningen niet meer kunnen betalen.',
  social_work: 'helpt mensen met problemen thuis, met geld, wonen of gezondheid.',
  budget_coach: 'helpt mensen om overzicht te houden over hun geld en hun post.',
  legal_aid: 'geeft gratis advies over uw rechten.',
  social_counsellors: 'helpt mensen met brieven van de gemeente, uitkeringen, toeslagen en belastingen.',
  other: 'helpt inwoners van de gemeente.',
};

export interface ReferralMailFacts {
  tenant: { name: string; contact: { phone: string; email: string } };
  reference: string;
  objector: { name: string; email?: string };
  representative: { name: string; email?: string } | null;
  referral: ReferralSnapshot;
}

/**
 * The e-mail that tells the citizen about a partner, in plain language (B1): who they are, what they can do,
 * how to reach them, the handler's note, and that the help is free, voluntary and does not affect the
 * objection. It goes to the representative when they gave an e-mail address, else to the objector; none when
 * there is no address (the citizen then sees the referral on the case page). No BSN and no grounds: a mail
 * box is not the place for them.
 */
export function referralEmail(facts: ReferralMailFacts): EmailPayload | null {
  const { tenant, reference, objector, representative, referral } = facts;
  const client = representative?.email ? representative : null;
  const to = client?.email ?? objector.email;
  if (!to) return null;
  const partner = referral.partnerName;
  const contact = [
    referral.phone && `- Bellen: ${referral.phone}`,
    referral.email && `- Mailen: ${referral.email}`,
    referral.website && `- Website: ${referral.website}`,
  ].filter((line): line is string => Boolean(line));
  const opening = client
    ? [
        `U helpt ${objector.name} bij het bezwaar met kenmerk ${reference}.`,
        `Wij denken dat ${partner} ${objector.name} kan helpen. Wilt u deze gegevens aan ${objector.name} doorgeven?`,
      ]
    : [
        `Wij behandelen uw bezwaar met kenmerk ${reference}.`,
        `Wij denken dat ${partner} u kan helpen. Daarom sturen wij u hun gegevens.`,
      ];
  const goodToKnow = client
    ? [
        '- De hulp is gratis.',
        `- ${objector.name} kiest zelf of er contact komt.`,
        '- Het heeft geen gevolgen voor het bezwaar. Wij behandelen het bezwaar op dezelfde manier, ook als er geen contact komt.',
      ]
    : [
        '- De hulp is gratis.',
        '- U kiest zelf of u contact opneemt.',
        '- Het heeft geen gevolgen voor uw bezwaar. Wij behandelen uw bezwaar op dezelfde manier, ook als u geen contact opneemt.',
      ];
  const text = [
    `Beste ${client ? client.name : objector.name},`,
    '',
    ...opening,
    '',
    'Wie zijn zij?',
    `${partner} ${WHO[referral.kind] ?? WHO.other}`,
    '',
    'Wat kunnen zij doen?',
    referral.description,
    '',
    ...(contact.length ? ['Zo neemt u contact op:', ...contact, ''] : []),
    ...(referral.note ? ['Bericht van de behandelaar:', referral.note, ''] : []),
    'Goed om te weten:',
    ...goodToKnow,
    '',
    'U vindt deze gegevens ook op de pagina van het bezwaar.',
    `Vragen over het bezwaar? Bel ${tenant.contact.phone} of mail ${tenant.contact.email}.`,
    '',
    'Met vriendelijke groet,',
    tenant.name,
  ].join('\n');
  return { to: [to], subject: `Tip: gratis hulp (bezwaar ${reference})`, text };
}
