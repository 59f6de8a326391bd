import { Controller, Get, Header, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { PortalErrorFilter } from './portal-error.filter';
import { HTML } from './portal-pages.service';
import { StartPagesService } from './start-pages.service';

/** The municipality's portal home: `/rivierstad`. */
@ApiExcludeController()
@Controller(':tenant')
@UseFilters(PortalErrorFilter)
export class PortalStartController {
  constructor(private readonly pages: StartPagesService) {}

  @Get()
  @Header('content-type', HTML)
  start(@CurrentTenant() tenant: TenantContext): Promise<string> {
    return this.pages.start(tenant);
  }

  /** "Direct bezwaar maken": first choose what the decision is about. */
  @Get('bezwaar')
  @Header('content-type', HTML)
  chooseRegulation(@CurrentTenant() tenant: TenantContext): Promise<string> {
    return this.pages.chooseRegulation(tenant);
  }

  /** The municipality's colours; linked with a hash of them, so a change shows at once. */
  @Get('huisstijl.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=86400')
  brandStylesheet(@CurrentTenant() tenant: TenantContext): Promise<string> {
    return this.pages.brandStylesheet(tenant);
  }
}
