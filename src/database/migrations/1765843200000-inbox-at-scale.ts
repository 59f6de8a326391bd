import { MigrationInterface, QueryRunner } from 'typeorm';
import { OPEN_STATUS_SQL } from '../../objections/case-status';
import { enableTenantIsolation } from '../tenant-isolation.sql';

/**
 * What keeps the inbox quick for a city with a hundred thousand cases.
 *
 * Its search (a reference's start or any part of a name) reads the deadline index only: reference and name are
 * carried in it, so the cases are tested in deadline order without visiting the table, and the search stops at
 * a page's worth. (A trigram index cannot serve it: under row-level security PostgreSQL only uses an index
 * for leakproof operators, and ILIKE is not one.)
 *
 * Its counts (per status; overdue, at risk, mine, unassigned, first contact late) kept as tallies, so a
 * request sums a few hundred rows instead of counting every open case of a large city.
 *
 * Each change to objections appends its differences (+1 under the new keys, −1 under the old) from a
 * statement-level trigger: filings never wait on a shared counter row, and a bulk load is one insert. Readers
 * sum per key and fold the rows together when too many have piled up (inbox-tallies.ts). Keys that depend on
 * the day (overdue, at risk, late contact) are stored by date, so that "today" is only applied when reading.
 */
export class InboxAtScale1765843200000 implements MigrationInterface {
  name = 'InboxAtScale1765843200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE objections ADD COLUMN objector_name text GENERATED ALWAYS AS (objector->>'name') STORED`,
    );
    await db.query(`DROP INDEX objections_inbox_idx`);
    await db.query(`
      CREATE INDEX objections_inbox_idx ON objections (tenant_id, next_deadline, id)
        INCLUDE (reference, objector_name) WHERE status IN ${OPEN_STATUS_SQL}`);
    await db.query(`
      CREATE TABLE inbox_tallies (
        tenant_id uuid NOT NULL,
        measure text NOT NULL CHECK (measure IN ('status', 'deadline', 'assignee', 'awaiting_contact')),
        value text NOT NULL,
        n integer NOT NULL
      )`);
    await db.query(`CREATE INDEX inbox_tallies_tenant_idx ON inbox_tallies (tenant_id, measure, value)`);
    // The keys a case is counted under; only open cases count beyond their status.
    await db.query(`
      CREATE FUNCTION inbox_tally_keys(
        status text, next_deadline date, assignee_id uuid, first_contact_at timestamptz, received_at timestamptz
      ) RETURNS TABLE (measure text, value text) LANGUAGE sql STABLE AS $$
        SELECT 'status', status
        UNION ALL SELECT 'deadline', to_char(next_deadline, 'YYYY-MM-DD')
          WHERE status IN ${OPEN_STATUS_SQL} AND next_deadline IS NOT NULL
        UNION ALL SELECT 'assignee', COALESCE(assignee_id::text, '')
          WHERE status IN ${OPEN_STATUS_SQL}
        UNION ALL SELECT 'awaiting_contact', to_char(received_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
          WHERE status IN ${OPEN_STATUS_SQL} AND first_contact_at IS NULL
      $$`);
    const keysOf = (rows: string, sign: number) =>
      `SELECT o.tenant_id, k.measure, k.value, ${sign} AS n FROM ${rows} o
         CROSS JOIN LATERAL inbox_tally_keys(o.status, o.next_deadline, o.assignee_id, o.first_contact_at, o.received_at) k`;
    const append = (differences: string) => `
      INSERT INTO inbox_tallies (tenant_id, measure, value, n)
        SELECT tenant_id, measure, value, sum(n) FROM (${differences}) d
        GROUP BY tenant_id, measure, value HAVING sum(n) <> 0`;
    await db.query(`
      CREATE FUNCTION inbox_tally_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${append(keysOf('new_rows', 1))};
        ELSIF TG_OP = 'DELETE' THEN
          ${append(keysOf('old_rows', -1))};
        ELSE
          ${append(`${keysOf('new_rows', 1)} UNION ALL ${keysOf('old_rows', -1)}`)};
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER inbox_tally_inserts AFTER INSERT ON objections
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_tally_changes()`);
    await db.query(`CREATE TRIGGER inbox_tally_updates AFTER UPDATE ON objections
      REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_tally_changes()`);
    await db.query(`CREATE TRIGGER inbox_tally_deletes AFTER DELETE ON objections
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_tally_changes()`);

    // The cases already there, counted once. Row-level security is forced on objections even for its owner:
    // lifted for this transaction only, so every tenant's cases are read.
    await db.query(`ALTER TABLE objections NO FORCE ROW LEVEL SECURITY`);
    await db.query(append(keysOf('objections', 1)));
    await db.query(`ALTER TABLE objections FORCE ROW LEVEL SECURITY`);
    await enableTenantIsolation(db, 'inbox_tallies');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const change of ['inserts', 'updates', 'deletes']) {
      await db.query(`DROP TRIGGER inbox_tally_${change} ON objections`);
    }
    await db.query(`DROP FUNCTION inbox_tally_changes()`);
    await db.query(`DROP FUNCTION inbox_tally_keys(text, date, uuid, timestamptz, timestamptz)`);
    await db.query(`DROP TABLE inbox_tallies`);
    await db.query(`DROP INDEX objections_inbox_idx`);
    await db.query(`
      CREATE INDEX objections_inbox_idx ON objections (tenant_id, next_deadline, id) WHERE status IN ${OPEN_STATUS_SQL}`);
    await db.query(`ALTER TABLE objections DROP COLUMN objector_name`);
  }
}
