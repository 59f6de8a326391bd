import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The receipt letter is rendered after the filing commits (a job), under an id the filing already answered
 * with: a request for it that comes before the job renders it then.
 */
export class ReceiptsInBackground1765720000000 implements MigrationInterface {
  name = 'ReceiptsInBackground1765720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE objections ADD COLUMN receipt_document_id uuid`);
    await db.query(
      `CREATE UNIQUE INDEX objections_receipt_document_idx ON objections (tenant_id, receipt_document_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX objections_receipt_document_idx`);
    await db.query(`ALTER TABLE objections DROP COLUMN receipt_document_id`);
  }
}
