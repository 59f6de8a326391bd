import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { StaffPrincipal } from '../auth/staff-principal';
import { StaffRole } from '../auth/staff-user.entity';
import { assertStaffMayChange } from '../billing/licence-state';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RequestWithTenant } from '../tenancy/tenant-context';
import { isSameOriginPost, loginUrl } from './request-checks';
import { StaffSessionService } from './staff-session.service';

export type StaffPageRequest = FastifyRequest & RequestWithTenant & { user?: StaffPrincipal };

/** Not (or no longer) logged in here: the error filter answers with a 303 to `location`. */
export class StaffLoginRequired extends Error {
  constructor(readonly location: string) {
    super('staff login required');
  }
}

/** Every form post of the staff pages must come from the staff pages themselves (see isSameOriginPost). */
@Injectable()
export class SameOriginPostGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<StaffPageRequest>();
    if (request.method === 'GET' || request.method === 'HEAD') return true;
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const allowed = isSameOriginPost({
      secFetchSite: header('sec-fetch-site'),
      origin: header('origin'),
      host: header('host'),
      publicUrl: this.config.publicUrl,
    });
    if (!allowed) {
      throw ProblemError.forbidden(
        'Dit formulier kwam niet van deze website en is daarom niet uitgevoerd. Open de pagina opnieuw en probeer het nog eens.',
      );
    }
    return true;
  }
}

/**
 * A valid staff cookie of the path's municipality, with a staff role; sets `request.user` for @CurrentStaff().
 * Without one (none, expired, deactivated, or another municipality's), the handler goes to this municipality's
 * login page and comes back afterwards. Under a suspended licence only reading (and logging out) is allowed.
 */
@Injectable()
export class StaffSessionGuard implements CanActivate {
  /** Roles that may use the pages behind this guard. */
  protected readonly roles: readonly StaffRole[] = ['handler', 'tenant_admin'];

  constructor(private readonly sessions: StaffSessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffPageRequest>();
    const tenant = request.tenant;
    if (!tenant) throw new Error('StaffSessionGuard on a route without :tenant');
    const principal = await this.sessions.principal(request);
    if (!principal || principal.tenantId !== tenant.id) {
      throw new StaffLoginRequired(loginUrl(tenant.slug, returnPathOf(request)));
    }
    if (!principal.roles.some((role) => this.roles.includes(role))) {
      throw ProblemError.forbidden(this.forbiddenDetail);
    }
    if (!request.url.endsWith('/uitloggen')) assertStaffMayChange(tenant, request.method);
    request.user = principal;
    return true;
  }

  protected get forbiddenDetail(): string {
    return 'Uw rol geeft geen toegang tot de behandelpagina’s.';
  }
}

/** The tenant admin's pages (`/:tenant/beheer/...`): as StaffSessionGuard, for functioneel beheerders only. */
@Injectable()
export class TenantAdminSessionGuard extends StaffSessionGuard {
  protected override readonly roles: readonly StaffRole[] = ['tenant_admin'];

  protected override get forbiddenDetail(): string {
    return 'Alleen functioneel beheerders van de gemeente kunnen deze pagina’s gebruiken.';
  }
}

/**
 * The page to come back to after logging in: the page itself, or for a form post the page the form was on (the
 * post's path without its last segment, e.g. a case page for `…/zaken/<ref>/status`).
 */
export function returnPathOf(request: FastifyRequest): string {
  const url = request.url;
  if (request.method === 'GET' || request.method === 'HEAD') return url;
  const path = url.split('?', 1)[0];
  return path.slice(0, path.lastIndexOf('/')) || path;
}
