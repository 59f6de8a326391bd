import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { InvitationState, invitationState } from './staff-account-rules';
import type { StaffRole } from './staff-user.entity';

/** A staff account as the tenant admin sees it. */
export interface StaffAccountView {
  id: string;
  name: string;
  email: string;
  roles: StaffRole[];
  active: boolean;
  /** A demo account (outside production only), seeded from tenant.yaml. */
  demo: boolean;
  lastLoginAt: Date | null;
  invitedAt: Date | null;
  deactivatedAt: Date | null;
  /** 'accepted' once the invitee set a password. */
  invitation: InvitationState;
  invitationExpiresAt: Date | null;
}

/** A row of staff_users as the admin's views need it (never the password hash itself). */
export interface AccountRow {
  id: string;
  name: string;
  email: string;
  roles: StaffRole[];
  active: boolean;
  demo: boolean;
  last_login_at: Date | null;
  invited_at: Date | null;
  deactivated_at: Date | null;
  invitation_expires_at: Date | null;
  has_password: boolean;
}

const ACCOUNT_COLUMNS = `id, name, email, roles, active, demo, last_login_at, invited_at, deactivated_at,
  invitation_expires_at, password_hash IS NOT NULL AS has_password`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every account of the tenant, active ones first, by name. */
export async function accountsIn(db: EntityManager, tenantId: string): Promise<AccountRow[]> {
  return (await db.query(
    `SELECT ${ACCOUNT_COLUMNS} FROM staff_users WHERE tenant_id = $1 ORDER BY active DESC, lower(name), id`,
    [tenantId],
  )) as AccountRow[];
}

/** One account in the caller's unit of work (locked for the rest of it with `lock`); 404 when there is none. */
export async function accountIn(
  db: EntityManager,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AccountRow> {
  const [row] = UUID.test(id)
    ? ((await db.query(
        `SELECT ${ACCOUNT_COLUMNS} FROM staff_users WHERE tenant_id = $1 AND id = $2${options.lock ? ' FOR UPDATE' : ''}`,
        [tenantId, id],
      )) as AccountRow[])
    : [];
  if (!row) throw ProblemError.notFound('Deze medewerker bestaat niet (meer) bij deze gemeente.');
  return row;
}

/** The row as the admin sees it, the invitation's state as of `now`. */
export function accountView(row: AccountRow, now: Date): StaffAccountView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles,
    active: row.active,
    demo: row.demo,
    lastLoginAt: row.last_login_at,
    invitedAt: row.invited_at,
    deactivatedAt: row.deactivated_at,
    invitation: invitationState(
      { hasPassword: row.has_password, invitationExpiresAt: row.invitation_expires_at },
      now,
    ),
    invitationExpiresAt: row.has_password ? null : row.invitation_expires_at,
  };
}
