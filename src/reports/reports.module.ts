import { Module } from '@nestjs/common';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { ReportPagesService } from './report-pages.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { StaffReportsController } from './staff-reports.controller';

/**
 * Reports per municipality and period: `GET /api/v1/tenants/{t}/reports` (JSON) and `reports.csv`, and the
 * staff page `/:tenant/behandelaar/rapportages` with its CSV.
 */
@Module({
  imports: [StaffPagesModule],
  controllers: [ReportsController, StaffReportsController],
  providers: [ReportsService, ReportPagesService],
})
export class ReportsModule {}
