import { Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { todayInAmsterdam } from '../deadlines/local-date';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { ReportDto, ReportQueryDto } from './dto/report.dto';
import { Report } from './report';
import { csvDownload } from './report-download';
import { parseReportPeriod } from './report-period';
import { ReportsService } from './reports.service';

@ApiTags('staff')
@ApiController('tenants/:tenant')
@Staff('handler', 'tenant_admin')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The report of the cases received in a period (default: this year up to today). */
  @Get('reports')
  @ApiOkResponse({ type: ReportDto })
  @ApiBadRequestResponse({ description: 'A date is not valid, or from is after to (problem+json)' })
  report(@CurrentTenant() tenant: TenantContext, @Query() query: ReportQueryDto): Promise<Report> {
    const today = todayInAmsterdam();
    return this.reports.report(tenant, parseReportPeriod({ ...query }, today), today);
  }

  /** The same figures as CSV for Dutch Excel: one row per measure and breakdown. */
  @Get('reports.csv')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'Semicolon-separated, UTF-8 with BOM, header row Meting;Uitsplitsing;Waarde;Eenheid',
  })
  @ApiBadRequestResponse({ description: 'A date is not valid, or from is after to (problem+json)' })
  async csv(@CurrentTenant() tenant: TenantContext, @Query() query: ReportQueryDto): Promise<StreamableFile> {
    const today = todayInAmsterdam();
    const report = await this.reports.report(tenant, parseReportPeriod({ ...query }, today), today);
    return csvDownload(tenant.slug, report);
  }
}
