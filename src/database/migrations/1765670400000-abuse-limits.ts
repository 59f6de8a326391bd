import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../tenant-isolation.sql';

/**
 * Abuse limits: the throttler's counters, shared by all replicas (UNLOGGED: counters need no crash safety, and
 * skipping the WAL keeps a hit cheap; a platform table without tenant, keyed by a hash of limit and tracker),
 * and the lock-out state of every account that logs in with a password.
 */
export class AbuseLimits1765670400000 implements MigrationInterface {
  name = 'AbuseLimits1765670400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE throttle_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL CHECK (hits > 0),
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    await db.query(`CREATE INDEX throttle_counters_window_ends_at ON throttle_counters (window_ends_at)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON throttle_counters TO ${APP_ROLE}`);
    for (const table of ['staff_users', 'platform_operators']) {
      await db.query(`
        ALTER TABLE ${table}
          ADD COLUMN failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
          ADD COLUMN locked_until timestamptz`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['staff_users', 'platform_operators']) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN failed_logins, DROP COLUMN locked_until`);
    }
    await db.query(`DROP TABLE throttle_counters`);
  }
}
