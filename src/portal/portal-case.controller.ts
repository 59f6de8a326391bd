import {
  applyDecorators,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { CasePagesService } from './case-pages.service';
import { PortalErrorFilter } from './portal-error.filter';
import { HTML } from './portal-pages.service';
import { Audited } from '../audit/audited.decorator';

/** Behind a secret link: never cached, never sent on as a referrer, never indexed. */
const SecretLinkResponse = () =>
  applyDecorators(
    Header('cache-control', 'no-store'),
    Header('referrer-policy', 'no-referrer'),
    Header('x-robots-tag', 'noindex'),
  );

/** The citizen's case page behind the secret link: `/rivierstad/zaak/<token>`. Never cached, never indexed. */
@ApiExcludeController()
@Controller(':tenant/zaak/:token')
@UseFilters(PortalErrorFilter)
export class PortalCaseController {
  constructor(private readonly pages: CasePagesService) {}

  @Get()
  @Audited('case.read')
  @Header('content-type', HTML)
  @SecretLinkResponse()
  page(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Query('ontvangen') received?: string,
    @Query('bericht') message?: string,
  ): Promise<string> {
    return this.pages.page(tenant, token, received === '1', { messageSent: message === 'verstuurd' });
  }

  /** The reply form on the case page; on success 303 back to the page (POST-redirect-GET). */
  @Post('bericht')
  @HttpCode(200)
  @Header('content-type', HTML)
  @SecretLinkResponse()
  async reply(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const outcome = await this.pages.reply(tenant, token, request);
    if (outcome.status === 303) {
      reply.status(303).header('location', outcome.location);
      return '';
    }
    reply.status(outcome.status);
    return outcome.html;
  }

  @Get('documenten/:id')
  @Audited('document.read')
  @SecretLinkResponse()
  document(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    return this.pages.document(tenant, token, id);
  }
}
