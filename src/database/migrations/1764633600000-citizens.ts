import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../tenant-isolation.sql';

/**
 * Citizens who logged in with OpenID Connect (DigiD through a broker), per municipality. The BSN is stored only
 * encrypted (AES-256-GCM, `v1.<keyId>.…`) with a keyed blind index (HMAC) for lookups; never in plain text.
 */
export class Citizens1764633600000 implements MigrationInterface {
  name = 'Citizens1764633600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE citizens (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        subject text NOT NULL,
        bsn_encrypted text CHECK (bsn_encrypted ~ '^v1\\.'),
        bsn_index text CHECK (bsn_index ~ '^[0-9a-f]{64}$'),
        name text,
        address jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, subject),
        CHECK ((bsn_encrypted IS NULL) = (bsn_index IS NULL))
      )`);
    await db.query(`CREATE INDEX citizens_bsn_index_idx ON citizens (tenant_id, bsn_index)`);
    // "My cases": a logged-in citizen's objections by their subject.
    await db.query(
      `CREATE INDEX objections_citizen_subject_idx ON objections (tenant_id, citizen_subject, received_at)`,
    );
    await enableTenantIsolation(db, 'citizens');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX objections_citizen_subject_idx`);
    await db.query(`DROP TABLE citizens`);
  }
}
