import { Body, Get, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { AdminPages, FormPost, HtmlPage } from '../staff-pages/page-decorators';
import { PageOutcome } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from './tenant-context';
import { TenantSettingsPagesService } from './tenant-settings-pages.service';
import { readLogoUpload } from './tenant-settings-upload';

/**
 * `/rivierstad/behandelaar/beheer/instellingen`: the settings form posting to itself, the logo form to
 * `…/logo` (multipart) and `…/logo/verwijderen`.
 */
@AdminPages(':tenant/behandelaar/beheer/instellingen')
export class TenantSettingsPagesController {
  constructor(private readonly pages: TenantSettingsPagesService) {}

  @Get()
  @HtmlPage()
  page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.page(tenant, staff, done);
  }

  @FormPost()
  save(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.save(tenant, staff, body);
  }

  @FormPost('logo')
  setLogo(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<PageOutcome> {
    return this.pages.setLogo(tenant, staff, () => readLogoUpload(request));
  }

  @FormPost('logo/verwijderen')
  removeLogo(@CurrentTenant() tenant: TenantContext): Promise<PageOutcome> {
    return this.pages.removeLogo(tenant);
  }
}
