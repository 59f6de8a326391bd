import { Get } from '@nestjs/common';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { AdminPages, HtmlPage } from '../staff-pages/page-decorators';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { AdminOverviewService } from './admin-overview.service';

/** `/rivierstad/behandelaar/beheer`: the functioneel beheerder's home. */
@AdminPages(':tenant/behandelaar/beheer')
export class AdminOverviewController {
  constructor(private readonly overview: AdminOverviewService) {}

  @Get()
  @HtmlPage()
  page(@CurrentTenant() tenant: TenantContext, @CurrentStaff() staff: StaffPrincipal): Promise<string> {
    return this.overview.page(tenant, staff);
  }
}
