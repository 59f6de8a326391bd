import { Body, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { AdminPages, FormPost, HtmlPage } from '../staff-pages/page-decorators';
import { PageOutcome } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { attachment } from './configuration-download';
import { ConfigurationPagesService } from './configuration-pages.service';
import { ConfigurationService } from './configuration.service';

/**
 * `/rivierstad/behandelaar/beheer/configuratie`: the downloads (`…/tenant.yaml`, `…/brieven/<kind>.hbs`), the
 * import form posting to `…/voorvertoning`, and its confirmation posting to `…/toepassen`.
 */
@AdminPages(':tenant/behandelaar/beheer/configuratie')
export class ConfigurationPagesController {
  constructor(
    private readonly pages: ConfigurationPagesService,
    private readonly configuration: ConfigurationService,
  ) {}

  @Get()
  @HtmlPage()
  page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.page(tenant, staff, done);
  }

  @Get('tenant.yaml')
  async download(
    @CurrentTenant() tenant: TenantContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return attachment(reply, 'tenant.yaml', await this.configuration.exportYaml(tenant.id));
  }

  @Get('brieven/:file')
  async letter(
    @CurrentTenant() tenant: TenantContext,
    @Param('file') file: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!file.endsWith('.hbs')) throw ProblemError.notFound('Deze pagina bestaat niet.');
    const template = await this.configuration.letterTemplate(tenant.id, file.slice(0, -'.hbs'.length));
    return attachment(reply, `${template.kind}.hbs`, template.source);
  }

  @FormPost('voorvertoning')
  preview(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<PageOutcome> {
    return this.pages.preview(tenant, staff, request);
  }

  @FormPost('toepassen')
  apply(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.apply(tenant, staff, body);
  }
}
