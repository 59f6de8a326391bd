import { Body, Get, Query } from '@nestjs/common';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { InboxPagesService } from './inbox-pages.service';
import { FormPost, HtmlPage, StaffPages } from './page-decorators';
import { PageOutcome } from './staff-pages.service';
import { Audited } from '../audit/audited.decorator';

/**
 * The inbox: `/rivierstad/behandelaar?status=received&behandelaar=mij…` (a GET form, so filters can be linked),
 * and its bulk form posting to `/rivierstad/behandelaar/bulk`, which starts a run and goes to its progress page
 * (`…/bulk/<run>`, DecisionBatchPageController).
 */
@StaffPages(':tenant/behandelaar')
export class StaffInboxController {
  constructor(private readonly pages: InboxPagesService) {}

  @Get()
  @Audited('case.list')
  @HtmlPage()
  inbox(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.pages.page(tenant, staff, query);
  }

  @FormPost('bulk')
  startBatch(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.startBatch(tenant, staff, body);
  }
}
