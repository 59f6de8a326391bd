import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { TenantContext } from '../tenancy/tenant-context';
import { passwordHasher } from './password-hasher';
import { invitationHash } from './staff-account-rules';
import type { StaffPrincipal } from './staff-principal';
import type { StaffRole } from './staff-user.entity';

/** What an invitation link leads to. 'unknown' covers a link already used, replaced by a newer one, or made up. */
export type InvitationLookup =
  | { state: 'open'; name: string; email: string; roles: StaffRole[]; expiresAt: Date }
  | { state: 'expired'; expiredAt: Date }
  | { state: 'unknown' };

/** The invitee's side of an invitation: open the link, choose a password, and be logged in. */
@Injectable()
export class StaffInvitationsService {
  constructor(private readonly database: Database) {}

  async lookup(tenantId: string, token: string): Promise<InvitationLookup> {
    const hash = invitationHash(token);
    if (!hash) return { state: 'unknown' };
    const [row] = await this.database.forTenant(
      tenantId,
      (db) =>
        db.query(
          `SELECT name, email, roles, invitation_expires_at FROM staff_users
           WHERE tenant_id = $1 AND invitation_hash = $2 AND active AND password_hash IS NULL`,
          [tenantId, hash],
        ) as Promise<{ name: string; email: string; roles: StaffRole[]; invitation_expires_at: Date }[]>,
    );
    if (!row) return { state: 'unknown' };
    if (row.invitation_expires_at <= new Date()) {
      return { state: 'expired', expiredAt: row.invitation_expires_at };
    }
    return {
      state: 'open',
      name: row.name,
      email: row.email,
      roles: row.roles,
      expiresAt: row.invitation_expires_at,
    };
  }

  /**
   * Sets the password (the caller checked it with passwordProblem) and uses the link up, in one statement that
   * holds only while the link is still open; the invitee is then logged in. Null when the link no longer works.
   */
  async accept(tenant: TenantContext, token: string, password: string): Promise<StaffPrincipal | null> {
    const hash = invitationHash(token);
    if (!hash) return null;
    // argon2 takes a while: outside the unit of work, so the database is not held meanwhile.
    const passwordHash = await passwordHasher.hash(password);
    const [account] = await this.database.forTenant(
      tenant.id,
      (db) =>
        db.query(
          // A WITH … SELECT: the two drivers report a bare UPDATE … RETURNING differently.
          `WITH accepted AS (
             UPDATE staff_users SET password_hash = $3, invitation_hash = NULL, invitation_expires_at = NULL,
               last_login_at = now()
             WHERE tenant_id = $1 AND invitation_hash = $2 AND active AND password_hash IS NULL
               AND invitation_expires_at > now()
             RETURNING id, name, roles)
           SELECT * FROM accepted`,
          [tenant.id, hash, passwordHash],
        ) as Promise<{ id: string; name: string; roles: StaffRole[] }[]>,
    );
    if (!account) return null;
    return {
      userId: account.id,
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      name: account.name,
      roles: account.roles,
    };
  }
}
