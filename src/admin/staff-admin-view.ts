import { ROLE_LABELS, rolesText, TENANT_STAFF_ROLES } from '../auth/staff-account-rules';
import type { StaffAccountView } from '../auth/staff-account-rows';
import type { FieldError } from '../common/problems/problem.error';
import { field, FormFields } from '../portal/form-body';
import { dateTimeText } from '../staff-pages/case-text';
import type { ChoicesView, FieldView } from '../staff-pages/form-fields';
import { adminHome } from '../staff-pages/request-checks';

/** `/rivierstad/behandelaar/beheer/medewerkers` */
export function staffAdminPath(tenantSlug: string, id?: string): string {
  return `${adminHome(tenantSlug)}/medewerkers${id ? `/${id}` : ''}`;
}

/** The forms of a staff member's page, by the last path segment they post to. */
export const MEMBER_ACTIONS = ['rollen', 'deactiveren', 'activeren', 'uitnodiging'] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

export function isMemberAction(value: unknown): value is MemberAction {
  return (MEMBER_ACTIONS as readonly unknown[]).includes(value);
}

/** What the page says after a form did its work (`?gedaan=…`). */
const DONE = {
  uitgenodigd: 'De uitnodiging is verstuurd.',
  rollen: 'De rollen zijn opgeslagen. Ze gelden meteen.',
  deactiveren: 'Het account is gedeactiveerd. De medewerker is meteen uitgelogd en kan niet meer inloggen.',
  activeren: 'Het account is weer actief.',
  uitnodiging: 'Er is een nieuwe uitnodiging verstuurd. De vorige link werkt niet meer.',
} as const;
export type DoneKey = keyof typeof DONE;

export function doneText(value: unknown): string | undefined {
  return typeof value === 'string' && Object.hasOwn(DONE, value) ? DONE[value as DoneKey] : undefined;
}

/** Where an account stands, in one or two words, and a line more when that helps. */
export function statusOf(account: StaffAccountView): { label: string; detail?: string } {
  if (!account.active) {
    return {
      label: 'Gedeactiveerd',
      detail: account.deactivatedAt
        ? `sinds ${dateTimeText(account.deactivatedAt.toISOString())}`
        : undefined,
    };
  }
  if (account.invitation === 'pending') {
    return {
      label: 'Uitgenodigd',
      detail: account.invitationExpiresAt
        ? `link geldig tot ${dateTimeText(account.invitationExpiresAt.toISOString())}`
        : undefined,
    };
  }
  if (account.invitation === 'expired') return { label: 'Uitnodiging verlopen', detail: 'stuur een nieuwe' };
  return { label: 'Actief' };
}

export function lastLoginText(account: StaffAccountView): string {
  return account.lastLoginAt ? dateTimeText(account.lastLoginAt.toISOString()) : 'Nog nooit';
}

export function staffRows(accounts: StaffAccountView[], tenantSlug: string, viewerId: string) {
  return accounts.map((account) => ({
    href: staffAdminPath(tenantSlug, account.id),
    name: account.name,
    you: account.id === viewerId,
    demo: account.demo,
    email: account.email,
    roles: rolesText(account.roles),
    status: statusOf(account),
    lastLogin: lastLoginText(account),
  }));
}

export function memberSummary(account: StaffAccountView) {
  const status = statusOf(account);
  return [
    { label: 'E-mailadres', value: account.email },
    { label: 'Rollen', value: rolesText(account.roles) || 'Geen' },
    { label: 'Status', value: status.detail ? `${status.label}, ${status.detail}` : status.label },
    { label: 'Laatst ingelogd', value: lastLoginText(account) },
    ...(account.invitedAt
      ? [{ label: 'Uitgenodigd op', value: dateTimeText(account.invitedAt.toISOString()) }]
      : []),
    ...(account.demo ? [{ label: 'Soort account', value: 'Demo-account (niet in productie)' }] : []),
  ];
}

/** The invite form's inputs as typed (ids match the error summary's links). */
export interface InviteValues {
  name: string;
  email: string;
  roles: string[];
}

export const INVITE_FIELD_IDS: Record<string, string> = { name: 'naam', email: 'email', roles: 'rollen' };

export function readInviteForm(fields: FormFields): InviteValues {
  return {
    name: field(fields, 'naam').trim().slice(0, 200),
    email: field(fields, 'email').trim().slice(0, 254),
    roles: readRoles(fields),
  };
}

export function readRoles(fields: FormFields): string[] {
  return (fields.get('rollen') ?? []).slice(0, TENANT_STAFF_ROLES.length * 2);
}

/** The role checkboxes; the first option carries the group's id. */
export function rolesChoices(checked: readonly string[], error?: string): ChoicesView {
  return {
    id: 'rollen',
    name: 'rollen',
    error,
    options: TENANT_STAFF_ROLES.map((role, index) => ({
      id: index === 0 ? 'rollen' : `rollen-${role}`,
      value: role,
      label: ROLE_LABELS[role],
      hint:
        role === 'handler'
          ? 'Werkt bezwaren af in de inbox.'
          : 'Beheert regelingen, brieven, huisstijl, medewerkers en configuratie.',
      checked: checked.includes(role),
    })),
  };
}

export function inviteForm(values: InviteValues, errors: FieldError[] = []) {
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const input = (name: 'name' | 'email'): FieldView => ({
    id: INVITE_FIELD_IDS[name],
    name: INVITE_FIELD_IDS[name],
    value: values[name],
    error: errorOf(name),
  });
  return { name: input('name'), email: input('email'), roles: rolesChoices(values.roles, errorOf('roles')) };
}

/** The error summary's entries: each field error links to its input; a message without a field stands alone. */
export function summaryErrors(errors: FieldError[], detail: string): { href?: string; message: string }[] {
  if (!errors.length) return [{ message: detail }];
  return errors.map((e) => ({
    href: INVITE_FIELD_IDS[e.field] ? `#${INVITE_FIELD_IDS[e.field]}` : undefined,
    message: e.message,
  }));
}
