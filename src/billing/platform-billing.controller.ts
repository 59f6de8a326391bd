import { Body, Delete, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator';
import { ProblemError } from '../common/problems/problem.error';
import { isLocalDate } from '../deadlines/local-date';
import { CurrentOperator, Operator, OperatorPrincipal } from '../operators/operator.guard';
import { TenantsService } from '../tenancy/tenants.service';
import { pdfDownload, yearOf } from './billing-http';
import { TenantBillingService } from './tenant-billing.service';
import {
  CreditNoteDto,
  GeneratedInvoicesDto,
  GenerateInvoicesDto,
  InvoiceDto,
  PaymentDto,
} from './dto/invoice.dto';
import {
  AssignedLicenceDto,
  AssignLicenceDto,
  LicenceStateDto,
  SetLicenceStateDto,
  TenantLicencesDto,
  UsageQueryDto,
  YearUsageDto,
} from './dto/licence.dto';
import { InvoiceGenerationService } from './invoice-generation.service';
import { InvoiceIssuingService } from './invoice-issuing.service';
import { invoiceView } from './invoice-view';
import { InvoicesService } from './invoices.service';
import { LicencesService } from './licences.service';
import { LicenceStateService } from './licence-state.service';
import { UsageService } from './usage.service';

/**
 * One municipality's licences, licence state, usage and invoices, for the operator:
 * `/api/v1/platform/tenants/{slug}/...`.
 */
@ApiTags('platform')
@ApiController('platform/tenants/:slug')
@Operator()
export class PlatformBillingController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly billing: TenantBillingService,
    private readonly licences: LicencesService,
    private readonly licenceStates: LicenceStateService,
    private readonly usage: UsageService,
    private readonly invoices: InvoicesService,
    private readonly generation: InvoiceGenerationService,
    private readonly issuing: InvoiceIssuingService,
  ) {}

  @Get('licences')
  @ApiOkResponse({ type: TenantLicencesDto })
  async licenceHistory(@Param('slug') slug: string): Promise<TenantLicencesDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    return {
      licences: await this.licences.history(tenant.id),
      licenceState: await this.billing.state(tenant),
    };
  }

  /** A new licence from a date; the licence running then ends the day before. */
  @Post('licences')
  @ApiCreatedResponse({ type: AssignedLicenceDto })
  @ApiBadRequestResponse({ description: 'A field is wrong (problem+json)' })
  @ApiConflictResponse({ description: 'A licence already starts on or after that date' })
  async assign(@Param('slug') slug: string, @Body() body: AssignLicenceDto): Promise<AssignedLicenceDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    return this.licences.assign(tenant.id, body);
  }

  /** Suspend (until lifted) or reactivate (until holdUntil) by hand; the admins are e-mailed. */
  @Post('licence-state')
  @HttpCode(200)
  @ApiOkResponse({ type: LicenceStateDto })
  @ApiBadRequestResponse({ description: 'No reason, or no holdUntil for active (problem+json)' })
  async setState(
    @Param('slug') slug: string,
    @Body() body: SetLicenceStateDto,
    @CurrentOperator() operator: OperatorPrincipal,
  ): Promise<LicenceStateDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    if (body.state === 'active') {
      if (!body.holdUntil || !isLocalDate(body.holdUntil)) {
        throw ProblemError.invalid([
          {
            field: 'holdUntil',
            message: 'Tot wanneer blijft de licentie actief? Vul een datum in, zoals 2026-12-31.',
          },
        ]);
      }
      await this.licenceStates.setByOperator(tenant.id, operator.operatorId, {
        ...body,
        holdUntil: body.holdUntil,
      });
    } else {
      await this.licenceStates.setByOperator(tenant.id, operator.operatorId, {
        state: 'suspended',
        reason: body.reason,
      });
    }
    return this.billing.state(await this.tenants.requireBySlug(slug));
  }

  @Get('usage')
  @ApiOkResponse({
    type: YearUsageDto,
    description: 'Objections filed per month of the year (Amsterdam time)',
  })
  async yearUsage(@Param('slug') slug: string, @Query() query: UsageQueryDto): Promise<YearUsageDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    return this.usage.year(tenant.id, yearOf(query.year));
  }

  @Get('invoices')
  @ApiOkResponse({ type: [InvoiceDto] })
  async list(@Param('slug') slug: string): Promise<InvoiceDto[]> {
    const tenant = await this.tenants.requireBySlug(slug);
    return (await this.invoices.list(tenant.id)).map((i) => invoiceView(i, tenant));
  }

  /** Drafts for the licence year: one per licence covering part of it; generating again replaces the drafts. */
  @Post('invoices')
  @ApiCreatedResponse({ type: GeneratedInvoicesDto })
  @ApiConflictResponse({ description: 'The year is invoiced already (credit first), or had no licence' })
  async generate(
    @Param('slug') slug: string,
    @Body() body: GenerateInvoicesDto,
  ): Promise<GeneratedInvoicesDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    const drafts = await this.generation.generate(tenant.id, body.year);
    return { invoices: drafts.map((i) => invoiceView(i, tenant)) };
  }

  @Get('invoices/:id')
  @ApiOkResponse({ type: InvoiceDto })
  async get(@Param('slug') slug: string, @Param('id') id: string): Promise<InvoiceDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    return invoiceView(await this.invoices.get(tenant.id, id), tenant);
  }

  @Delete('invoices/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The draft is gone' })
  @ApiConflictResponse({ description: 'Not a draft: an issued invoice is credited, never deleted' })
  async deleteDraft(@Param('slug') slug: string, @Param('id') id: string): Promise<void> {
    const tenant = await this.tenants.requireBySlug(slug);
    await this.generation.deleteDraft(tenant.id, id);
  }

  /** Number (YYYY-NNNNNN, gapless per year), dates and the archived PDF. */
  @Post('invoices/:id/issue')
  @HttpCode(200)
  @ApiOkResponse({ type: InvoiceDto })
  @ApiConflictResponse({ description: 'Issued already' })
  async issue(@Param('slug') slug: string, @Param('id') id: string): Promise<InvoiceDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    return invoiceView(await this.issuing.issue(tenant.id, id), tenant);
  }

  @Post('invoices/:id/payment')
  @HttpCode(200)
  @ApiOkResponse({ type: InvoiceDto })
  @ApiConflictResponse({ description: 'Not an issued, unpaid invoice' })
  async pay(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: PaymentDto,
  ): Promise<InvoiceDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    return invoiceView(await this.issuing.markPaid(tenant.id, id, body.paidOn), tenant);
  }

  /** Cancels an issued or paid invoice; returns the credit note (its own number). */
  @Post('invoices/:id/credit-note')
  @ApiCreatedResponse({ type: InvoiceDto })
  @ApiConflictResponse({ description: 'Not an issued or paid invoice' })
  async credit(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: CreditNoteDto,
  ): Promise<InvoiceDto> {
    const tenant = await this.tenants.requireBySlug(slug);
    return invoiceView(await this.issuing.credit(tenant.id, id, body.reason), tenant);
  }

  @Get('invoices/:id/pdf')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The archived PDF, as issued' })
  async pdf(@Param('slug') slug: string, @Param('id') id: string): Promise<StreamableFile> {
    const tenant = await this.tenants.requireBySlug(slug);
    return pdfDownload(await this.invoices.pdf(tenant.id, id));
  }
}
