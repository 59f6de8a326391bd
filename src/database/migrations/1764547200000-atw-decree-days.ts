import { MigrationInterface, QueryRunner } from 'typeorm';
import { ATW_DECREE_DAYS } from '../../deadlines/atw-decree-days';
import { APP_ROLE } from '../tenant-isolation.sql';

/**
 * Days a royal decree puts on a par with public holidays (Atw art. 3 lid 3), as a table a platform operator
 * extends when a decree is published, without a release. Shared by all tenants (a Citus reference table).
 */
export class AtwDecreeDays1764547200000 implements MigrationInterface {
  name = 'AtwDecreeDays1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE atw_decree_days (
        date date PRIMARY KEY,
        name text NOT NULL,
        source text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        added_by text NOT NULL DEFAULT 'migration'
      )`);
    for (const day of ATW_DECREE_DAYS.days) {
      await db.query(`INSERT INTO atw_decree_days (date, name, source) VALUES ($1, $2, $3)`, [
        day.date,
        day.name ?? 'Bij koninklijk besluit gelijkgestelde dag',
        day.source,
      ]);
    }
    // Only added to: a published decree is not taken back, and past deadlines must stay reproducible.
    await db.query(`GRANT SELECT, INSERT ON atw_decree_days TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE atw_decree_days`);
  }
}
