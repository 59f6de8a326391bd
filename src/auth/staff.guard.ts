import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { assertStaffMayChange } from '../billing/licence-state';
import { ProblemError } from '../common/problems/problem.error';
import { RequestWithTenant } from '../tenancy/tenant-context';
import { StaffPrincipal } from './staff-principal';
import { StaffRole } from './staff-user.entity';

const ROLES = 'staff:roles';

/** A valid bearer token, or 401. */
@Injectable()
export class BearerTokenGuard extends AuthGuard('jwt') {
  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) {
      throw new ProblemError(
        401,
        'unauthenticated',
        'Niet ingelogd',
        'Log in als medewerker om verder te gaan.',
      );
    }
    return user;
  }
}

/**
 * The token's tenant must be the path's tenant, and the token must carry one of the required roles; under a
 * suspended licence only reading is allowed. A token of
 * another tenant gets the same 403 whatever exists there, so nothing of that tenant is revealed.
 */
@Injectable()
export class StaffAccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context
      .switchToHttp()
      .getRequest<RequestWithTenant & { user: StaffPrincipal; method: string }>();
    const required = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (request.tenant && request.tenant.id !== request.user.tenantId) throw ProblemError.forbidden();
    if (required?.length && !required.some((role) => request.user.roles.includes(role))) {
      throw ProblemError.forbidden('Uw rol geeft geen toegang tot deze functie.');
    }
    if (request.tenant) assertStaffMayChange(request.tenant, request.method);
    return true;
  }
}

/** Marks a route (or controller) as staff-only, optionally for some roles. */
export const Staff = (...roles: StaffRole[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    UseGuards(BearerTokenGuard, StaffAccessGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or an invalid bearer token' }),
    ApiForbiddenResponse({ description: "Another tenant's token, or a role without access" }),
  );
