import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { todayInAmsterdam } from '../deadlines/local-date';
import { StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from '../tenancy/tenant-context';
import { Report } from './report';
import { invalidPeriod, readReportPeriod } from './report-period';
import { PAGE_PERIOD_FIELDS, reportsView } from './report-view';
import { ReportsService } from './reports.service';

type Params = Record<string, unknown>;

/** The managers' report page: a period form, key figures, charts and tables, and the CSV of the same figures. */
@Injectable()
export class ReportPagesService {
  constructor(
    private readonly reports: ReportsService,
    private readonly pages: StaffPagesService,
  ) {}

  /** The page; a wrong period shows the form with its errors (400) instead of figures. */
  async page(
    tenant: TenantContext,
    staff: StaffPrincipal,
    params: Params,
  ): Promise<{ status: number; html: string }> {
    const today = todayInAmsterdam();
    const asked = readReportPeriod(params, today, PAGE_PERIOD_FIELDS, { dutchDates: true });
    let report: Report | undefined;
    if (asked.period) report = await this.reports.report(tenant, asked.period, today);
    const form = asked.period
      ? { from: asked.period.from, to: asked.period.to }
      : {
          from: typed(params[PAGE_PERIOD_FIELDS.from]),
          to: typed(params[PAGE_PERIOD_FIELDS.to]),
          errors: asked.errors,
        };
    const html = this.pages.render(tenant, 'reports', 'Rapportage', reportsView(tenant.slug, form, report), {
      viewer: staff,
      hasErrors: !asked.period,
    });
    return { status: asked.period ? 200 : 400, html };
  }

  /** The CSV of the period asked for; a wrong period is a 400 error page. */
  async csv(tenant: TenantContext, params: Params): Promise<Report> {
    const today = todayInAmsterdam();
    const asked = readReportPeriod(params, today, PAGE_PERIOD_FIELDS, { dutchDates: true });
    if (asked.errors) throw invalidPeriod(asked.errors);
    return this.reports.report(tenant, asked.period, today);
  }
}

/** A value as the form shows it back: the first of a repeated parameter, or nothing. */
function typed(value: unknown): string {
  if (Array.isArray(value)) return typed(value[0]);
  return typeof value === 'string' ? value : '';
}
