import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { StaffRole } from './staff-user.entity';

/** Who a staff bearer token speaks for; the claims of the token, checked against the path's tenant. */
export interface StaffPrincipal {
  userId: string;
  tenantId: string;
  tenantSlug: string;
  /** As the account has it now (read with every request, like the roles). */
  name: string;
  roles: StaffRole[];
}

export interface TokenClaims {
  sub: string;
  tid: string;
  ten: string;
  roles: StaffRole[];
}

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal => {
  const user = ctx.switchToHttp().getRequest<{ user?: StaffPrincipal }>().user;
  if (!user) throw new Error('CurrentStaff used on a route without the Staff() guard');
  return user;
});
