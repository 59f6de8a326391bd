import { Database } from '../src/database/database.service';
import { APP_ROLE, TENANT_SETTING } from '../src/database/tenant-isolation.sql';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { adminUrl } from './support/test-database';

/**
 * Attacks row-level security as the application role, table by table. The tables come from the catalogue, so a
 * table added by a later migration is attacked too without touching this file. test/tenant-isolation.e2e-spec.ts
 * proves the basics on a few tables (forced RLS, nothing visible without a tenant, no carry-over, concurrency).
 */

/**
 * Tables with a tenant_id that may go without row-level security, each with its reason: only where the app role
 * holds no privilege on it at all, so that only the owner's own (SECURITY DEFINER) code touches it. None today:
 * even the audit chain heads carry the tenant policy. Anything without RLS that is not listed here fails.
 */
const WITHOUT_RLS: Record<string, string> = {};

/** The one policy every tenant table carries (see enableTenantIsolation), as PostgreSQL prints it back. */
const TENANT_PREDICATE = `(tenant_id = (NULLIF(current_setting('${TENANT_SETTING}'::text, true), ''::text))::uuid)`;

interface TenantTable {
  name: string;
  rls: boolean;
  forced: boolean;
  select: boolean;
  insert: boolean;
  update: boolean;
  delete: boolean;
  truncate: boolean;
  owner: string;
}

describe('tenant isolation attacked in SQL, as the application role, on every tenant table', () => {
  let t: TestApp;
  let database: Database;
  let a: string;
  let b: string;
  let tables: TenantTable[];
  const onPostgres = Boolean(adminUrl());

  /** Rows per tenant, seen past row-level security (ground truth). */
  const rowsOf = async (table: string, tenant: string) =>
    Number(
      (
        await t.asOwner<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [
          tenant,
        ])
      )[0].n,
    );
  const refusal = (error: unknown) => (error instanceof Error ? error.message : String(error));
  /** Runs `sql` as the app role for tenant A and returns the error message (or throws when it was allowed). */
  const refusedForA = async (sql: string, params: unknown[] = []): Promise<string> => {
    try {
      await database.forTenant(a, (db) => db.query(sql, params));
    } catch (error) {
      return refusal(error);
    }
    throw new Error(`the app role was allowed: ${sql}`);
  };
  const affected = (result: unknown): number => {
    // TypeORM answers an UPDATE/DELETE … RETURNING with [rows, affected].
    const [rows] = result as [unknown[], number];
    return rows.length;
  };

  const catalogue = () =>
    t.asOwner<TenantTable>(
      `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              pg_get_userbyid(c.relowner) AS owner,
              has_table_privilege($1, c.oid, 'SELECT') AS select, has_table_privilege($1, c.oid, 'INSERT') AS insert,
              has_table_privilege($1, c.oid, 'UPDATE') AS update, has_table_privilege($1, c.oid, 'DELETE') AS delete,
              has_table_privilege($1, c.oid, 'TRUNCATE') AS truncate
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute x
                       WHERE x.attrelid = c.oid AND x.attname = 'tenant_id' AND NOT x.attisdropped)
        ORDER BY 1`,
      [APP_ROLE],
    );

  beforeAll(async () => {
    t = await startTestApp();
    database = t.app.get(Database);
    const tenants = t.app.get(TenantsService);
    a = (await tenants.requireBySlug('rivierstad')).id;
    b = (await tenants.requireBySlug('heuveldorp')).id;
    // Real data in both municipalities, through the real pipeline, so that most tables hold rows of each.
    for (const slug of ['rivierstad', 'heuveldorp']) {
      const token = await t.tokenFor(slug);
      const filed = await t
        .http()
        .post(`/api/v1/tenants/${slug}/objections`)
        .set('Idempotency-Key', `sql-${slug}`)
        .send(bosObjection({ objector: { ...bosObjection().objector, name: `Geheim ${slug}` } }))
        .expect(201);
      const reference = (filed.body as { reference: string }).reference;
      const onCase = `/api/v1/tenants/${slug}/objections/${reference}`;
      const auth = `Bearer ${token}`;
      await t.http().post(`${onCase}/messages`).set('Authorization', auth).send({ body: 'Wij bellen u.' });
      await t
        .http()
        .post(`${onCase}/contacts`)
        .set('Authorization', auth)
        .send({ channel: 'phone', reached: true, note: 'Gesproken.' });
      await t
        .http()
        .post(`${onCase}/decision`)
        .set('Authorization', auth)
        .send({ outcome: 'partially_founded', reasoning: 'De terugvordering vervalt.' });
    }
    await t.jobsDone(); // the receipts
    tables = await catalogue();
  });
  afterAll(() => t.close());

  const guarded = () => tables.filter((table) => table.rls);

  it('finds the tenant tables in the catalogue, and the data to attack in most of them', async () => {
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['objections', 'objection_events', 'documents', 'staff_users', 'regulations']),
    );
    const withRowsOfB: string[] = [];
    for (const { name } of guarded()) if ((await rowsOf(name, b)) > 0) withRowsOfB.push(name);
    // The filing, the message, the contact and the decision reach these; the rest is proven by its policy.
    expect(withRowsOfB).toEqual(
      expect.arrayContaining(['objections', 'objection_events', 'documents', 'staff_users', 'regulations']),
    );
  });

  it('guards every tenant table with forced RLS and exactly the tenant policy, or keeps the app role out entirely', async () => {
    const policies = await t.asOwner<{
      table: string;
      permissive: string;
      cmd: string;
      qual: string;
      check: string;
    }>(
      `SELECT tablename AS table, permissive, cmd, qual, with_check AS check
         FROM pg_policies WHERE schemaname = current_schema()`,
    );
    const names = tables.map((table) => table.name);
    // A stale entry (the table is gone or has row-level security now) must be removed.
    expect(
      Object.keys(WITHOUT_RLS).filter(
        (name) => !names.includes(name) || tables.find((x) => x.name === name)?.rls,
      ),
    ).toEqual([]);
    for (const table of tables) {
      if (!table.rls && table.name in WITHOUT_RLS) {
        // Not one privilege: the app role can neither read nor write it, so it needs no policy.
        expect({
          table: table.name,
          rights: [table.select, table.insert, table.update, table.delete],
        }).toEqual({
          table: table.name,
          rights: [false, false, false, false],
        });
        continue;
      }
      expect({ table: table.name, rls: table.rls, forced: table.forced }).toEqual({
        table: table.name,
        rls: true,
        forced: true,
      });
      // A second permissive policy would be OR-ed with this one and could open the table: there is none.
      const permissive = policies
        .filter((p) => p.table === table.name && p.permissive === 'PERMISSIVE')
        .map(({ cmd, qual, check }) => ({ table: table.name, cmd, qual, check }));
      expect(permissive).toEqual([
        { table: table.name, cmd: 'ALL', qual: TENANT_PREDICATE, check: TENANT_PREDICATE },
      ]);
      // TRUNCATE ignores row-level security: the app role must never hold it.
      expect({ table: table.name, truncate: table.truncate }).toEqual({ table: table.name, truncate: false });
    }
  });

  it("shows tenant A none of B's rows in any table, even when asked for them by tenant_id", async () => {
    for (const { name, select } of guarded()) {
      if (!select) continue;
      const [seen] = (await database.forTenant(a, (db) =>
        db.query(
          `SELECT count(*) FILTER (WHERE tenant_id = $1)::int AS theirs,
                  count(*) FILTER (WHERE tenant_id <> $2)::int AS foreign, count(*)::int AS all
             FROM ${name}`,
          [b, a],
        ),
      )) as { theirs: number; foreign: number; all: number }[];
      expect({ table: name, theirs: seen.theirs, foreign: seen.foreign, all: seen.all }).toEqual({
        table: name,
        theirs: 0,
        foreign: 0,
        all: await rowsOf(name, a),
      });
    }
  });

  it("reads no tenant's rows in a platform read, also on connections a tenant's transaction just used", async () => {
    const readable = guarded()
      .filter((table) => table.select)
      .map((table) => table.name);
    for (let round = 0; round < 3; round++) {
      // Every pooled connection works for tenant A first, then serves a platform read outside any transaction.
      await Promise.all(
        Array.from({ length: 12 }, () =>
          database.forTenant(a, (db) => db.query(`SELECT count(*) FROM objections`)),
        ),
      );
      const seen = await Promise.all(
        readable.map(async (name) => {
          const [row] = (await database.readPlatform((db) =>
            db.query(`SELECT count(*)::int AS n FROM ${name}`),
          )) as { n: number }[];
          return { table: name, rows: row.n };
        }),
      );
      expect(seen.filter((x) => x.rows > 0)).toEqual([]);
    }
    expect(await rowsOf('objections', a)).toBeGreaterThan(0);
  });

  it("refuses tenant A an INSERT of a row with B's tenant_id into any table", async () => {
    for (const { name } of tables) {
      const message = await refusedForA(`INSERT INTO ${name} (tenant_id) VALUES ($1)`, [b]);
      expect({ table: name, message }).toEqual({
        table: name,
        message: expect.stringMatching(/row-level security|permission denied/),
      });
    }
  });

  it("lets no UPDATE or DELETE of tenant A reach B's rows, and A cannot move its own rows to B", async () => {
    for (const table of guarded()) {
      const before = await rowsOf(table.name, b);
      if (table.update) {
        const touched = await database.forTenant(a, (db) =>
          db.query(`UPDATE ${table.name} SET tenant_id = tenant_id WHERE tenant_id = $1 RETURNING 1`, [b]),
        );
        expect({ table: table.name, updated: affected(touched) }).toEqual({ table: table.name, updated: 0 });
        if ((await rowsOf(table.name, a)) > 0) {
          const message = await refusedForA(
            `UPDATE ${table.name} SET tenant_id = $1 WHERE ctid = (SELECT ctid FROM ${table.name} LIMIT 1)`,
            [b],
          );
          expect({ table: table.name, message }).toEqual({
            table: table.name,
            message: expect.stringMatching(
              /row-level security|foreign key|permission denied|retention|append/,
            ),
          });
        }
      } else {
        expect(
          await refusedForA(`UPDATE ${table.name} SET tenant_id = tenant_id WHERE tenant_id = $1`, [b]),
        ).toMatch(/permission denied/);
      }
      if (table.delete) {
        const removed = await database.forTenant(a, (db) =>
          db.query(`DELETE FROM ${table.name} WHERE tenant_id = $1 RETURNING 1`, [b]),
        );
        expect({ table: table.name, deleted: affected(removed) }).toEqual({ table: table.name, deleted: 0 });
      } else {
        expect(await refusedForA(`DELETE FROM ${table.name} WHERE tenant_id = $1`, [b])).toMatch(
          /permission denied/,
        );
      }
      expect({ table: table.name, rows: await rowsOf(table.name, b) }).toEqual({
        table: table.name,
        rows: before,
      });
    }
  });

  it('keeps append-only tables append-only: the app role cannot change or remove even its own rows', async () => {
    const appendOnly = guarded().filter((table) => table.insert && !table.update && !table.delete);
    // Found from the grants: the case history, the documents, the audit trail, usage metering, versions…
    expect(appendOnly.map((table) => table.name)).toEqual(
      expect.arrayContaining(['objection_events', 'documents', 'regulation_versions', 'usage_records']),
    );
    for (const { name } of appendOnly) {
      const own = await rowsOf(name, a);
      expect(await refusedForA(`UPDATE ${name} SET tenant_id = tenant_id`)).toMatch(/permission denied/);
      expect(await refusedForA(`DELETE FROM ${name}`)).toMatch(/permission denied/);
      expect(await refusedForA(`TRUNCATE ${name}`)).toMatch(/permission denied|must be owner/);
      expect({ table: name, rows: await rowsOf(name, a) }).toEqual({ table: name, rows: own });
    }
  });

  it('cannot switch row-level security off, nor alter or drop a policy or a table', async () => {
    // Allowed as a setting, but then every query that RLS would filter fails instead of seeing everything.
    const switchedOff = database.forTenant(a, async (db) => {
      await db.query(`SET LOCAL row_security = off`);
      return db.query(`SELECT count(*) FROM objections`);
    });
    await expect(switchedOff).rejects.toThrow(/row-level security|row_security/);
    for (const { name } of tables) {
      for (const attack of [
        `ALTER TABLE ${name} DISABLE ROW LEVEL SECURITY`,
        `ALTER TABLE ${name} NO FORCE ROW LEVEL SECURITY`,
        `DROP POLICY tenant_isolation ON ${name}`,
        `ALTER POLICY tenant_isolation ON ${name} USING (true)`,
        `CREATE POLICY open_door ON ${name} USING (true)`,
        `ALTER TABLE ${name} DISABLE TRIGGER ALL`,
        `ALTER TABLE ${name} OWNER TO ${APP_ROLE}`,
        `DROP TABLE ${name}`,
        `TRUNCATE ${name}`,
      ]) {
        expect({ attack, message: await refusedForA(attack) }).toEqual({
          attack,
          message: expect.stringMatching(/must be owner|permission denied|does not exist/),
        });
      }
    }
    // Nor can it plant its own objects in the schema (a function or a table to run or read as someone else).
    expect(await refusedForA(`CREATE TABLE planted (x int)`)).toMatch(/permission denied/);
    // All of it still stands: the same tables, owners, row-level security and grants.
    expect(await catalogue()).toEqual(tables);
  });

  it('cannot become the owner or a superuser, and holds no role that reads around the rules', async () => {
    const owners = [...new Set(tables.map((table) => table.owner))];
    const [facts] = (await database.forPlatform((db) =>
      db.query(
        `SELECT bool_or(pg_has_role(current_user, o, 'MEMBER')) AS owner_member,
                (SELECT array_agg(r.rolname::text ORDER BY r.rolname) FROM pg_roles r
                  WHERE r.rolname <> current_user AND pg_has_role(current_user, r.oid, 'MEMBER')) AS member_of
           FROM unnest($1::text[]) AS o`,
        [owners],
      ),
    )) as { owner_member: boolean; member_of: string[] | null }[];
    // The only role it belongs to is the app role (the test login is a member of it on PostgreSQL).
    expect(facts.owner_member).toBe(false);
    expect((facts.member_of ?? []).filter((role) => role !== APP_ROLE)).toEqual([]);
    if (onPostgres) {
      for (const attack of [
        ...owners.map((owner) => `SET ROLE ${owner}`),
        `SET ROLE postgres`,
        `SET SESSION AUTHORIZATION postgres`,
        `ALTER ROLE ${APP_ROLE} BYPASSRLS`,
        `GRANT ${owners[0]} TO ${APP_ROLE}`,
      ]) {
        expect({ attack, message: await refusedForA(attack) }).toEqual({
          attack,
          message: expect.stringMatching(/permission denied|must be superuser|must have|only superusers/i),
        });
      }
    } else {
      // PGlite has one session, its superuser's; the app drops to the app role per transaction (SET LOCAL ROLE).
      // That role is no member of the owner (above), but the embedded session itself could switch back: the
      // embedded database is for one process on one machine; production runs on PostgreSQL (docs/security.md).
      const [role] = (await database.forPlatform((db) =>
        db.query(
          `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
        ),
      )) as { name: string; rolsuper: boolean; rolbypassrls: boolean }[];
      expect(role).toEqual({ name: APP_ROLE, rolsuper: false, rolbypassrls: false });
    }
    expect(await refusedForA(`ALTER ROLE ${APP_ROLE} BYPASSRLS`)).toMatch(
      /permission denied|must be superuser/i,
    );
  });

  it("cannot read the server's secrets, other schemas or files", async () => {
    for (const attack of [
      `SELECT rolpassword FROM pg_authid`,
      `SELECT passwd FROM pg_shadow`,
      `SELECT pg_read_file('PG_VERSION')`,
      `SELECT pg_ls_dir('.')`,
      `COPY (SELECT 1) TO PROGRAM 'true'`,
      `SELECT lo_import('/etc/passwd')`,
    ]) {
      expect({ attack, message: await refusedForA(attack) }).toEqual({
        attack,
        message: expect.stringMatching(
          /permission denied|must be superuser|only superusers|not allowed|function .* does not exist/i,
        ),
      });
    }
    // No table outside the app's own schema (and the system catalogues) is readable by it.
    const readable = await t.asOwner<{ table: string }>(
      `SELECT n.nspname || '.' || c.relname AS table
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN (current_schema(), 'pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg_toast%' AND has_table_privilege($1, c.oid, 'SELECT')`,
      [APP_ROLE],
    );
    expect(readable).toEqual([]);
  });
});
