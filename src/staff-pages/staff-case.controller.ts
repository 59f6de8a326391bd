import { Body, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { isCaseAction } from './case-forms';
import { CasePagesService } from './case-pages.service';
import { Download, FormPost, HtmlPage, StaffPages } from './page-decorators';
import { PageOutcome } from './staff-pages.service';
import { Audited } from '../audit/audited.decorator';

/**
 * A case: `/rivierstad/behandelaar/zaken/RIV-2026-00001`, its forms posting to `…/toewijzen`, `…/status`,
 * `…/bericht` and `…/doorverwijzen` (POST-redirect-GET), and its documents under `…/documenten/<id>`.
 */
@StaffPages(':tenant/behandelaar/zaken/:reference')
export class StaffCaseController {
  constructor(private readonly pages: CasePagesService) {}

  @Get()
  @Audited('case.read')
  @HtmlPage()
  page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.page(tenant, staff, reference, isCaseAction(done) ? done : undefined);
  }

  @FormPost(':action')
  act(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    if (!isCaseAction(action)) throw ProblemError.notFound('Deze pagina bestaat niet.');
    return this.pages.act(tenant, staff, reference, action, body);
  }

  @Get('documenten/:id')
  @Audited('document.read')
  @Download()
  document(
    @CurrentTenant() tenant: TenantContext,
    @Param('reference') reference: string,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    return this.pages.document(tenant, reference, id);
  }
}
