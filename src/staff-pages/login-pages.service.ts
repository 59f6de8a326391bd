import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { TenantContext } from '../tenancy/tenant-context';
import { failedLogin, LoginForm, loginFormContext, readLoginForm } from './login-form';
import { loginPath, safeStaffReturnPath, staffHome } from './request-checks';
import { StaffSessionService } from './staff-session.service';
import { PageOutcome, StaffPagesService } from './staff-pages.service';

/** The staff login form; a successful login sets the staff cookie and goes on to where the handler was going. */
@Injectable()
export class LoginPagesService {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: StaffSessionService,
    private readonly pages: StaffPagesService,
  ) {}

  form(tenant: TenantContext, returnTo: unknown, loggedOut: boolean): string {
    return this.render(tenant, {
      email: '',
      returnTo: safeStaffReturnPath(returnTo, tenant.slug),
      loggedOut,
    });
  }

  async login(tenant: TenantContext, body: unknown, reply: FastifyReply): Promise<PageOutcome> {
    const attempt = readLoginForm(body, (path) => safeStaffReturnPath(path, tenant.slug));
    if ('invalid' in attempt) return { status: 400, html: this.render(tenant, attempt.invalid) };
    const principal = await this.auth.verifyCredentials(tenant.slug, attempt.email, attempt.password);
    if (!principal || principal.tenantId !== tenant.id) {
      return { status: 400, html: this.render(tenant, failedLogin(attempt)) };
    }
    const { accessToken } = await this.auth.issueToken(principal);
    this.sessions.open(reply, accessToken);
    return { redirect: attempt.returnTo };
  }

  /** Ends the session; back to the login page, which says so. */
  logout(tenant: TenantContext, reply: FastifyReply): string {
    this.sessions.close(reply);
    return `${loginPath(tenant.slug)}?uitgelogd=1`;
  }

  private render(tenant: TenantContext, form: LoginForm): string {
    return this.pages.render(
      tenant,
      'login',
      'Inloggen',
      loginFormContext(form, loginPath(tenant.slug), staffHome(tenant.slug)),
      { hasErrors: Boolean(form.errors?.length) },
    );
  }
}
