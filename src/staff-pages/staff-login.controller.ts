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
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { LoginPagesService } from './login-pages.service';
import { StaffErrorFilter } from './staff-error.filter';
import { SameOriginPostGuard } from './staff-page.guards';
import { HTML, REFERRER_POLICY } from './staff-pages.service';

/** `/rivierstad/behandelaar/inloggen` (the form and its post) and `/rivierstad/behandelaar/uitloggen`. */
@ApiExcludeController()
@Controller(':tenant/behandelaar')
@UseGuards(SameOriginPostGuard)
@UseFilters(StaffErrorFilter)
export class StaffLoginController {
  constructor(private readonly pages: LoginPagesService) {}

  @Get('inloggen')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  form(
    @CurrentTenant() tenant: TenantContext,
    @Query('terug') returnTo: unknown,
    @Query('uitgelogd') loggedOut: unknown,
  ): string {
    return this.pages.form(tenant, returnTo, loggedOut === '1');
  }

  @Post('inloggen')
  @HttpCode(200)
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  async login(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const outcome = await this.pages.login(tenant, body, reply);
    if ('redirect' in outcome) {
      reply.status(303).header('location', outcome.redirect);
      return '';
    }
    reply.status(outcome.status);
    return outcome.html;
  }

  @Post('uitloggen')
  @HttpCode(303)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  logout(@CurrentTenant() tenant: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): string {
    reply.header('location', this.pages.logout(tenant, reply));
    return '';
  }
}
