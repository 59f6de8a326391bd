import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemError } from '../common/problems/problem.error';
import { OperatorAuthService } from './operator-auth.service';

/** Who an operator token or session speaks for, as the account is now (read on every request). */
export interface OperatorPrincipal {
  operatorId: string;
  name: string;
}

type OperatorRequest = { headers: Record<string, string | string[] | undefined>; user?: OperatorPrincipal };

/** A bearer token of an active platform operator, or 401; a municipality's staff token never passes. */
@Injectable()
export class OperatorBearerGuard implements CanActivate {
  constructor(private readonly auth: OperatorAuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OperatorRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const principal = match ? await this.auth.principalOf(match[1]) : null;
    if (!principal) {
      throw new ProblemError(
        401,
        'unauthenticated',
        'Niet ingelogd',
        'Log in als platformbeheerder om verder te gaan.',
      );
    }
    request.user = principal;
    return true;
  }
}

/** Marks a JSON API route (or controller) as for platform operators only. */
export const Operator = () =>
  applyDecorators(
    UseGuards(OperatorBearerGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No bearer token of an active platform operator' }),
  );

/** The operator of this request, on routes behind Operator() or OperatorSessionGuard. */
export const CurrentOperator = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): OperatorPrincipal => {
    const user = ctx.switchToHttp().getRequest<{ user?: Partial<OperatorPrincipal> }>().user;
    if (typeof user?.operatorId !== 'string') {
      throw new Error('CurrentOperator used on a route without Operator() or OperatorSessionGuard');
    }
    return user as OperatorPrincipal;
  },
);
