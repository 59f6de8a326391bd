import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, enableTenantIsolation } from '../tenant-isolation.sql';

/**
 * The tenancy root, staff accounts, regulations, referral partners and the first shape of an objection.
 * Every tenant-owned table: tenant_id leads the primary key, unique keys, indexes and foreign keys (Citus-ready),
 * and row-level security is forced on it.
 */
export class Foundation1764374400000 implements MigrationInterface {
  name = 'Foundation1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
      END $$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT ON migrations TO ${APP_ROLE}`);

    // The registry of municipalities: no personal data, read by every request; a Citus reference table.
    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        name text NOT NULL,
        profile jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON tenants TO ${APP_ROLE}`);

    await db.query(`
      CREATE TABLE staff_users (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['handler', 'tenant_admin', 'platform_admin']::text[]),
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        demo boolean NOT NULL DEFAULT false,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, email)
      )`);

    await db.query(`
      CREATE TABLE regulations (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        origin text NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'admin')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, code)
      )`);

    await db.query(`
      CREATE TABLE referral_partners (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, code)
      )`);

    await db.query(`
      CREATE TABLE objections (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        regulation_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'received',
        received_at timestamptz NOT NULL DEFAULT now(),
        decision_term_ends date,
        assignee_id uuid,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, reference),
        FOREIGN KEY (tenant_id, regulation_id) REFERENCES regulations (tenant_id, id),
        FOREIGN KEY (tenant_id, assignee_id) REFERENCES staff_users (tenant_id, id)
      )`);
    await db.query(
      `CREATE INDEX objections_inbox_idx ON objections (tenant_id, decision_term_ends, id) WHERE status <> 'closed'`,
    );

    for (const table of ['staff_users', 'regulations', 'referral_partners', 'objections']) {
      await enableTenantIsolation(db, table);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['objections', 'referral_partners', 'regulations', 'staff_users', 'tenants']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
