import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offboarding a municipality: who downloaded its data export last and when (offboarding requires a recent one),
 * and which operator offboarded it.
 */
export class TenantOffboarding1765497600000 implements MigrationInterface {
  name = 'TenantOffboarding1765497600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN exported_at timestamptz,
        ADD COLUMN exported_by uuid REFERENCES platform_operators (id),
        ADD COLUMN offboarded_by uuid REFERENCES platform_operators (id),
        ADD CONSTRAINT tenants_offboarded_at_check CHECK ((status = 'offboarded') = (offboarded_at IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants DROP CONSTRAINT tenants_offboarded_at_check, DROP COLUMN exported_at, DROP COLUMN exported_by, DROP COLUMN offboarded_by`);
  }
}
