import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { ProblemError } from '../common/problems/problem.error';
import { RequestWithTenant } from './tenant-context';
import { Tenant } from './tenant.entity';
import { TenantsService } from './tenants.service';

/**
 * Global: every route with a `:tenant` path parameter gets its tenant resolved (404 when unknown). A
 * municipality that left the platform answers every such route, for citizens and staff alike, with a 410 that
 * says how to reach it instead (the portal and staff pages show it as a page, the API as problem+json).
 */
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
      profile: tenant.profile,
    };
    this.logger.assign({ tenant: tenant.slug });
    if (tenant.status === 'offboarded') throw offboardedProblem(tenant);
    return true;
  }
}

/** 410 Gone, with the municipality's own contact details: objecting stays possible, only not here. */
export function offboardedProblem(tenant: Pick<Tenant, 'name' | 'profile'>): ProblemError {
  const { phone, email, website, postalAddress: a } = tenant.profile.contact;
  return new ProblemError(
    410,
    'tenant-offboarded',
    'Niet meer via dit platform',
    `${tenant.name} behandelt bezwaren niet meer via dit platform. U kunt nog steeds bezwaar maken, rechtstreeks ` +
      `bij de gemeente: per post aan ${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city}, per e-mail aan ` +
      `${email} of telefonisch op ${phone}. Kijk voor meer informatie op ${website}.`,
  );
}
