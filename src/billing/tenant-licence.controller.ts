import { Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { TenantsService } from '../tenancy/tenants.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { pdfDownload } from './billing-http';
import { InvoiceDto } from './dto/invoice.dto';
import { MunicipalityLicenceDto } from './dto/licence.dto';
import { invoiceView } from './invoice-view';
import { InvoicesService } from './invoices.service';
import { TenantBillingService } from './tenant-billing.service';

/** The municipality's own licence, read only, for its tenant admins: `/api/v1/tenants/{tenant}/licence`. */
@ApiTags('staff')
@ApiController('tenants/:tenant/licence')
@Staff('tenant_admin')
export class TenantLicenceController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly billing: TenantBillingService,
    private readonly invoices: InvoicesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MunicipalityLicenceDto })
  async licence(@CurrentTenant() context: TenantContext): Promise<MunicipalityLicenceDto> {
    const { state, current, usage, included } = await this.billing.overview(
      await this.tenants.requireBySlug(context.slug),
    );
    return { licenceState: state, current, usage, included };
  }

  /** Issued invoices and credit notes (drafts are the platform's own business until issued). */
  @Get('invoices')
  @ApiOkResponse({ type: [InvoiceDto] })
  async list(@CurrentTenant() tenant: TenantContext): Promise<InvoiceDto[]> {
    return (await this.invoices.list(tenant.id))
      .filter((i) => i.status !== 'draft')
      .map((i) => invoiceView(i, tenant));
  }

  @Get('invoices/:id/pdf')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The invoice or credit note as issued' })
  async pdf(@CurrentTenant() tenant: TenantContext, @Param('id') id: string): Promise<StreamableFile> {
    return pdfDownload(await this.invoices.pdf(tenant.id, id));
  }
}
