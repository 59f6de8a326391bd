import { Get, Query, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Download, HtmlPage, StaffPages } from '../staff-pages/page-decorators';
import { respond } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { csvDownload } from './report-download';
import { ReportPagesService } from './report-pages.service';

/** The report page `/rivierstad/behandelaar/rapportages?van=2026-01-01&tot=2026-06-30` and its CSV. */
@StaffPages(':tenant/behandelaar')
export class StaffReportsController {
  constructor(private readonly pages: ReportPagesService) {}

  @Get('rapportages')
  @HtmlPage()
  async page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return respond(reply, await this.pages.page(tenant, staff, query));
  }

  @Get('rapportages.csv')
  @Download()
  async csv(
    @CurrentTenant() tenant: TenantContext,
    @Query() query: Record<string, unknown>,
  ): Promise<StreamableFile> {
    return csvDownload(tenant.slug, await this.pages.csv(tenant, query));
  }
}
