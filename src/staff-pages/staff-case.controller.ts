import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { isCaseAction } from './case-forms';
import { CasePagesService } from './case-pages.service';
import { StaffErrorFilter } from './staff-error.filter';
import { SameOriginPostGuard, StaffSessionGuard } from './staff-page.guards';
import { HTML, REFERRER_POLICY } from './staff-pages.service';

/**
 * A case: `/rivierstad/behandelaar/zaken/RIV-2026-00001`, its forms posting to `…/toewijzen`, `…/status`,
 * `…/bericht` and `…/doorverwijzen` (POST-redirect-GET), and its documents under `…/documenten/<id>`.
 */
@ApiExcludeController()
@Controller(':tenant/behandelaar/zaken/:reference')
@UseGuards(SameOriginPostGuard, StaffSessionGuard)
@UseFilters(StaffErrorFilter)
export class StaffCaseController {
  constructor(private readonly pages: CasePagesService) {}

  @Get()
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.pages.page(tenant, staff, reference, isCaseAction(done) ? done : undefined);
  }

  @Post(':action')
  @HttpCode(200)
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  async act(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!isCaseAction(action)) throw ProblemError.notFound('Deze pagina bestaat niet.');
    const outcome = await this.pages.act(tenant, staff, reference, action, body);
    if ('redirect' in outcome) {
      reply.status(303).header('location', outcome.redirect);
      return '';
    }
    reply.status(outcome.status);
    return outcome.html;
  }

  @Get('documenten/:id')
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  @Header('x-content-type-options', 'nosniff')
  document(
    @CurrentTenant() tenant: TenantContext,
    @Param('reference') reference: string,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    return this.pages.document(tenant, reference, id);
  }
}
