import { Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { FilingPagesService } from './filing-pages.service';
import { PortalErrorFilter } from './portal-error.filter';
import { HTML } from './portal-pages.service';

/** The objection form: `/rivierstad/bezwaar/participatiewet`; on success 303 to the case page (POST-redirect-GET). */
@ApiExcludeController()
@Controller(':tenant/bezwaar')
@UseFilters(PortalErrorFilter)
export class PortalFilingController {
  constructor(private readonly pages: FilingPagesService) {}

  /** `?besluitdatum=YYYY-MM-DD&redenen=code1,code2` (from the keuzehulp) prefills the form. */
  @Get(':regulation')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  form(
    @CurrentTenant() tenant: TenantContext,
    @Param('regulation') code: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ): Promise<string> {
    return this.pages.form(tenant, code, query, request);
  }

  @Post(':regulation')
  @HttpCode(200)
  @AbuseLimit('filing')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  async submit(
    @CurrentTenant() tenant: TenantContext,
    @Param('regulation') code: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const outcome = await this.pages.submit(tenant, code, request);
    if (outcome.status === 303) {
      reply.status(303).header('location', outcome.location);
      return '';
    }
    reply.status(outcome.status);
    return outcome.html;
  }
}
