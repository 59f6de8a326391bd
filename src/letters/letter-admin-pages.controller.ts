import { Body, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { AdminPages, FormPost, HtmlPage, NoStore } from '../staff-pages/page-decorators';
import { HTML, PageOutcome, respond } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { LetterAdminPagesService } from './letter-admin-pages.service';
import { previewFile } from './letter-templates.controller';

/**
 * `/rivierstad/behandelaar/beheer/brieven`: the letter kinds, and per kind `…/<kind>` with its form posting to
 * `…/<kind>` (save), `…/<kind>/voorbeeld` (the draft as PDF, in a new tab) and `…/<kind>/standaard` (reset).
 */
@AdminPages(':tenant/behandelaar/beheer/brieven')
export class LetterAdminPagesController {
  constructor(private readonly pages: LetterAdminPagesService) {}

  @Get()
  @HtmlPage()
  list(@CurrentTenant() tenant: TenantContext, @CurrentStaff() staff: StaffPrincipal): Promise<string> {
    return this.pages.list(tenant, staff);
  }

  @Get(':kind')
  @HtmlPage()
  edit(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('kind') kind: string,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.edit(tenant, staff, kind, done);
  }

  @FormPost(':kind')
  save(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.save(tenant, staff, kind, body);
  }

  /** The draft as a PDF; a draft that cannot be used gives the edit page with its problems. */
  @Post(':kind/voorbeeld')
  @HttpCode(200)
  @NoStore()
  async preview(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('kind') kind: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | string> {
    const outcome = await this.pages.preview(tenant, staff, kind, body);
    if ('pdf' in outcome) {
      reply.header('x-content-type-options', 'nosniff');
      return previewFile(kind, outcome.pdf);
    }
    reply.header('content-type', HTML);
    return respond(reply, outcome);
  }

  @FormPost(':kind/standaard')
  reset(@CurrentTenant() tenant: TenantContext, @Param('kind') kind: string): Promise<PageOutcome> {
    return this.pages.reset(tenant, kind);
  }
}
