import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, enableTenantIsolation, TENANT_SETTING } from '../tenant-isolation.sql';

/**
 * Tenant administration and licence billing: versioned regulations (a filing keeps the version it was filed
 * under), a municipality's own letter templates, staff invitations, platform operators, licence plans and
 * licences, immutable usage records written by the database itself, and invoices numbered without gaps.
 */
export class Administration1765065600000 implements MigrationInterface {
  name = 'Administration1765065600000';

  async up(db: QueryRunner): Promise<void> {
    const currentTenant = `NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid`;

    // --- Tenants: who owns the profile, whether the municipality still uses the platform, its licence state.
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN profile_origin text NOT NULL DEFAULT 'file' CHECK (profile_origin IN ('file', 'admin')),
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'offboarded')),
        ADD COLUMN offboarded_at timestamptz,
        ADD COLUMN licence_state text NOT NULL DEFAULT 'active'
          CHECK (licence_state IN ('active', 'grace', 'suspended')),
        ADD COLUMN licence_state_since timestamptz NOT NULL DEFAULT now()`);
    // Every request reads the registry; a tenant's own unit of work may change only its own row.
    await db.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE tenants FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenants_read ON tenants FOR SELECT USING (true)`);
    await db.query(
      `CREATE POLICY tenants_onboard ON tenants FOR INSERT WITH CHECK (${currentTenant} IS NULL)`,
    );
    await db.query(`
      CREATE POLICY tenants_change ON tenants FOR UPDATE
        USING (${currentTenant} IS NULL OR id = ${currentTenant})
        WITH CHECK (${currentTenant} IS NULL OR id = ${currentTenant})`);

    // --- Regulations: every saved state is a version; the row holds the current one.
    await db.query(
      `ALTER TABLE regulations ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`,
    );
    await db.query(`
      CREATE TABLE regulation_versions (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        regulation_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        definition jsonb NOT NULL,
        active boolean NOT NULL,
        note text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, regulation_id, version),
        FOREIGN KEY (tenant_id, regulation_id) REFERENCES regulations (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES staff_users (tenant_id, id)
      )`);
    await enableTenantIsolation(db, 'regulation_versions');
    // History is never rewritten: a rollback is a new version with an old content.
    await db.query(`REVOKE UPDATE, DELETE ON regulation_versions FROM ${APP_ROLE}`);
    await db.query(`
      INSERT INTO regulation_versions (tenant_id, regulation_id, version, name, definition, active, note, created_at)
      SELECT tenant_id, id, 1, name, definition, active, 'seed', created_at FROM regulations`);
    await db.query(`
      ALTER TABLE objections
        ADD COLUMN regulation_version integer NOT NULL DEFAULT 1,
        ADD FOREIGN KEY (tenant_id, regulation_id, regulation_version)
          REFERENCES regulation_versions (tenant_id, regulation_id, version)`);

    // --- Referral partners an admin changed (by importing tenant.yaml) are no longer the seed's to overwrite.
    await db.query(
      `ALTER TABLE referral_partners ADD COLUMN origin text NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'admin'))`,
    );

    // --- A municipality's own letter templates (the platform's defaults stay in templates/letters).
    await db.query(`
      CREATE TABLE letter_templates (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        kind text NOT NULL,
        source text NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, kind),
        FOREIGN KEY (tenant_id, updated_by) REFERENCES staff_users (tenant_id, id)
      )`);
    await enableTenantIsolation(db, 'letter_templates');

    // --- Staff: invitations (only a hash of the link's token is kept) and when an account was deactivated.
    await db.query(`
      ALTER TABLE staff_users
        ADD COLUMN invitation_hash text,
        ADD COLUMN invitation_expires_at timestamptz,
        ADD COLUMN invited_at timestamptz,
        ADD COLUMN deactivated_at timestamptz`);
    await db.query(
      `CREATE UNIQUE INDEX staff_users_invitation_idx ON staff_users (tenant_id, invitation_hash) WHERE invitation_hash IS NOT NULL`,
    );

    // --- Platform operators: not staff of any municipality.
    await db.query(`
      CREATE TABLE platform_operators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        demo boolean NOT NULL DEFAULT false,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON platform_operators TO ${APP_ROLE}`);

    // --- Licence plans (platform data) and each municipality's licences.
    await db.query(`
      CREATE TABLE licence_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]*$'),
        name text NOT NULL,
        implementation_fee_cents bigint NOT NULL CHECK (implementation_fee_cents >= 0),
        bands jsonb NOT NULL,
        included_objections integer NOT NULL CHECK (included_objections >= 0),
        extra_objection_cents bigint NOT NULL CHECK (extra_objection_cents >= 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON licence_plans TO ${APP_ROLE}`);
    await db.query(`
      CREATE TABLE tenant_licences (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES licence_plans (id),
        starts_on date NOT NULL,
        ends_on date CHECK (ends_on IS NULL OR ends_on >= starts_on),
        discount_basis_points integer NOT NULL DEFAULT 0 CHECK (discount_basis_points BETWEEN 0 AND 10000),
        discount_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await enableTenantIsolation(db, 'tenant_licences');

    // --- Metering: the database writes a usage record with every objection, whatever path filed it.
    await db.query(`
      CREATE TABLE usage_records (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('objection_filed')),
        subject_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, kind, subject_id)
      )`);
    await enableTenantIsolation(db, 'usage_records');
    // Immutable, and no foreign key: a record outlives the case it counts (retention removes cases, not usage).
    await db.query(`REVOKE UPDATE, DELETE ON usage_records FROM ${APP_ROLE}`);
    await db.query(`CREATE INDEX usage_records_period_idx ON usage_records (tenant_id, occurred_at)`);
    await db.query(`
      CREATE FUNCTION meter_filed_objection() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO usage_records (tenant_id, kind, subject_id) VALUES (NEW.tenant_id, 'objection_filed', NEW.id);
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER objections_metered AFTER INSERT ON objections
        FOR EACH ROW EXECUTE FUNCTION meter_filed_objection()`);
    await db.query(`
      INSERT INTO usage_records (tenant_id, kind, subject_id, occurred_at)
      SELECT tenant_id, 'objection_filed', id, received_at FROM objections`);

    // --- Invoices: one number sequence per year for the whole platform (the seller), taken when issued.
    await db.query(`
      CREATE TABLE invoice_counters (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
        last_number integer NOT NULL CHECK (last_number >= 1)
      )`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON invoice_counters TO ${APP_ROLE}`);
    await db.query(`
      CREATE TABLE invoices (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
        status text NOT NULL CHECK (status IN ('draft', 'issued', 'paid', 'credited')),
        licence_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        credits_invoice_id uuid,
        lines jsonb NOT NULL,
        net_cents bigint NOT NULL,
        vat_basis_points integer NOT NULL CHECK (vat_basis_points BETWEEN 0 AND 10000),
        vat_cents bigint NOT NULL,
        total_cents bigint NOT NULL CHECK (total_cents = net_cents + vat_cents),
        year integer,
        sequence integer CHECK (sequence >= 1),
        number text,
        issued_on date,
        due_on date,
        paid_on date,
        pdf bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, licence_id) REFERENCES tenant_licences (tenant_id, id),
        FOREIGN KEY (tenant_id, credits_invoice_id) REFERENCES invoices (tenant_id, id),
        UNIQUE (tenant_id, year, sequence),
        CHECK ((status = 'draft') = (number IS NULL)),
        CHECK ((number IS NULL) = (sequence IS NULL) AND (number IS NULL) = (year IS NULL)),
        CHECK ((kind = 'credit_note') = (credits_invoice_id IS NOT NULL))
      )`);
    await enableTenantIsolation(db, 'invoices');
    // An issued invoice is never deleted; a mistake is corrected with a credit note.
    await db.query(
      `CREATE POLICY invoices_delete_drafts_only ON invoices AS RESTRICTIVE FOR DELETE USING (status = 'draft')`,
    );
    // At most one live invoice per licence and period (a credited one may be invoiced again).
    await db.query(`
      CREATE UNIQUE INDEX invoices_one_per_period_idx ON invoices (tenant_id, licence_id, period_start, period_end)
        WHERE kind = 'invoice' AND status <> 'credited'`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'invoices',
      'invoice_counters',
      'usage_records',
      'tenant_licences',
      'licence_plans',
      'platform_operators',
      'letter_templates',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP TRIGGER objections_metered ON objections`);
    await db.query(`DROP FUNCTION meter_filed_objection()`);
    await db.query(`DROP INDEX staff_users_invitation_idx`);
    await db.query(`
      ALTER TABLE staff_users DROP COLUMN invitation_hash, DROP COLUMN invitation_expires_at,
        DROP COLUMN invited_at, DROP COLUMN deactivated_at`);
    await db.query(`ALTER TABLE objections DROP COLUMN regulation_version`);
    await db.query(`ALTER TABLE referral_partners DROP COLUMN origin`);
    await db.query(`DROP TABLE regulation_versions`);
    await db.query(`ALTER TABLE regulations DROP COLUMN version`);
    for (const policy of ['tenants_read', 'tenants_onboard', 'tenants_change']) {
      await db.query(`DROP POLICY ${policy} ON tenants`);
    }
    await db.query(`ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE tenants DISABLE ROW LEVEL SECURITY`);
    await db.query(`
      ALTER TABLE tenants DROP COLUMN profile_origin, DROP COLUMN status, DROP COLUMN offboarded_at,
        DROP COLUMN licence_state, DROP COLUMN licence_state_since`);
  }
}
