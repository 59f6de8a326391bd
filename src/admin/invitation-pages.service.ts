import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { MAX_PASSWORD_LENGTH, passwordProblem, rolesText } from '../auth/staff-account-rules';
import { StaffInvitationsService, InvitationLookup } from '../auth/staff-invitations.service';
import { field, formFieldsOf } from '../portal/form-body';
import { dateTimeText } from '../staff-pages/case-text';
import { adminHome, loginPath, staffHome } from '../staff-pages/request-checks';
import { PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { StaffSessionService } from '../staff-pages/staff-session.service';
import { TenantContext } from '../tenancy/tenant-context';

interface PasswordErrors {
  password?: string;
  repeat?: string;
}

/**
 * The page behind an invitation link: choose a password, and be logged in at once. A link that expired, was
 * used, or was replaced by a newer invitation gets a page that says so and what to do.
 */
@Injectable()
export class InvitationPagesService {
  constructor(
    private readonly invitations: StaffInvitationsService,
    private readonly auth: AuthService,
    private readonly sessions: StaffSessionService,
    private readonly pages: StaffPagesService,
  ) {}

  async page(tenant: TenantContext, token: string): Promise<{ status: number; html: string }> {
    return this.render(tenant, token, await this.invitations.lookup(tenant.id, token));
  }

  async accept(
    tenant: TenantContext,
    token: string,
    body: unknown,
    reply: FastifyReply,
  ): Promise<PageOutcome> {
    const invitation = await this.invitations.lookup(tenant.id, token);
    if (invitation.state !== 'open') return this.render(tenant, token, invitation);
    const fields = formFieldsOf(body);
    const password = field(fields, 'wachtwoord').slice(0, MAX_PASSWORD_LENGTH + 1);
    const repeat = field(fields, 'herhaal').slice(0, MAX_PASSWORD_LENGTH + 1);
    const problem = passwordProblem(password, invitation);
    const errors: PasswordErrors = problem
      ? { password: problem }
      : repeat !== password
        ? { repeat: 'De twee wachtwoorden zijn niet gelijk. Typ het wachtwoord twee keer hetzelfde.' }
        : {};
    if (errors.password || errors.repeat) return this.render(tenant, token, invitation, errors);
    const principal = await this.invitations.accept(tenant, token, password);
    // Used or expired between the two steps: say so, as the link would now.
    if (!principal) return this.render(tenant, token, await this.invitations.lookup(tenant.id, token));
    this.sessions.open(reply, (await this.auth.issueToken(principal)).accessToken);
    return {
      redirect: principal.roles.includes('handler') ? staffHome(tenant.slug) : adminHome(tenant.slug),
    };
  }

  private render(
    tenant: TenantContext,
    token: string,
    invitation: InvitationLookup,
    errors: PasswordErrors = {},
  ): { status: number; html: string } {
    const summary = [
      ...(errors.password ? [{ href: '#wachtwoord', message: errors.password }] : []),
      ...(errors.repeat ? [{ href: '#herhaal', message: errors.repeat }] : []),
    ];
    const title =
      invitation.state === 'open'
        ? 'Kies uw wachtwoord'
        : invitation.state === 'expired'
          ? 'Deze uitnodiging is verlopen'
          : 'Deze link werkt niet meer';
    const html = this.pages.render(
      tenant,
      'admin/invitation',
      title,
      {
        title,
        errors: summary,
        loginHref: loginPath(tenant.slug),
        ...(invitation.state === 'open'
          ? {
              open: {
                action: `${staffHome(tenant.slug)}/uitnodiging/${token}`,
                name: invitation.name,
                email: invitation.email,
                roles: rolesText(invitation.roles).toLowerCase(),
                expires: dateTimeText(invitation.expiresAt.toISOString()),
                password: { id: 'wachtwoord', error: errors.password },
                repeat: { id: 'herhaal', error: errors.repeat },
              },
            }
          : invitation.state === 'expired'
            ? { expired: { at: dateTimeText(invitation.expiredAt.toISOString()) } }
            : { unknown: true }),
      },
      { hasErrors: summary.length > 0 },
    );
    const status =
      invitation.state === 'open' ? (summary.length ? 400 : 200) : invitation.state === 'expired' ? 410 : 404;
    return { status, html };
  }
}
