import { Injectable } from '@nestjs/common';
import type { StaffAccountView } from '../auth/staff-account-rows';
import { StaffAccountsService } from '../auth/staff-accounts.service';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { formFieldsOf } from '../portal/form-body';
import { PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from '../tenancy/tenant-context';
import {
  doneText,
  inviteForm,
  InviteValues,
  MemberAction,
  memberSummary,
  readInviteForm,
  readRoles,
  rolesChoices,
  staffAdminPath,
  staffRows,
  summaryErrors,
} from './staff-admin-view';

/** A form that came back: what was typed and what is wrong with it. */
interface Refusal {
  status: number;
  errors: { href?: string; message: string }[];
}

/**
 * The staff pages of the tenant admin: the list with the invite form, and one page per staff member with its
 * roles, (de)activation and a new invitation. A refused form shows its page again with the reason.
 */
@Injectable()
export class StaffAdminPagesService {
  constructor(
    private readonly accounts: StaffAccountsService,
    private readonly pages: StaffPagesService,
  ) {}

  async list(
    tenant: TenantContext,
    staff: StaffPrincipal,
    done?: unknown,
    invite?: { values: InviteValues; refusal: Refusal; fieldErrors: ProblemError['errors'] },
  ): Promise<string> {
    const accounts = await this.accounts.list(tenant.id);
    const errors = invite?.refusal.errors ?? [];
    return this.pages.renderAdmin(
      tenant,
      'staff',
      'admin/staff',
      'Medewerkers',
      {
        errors,
        done: doneText(done),
        rows: staffRows(accounts, tenant.slug, staff.userId),
        counts: {
          active: accounts.filter((a) => a.active).length,
          inactive: accounts.filter((a) => !a.active).length,
        },
        action: staffAdminPath(tenant.slug),
        invite: inviteForm(
          invite?.values ?? { name: '', email: '', roles: ['handler'] },
          invite?.fieldErrors,
        ),
      },
      { viewer: staff, hasErrors: errors.length > 0 },
    );
  }

  async invite(tenant: TenantContext, staff: StaffPrincipal, body: unknown): Promise<PageOutcome> {
    const values = readInviteForm(formFieldsOf(body));
    try {
      const { id } = await this.accounts.invite(tenant.id, values, staff.userId);
      return { redirect: `${staffAdminPath(tenant.slug, id)}?gedaan=uitgenodigd` };
    } catch (error) {
      const refusal = refusalOf(error);
      const fieldErrors = error instanceof ProblemError ? (error.errors ?? []) : [];
      return {
        status: refusal.status,
        html: await this.list(tenant, staff, undefined, { values, refusal, fieldErrors }),
      };
    }
  }

  async member(
    tenant: TenantContext,
    staff: StaffPrincipal,
    id: string,
    done?: unknown,
    refused?: { refusal: Refusal; roles?: string[] },
  ): Promise<string> {
    const account = await this.accounts.get(tenant.id, id);
    const errors = refused?.refusal.errors ?? [];
    const base = staffAdminPath(tenant.slug, id);
    return this.pages.renderAdmin(
      tenant,
      'staff',
      'admin/staff-member',
      account.name,
      {
        errors,
        done: doneText(done),
        backHref: staffAdminPath(tenant.slug),
        account: {
          name: account.name,
          you: account.id === staff.userId,
          summary: memberSummary(account),
        },
        roles: {
          action: `${base}/rollen`,
          choices: rolesChoices(
            refused?.roles ?? account.roles,
            refused?.roles ? errors[0]?.message : undefined,
          ),
        },
        invitation: canReinvite(account) ? { action: `${base}/uitnodiging` } : undefined,
        deactivate: account.active
          ? { action: `${base}/deactiveren`, self: account.id === staff.userId }
          : undefined,
        activate: account.active ? undefined : { action: `${base}/activeren` },
      },
      { viewer: staff, hasErrors: errors.length > 0 },
    );
  }

  async act(
    tenant: TenantContext,
    staff: StaffPrincipal,
    id: string,
    action: MemberAction,
    body: unknown,
  ): Promise<PageOutcome> {
    const roles = action === 'rollen' ? readRoles(formFieldsOf(body)) : undefined;
    try {
      if (action === 'rollen') await this.accounts.setRoles(tenant.id, staff.userId, id, roles!);
      if (action === 'deactiveren') await this.accounts.deactivate(tenant.id, staff.userId, id);
      if (action === 'activeren') await this.accounts.activate(tenant.id, staff.userId, id);
      if (action === 'uitnodiging') await this.accounts.resendInvitation(tenant.id, staff.userId, id);
    } catch (error) {
      const refusal = refusalOf(error);
      return {
        status: refusal.status,
        html: await this.member(tenant, staff, id, undefined, { refusal, roles }),
      };
    }
    // Whoever deactivated themself is logged out now: the next page sends them to the login page.
    return { redirect: `${staffAdminPath(tenant.slug, id)}?gedaan=${action}` };
  }
}

function canReinvite(account: StaffAccountView): boolean {
  return account.active && account.invitation !== 'accepted';
}

/** A refusal the page can show (invalid input, a conflict); anything else (404, 403, 500) goes to the error page. */
function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ProblemError) || (error.status !== 400 && error.status !== 409)) throw error;
  return { status: error.status, errors: summaryErrors(error.errors ?? [], error.detail) };
}
