import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { RequestWithTenant } from './tenant-context';
import { TenantsService } from './tenants.service';

/** Global: every route with a `:tenant` path parameter gets its tenant resolved (404 when unknown). */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(
    private readonly tenants: TenantsService,
    private readonly logger: PinoLogger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<RequestWithTenant & { params?: Record<string, string> }>();
    const slug = request.params?.tenant;
    if (slug === undefined) return true;
    const tenant = await this.tenants.requireBySlug(slug);
    request.tenant = {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      licenceState: tenant.licenceState,
    };
    this.logger.assign({ tenant: tenant.slug });
    return true;
  }
}
