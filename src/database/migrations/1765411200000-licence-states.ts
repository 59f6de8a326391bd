import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, enableTenantIsolation } from '../tenant-isolation.sql';

/**
 * The history of each municipality's licence state (who or what changed it, and why), which also carries the
 * operator's hold: a suspension by hand stays until lifted by hand, a reactivation by hand until its date.
 * And a note on an invoice: why a credit note was made.
 */
export class LicenceStates1765411200000 implements MigrationInterface {
  name = 'LicenceStates1765411200000';

  async up(db: QueryRunner): Promise<void> {
    const state = (column: string) =>
      `${column} text NOT NULL CHECK (${column} IN ('active', 'grace', 'suspended'))`;
    await db.query(`
      CREATE TABLE licence_state_changes (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        ${state('from_state')},
        ${state('to_state')},
        reason text NOT NULL,
        operator_id uuid REFERENCES platform_operators (id),
        hold_until date,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (tenant_id, id),
        CHECK (hold_until IS NULL OR (operator_id IS NOT NULL AND to_state = 'active'))
      )`);
    await enableTenantIsolation(db, 'licence_state_changes');
    await db.query(`REVOKE UPDATE, DELETE ON licence_state_changes FROM ${APP_ROLE}`);
    await db.query(`CREATE INDEX licence_state_changes_idx ON licence_state_changes (tenant_id, created_at)`);
    await db.query(`ALTER TABLE invoices ADD COLUMN note text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invoices DROP COLUMN note`);
    await db.query(`DROP TABLE licence_state_changes`);
  }
}
