import { Body, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { CurrentOperator, OperatorPrincipal } from '../operators/operator.guard';
import { PlatformPages } from '../operators/platform-pages.decorator';
import { formFieldsOf } from '../portal/form-body';
import { Download, FormPost, HtmlPage } from '../staff-pages/page-decorators';
import { PageOutcome } from '../staff-pages/staff-pages.service';
import { PlatformTenantPagesService } from './platform-tenant-pages.service';
import { exportDownload } from './tenant-export-download';
import { TenantExportService } from './tenant-export.service';

/** `/platform` (the municipalities), `/platform/gemeenten/nieuw` (onboarding) and `/platform/gemeenten/<slug>`. */
@PlatformPages('platform')
export class PlatformTenantPagesController {
  constructor(
    private readonly pages: PlatformTenantPagesService,
    private readonly exports: TenantExportService,
  ) {}

  @Get()
  @HtmlPage()
  list(@CurrentOperator() operator: OperatorPrincipal): Promise<string> {
    return this.pages.list(operator);
  }

  @Get('gemeenten/nieuw')
  @HtmlPage()
  form(@CurrentOperator() operator: OperatorPrincipal): Promise<string> {
    return this.pages.form(operator);
  }

  @FormPost('gemeenten/nieuw')
  onboard(@CurrentOperator() operator: OperatorPrincipal, @Body() body: unknown): Promise<PageOutcome> {
    return this.pages.onboard(operator, formFieldsOf(body));
  }

  @Get('gemeenten/:slug')
  @HtmlPage()
  details(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
    @Query('aangemeld') onboarded: unknown,
    @Query('van-platform') offboarded: unknown,
    @Query('uitgenodigd') invited: unknown,
  ): Promise<string> {
    const notice =
      onboarded === '1'
        ? 'onboarded'
        : offboarded === '1'
          ? 'offboarded'
          : invited === '1'
            ? 'invited'
            : undefined;
    return this.pages.details(operator, slug, notice);
  }

  @Get('gemeenten/:slug/export')
  @Download()
  async export(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
  ): Promise<StreamableFile> {
    return exportDownload(await this.exports.export(slug, operator));
  }

  @FormPost('gemeenten/:slug/beheerders')
  inviteAdmin(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.inviteAdmin(operator, slug, formFieldsOf(body));
  }

  @FormPost('gemeenten/:slug/van-platform')
  offboard(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.pages.offboard(operator, slug, formFieldsOf(body));
  }
}
