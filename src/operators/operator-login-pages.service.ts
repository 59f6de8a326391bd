import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { failedLogin, LoginForm, loginFormContext, readLoginForm } from '../staff-pages/login-form';
import { PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { OperatorAuthService } from './operator-auth.service';
import { OperatorSessionService } from './operator-session.service';
import { PLATFORM_HOME, PLATFORM_LOGIN, safePlatformReturnPath } from './platform-paths';

/** The operator's login form; a successful login sets the operator cookie and goes on to where they were going. */
@Injectable()
export class OperatorLoginPagesService {
  constructor(
    private readonly auth: OperatorAuthService,
    private readonly sessions: OperatorSessionService,
    private readonly pages: StaffPagesService,
  ) {}

  form(returnTo: unknown, loggedOut: boolean): string {
    return this.render({ email: '', returnTo: safePlatformReturnPath(returnTo), loggedOut });
  }

  async login(body: unknown, reply: FastifyReply): Promise<PageOutcome> {
    const attempt = readLoginForm(body, safePlatformReturnPath);
    if ('invalid' in attempt) return { status: 400, html: this.render(attempt.invalid) };
    const principal = await this.auth.verifyCredentials(attempt.email, attempt.password);
    if (!principal) return { status: 400, html: this.render(failedLogin(attempt)) };
    this.sessions.open(reply, (await this.auth.issueToken(principal)).accessToken);
    return { redirect: attempt.returnTo };
  }

  /** Ends the session; back to the login page, which says so. */
  logout(reply: FastifyReply): string {
    this.sessions.close(reply);
    return `${PLATFORM_LOGIN}?uitgelogd=1`;
  }

  private render(form: LoginForm): string {
    return this.pages.renderPlatform(
      'platform/login',
      'Inloggen',
      loginFormContext(form, PLATFORM_LOGIN, PLATFORM_HOME),
      { hasErrors: Boolean(form.errors?.length) },
    );
  }
}
