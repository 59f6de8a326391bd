import { Controller, Get, Header, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PortalErrorFilter } from './portal-error.filter';
import { PortalPagesService } from './portal-pages.service';

/** The portal's one shared stylesheet; pages link it with a content hash, so it may be cached for a year. */
@ApiExcludeController()
@Controller('assets')
@UseFilters(PortalErrorFilter)
export class PortalAssetsController {
  constructor(private readonly pages: PortalPagesService) {}

  @Get('portal.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=31536000, immutable')
  stylesheet(): string {
    return this.pages.renderer.stylesheet().css;
  }
}
