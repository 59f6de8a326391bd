import { Controller, Get, Header, Inject, Logger, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { CitizenClaimsError, citizenFromClaims } from './citizen-claims';
import { isLoginFailure, LoginFailure, loginFailedPage } from './citizen-pages';
import { CitizenSessionService } from './citizen-session.service';
import { CitizensService } from './citizens.service';
import { citizenCallbackUrl } from './dev-identity-provider';
import { CitizenLoginError, OidcClientService } from './oidc-client.service';
import { safeReturnPath } from './return-path';

interface RedirectTo {
  url: string;
  statusCode: number;
}

/**
 * Citizen login pages (portal routes, outside the JSON API): `/inloggen?terug=<path>` sends the citizen to the
 * broker, `/inloggen/terug` receives them back, `/uitloggen` ends the session. `terug` is only ever a path inside
 * this municipality's portal (no open redirects); a failed or cancelled login ends on a friendly message page.
 */
@ApiExcludeController()
@Controller(':tenant')
export class CitizenLoginController {
  private readonly logger = new Logger('CitizenLogin');

  constructor(
    private readonly oidc: OidcClientService,
    private readonly sessions: CitizenSessionService,
    private readonly citizens: CitizensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('inloggen')
  @AbuseLimit('citizen-login')
  @Header('cache-control', 'no-store')
  @Redirect('/', 302)
  async login(
    @CurrentTenant() tenant: TenantContext,
    @Query('terug') returnTo: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RedirectTo> {
    try {
      const { url, checks } = await this.oidc.authorizationRequest(this.callbackUrl(tenant));
      this.sessions.startLogin(reply, tenant, { ...checks, returnTo: safeReturnPath(returnTo, tenant.slug) });
      return { url, statusCode: 302 };
    } catch (error) {
      return this.failed(tenant, error);
    }
  }

  @Get('inloggen/terug')
  @Header('cache-control', 'no-store')
  @Redirect('/', 303)
  async callback(
    @CurrentTenant() tenant: TenantContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RedirectTo> {
    const pending = this.sessions.takeLogin(request, reply, tenant);
    if (!pending) return failurePage(tenant, 'verlopen');
    try {
      const claims = await this.oidc.callback(this.callbackUrl(tenant), request.raw, pending);
      const citizen = await this.citizens.recordLogin(tenant.id, citizenFromClaims(claims));
      this.sessions.open(reply, tenant.id, citizen);
      this.logger.log(`Citizen ${citizen.id} logged in`);
      return { url: pending.returnTo, statusCode: 303 };
    } catch (error) {
      return this.failed(tenant, error);
    }
  }

  @Get('inloggen/mislukt')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  failure(@CurrentTenant() tenant: TenantContext, @Query('reden') reason: unknown): string {
    return loginFailedPage(tenant, isLoginFailure(reason) ? reason : 'mislukt');
  }

  @Post('uitloggen')
  @Header('cache-control', 'no-store')
  @Redirect('/', 303)
  logout(
    @CurrentTenant() tenant: TenantContext,
    @Query('terug') returnTo: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): RedirectTo {
    this.sessions.close(reply);
    return { url: safeReturnPath(returnTo, tenant.slug), statusCode: 303 };
  }

  private callbackUrl(tenant: TenantContext): string {
    return citizenCallbackUrl(this.config.publicUrl, tenant.slug);
  }

  private failed(tenant: TenantContext, error: unknown): RedirectTo {
    if (error instanceof CitizenLoginError) return failurePage(tenant, error.reason);
    if (error instanceof CitizenClaimsError) {
      this.logger.warn(`Login refused: ${error.message}`);
      return failurePage(tenant, 'gegevens');
    }
    this.logger.error({ err: error }, 'Citizen login failed');
    return failurePage(tenant, 'mislukt');
  }
}

function failurePage(tenant: TenantContext, reason: LoginFailure): RedirectTo {
  return { url: `/${tenant.slug}/inloggen/mislukt?reden=${reason}`, statusCode: 303 };
}
