import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database.service';
import { LocalDate, makeLocalDate } from '../deadlines/local-date';

/** Objections filed per month of one year (Amsterdam time), month 1 to 12, and their total. */
export interface YearUsage {
  year: number;
  months: { month: number; objections: number }[];
  total: number;
}

/**
 * Metering: the database writes a usage record with every objection (trigger objections_metered), whatever
 * filed it; the records can be neither changed nor removed by the application. This reads them. Days are
 * Amsterdam days: an objection filed at 00:30 on 1 January counts in January.
 */
@Injectable()
export class UsageService {
  constructor(private readonly database: Database) {}

  async year(tenantId: string, year: number): Promise<YearUsage> {
    const rows = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `SELECT extract(month FROM occurred_at AT TIME ZONE ${ZONE})::int AS month, count(*)::int AS objections
           FROM usage_records
          WHERE tenant_id = $1 AND kind = 'objection_filed' AND ${BETWEEN_DAYS}
          GROUP BY 1`,
        [tenantId, makeLocalDate(year, 1, 1), makeLocalDate(year, 12, 31)],
      ),
    )) as { month: number; objections: number }[];
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      objections: rows.find((r) => r.month === i + 1)?.objections ?? 0,
    }));
    return { year, months, total: months.reduce((sum, m) => sum + m.objections, 0) };
  }
}

const ZONE = `'Europe/Amsterdam'`;
const BETWEEN_DAYS = `occurred_at >= ($2::date::timestamp AT TIME ZONE ${ZONE})
  AND occurred_at < (($3::date + 1)::timestamp AT TIME ZONE ${ZONE})`;

/** Objections filed from `start` to `end` (both included), inside the caller's unit of work. */
export async function objectionsFiled(
  db: EntityManager,
  tenantId: string,
  start: LocalDate,
  end: LocalDate,
): Promise<number> {
  const [row] = (await db.query(
    `SELECT count(*)::int AS count FROM usage_records
      WHERE tenant_id = $1 AND kind = 'objection_filed' AND ${BETWEEN_DAYS}`,
    [tenantId, start, end],
  )) as { count: number }[];
  return row.count;
}
