import { Body, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { FormPost, HtmlPage, NoStore } from '../staff-pages/page-decorators';
import { PageOutcome } from '../staff-pages/staff-pages.service';
import { OperatorLoginPagesService } from './operator-login-pages.service';
import { PublicPlatformPages } from './platform-pages.decorator';

/** `/platform/inloggen` (the form and its post) and `/platform/uitloggen`. */
@PublicPlatformPages('platform')
export class OperatorLoginController {
  constructor(private readonly pages: OperatorLoginPagesService) {}

  @Get('inloggen')
  @HtmlPage()
  form(@Query('terug') returnTo: unknown, @Query('uitgelogd') loggedOut: unknown): string {
    return this.pages.form(returnTo, loggedOut === '1');
  }

  @FormPost('inloggen')
  @AbuseLimit('operator-login')
  login(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<PageOutcome> {
    return this.pages.login(body, reply);
  }

  @Post('uitloggen')
  @HttpCode(303)
  @NoStore()
  logout(@Res({ passthrough: true }) reply: FastifyReply): string {
    reply.header('location', this.pages.logout(reply));
    return '';
  }
}
