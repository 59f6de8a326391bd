import { MigrationInterface, QueryRunner } from 'typeorm';

/** Blind indexes that recognise the same objector (by BSN, or by name and address) without storing either again. */
export class RepeatObjector1764806400000 implements MigrationInterface {
  name = 'RepeatObjector1764806400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE objections
        ADD COLUMN person_bsn_index text,
        ADD COLUMN person_naw_index text,
        ADD COLUMN repeat_objector boolean NOT NULL DEFAULT false`);
    await db.query(
      `CREATE INDEX objections_person_bsn_idx ON objections (tenant_id, person_bsn_index, received_at)`,
    );
    await db.query(
      `CREATE INDEX objections_person_naw_idx ON objections (tenant_id, person_naw_index, received_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX objections_person_naw_idx`);
    await db.query(`DROP INDEX objections_person_bsn_idx`);
    await db.query(
      `ALTER TABLE objections DROP COLUMN repeat_objector, DROP COLUMN person_naw_index, DROP COLUMN person_bsn_index`,
    );
  }
}
