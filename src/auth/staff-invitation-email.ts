import type { EmailPayload } from '../messaging/outbox-message.entity';
import { dateTimeText } from '../staff-pages/case-text';
import { loginPath } from '../staff-pages/request-checks';
import type { StaffRole } from './staff-user.entity';
import { rolesText } from './staff-account-rules';

export interface InvitationFacts {
  tenant: { slug: string; name: string };
  publicUrl: string;
  invitee: { name: string; email: string; roles: readonly StaffRole[] };
  /** Who sent it; null when the platform did (a new municipality's first admin). */
  invitedBy: string | null;
  token: string;
  expiresAt: Date;
}

/** The page behind an invitation link, where the invitee sets a password. */
export function invitationPath(tenantSlug: string, token: string): string {
  return `/${encodeURIComponent(tenantSlug)}/behandelaar/uitnodiging/${token}`;
}

/**
 * The invitation e-mail: who invites whom for what, the link to set a password, until when it works, and
 * where to log in afterwards. The link is the only place the token ever exists.
 */
export function invitationEmail(facts: InvitationFacts): EmailPayload {
  const { tenant, invitee } = facts;
  const who = facts.invitedBy ? `${facts.invitedBy} nodigt u uit` : 'U bent uitgenodigd';
  const text = [
    `Beste ${invitee.name},`,
    '',
    `${who} om bezwaren te behandelen voor ${tenant.name}, op het Bezwaarplatform. Uw rol: ${rolesText(invitee.roles).toLowerCase()}.`,
    '',
    'Kies eerst een wachtwoord. Dat doet u op deze pagina:',
    `${facts.publicUrl}${invitationPath(tenant.slug, facts.token)}`,
    '',
    `De link werkt één keer, tot ${dateTimeText(facts.expiresAt.toISOString())}. Is hij verlopen? Vraag dan de functioneel beheerder van uw gemeente om een nieuwe uitnodiging.`,
    '',
    `Daarna logt u in met uw e-mailadres ${invitee.email} op ${facts.publicUrl}${loginPath(tenant.slug)}.`,
    '',
    'Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren. Er gebeurt dan niets.',
    '',
    'Met vriendelijke groet,',
    tenant.name,
  ].join('\n');
  return { to: [invitee.email], subject: `Uitnodiging: bezwaren behandelen voor ${tenant.name}`, text };
}
