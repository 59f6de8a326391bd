import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, enableTenantIsolation } from '../tenant-isolation.sql';

/**
 * Filing: the objection's content, its append-only timeline, immutable documents, idempotent filing keys,
 * per-tenant references and the e-mail outbox.
 */
export class ObjectionFiling1764460800000 implements MigrationInterface {
  name = 'ObjectionFiling1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE objections
        ADD COLUMN decision jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN objector jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN representative jsonb,
        ADD COLUMN grounds jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN wants_hearing boolean,
        ADD COLUMN contact_preference text,
        ADD COLUMN channel text NOT NULL DEFAULT 'portal',
        ADD COLUMN timely boolean NOT NULL DEFAULT true,
        ADD COLUMN objection_term_ends date,
        ADD COLUMN missing_elements text[] NOT NULL DEFAULT '{}',
        ADD COLUMN case_token_hash text,
        ADD COLUMN citizen_subject text`);
    await db.query(
      `CREATE UNIQUE INDEX objections_case_token_idx ON objections (tenant_id, case_token_hash)`,
    );

    // The timeline: the app may add and read events, never change or remove them.
    await db.query(`
      CREATE TABLE objection_events (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        objection_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        kind text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, objection_id) REFERENCES objections (tenant_id, id)
      )`);
    await db.query(
      `CREATE INDEX objection_events_case_idx ON objection_events (tenant_id, objection_id, at)`,
    );

    // Documents are immutable once stored: a correction is a new document.
    await db.query(`
      CREATE TABLE documents (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        objection_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('attachment', 'receipt', 'letter')),
        filename text NOT NULL,
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, objection_id) REFERENCES objections (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX documents_case_idx ON documents (tenant_id, objection_id, created_at)`);

    // One row per Idempotency-Key: a retry returns the first result, a concurrent duplicate waits for it.
    await db.query(`
      CREATE TABLE idempotency_keys (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        key text NOT NULL,
        request_hash text NOT NULL,
        objection_id uuid NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key),
        FOREIGN KEY (tenant_id, objection_id) REFERENCES objections (tenant_id, id)
      )`);

    await db.query(`
      CREATE TABLE reference_counters (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (tenant_id, year)
      )`);

    // Transactional outbox: written with the change it reports, sent afterwards with retries.
    await db.query(`
      CREATE TABLE outbox_messages (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(
      `CREATE INDEX outbox_due_idx ON outbox_messages (tenant_id, next_attempt_at) WHERE sent_at IS NULL`,
    );

    for (const table of [
      'objection_events',
      'documents',
      'idempotency_keys',
      'reference_counters',
      'outbox_messages',
    ]) {
      await enableTenantIsolation(db, table);
    }
    // Append-only and immutable: take back what enableTenantIsolation granted beyond reading and adding.
    await db.query(`REVOKE UPDATE, DELETE ON objection_events, documents, idempotency_keys FROM ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'outbox_messages',
      'reference_counters',
      'idempotency_keys',
      'documents',
      'objection_events',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP INDEX objections_case_token_idx`);
    await db.query(`
      ALTER TABLE objections
        DROP COLUMN decision, DROP COLUMN objector, DROP COLUMN representative, DROP COLUMN grounds,
        DROP COLUMN wants_hearing, DROP COLUMN contact_preference, DROP COLUMN channel, DROP COLUMN timely,
        DROP COLUMN objection_term_ends, DROP COLUMN missing_elements, DROP COLUMN case_token_hash,
        DROP COLUMN citizen_subject`);
  }
}
