import { Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { AdminPages, HtmlPage } from '../staff-pages/page-decorators';
import { respond } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { AuditPagesService } from './audit-pages.service';

/** `/rivierstad/behandelaar/beheer/audit?actor=…&action=…&object=…&result=…&from=…&to=…&page=2`. */
@AdminPages(':tenant/behandelaar/beheer/audit')
export class AuditPagesController {
  constructor(private readonly pages: AuditPagesService) {}

  @Get()
  @HtmlPage()
  async page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return respond(reply, await this.pages.page(tenant, staff, query));
  }
}
