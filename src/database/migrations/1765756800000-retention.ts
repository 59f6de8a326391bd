import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, enableTenantIsolation, TENANT_SETTING } from '../tenant-isolation.sql';

/**
 * Retention (Selectielijst gemeenten 2020, process 13) and legal hold. A case records when it was closed; past its
 * retention term its personal content is destroyed and an anonymous row is kept for statistics. Only functions
 * owned by the owner role may do that, or place and lift a legal hold, and they refuse a held or not yet due
 * case themselves: a bug in the application cannot destroy what must be kept. The app role may not delete a
 * case at all. Every run of the retention job leaves a report without personal data.
 */
export class Retention1765756800000 implements MigrationInterface {
  name = 'Retention1765756800000';

  async up(db: QueryRunner): Promise<void> {
    const currentTenant = `NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid`;

    await db.query(`
      ALTER TABLE objections
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN legal_hold_reason text,
        ADD COLUMN legal_hold_since timestamptz,
        ADD COLUMN anonymised_at timestamptz,
        ADD CONSTRAINT objections_legal_hold_check CHECK ((legal_hold_reason IS NULL) = (legal_hold_since IS NULL))`);
    await db.query(`
      UPDATE objections SET closed_at = COALESCE(decided_at, status_changed_at, received_at)
      WHERE status IN ('decided', 'withdrawn', 'closed')`);
    await db.query(
      `CREATE INDEX objections_retention_idx ON objections (tenant_id, closed_at) WHERE anonymised_at IS NULL`,
    );

    // Closing is whatever moves a case to a final status; the database notes the moment, whichever path did it.
    await db.query(`
      CREATE FUNCTION objections_note_closing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('decided', 'withdrawn', 'closed') THEN
          IF NEW.closed_at IS NULL THEN
            NEW.closed_at := COALESCE(NEW.decided_at, NEW.status_changed_at, now());
          END IF;
        ELSE
          NEW.closed_at := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER objections_note_closing BEFORE INSERT OR UPDATE OF status ON objections
        FOR EACH ROW EXECUTE FUNCTION objections_note_closing()`);

    // Hold and anonymisation are changed only by the functions below (they run as the tables' owner).
    await db.query(`
      CREATE FUNCTION objections_guard_retention() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.legal_hold_reason IS DISTINCT FROM OLD.legal_hold_reason
            OR NEW.legal_hold_since IS DISTINCT FROM OLD.legal_hold_since
            OR NEW.anonymised_at IS DISTINCT FROM OLD.anonymised_at)
           AND current_user <> (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'objections')
        THEN
          RAISE EXCEPTION 'legal hold and anonymisation change only through the retention functions'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER objections_guard_retention
        BEFORE UPDATE OF legal_hold_reason, legal_hold_since, anonymised_at ON objections
        FOR EACH ROW EXECUTE FUNCTION objections_guard_retention()`);
    await db.query(`REVOKE DELETE ON objections FROM ${APP_ROLE}`);

    // The rule of src/retention/retention-rule.ts, kept here too so that the database checks on its own.
    await db.query(`
      CREATE FUNCTION retention_class(p_code text, p_definition jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT COALESCE(p_definition ->> 'retention',
          CASE WHEN p_code = 'woz' OR position('WOZ' in COALESCE(p_definition ->> 'law', '')) > 0 THEN 'woz'
               WHEN p_definition ->> 'appealRoute' = 'tax' THEN 'financial'
               ELSE 'default' END)
      $$`);
    await db.query(`
      CREATE FUNCTION retention_years(p_status text, p_outcome text, p_costs_cents integer, p_class text)
      RETURNS integer LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN p_status = 'withdrawn' OR p_outcome = 'inadmissible' THEN 1
                    WHEN p_class = 'woz' THEN 12
                    WHEN p_class = 'financial' OR COALESCE(p_costs_cents, 0) > 0 THEN 7
                    ELSE 5 END
      $$`);

    await db.query(`
      CREATE FUNCTION retention_anonymise_case(p_tenant uuid, p_case uuid) RETURNS text
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        c record;
        years integer;
        destroy_after date;
      BEGIN
        IF p_tenant IS DISTINCT FROM ${currentTenant} THEN
          RAISE EXCEPTION 'retention: not the tenant of this unit of work' USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT o.reference, o.status, o.outcome, o.costs_cents, o.closed_at, o.legal_hold_since, o.anonymised_at,
               r.code, v.definition
          INTO c
          FROM objections o
          JOIN regulations r ON r.tenant_id = o.tenant_id AND r.id = o.regulation_id
          JOIN regulation_versions v
            ON v.tenant_id = o.tenant_id AND v.regulation_id = o.regulation_id AND v.version = o.regulation_version
         WHERE o.tenant_id = p_tenant AND o.id = p_case
           FOR UPDATE OF o;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'retention: no such case' USING ERRCODE = 'no_data_found';
        END IF;
        IF c.anonymised_at IS NOT NULL THEN
          RETURN 'already_anonymised';
        END IF;
        IF c.legal_hold_since IS NOT NULL THEN
          RAISE EXCEPTION 'retention: case % is under legal hold', c.reference USING ERRCODE = 'BZ001';
        END IF;
        IF c.closed_at IS NULL THEN
          RAISE EXCEPTION 'retention: case % is not closed', c.reference USING ERRCODE = 'BZ002';
        END IF;
        years := retention_years(c.status, c.outcome, c.costs_cents, retention_class(c.code, c.definition));
        destroy_after := ((c.closed_at AT TIME ZONE 'Europe/Amsterdam')::date + make_interval(years => years))::date;
        IF destroy_after >= (now() AT TIME ZONE 'Europe/Amsterdam')::date THEN
          RAISE EXCEPTION 'retention: case % is kept until %', c.reference, destroy_after USING ERRCODE = 'BZ002';
        END IF;

        -- The dossier goes: documents, the secret link's results, every text in the timeline.
        DELETE FROM idempotency_keys WHERE tenant_id = p_tenant AND objection_id = p_case;
        DELETE FROM documents WHERE tenant_id = p_tenant AND objection_id = p_case;
        UPDATE objection_events SET data = COALESCE(
            (SELECT jsonb_object_agg(key, value) FROM jsonb_each(data)
              WHERE key IN ('from', 'to', 'outcome', 'partnerCode', 'partnerName', 'amountCents')),
            '{}'::jsonb)
         WHERE tenant_id = p_tenant AND objection_id = p_case;
        -- What stays counts in reports and says nothing about a person. Objector and representative are replaced
        -- whole, so that no field inside them (sealed or not) survives.
        UPDATE objections SET
          objector = '{"name": "[geanonimiseerd]"}'::jsonb,
          representative = CASE WHEN representative IS NULL THEN NULL ELSE '{"name": "[geanonimiseerd]"}'::jsonb END,
          grounds = jsonb_build_object('hints', COALESCE(grounds -> 'hints', '[]'::jsonb)),
          decision = jsonb_strip_nulls(jsonb_build_object('date', decision -> 'date')),
          hearing = CASE WHEN hearing IS NULL THEN NULL ELSE jsonb_strip_nulls(jsonb_build_object(
            'plannedAt', hearing -> 'plannedAt', 'heldAt', hearing -> 'heldAt', 'waiverGround', hearing -> 'waiverGround')) END,
          signals = NULL,
          case_token_hash = NULL,
          receipt_document_id = NULL,
          citizen_subject = NULL,
          person_bsn_index = NULL,
          person_naw_index = NULL,
          anonymised_at = now()
         WHERE tenant_id = p_tenant AND id = p_case;
        INSERT INTO objection_events (tenant_id, objection_id, actor, kind, data)
        VALUES (p_tenant, p_case, 'system', 'anonymised',
                jsonb_build_object('retentionYears', years, 'destroyAfter', destroy_after));
        RETURN 'anonymised';
      END $$`);

    await db.query(`
      CREATE FUNCTION retention_place_hold(p_tenant uuid, p_case uuid, p_actor text, p_reason text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF p_tenant IS DISTINCT FROM ${currentTenant} THEN
          RAISE EXCEPTION 'retention: not the tenant of this unit of work' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF length(btrim(COALESCE(p_reason, ''))) = 0 THEN
          RAISE EXCEPTION 'retention: a legal hold needs a reason' USING ERRCODE = 'check_violation';
        END IF;
        UPDATE objections SET legal_hold_reason = p_reason, legal_hold_since = now()
         WHERE tenant_id = p_tenant AND id = p_case AND legal_hold_since IS NULL AND anonymised_at IS NULL;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'retention: case is already held or anonymised' USING ERRCODE = 'BZ003';
        END IF;
        INSERT INTO objection_events (tenant_id, objection_id, actor, kind, data)
        VALUES (p_tenant, p_case, p_actor, 'legal_hold_placed', jsonb_build_object('reason', p_reason));
      END $$`);
    await db.query(`
      CREATE FUNCTION retention_lift_hold(p_tenant uuid, p_case uuid, p_actor text, p_reason text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF p_tenant IS DISTINCT FROM ${currentTenant} THEN
          RAISE EXCEPTION 'retention: not the tenant of this unit of work' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF length(btrim(COALESCE(p_reason, ''))) = 0 THEN
          RAISE EXCEPTION 'retention: lifting a legal hold needs a reason' USING ERRCODE = 'check_violation';
        END IF;
        UPDATE objections SET legal_hold_reason = NULL, legal_hold_since = NULL
         WHERE tenant_id = p_tenant AND id = p_case AND legal_hold_since IS NOT NULL;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'retention: case is not held' USING ERRCODE = 'BZ003';
        END IF;
        INSERT INTO objection_events (tenant_id, objection_id, actor, kind, data)
        VALUES (p_tenant, p_case, p_actor, 'legal_hold_lifted', jsonb_build_object('reason', p_reason));
      END $$`);
    for (const fn of [
      'retention_anonymise_case(uuid, uuid)',
      'retention_place_hold(uuid, uuid, text, text)',
      'retention_lift_hold(uuid, uuid, text, text)',
    ]) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }

    // The job's reports: counts and case references, never personal data. One scheduled run per tenant a day.
    await db.query(`
      CREATE TABLE retention_runs (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        run_on date NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        started_by uuid,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        anonymised integer NOT NULL DEFAULT 0 CHECK (anonymised >= 0),
        held integer NOT NULL DEFAULT 0 CHECK (held >= 0),
        failed integer NOT NULL DEFAULT 0 CHECK (failed >= 0),
        anonymised_references text[] NOT NULL DEFAULT '{}',
        held_references text[] NOT NULL DEFAULT '{}',
        failed_references text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, started_by) REFERENCES staff_users (tenant_id, id)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX retention_runs_daily_idx ON retention_runs (tenant_id, run_on) WHERE trigger = 'schedule'`,
    );
    await db.query(`CREATE INDEX retention_runs_recent_idx ON retention_runs (tenant_id, started_at)`);
    await enableTenantIsolation(db, 'retention_runs');
    await db.query(`REVOKE DELETE ON retention_runs FROM ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE retention_runs`);
    await db.query(`DROP FUNCTION retention_lift_hold(uuid, uuid, text, text)`);
    await db.query(`DROP FUNCTION retention_place_hold(uuid, uuid, text, text)`);
    await db.query(`DROP FUNCTION retention_anonymise_case(uuid, uuid)`);
    await db.query(`DROP FUNCTION retention_years(text, text, integer, text)`);
    await db.query(`DROP FUNCTION retention_class(text, jsonb)`);
    await db.query(`GRANT DELETE ON objections TO ${APP_ROLE}`);
    await db.query(`DROP TRIGGER objections_guard_retention ON objections`);
    await db.query(`DROP FUNCTION objections_guard_retention()`);
    await db.query(`DROP TRIGGER objections_note_closing ON objections`);
    await db.query(`DROP FUNCTION objections_note_closing()`);
    await db.query(`DROP INDEX objections_retention_idx`);
    await db.query(`
      ALTER TABLE objections DROP CONSTRAINT objections_legal_hold_check, DROP COLUMN anonymised_at,
        DROP COLUMN legal_hold_since, DROP COLUMN legal_hold_reason, DROP COLUMN closed_at`);
  }
}
