import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../tenant-isolation.sql';

/**
 * A municipality's logo, uploaded by its admin: one small PNG or JPEG per municipality, shown on its portal and
 * its letters. The profile's branding.logo holds the content hash, so pages link it without reading it.
 */
export class TenantLogos1765238400000 implements MigrationInterface {
  name = 'TenantLogos1765238400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenant_logos (
        tenant_id uuid NOT NULL PRIMARY KEY REFERENCES tenants (id),
        media_type text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
        content bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 262144),
        sha256 text NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, updated_by) REFERENCES staff_users (tenant_id, id)
      )`);
    await enableTenantIsolation(db, 'tenant_logos');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tenant_logos`);
  }
}
