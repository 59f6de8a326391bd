import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator';
import { Operator } from '../operators/operator.guard';
import { TenantsService } from '../tenancy/tenants.service';
import { yearOf } from './billing-http';
import { InvoiceDto, InvoiceListQueryDto } from './dto/invoice.dto';
import { TenantUsageDto, UsageQueryDto } from './dto/licence.dto';
import { InvoicesService } from './invoices.service';
import { UsageService } from './usage.service';

/** Across municipalities: `/api/v1/platform/invoices` and `/api/v1/platform/usage`. */
@ApiTags('platform')
@ApiController('platform')
@Operator()
export class PlatformInvoicesController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly invoices: InvoicesService,
    private readonly usage: UsageService,
  ) {}

  /** Every invoice and credit note, numbered ones newest number first, then the drafts. */
  @Get('invoices')
  @ApiOkResponse({ type: [InvoiceDto] })
  list(@Query() query: InvoiceListQueryDto): Promise<InvoiceDto[]> {
    return this.invoices.listAll({ year: query.year ? yearOf(query.year) : undefined, status: query.status });
  }

  /** Objections filed per municipality and month of a year. */
  @Get('usage')
  @ApiOkResponse({ type: [TenantUsageDto] })
  async allUsage(@Query() query: UsageQueryDto): Promise<TenantUsageDto[]> {
    const year = yearOf(query.year);
    const result: TenantUsageDto[] = [];
    for (const tenant of await this.tenants.list()) {
      result.push({
        tenant: { slug: tenant.slug, name: tenant.name },
        ...(await this.usage.year(tenant.id, year)),
      });
    }
    return result;
  }
}
