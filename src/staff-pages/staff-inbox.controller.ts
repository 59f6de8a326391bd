import { Controller, Get, Header, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { InboxPagesService } from './inbox-pages.service';
import { StaffErrorFilter } from './staff-error.filter';
import { SameOriginPostGuard, StaffSessionGuard } from './staff-page.guards';
import { HTML, REFERRER_POLICY } from './staff-pages.service';

/** The inbox: `/rivierstad/behandelaar?status=received&behandelaar=mij…` (a GET form, so filters can be linked). */
@ApiExcludeController()
@Controller(':tenant/behandelaar')
@UseGuards(SameOriginPostGuard, StaffSessionGuard)
@UseFilters(StaffErrorFilter)
export class StaffInboxController {
  constructor(private readonly pages: InboxPagesService) {}

  @Get()
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  inbox(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.pages.page(tenant, staff, query);
  }
}
