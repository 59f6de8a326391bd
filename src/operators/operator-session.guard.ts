import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { returnPathOf, StaffLoginRequired } from '../staff-pages/staff-page.guards';
import type { OperatorPrincipal } from './operator.guard';
import { OperatorSessionService } from './operator-session.service';
import { platformLoginUrl } from './platform-paths';

export type OperatorPageRequest = FastifyRequest & { user?: OperatorPrincipal };

/**
 * The operator's pages: a valid operator cookie of an active operator, else a 303 to the platform login page
 * (which comes back here afterwards); sets `request.user` for @CurrentOperator(). Use with SameOriginPostGuard
 * before it and PlatformErrorFilter (or StaffErrorFilter), which turn the missing session into the redirect.
 */
@Injectable()
export class OperatorSessionGuard implements CanActivate {
  constructor(private readonly sessions: OperatorSessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OperatorPageRequest>();
    const principal = await this.sessions.principal(request);
    if (!principal) throw new StaffLoginRequired(platformLoginUrl(returnPathOf(request)));
    request.user = principal;
    return true;
  }
}
