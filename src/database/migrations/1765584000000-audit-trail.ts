import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, enableTenantIsolation } from '../tenant-isolation.sql';

/**
 * The audit trail (BIO 8.15): who read or changed what, from where, with which result. Append-only for the app
 * role and hash-chained per municipality by the database itself: a trigger numbers each new event after the
 * last one of its tenant and hashes it together with the previous hash, so no application code can forget or
 * fake the chain, and `npm run audit:verify` finds any row edited, deleted or moved afterwards.
 */
export class AuditTrail1765584000000 implements MigrationInterface {
  name = 'AuditTrail1765584000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_events (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        seq bigint NOT NULL CHECK (seq >= 1),
        occurred_at timestamptz NOT NULL,
        action text NOT NULL,
        object_type text,
        object_id text,
        case_reference text,
        result text NOT NULL CHECK (result IN ('success', 'refused', 'failed')),
        status integer NOT NULL,
        channel text NOT NULL CHECK (channel IN ('api', 'page')),
        client_ip text,
        request_id text,
        actor_type text NOT NULL CHECK (actor_type IN ('staff', 'citizen', 'case_link', 'operator', 'anonymous')),
        actor_id text,
        actor_role text,
        other_tenant_id uuid,
        method text NOT NULL,
        route text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (tenant_id, seq)
      )`);
    await enableTenantIsolation(db, 'audit_events');
    // Append-only: the app may add events and read them, never change or remove one.
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${APP_ROLE}`);
    await db.query(`CREATE INDEX audit_events_case_idx ON audit_events (tenant_id, case_reference, seq)`);
    await db.query(`CREATE INDEX audit_events_actor_idx ON audit_events (tenant_id, actor_id, seq)`);

    // The end of each tenant's chain: the app may read its own (an export holds it), only the trigger (running
    // as the owner, under the same row-level security) moves it.
    await db.query(`
      CREATE TABLE audit_chain_heads (
        tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
        last_seq bigint NOT NULL,
        last_hash text NOT NULL
      )`);
    await enableTenantIsolation(db, 'audit_chain_heads');
    await db.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_heads FROM ${APP_ROLE}`);

    // What is hashed: every column but the hashes, each as "<bytes>:<text>" (NULL as "~"), in this order. The
    // verifier (src/audit/audit-chain.ts) builds the same text independently.
    await db.query(`
      CREATE FUNCTION audit_canonical(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT string_agg(COALESCE(octet_length(f)::text || ':' || f, '~'), '' ORDER BY n)
        FROM unnest(ARRAY[
          e.tenant_id::text, e.seq::text,
          to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          e.action, e.object_type, e.object_id, e.case_reference, e.result, e.status::text, e.channel,
          e.client_ip, e.request_id, e.actor_type, e.actor_id, e.actor_role, e.other_tenant_id::text,
          e.method, e.route
        ]) WITH ORDINALITY AS t(f, n)
      $$`);
    // Locks the tenant's chain head for the rest of the (short) transaction that inserts the event.
    await db.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path FROM CURRENT AS $$
      DECLARE
        head audit_chain_heads%ROWTYPE;
      BEGIN
        INSERT INTO audit_chain_heads (tenant_id, last_seq, last_hash)
          VALUES (NEW.tenant_id, 0, repeat('0', 64)) ON CONFLICT (tenant_id) DO NOTHING;
        SELECT * INTO head FROM audit_chain_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
        NEW.seq := head.last_seq + 1;
        NEW.occurred_at := clock_timestamp();
        NEW.prev_hash := head.last_hash;
        NEW.hash := encode(
          sha256(decode(head.last_hash, 'hex') || convert_to(audit_canonical(NEW), 'UTF8')), 'hex');
        UPDATE audit_chain_heads SET last_seq = NEW.seq, last_hash = NEW.hash WHERE tenant_id = NEW.tenant_id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_chained BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_events_chained ON audit_events`);
    await db.query(`DROP FUNCTION audit_events_chain()`);
    await db.query(`DROP FUNCTION audit_canonical(audit_events)`);
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP TABLE audit_chain_heads`);
  }
}
