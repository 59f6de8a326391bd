import {
  applyDecorators,
  Controller,
  Get,
  Header,
  Param,
  Query,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { CasePagesService } from './case-pages.service';
import { PortalErrorFilter } from './portal-error.filter';
import { HTML } from './portal-pages.service';

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
  @Header('content-type', HTML)
  @SecretLinkResponse()
  page(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Query('ontvangen') received?: string,
  ): Promise<string> {
    return this.pages.page(tenant, token, received === '1');
  }

  @Get('documenten/:id')
  @SecretLinkResponse()
  document(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    return this.pages.document(tenant, token, id);
  }
}
