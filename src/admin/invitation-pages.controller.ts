import { Body, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { FormPost, HtmlPage, PublicStaffPages } from '../staff-pages/page-decorators';
import { PageOutcome, respond } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { InvitationPagesService } from './invitation-pages.service';

/**
 * `/rivierstad/behandelaar/uitnodiging/<token>`: the link from an invitation e-mail; no session needed. The token
 * in the address never leaves this site (referrer policy same-origin) and works only until a password is set.
 */
@PublicStaffPages(':tenant/behandelaar/uitnodiging/:token')
export class InvitationPagesController {
  constructor(private readonly pages: InvitationPagesService) {}

  @Get()
  @HtmlPage()
  async page(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return respond(reply, await this.pages.page(tenant, token));
  }

  @FormPost()
  accept(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PageOutcome> {
    return this.pages.accept(tenant, token, body, reply);
  }
}
