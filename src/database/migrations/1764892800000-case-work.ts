import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What handlers work with: the nearest running deadline and the flags stored per case (so the inbox sorts,
 * filters and pages on an index at any size), the repair and penalty dates that feed the deadline, and when
 * the citizen and the handler last wrote.
 */
export class CaseWork1764892800000 implements MigrationInterface {
  name = 'CaseWork1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE objections
        ADD COLUMN status_changed_at timestamptz,
        ADD COLUMN repair_term_ends date,
        ADD COLUMN penalty_starts_on date,
        ADD COLUMN next_deadline date,
        ADD COLUMN next_deadline_kind text
          CHECK (next_deadline_kind IN ('decision_term', 'repair_term', 'penalty')),
        ADD COLUMN flags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN last_citizen_message_at timestamptz,
        ADD COLUMN last_staff_message_at timestamptz`);
    // Cases filed before this migration: the same derivation as case-derived.ts.
    await db.query(`
      UPDATE objections SET
        next_deadline = CASE WHEN status IN ('received', 'informal_contact', 'formal_procedure')
                             THEN decision_term_ends END,
        next_deadline_kind = CASE WHEN status IN ('received', 'informal_contact', 'formal_procedure')
                                   AND decision_term_ends IS NOT NULL THEN 'decision_term' END,
        flags = array_remove(ARRAY[
          CASE WHEN signals->'sentiment'->>'label' IN ('angry', 'distressed') THEN signals->'sentiment'->>'label' END,
          CASE WHEN (signals->>'multiProblem')::boolean THEN 'multi_problem' END,
          CASE WHEN repeat_objector THEN 'repeat_objector' END,
          CASE WHEN NOT timely THEN 'late_filing' END,
          CASE WHEN cardinality(missing_elements) > 0 THEN 'missing_elements' END
        ], NULL)`);
    await db.query(`DROP INDEX objections_inbox_idx`);
    // Keyset pages of the inbox walk this index; the predicate is written exactly as the queries write it.
    await db.query(`
      CREATE INDEX objections_inbox_idx ON objections (tenant_id, next_deadline, id)
        WHERE status IN ('received', 'informal_contact', 'formal_procedure')`);
    await db.query(`
      CREATE INDEX objections_assignee_idx ON objections (tenant_id, assignee_id, next_deadline, id)
        WHERE status IN ('received', 'informal_contact', 'formal_procedure')`);
    // Newest first (sort=received) is a backward scan of this one.
    await db.query(`
      CREATE INDEX objections_received_idx ON objections (tenant_id, received_at, id)
        WHERE status IN ('received', 'informal_contact', 'formal_procedure')`);
    await db.query(`CREATE INDEX objections_status_idx ON objections (tenant_id, status)`);
    await db.query(
      `CREATE INDEX objections_reference_idx ON objections (tenant_id, reference text_pattern_ops)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX objections_reference_idx`);
    await db.query(`DROP INDEX objections_status_idx`);
    await db.query(`DROP INDEX objections_received_idx`);
    await db.query(`DROP INDEX objections_assignee_idx`);
    await db.query(`DROP INDEX objections_inbox_idx`);
    await db.query(
      `CREATE INDEX objections_inbox_idx ON objections (tenant_id, decision_term_ends, id) WHERE status <> 'closed'`,
    );
    await db.query(`
      ALTER TABLE objections
        DROP COLUMN last_staff_message_at, DROP COLUMN last_citizen_message_at, DROP COLUMN flags,
        DROP COLUMN next_deadline_kind, DROP COLUMN next_deadline, DROP COLUMN penalty_starts_on,
        DROP COLUMN repair_term_ends, DROP COLUMN status_changed_at`);
  }
}
