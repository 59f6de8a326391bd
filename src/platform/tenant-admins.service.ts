import { Injectable } from '@nestjs/common';
import { StaffAccountsService } from '../auth/staff-accounts.service';
import { ProblemError } from '../common/problems/problem.error';
import { TenantsService } from '../tenancy/tenants.service';
import { AdminInviteDto } from './dto/onboard-tenant.dto';

/**
 * The operator invites a functioneel beheerder for a municipality: the first one again when the onboarding's
 * invitation never arrived or the address was wrong, or a new one when the municipality has none left.
 */
@Injectable()
export class TenantAdminsService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly staff: StaffAccountsService,
  ) {}

  async invite(slug: string, admin: AdminInviteDto): Promise<void> {
    const tenant = await this.tenants.requireBySlug(slug);
    if (tenant.status === 'offboarded') {
      throw ProblemError.conflict(
        'tenant-offboarded',
        `${tenant.name} is van het platform gehaald; er kan niemand meer worden uitgenodigd.`,
      );
    }
    await this.staff.invite(
      tenant.id,
      { email: admin.email, name: admin.name.trim(), roles: ['tenant_admin'] },
      null,
    );
  }
}
