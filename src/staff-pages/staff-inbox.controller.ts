import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { InboxPagesService } from './inbox-pages.service';
import { StaffErrorFilter } from './staff-error.filter';
import { SameOriginPostGuard, StaffSessionGuard } from './staff-page.guards';
import { HTML, REFERRER_POLICY } from './staff-pages.service';

/**
 * The inbox: `/rivierstad/behandelaar?status=received&behandelaar=mij…` (a GET form, so filters can be linked),
 * and its bulk form posting to `/rivierstad/behandelaar/bulk`, which starts a run and goes to its progress page
 * (`…/bulk/<run>`, DecisionBatchPageController).
 */
@ApiExcludeController()
@Controller(':tenant/behandelaar')
@UseGuards(SameOriginPostGuard, StaffSessionGuard)
@UseFilters(StaffErrorFilter)
export class StaffInboxController {
  constructor(private readonly pages: InboxPagesService) {}

  @Get()
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  inbox(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.pages.page(tenant, staff, query);
  }

  @Post('bulk')
  @HttpCode(200)
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  async startBatch(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const outcome = await this.pages.startBatch(tenant, staff, body);
    if ('redirect' in outcome) {
      reply.status(303).header('location', outcome.redirect);
      return '';
    }
    reply.status(outcome.status);
    return outcome.html;
  }
}
