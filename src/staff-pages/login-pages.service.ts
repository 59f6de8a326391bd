import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { TenantContext } from '../tenancy/tenant-context';
import { loginPath, safeStaffReturnPath, staffHome } from './request-checks';
import { StaffSessionService } from './staff-session.service';
import { PageOutcome, StaffPagesService } from './staff-pages.service';

/** One message for every failed login: it never says whether the address exists. */
export const LOGIN_FAILED = 'Het e-mailadres of het wachtwoord is niet juist. Probeer het opnieuw.';

const MAX_EMAIL = 254;
const MAX_PASSWORD = 1024;

interface LoginForm {
  email: string;
  returnTo: string;
  errors?: { href: string; message: string }[];
  emailError?: string;
  passwordError?: string;
  loggedOut?: boolean;
}

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
    const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
    const email = text('email').trim().slice(0, MAX_EMAIL);
    const password = text('wachtwoord').slice(0, MAX_PASSWORD);
    const returnTo = safeStaffReturnPath(text('terug'), tenant.slug);
    if (!email || !password) {
      const emailError = email ? undefined : 'Vul uw e-mailadres in.';
      const passwordError = password ? undefined : 'Vul uw wachtwoord in.';
      return {
        status: 400,
        html: this.render(tenant, {
          email,
          returnTo,
          emailError,
          passwordError,
          errors: [
            ...(emailError ? [{ href: '#email', message: emailError }] : []),
            ...(passwordError ? [{ href: '#wachtwoord', message: passwordError }] : []),
          ],
        }),
      };
    }
    const principal = await this.auth.verifyCredentials(tenant.slug, email, password);
    if (!principal || principal.tenantId !== tenant.id) {
      return {
        status: 400,
        html: this.render(tenant, {
          email,
          returnTo,
          errors: [{ href: '#email', message: LOGIN_FAILED }],
        }),
      };
    }
    const { accessToken } = await this.auth.issueToken(principal);
    this.sessions.open(reply, accessToken);
    return { redirect: returnTo };
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
      {
        ...form,
        action: loginPath(tenant.slug),
        // The inbox is where a login goes by default; only a different page needs to travel along.
        returnTo: form.returnTo === staffHome(tenant.slug) ? undefined : form.returnTo,
      },
      { hasErrors: Boolean(form.errors?.length) },
    );
  }
}
