import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { LicenceState, TenantProfile } from './tenant.entity';

/** What a request knows about the tenant its path names, resolved once by TenantGuard. */
export interface TenantContext {
  id: string;
  slug: string;
  name: string;
  /** Read on every request: a suspended licence limits staff to reading (see billing/licence-state). */
  licenceState: LicenceState;
  /** The municipality's settings as read with the rest, so a request need not read them again. */
  profile: TenantProfile;
}

export interface RequestWithTenant {
  tenant?: TenantContext;
}

/** The tenant from the path, never from a body; a handler using it on a route without `:tenant` is a bug. */
export const CurrentTenant = createParamDecorator((_: unknown, ctx: ExecutionContext): TenantContext => {
  const tenant = ctx.switchToHttp().getRequest<RequestWithTenant>().tenant;
  if (!tenant) throw new Error('CurrentTenant used on a route without a resolved :tenant');
  return tenant;
});
