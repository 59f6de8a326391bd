import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { StaffPagesService } from './staff-pages.service';

/** The staff pages' one stylesheet; pages link it with a content hash, so it may be cached for a year. */
@ApiExcludeController()
@Controller('assets')
export class StaffAssetsController {
  constructor(private readonly pages: StaffPagesService) {}

  @Get('staff.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=31536000, immutable')
  stylesheet(): string {
    return this.pages.renderer.stylesheet().css;
  }
}
