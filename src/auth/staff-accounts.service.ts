import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { enqueueEmail } from '../messaging/outbox';
import {
  AdminChange,
  adminContinuityProblem,
  checkedInvite,
  checkedRoles,
  isTenantStaffRole,
  newInvitation,
  ROLES_MESSAGE,
  StaffInvite,
} from './staff-account-rules';
import { accountIn, accountsIn, AccountRow, accountView, StaffAccountView } from './staff-account-rows';
import { StaffDirectoryService } from './staff-directory.service';
import { invitationEmail } from './staff-invitation-email';
import type { StaffRole } from './staff-user.entity';

/**
 * A municipality's staff accounts: invitations by e-mail, roles, deactivation. Every change that could take
 * the last functioneel beheerder away locks the tenant's admin rows first, so two admins acting at once cannot
 * both succeed in leaving the municipality without one. The session check (AuthService.currentPrincipal) reads
 * the account on every request, so a deactivation or a role change takes effect at once.
 */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(tenantId: string): Promise<StaffAccountView[]> {
    return this.database.forTenant(tenantId, async (db) => {
      const now = new Date();
      return (await accountsIn(db, tenantId)).map((row) => accountView(row, now));
    });
  }

  get(tenantId: string, id: string): Promise<StaffAccountView> {
    return this.database.forTenant(tenantId, async (db) =>
      accountView(await accountIn(db, tenantId, id), new Date()),
    );
  }

  /**
   * Creates an account without a password and e-mails its invitation link (in the same unit of work: the mail
   * goes only if the account is saved). `invitedBy` is the inviting staff member's id, or null when the platform
   * invites (a new municipality's first admin). An address that already has an account is a 409.
   */
  invite(tenantId: string, input: StaffInvite, invitedBy: string | null): Promise<{ id: string }> {
    return this.database.forTenant(tenantId, (db) => this.inviteIn(db, tenantId, input, invitedBy));
  }

  /** As invite(), inside the caller's unit of work (onboarding creates a municipality and its first admin at once). */
  async inviteIn(
    db: EntityManager,
    tenantId: string,
    input: StaffInvite,
    invitedBy: string | null,
  ): Promise<{ id: string }> {
    const invite = checkedInvite(input);
    if (Array.isArray(invite)) throw ProblemError.invalid(invite);
    const invitation = newInvitation(new Date());
    const [created] = (await db.query(
      `INSERT INTO staff_users (tenant_id, email, name, roles, invitation_hash, invitation_expires_at, invited_at)
       VALUES ($1, $2, $3, $4::text[], $5, $6, now())
       ON CONFLICT (tenant_id, email) DO NOTHING RETURNING id`,
      [tenantId, invite.email, invite.name, invite.roles, invitation.hash, invitation.expiresAt],
    )) as { id: string }[];
    if (!created) {
      throw ProblemError.conflict(
        'staff-exists',
        `Er is al een medewerker met het e-mailadres ${invite.email}. Zoek die medewerker op in de lijst; ` +
          'daar kunt u de rollen aanpassen, het account weer activeren of de uitnodiging opnieuw sturen.',
      );
    }
    await this.sendInvitation(
      db,
      tenantId,
      { ...invite, token: invitation.token, expiresAt: invitation.expiresAt },
      invitedBy,
    );
    return { id: created.id };
  }

  /** A new link for an account that has no password yet; the old link stops working. */
  resendInvitation(tenantId: string, actorId: string, id: string): Promise<StaffAccountView> {
    const invitation = newInvitation(new Date());
    return this.database.forTenant(tenantId, async (db) => {
      const account = await accountIn(db, tenantId, id, { lock: true });
      if (!account.active) {
        throw ProblemError.conflict(
          'staff-inactive',
          'Dit account is gedeactiveerd. Activeer het eerst; stuur daarna de uitnodiging opnieuw.',
        );
      }
      if (account.has_password) {
        throw ProblemError.conflict(
          'invitation-accepted',
          'Deze medewerker heeft de uitnodiging al gebruikt en een wachtwoord gekozen, en kan gewoon inloggen.',
        );
      }
      await db.query(
        `UPDATE staff_users SET invitation_hash = $3, invitation_expires_at = $4, invited_at = now()
         WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id, invitation.hash, invitation.expiresAt],
      );
      await this.sendInvitation(
        db,
        tenantId,
        { ...account, token: invitation.token, expiresAt: invitation.expiresAt },
        actorId,
      );
      return accountView(await accountIn(db, tenantId, id), new Date());
    });
  }

  /** Sets the municipality roles of an account (at least one); a role of another kind the account has stays. */
  setRoles(
    tenantId: string,
    actorId: string,
    id: string,
    roles: readonly string[],
  ): Promise<StaffAccountView> {
    const wanted = checkedRoles(roles);
    if (!wanted) throw ProblemError.invalid([{ field: 'roles', message: ROLES_MESSAGE }]);
    return this.database.forTenant(tenantId, async (db) => {
      const account = await this.lockForChange(
        db,
        tenantId,
        actorId,
        id,
        wanted.includes('tenant_admin') ? null : 'remove_admin_role',
      );
      const kept = account.roles.filter((role) => !isTenantStaffRole(role));
      await db.query(`UPDATE staff_users SET roles = $3::text[] WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        id,
        [...wanted, ...kept],
      ]);
      return accountView(await accountIn(db, tenantId, id), new Date());
    });
  }

  /** Ends the account's sessions at once (the next request finds it inactive) and any open invitation. */
  deactivate(tenantId: string, actorId: string, id: string): Promise<StaffAccountView> {
    return this.database.forTenant(tenantId, async (db) => {
      await this.lockForChange(db, tenantId, actorId, id, 'deactivate');
      await db.query(
        `UPDATE staff_users SET active = false, deactivated_at = now(), invitation_hash = NULL,
           invitation_expires_at = NULL
         WHERE tenant_id = $1 AND id = $2 AND active`,
        [tenantId, id],
      );
      return accountView(await accountIn(db, tenantId, id), new Date());
    });
  }

  activate(tenantId: string, actorId: string, id: string): Promise<StaffAccountView> {
    return this.database.forTenant(tenantId, async (db) => {
      await this.lockForChange(db, tenantId, actorId, id, null);
      await db.query(
        `UPDATE staff_users SET active = true, deactivated_at = NULL WHERE tenant_id = $1 AND id = $2 AND NOT active`,
        [tenantId, id],
      );
      return accountView(await accountIn(db, tenantId, id), new Date());
    });
  }

  /**
   * Locks the tenant's active admins (always first, in id order, so concurrent changes queue up rather than
   * deadlock), then the account. The actor must still be one of those admins: an admin removed a moment ago by
   * a colleague cannot act on a decision taken before. A change that would leave no admin is a 409.
   */
  private async lockForChange(
    db: EntityManager,
    tenantId: string,
    actorId: string,
    id: string,
    change: AdminChange | null,
  ): Promise<AccountRow> {
    const admins = (
      (await db.query(
        `SELECT id FROM staff_users
         WHERE tenant_id = $1 AND active AND 'tenant_admin' = ANY(roles) AND password_hash IS NOT NULL
         ORDER BY id FOR UPDATE`,
        [tenantId],
      )) as { id: string }[]
    ).map((row) => row.id);
    if (!admins.includes(actorId)) {
      throw ProblemError.forbidden(
        'U bent (niet langer) functioneel beheerder van deze gemeente en kunt accounts niet meer wijzigen.',
      );
    }
    const account = await accountIn(db, tenantId, id, { lock: true });
    const problem =
      change && account.active
        ? adminContinuityProblem({ activeAdminIds: admins, targetId: id, actorId, change })
        : undefined;
    if (problem) throw ProblemError.conflict('last-tenant-admin', problem);
    return account;
  }

  private async sendInvitation(
    db: EntityManager,
    tenantId: string,
    invitee: { name: string; email: string; roles: StaffRole[]; token: string; expiresAt: Date },
    invitedBy: string | null,
  ): Promise<void> {
    const [tenant] = (await db.query(`SELECT slug, name FROM tenants WHERE id = $1`, [tenantId])) as {
      slug: string;
      name: string;
    }[];
    const inviter = invitedBy
      ? (await StaffDirectoryService.namesIn(db, tenantId, [invitedBy])).get(invitedBy)
      : undefined;
    await enqueueEmail(
      db,
      tenantId,
      invitationEmail({
        tenant,
        publicUrl: this.config.publicUrl,
        invitee,
        invitedBy: inviter ?? null,
        token: invitee.token,
        expiresAt: invitee.expiresAt,
      }),
    );
  }
}
