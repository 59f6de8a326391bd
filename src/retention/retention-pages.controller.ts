import { Body, Get, Param, Query } from '@nestjs/common';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { AdminPages, FormPost, HtmlPage, StaffPages } from '../staff-pages/page-decorators';
import { PageOutcome } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { RetentionPagesService } from './retention-pages.service';

/** `/rivierstad/behandelaar/bewaarplicht/<reference>`: a case's legal hold, placed or lifted with a reason. */
@StaffPages(':tenant/behandelaar/bewaarplicht')
export class LegalHoldPagesController {
  constructor(private readonly pages: RetentionPagesService) {}

  @Get(':reference')
  @HtmlPage()
  page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.holdPage(tenant, staff, reference, done);
  }

  @FormPost(':reference/:action')
  act(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    if (!this.pages.isHoldAction(action)) throw ProblemError.notFound('Deze pagina bestaat niet.');
    return this.pages.holdAction(tenant, staff, reference, action, body);
  }
}

/** `/rivierstad/behandelaar/beheer/bewaartermijnen`: the retention job's reports, held and due cases. */
@AdminPages(':tenant/behandelaar/beheer/bewaartermijnen')
export class RetentionAdminPagesController {
  constructor(private readonly pages: RetentionPagesService) {}

  @Get()
  @HtmlPage()
  page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.adminPage(tenant, staff, done);
  }

  @FormPost('uitvoeren')
  run(@CurrentTenant() tenant: TenantContext, @CurrentStaff() staff: StaffPrincipal): Promise<PageOutcome> {
    return this.pages.runNow(tenant, staff);
  }
}
