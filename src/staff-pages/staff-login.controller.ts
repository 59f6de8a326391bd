import { Body, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { LoginPagesService } from './login-pages.service';
import { FormPost, HtmlPage, NoStore, PublicStaffPages } from './page-decorators';
import { PageOutcome } from './staff-pages.service';

/** `/rivierstad/behandelaar/inloggen` (the form and its post) and `/rivierstad/behandelaar/uitloggen`. */
@PublicStaffPages(':tenant/behandelaar')
export class StaffLoginController {
  constructor(private readonly pages: LoginPagesService) {}

  @Get('inloggen')
  @HtmlPage()
  form(
    @CurrentTenant() tenant: TenantContext,
    @Query('terug') returnTo: unknown,
    @Query('uitgelogd') loggedOut: unknown,
  ): string {
    return this.pages.form(tenant, returnTo, loggedOut === '1');
  }

  @FormPost('inloggen')
  @AbuseLimit('staff-login')
  login(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PageOutcome> {
    return this.pages.login(tenant, body, reply);
  }

  @Post('uitloggen')
  @HttpCode(303)
  @NoStore()
  logout(@CurrentTenant() tenant: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): string {
    reply.header('location', this.pages.logout(tenant, reply));
    return '';
  }
}
