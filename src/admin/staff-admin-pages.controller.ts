import { Body, Get, Param, Query } from '@nestjs/common';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { AdminPages, FormPost, HtmlPage } from '../staff-pages/page-decorators';
import { PageOutcome } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { StaffAdminPagesService } from './staff-admin-pages.service';
import { isMemberAction } from './staff-admin-view';

/**
 * `/rivierstad/behandelaar/beheer/medewerkers` (the list and the invite form) and one page per staff member,
 * whose forms post to `…/<id>/rollen`, `…/deactiveren`, `…/activeren` and `…/uitnodiging`.
 */
@AdminPages(':tenant/behandelaar/beheer/medewerkers')
export class StaffAdminPagesController {
  constructor(private readonly pages: StaffAdminPagesService) {}

  @Get()
  @HtmlPage()
  list(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.list(tenant, staff, done);
  }

  @FormPost()
  invite(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.invite(tenant, staff, body);
  }

  @Get(':id')
  @HtmlPage()
  member(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.member(tenant, staff, id, done);
  }

  @FormPost(':id/:action')
  act(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    if (!isMemberAction(action)) throw ProblemError.notFound('Deze pagina bestaat niet.');
    return this.pages.act(tenant, staff, id, action, body);
  }
}
