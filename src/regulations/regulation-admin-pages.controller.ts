import { Body, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { AdminPages, FormPost, HtmlPage, NoStore } from '../staff-pages/page-decorators';
import { PageOutcome, respond } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { NEW, RegulationAdminPagesService } from './regulation-admin-pages.service';

/**
 * `/rivierstad/behandelaar/beheer/regelingen`: the list, `…/nieuw`, a regulation's form at `…/<code>` (with
 * `…/uitzetten` and `…/aanzetten`), and its versions at `…/<code>/versies[/<n>[/terugzetten]]`.
 */
@AdminPages(':tenant/behandelaar/beheer/regelingen')
export class RegulationAdminPagesController {
  constructor(private readonly pages: RegulationAdminPagesService) {}

  @Get()
  @HtmlPage()
  list(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.list(tenant, staff, done);
  }

  @Get(NEW)
  @HtmlPage()
  newForm(@CurrentTenant() tenant: TenantContext, @CurrentStaff() staff: StaffPrincipal): Promise<string> {
    return this.pages.newForm(tenant, staff);
  }

  @FormPost(NEW)
  create(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.create(tenant, staff, body);
  }

  @Get(':code')
  @HtmlPage()
  edit(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.editForm(tenant, staff, code, done);
  }

  @FormPost(':code')
  update(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.update(tenant, staff, code, body);
  }

  @Post(':code/uitzetten')
  @HttpCode(200)
  @NoStore()
  async retire(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return respond(reply, await this.pages.setActive(tenant, staff, code, false));
  }

  @Post(':code/aanzetten')
  @HttpCode(200)
  @NoStore()
  async activate(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return respond(reply, await this.pages.setActive(tenant, staff, code, true));
  }

  @Get(':code/versies')
  @HtmlPage()
  versions(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.versions(tenant, staff, code, done);
  }

  @Get(':code/versies/:version')
  @HtmlPage()
  version(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Param('version') version: string,
  ): Promise<string> {
    return this.pages.version(tenant, staff, code, Number(version));
  }

  @FormPost(':code/versies/:version/terugzetten')
  rollback(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Param('version') version: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.rollback(tenant, staff, code, Number(version), body);
  }
}
