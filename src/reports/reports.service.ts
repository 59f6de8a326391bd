import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database.service';
import { LocalDate } from '../deadlines/local-date';
import { TenantContext } from '../tenancy/tenant-context';
import {
  buildReport,
  Report,
  ReportCaseRow,
  ReportEventRow,
  ReportPeriod,
  ReportRiskRow,
  ReportRows,
} from './report';
import {
  casesStatement,
  eventsStatement,
  openAtRiskStatement,
  regulationsStatement,
  SqlStatement,
} from './report-sql';

/** A tenant's report over a period: the report queries in one unit of work, turned into figures by report.ts. */
@Injectable()
export class ReportsService {
  constructor(private readonly database: Database) {}

  async report(tenant: TenantContext, period: ReportPeriod, today: LocalDate): Promise<Report> {
    const rows = await this.database.forTenant(tenant.id, async (db): Promise<ReportRows> => {
      // One after another: a unit of work runs on one connection (and PGlite has one session).
      const regulations = await run<{ code: string; name: string }>(db, regulationsStatement(tenant.id));
      const cases = await run<ReportCaseRow>(db, casesStatement(tenant.id, period));
      const events = await run<ReportEventRow>(db, eventsStatement(tenant.id, period));
      const openAtRisk = await run<ReportRiskRow>(db, openAtRiskStatement(tenant.id, today));
      return { regulations, cases, events, openAtRisk };
    });
    return buildReport(rows, period, today);
  }
}

async function run<T>(db: EntityManager, statement: SqlStatement): Promise<T[]> {
  return (await db.query(statement.text, statement.params)) as T[];
}
