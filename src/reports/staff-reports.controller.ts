import { Controller, Get, Header, Query, Res, StreamableFile, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { StaffErrorFilter } from '../staff-pages/staff-error.filter';
import { SameOriginPostGuard, StaffSessionGuard } from '../staff-pages/staff-page.guards';
import { HTML, REFERRER_POLICY } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { ReportPagesService } from './report-pages.service';
import { csvDownload } from './report-download';

/** The report page `/rivierstad/behandelaar/rapportages?van=2026-01-01&tot=2026-06-30` and its CSV. */
@ApiExcludeController()
@Controller(':tenant/behandelaar')
@UseGuards(SameOriginPostGuard, StaffSessionGuard)
@UseFilters(StaffErrorFilter)
export class StaffReportsController {
  constructor(private readonly pages: ReportPagesService) {}

  @Get('rapportages')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  async page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { status, html } = await this.pages.page(tenant, staff, query);
    reply.status(status);
    return html;
  }

  @Get('rapportages.csv')
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  @Header('x-content-type-options', 'nosniff')
  async csv(
    @CurrentTenant() tenant: TenantContext,
    @Query() query: Record<string, unknown>,
  ): Promise<StreamableFile> {
    return csvDownload(tenant.slug, await this.pages.csv(tenant, query));
  }
}
