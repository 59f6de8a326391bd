import { createHash, randomBytes } from 'node:crypto';
import type { FieldError } from '../common/problems/problem.error';
import type { StaffRole } from './staff-user.entity';

/** The roles a municipality gives its own staff (platform operators are not staff of a municipality). */
export const TENANT_STAFF_ROLES = ['handler', 'tenant_admin'] as const satisfies readonly StaffRole[];
export type TenantStaffRole = (typeof TENANT_STAFF_ROLES)[number];

export const ROLE_LABELS: Record<TenantStaffRole, string> = {
  handler: 'Behandelaar',
  tenant_admin: 'Functioneel beheerder',
};

export function isTenantStaffRole(value: unknown): value is TenantStaffRole {
  return (TENANT_STAFF_ROLES as readonly unknown[]).includes(value);
}

/** "Behandelaar en functioneel beheerder" */
export function rolesText(roles: readonly StaffRole[]): string {
  const labels = TENANT_STAFF_ROLES.filter((role) => roles.includes(role)).map((role) => ROLE_LABELS[role]);
  return labels.map((label, i) => (i === 0 ? label : label.toLowerCase())).join(' en ');
}

/** An invitation link works this long; inviting again gives a new link (and ends the old one). */
export const INVITATION_VALID_DAYS = 7;

/**
 * A new invitation: the token goes only into the e-mailed link; the database keeps its SHA-256, so a copy of
 * the database opens no account. 32 random bytes leave nothing to guess, so a plain hash suffices.
 */
export function newInvitation(now: Date): { token: string; hash: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    hash: invitationHash(token),
    expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000),
  };
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The hash of a token from a link, or null for anything that cannot be one of ours. */
export function invitationHash(token: string): string;
export function invitationHash(token: unknown): string | null;
export function invitationHash(token: unknown): string | null {
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}

/** Where an account stands with its invitation: 'accepted' once a password is set. */
export type InvitationState = 'accepted' | 'pending' | 'expired';

export function invitationState(
  account: { hasPassword: boolean; invitationExpiresAt: Date | null },
  now: Date,
): InvitationState {
  if (account.hasPassword) return 'accepted';
  return account.invitationExpiresAt && account.invitationExpiresAt > now ? 'pending' : 'expired';
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Why a new password will not do, in Dutch, or undefined. Length is what makes a password strong (NIST
 * SP 800-63B): at least 12 characters, so a passphrase of a few ordinary words is welcome; no composition
 * rules, but not the e-mail address or the name, and not one character repeated.
 */
export function passwordProblem(
  password: string,
  account: { email: string; name: string },
): string | undefined {
  if (!password) return 'Kies een wachtwoord.';
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens. Een zin van een paar gewone woorden mag ook, bijvoorbeeld "fiets paraplu zondag koffie".`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Kies een wachtwoord van hoogstens ${MAX_PASSWORD_LENGTH} tekens.`;
  }
  const plain = password.trim().toLowerCase();
  const local = account.email.toLowerCase().split('@', 1)[0];
  if (
    plain === account.email.toLowerCase() ||
    plain === local ||
    plain === account.name.trim().toLowerCase()
  ) {
    return 'Kies een wachtwoord dat niet uw e-mailadres of uw naam is.';
  }
  if (new Set(plain).size <= 2) {
    return 'Kies een wachtwoord met meer verschillende tekens.';
  }
  return undefined;
}

/** What a change would do to an account's standing as a tenant admin. */
export type AdminChange = 'remove_admin_role' | 'deactivate';

/**
 * A municipality must always keep an active functioneel beheerder who can log in: otherwise nobody could
 * manage its staff or configuration. Given the admins as they are (locked by the caller), the Dutch reason a
 * change to `targetId` is refused, or undefined when someone stays.
 */
export function adminContinuityProblem(input: {
  activeAdminIds: readonly string[];
  targetId: string;
  actorId: string;
  change: AdminChange;
}): string | undefined {
  const { activeAdminIds, targetId, actorId, change } = input;
  if (!activeAdminIds.includes(targetId)) return undefined;
  if (activeAdminIds.some((id) => id !== targetId)) return undefined;
  const who =
    targetId === actorId
      ? 'U bent de laatste actieve functioneel beheerder van uw gemeente.'
      : 'Deze medewerker is de laatste actieve functioneel beheerder van uw gemeente.';
  const refused =
    change === 'deactivate'
      ? targetId === actorId
        ? 'Daarom kunt u uw eigen account niet deactiveren.'
        : 'Daarom kunt u dit account niet deactiveren.'
      : targetId === actorId
        ? 'Daarom kunt u uw eigen rol functioneel beheerder niet weghalen.'
        : 'Daarom kunt u die rol niet weghalen.';
  return `${who} ${refused} Geef eerst een collega met een account de rol functioneel beheerder; daarna kan het wel.`;
}

/** Who to invite; the roles are checked here (handler and/or tenant_admin), so any caller may pass them. */
export interface StaffInvite {
  email: string;
  name: string;
  roles: readonly string[];
}

export const ROLES_MESSAGE = 'Kies minstens één rol: behandelaar en/of functioneel beheerder.';

/** The roles in their usual order; null for none, or for one a municipality does not give. */
export function checkedRoles(roles: readonly unknown[]): TenantStaffRole[] | null {
  if (!roles.length || !roles.every(isTenantStaffRole)) return null;
  return TENANT_STAFF_ROLES.filter((role) => roles.includes(role));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The invite as stored (address in lower case, roles in order), or every problem with it. */
export function checkedInvite(
  input: StaffInvite,
): { email: string; name: string; roles: TenantStaffRole[] } | FieldError[] {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const roles = checkedRoles(input.roles);
  const errors = [
    ...(name ? [] : [{ field: 'name', message: 'Vul de naam van de medewerker in.' }]),
    ...(EMAIL.test(email) && email.length <= 254
      ? []
      : [{ field: 'email', message: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.' }]),
    ...(roles ? [] : [{ field: 'roles', message: ROLES_MESSAGE }]),
  ];
  return roles && !errors.length ? { email, name, roles } : errors;
}
