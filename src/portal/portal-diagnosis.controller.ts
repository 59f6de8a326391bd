import { Body, Controller, Get, Header, HttpCode, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DiagnosisPagesService } from './diagnosis-pages.service';
import { formFieldsOf } from './form-body';
import { PortalErrorFilter } from './portal-error.filter';
import { HTML } from './portal-pages.service';

/** The keuzehulp: `/rivierstad/keuzehulp/participatiewet`, one question per page, answers posted back. */
@ApiExcludeController()
@Controller(':tenant/keuzehulp')
@UseFilters(PortalErrorFilter)
export class PortalDiagnosisController {
  constructor(private readonly pages: DiagnosisPagesService) {}

  @Get(':regulation')
  @Header('content-type', HTML)
  start(@CurrentTenant() tenant: TenantContext, @Param('regulation') code: string): Promise<string> {
    return this.pages.start(tenant, code);
  }

  @Post(':regulation')
  @HttpCode(200)
  @AbuseLimit('diagnosis')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  async answer(
    @CurrentTenant() tenant: TenantContext,
    @Param('regulation') code: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { status, html } = await this.pages.answer(tenant, code, formFieldsOf(body));
    reply.status(status);
    return html;
  }
}
