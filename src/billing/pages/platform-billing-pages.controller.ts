import { Body, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ProblemError } from '../../common/problems/problem.error';
import { CurrentOperator, OperatorPrincipal } from '../../operators/operator.guard';
import { PlatformPages } from '../../operators/platform-pages.decorator';
import { formFieldsOf } from '../../portal/form-body';
import { Download, FormPost, HtmlPage } from '../../staff-pages/page-decorators';
import { PageOutcome } from '../../staff-pages/staff-pages.service';
import { TenantsService } from '../../tenancy/tenants.service';
import { pdfDownload } from '../billing-http';
import { InvoicesService } from '../invoices.service';
import { INVOICE_ACTIONS, InvoiceAction, InvoicePagesService } from './invoice-pages.service';
import { LICENCE_ACTIONS, LicenceAction, LicencePagesService } from './licence-pages.service';
import { PlanPagesService } from './plan-pages.service';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * The operator's billing pages: `/platform/plannen`, `/platform/facturen`, `/platform/gebruik`, and per
 * municipality `/platform/gemeenten/<slug>/licentie` and `/platform/gemeenten/<slug>/facturen/<id>`.
 * Forms post and redirect (303), or show the page again with their problems (400).
 */
@PlatformPages('platform')
export class PlatformBillingPagesController {
  constructor(
    private readonly plans: PlanPagesService,
    private readonly licences: LicencePagesService,
    private readonly invoicePages: InvoicePagesService,
    private readonly invoices: InvoicesService,
    private readonly tenants: TenantsService,
  ) {}

  @Get('plannen')
  @HtmlPage()
  planList(
    @CurrentOperator() operator: OperatorPrincipal,
    @Query('opgeslagen') saved: unknown,
  ): Promise<string> {
    return this.plans.list(operator, typeof saved === 'string' ? saved : undefined);
  }

  @Get('plannen/nieuw')
  @HtmlPage()
  newPlan(@CurrentOperator() operator: OperatorPrincipal): Promise<string> {
    return this.plans.form(operator);
  }

  @FormPost('plannen/nieuw')
  createPlan(@CurrentOperator() operator: OperatorPrincipal, @Body() body: unknown): Promise<PageOutcome> {
    return this.plans.save(operator, undefined, formFieldsOf(body));
  }

  @Get('plannen/:code')
  @HtmlPage()
  plan(@CurrentOperator() operator: OperatorPrincipal, @Param('code') code: string): Promise<string> {
    return this.plans.form(operator, code);
  }

  @FormPost('plannen/:code')
  updatePlan(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    return this.plans.save(operator, code, formFieldsOf(body));
  }

  @Get('facturen')
  @HtmlPage()
  invoiceList(
    @CurrentOperator() operator: OperatorPrincipal,
    @Query('jaar') year: unknown,
    @Query('status') status: unknown,
  ): Promise<string> {
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return this.invoicePages.list(operator, { year: text(year), status: text(status) });
  }

  @FormPost('facturen/genereren')
  generate(@CurrentOperator() operator: OperatorPrincipal, @Body() body: unknown): Promise<PageOutcome> {
    return this.invoicePages.generate(operator, formFieldsOf(body));
  }

  @Get('gebruik')
  @HtmlPage()
  usage(@CurrentOperator() operator: OperatorPrincipal, @Query('jaar') year: unknown): Promise<string> {
    return this.invoicePages.usageOverview(operator, typeof year === 'string' ? year : undefined);
  }

  @Get('gemeenten/:slug/licentie')
  @HtmlPage()
  licence(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
    @Query('jaar') year: unknown,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.licences.page(operator, slug, {
      year: typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : undefined,
      done: typeof done === 'string' ? done : undefined,
    });
  }

  @FormPost('gemeenten/:slug/licentie/:action')
  licenceAction(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    if (!isOneOf<LicenceAction>(LICENCE_ACTIONS, action))
      throw ProblemError.notFound('Deze pagina bestaat niet.');
    return this.licences.act(operator, slug, action, formFieldsOf(body));
  }

  @Get('gemeenten/:slug/facturen/:id')
  @HtmlPage()
  invoice(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Query('gedaan') done: unknown,
  ): Promise<string> {
    return this.invoicePages.page(operator, slug, id, typeof done === 'string' ? done : undefined);
  }

  @Get('gemeenten/:slug/facturen/:id/pdf')
  @Download()
  async pdf(@Param('slug') slug: string, @Param('id') id: string): Promise<StreamableFile> {
    const tenant = await this.tenants.requireBySlug(slug);
    return pdfDownload(await this.invoices.pdf(tenant.id, id));
  }

  @FormPost('gemeenten/:slug/facturen/:id/:action')
  invoiceAction(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<PageOutcome> {
    if (!isOneOf<InvoiceAction>(INVOICE_ACTIONS, action))
      throw ProblemError.notFound('Deze pagina bestaat niet.');
    return this.invoicePages.act(operator, slug, id, action, formFieldsOf(body));
  }
}
