import { QueryRunner } from 'typeorm';

/** The role every request works as: no SUPERUSER, no BYPASSRLS, not the owner of any table. */
export const APP_ROLE = 'bezwaar_app';

/** The transaction-local setting that row-level security reads. */
export const TENANT_SETTING = 'app.tenant_id';

/**
 * Forces row-level security on a tenant-owned table. After COMMIT the setting reads as '' rather than NULL,
 * hence NULLIF: no tenant set means no rows, never an error or every row.
 */
export async function enableTenantIsolation(db: QueryRunner, table: string): Promise<void> {
  const currentTenant = `NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid`;
  await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await db.query(
    `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${currentTenant}) WITH CHECK (tenant_id = ${currentTenant})`,
  );
  await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
}
