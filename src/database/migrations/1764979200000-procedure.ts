import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../tenant-isolation.sql';

/**
 * Informal resolution, the formal procedure and decisions: first contact, what the decision term is made of
 * (its end as filed, pauses, one extension, a postponement with consent), the hearing, a notice of default,
 * the outcome; and a PostgreSQL-backed job queue for work that must not run on the request path (bulk letters).
 */
export class Procedure1764979200000 implements MigrationInterface {
  name = 'Procedure1764979200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE objections
        ADD COLUMN first_contact_at timestamptz,
        ADD COLUMN closed_reason text,
        ADD COLUMN decision_term_base date,
        ADD COLUMN decision_term_pauses jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN extension_weeks integer CHECK (extension_weeks BETWEEN 1 AND 6),
        ADD COLUMN postponed_until date,
        ADD COLUMN repair_requested_on date,
        ADD COLUMN notice_of_default_on date,
        ADD COLUMN primary_decision_by uuid,
        ADD COLUMN hearing jsonb,
        ADD COLUMN outcome text CHECK (outcome IN ('inadmissible', 'unfounded', 'founded', 'partially_founded')),
        ADD COLUMN decided_at timestamptz,
        ADD COLUMN costs_cents integer CHECK (costs_cents >= 0),
        ADD FOREIGN KEY (tenant_id, primary_decision_by) REFERENCES staff_users (tenant_id, id)`);
    await db.query(`UPDATE objections SET decision_term_base = decision_term_ends`);
    // Reports count per period over every case and every timeline entry of a kind.
    await db.query(`CREATE INDEX objections_period_idx ON objections (tenant_id, received_at)`);
    await db.query(`CREATE INDEX objection_events_kind_idx ON objection_events (tenant_id, kind, at)`);

    await db.query(`
      CREATE TABLE job_batches (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        created_by uuid NOT NULL,
        total integer NOT NULL CHECK (total >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES staff_users (tenant_id, id)
      )`);
    await db.query(`
      CREATE TABLE jobs (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        batch_id uuid,
        kind text NOT NULL,
        payload jsonb NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        run_after timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        result jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, batch_id) REFERENCES job_batches (tenant_id, id)
      )`);
    await db.query(
      `CREATE INDEX jobs_due_idx ON jobs (tenant_id, run_after) WHERE state IN ('queued', 'running')`,
    );
    await db.query(`CREATE INDEX jobs_batch_idx ON jobs (tenant_id, batch_id, state)`);
    for (const table of ['job_batches', 'jobs']) await enableTenantIsolation(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE jobs`);
    await db.query(`DROP TABLE job_batches`);
    await db.query(`DROP INDEX objection_events_kind_idx`);
    await db.query(`DROP INDEX objections_period_idx`);
    await db.query(`
      ALTER TABLE objections
        DROP COLUMN costs_cents, DROP COLUMN decided_at, DROP COLUMN outcome, DROP COLUMN hearing,
        DROP COLUMN primary_decision_by, DROP COLUMN notice_of_default_on, DROP COLUMN repair_requested_on,
        DROP COLUMN postponed_until, DROP COLUMN extension_weeks, DROP COLUMN decision_term_pauses,
        DROP COLUMN decision_term_base, DROP COLUMN closed_reason, DROP COLUMN first_contact_at`);
  }
}
