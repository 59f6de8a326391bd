import { MigrationInterface, QueryRunner } from 'typeorm';

/** The text signals of a case (sentiment, life domains), with the lexicon versions that produced them. */
export class ObjectionSignals1764720000000 implements MigrationInterface {
  name = 'ObjectionSignals1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE objections ADD COLUMN signals jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE objections DROP COLUMN signals`);
  }
}
