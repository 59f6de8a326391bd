import { getDataSourceToken } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadAppConfig } from '../src/config/app-config';
import { assertRowLevelSecurityApplies } from '../src/database/app-role-check';
import { Database } from '../src/database/database.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { startTestApp, TestApp } from './support/test-app';
import { adminUrl, withDatabase } from './support/test-database';

/** Tries to break tenant isolation at the SQL level, working as the application role. */
describe('tenant isolation in the database (row-level security)', () => {
  let t: TestApp;
  let database: Database;
  let a: string;
  let b: string;

  const insertObjection = async (db: EntityManager, tenantId: string, reference: string) => {
    const [regulation] = (await db.query(`SELECT id FROM regulations WHERE tenant_id = $1 LIMIT 1`, [
      tenantId,
    ])) as {
      id: string;
    }[];
    await db.query(`INSERT INTO objections (tenant_id, reference, regulation_id) VALUES ($1, $2, $3)`, [
      tenantId,
      reference,
      regulation.id,
    ]);
  };
  const count = async (db: EntityManager, table: string) =>
    Number(((await db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n);

  beforeAll(async () => {
    // No background polling: on PGlite a raw transaction below would interleave with it on the one session.
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    database = t.app.get(Database);
    const tenants = t.app.get(TenantsService);
    a = (await tenants.requireBySlug('rivierstad')).id;
    b = (await tenants.requireBySlug('heuveldorp')).id;
    await database.forTenant(a, (db) => insertObjection(db, a, 'RIV-1'));
    await database.forTenant(b, (db) => insertObjection(db, b, 'HEU-1'));
  });
  afterAll(() => t.close());

  it('works as a role that is neither superuser nor BYPASSRLS', async () => {
    const [role] = await database.forPlatform((db) =>
      db.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  // A tenant table the app role cannot read at all needs no policy; tenant-isolation-sql.e2e-spec.ts covers those.
  it('forces row-level security on every table with a tenant_id it can read, and sees none of their rows without a tenant', async () => {
    const tables = (await database.forPlatform((db) =>
      db.query(`
        SELECT c.relname AS name, c.relrowsecurity AND c.relforcerowsecurity AS forced
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind = 'r' AND has_table_privilege(c.oid, 'SELECT')
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
         ORDER BY 1`),
    )) as { name: string; forced: boolean }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'objections',
        'objection_events',
        'documents',
        'jobs',
        'job_batches',
        'staff_users',
      ]),
    );
    expect(tables.filter((t) => !t.forced)).toEqual([]);
    for (const { name } of tables) {
      expect(await database.forPlatform((db) => count(db, name))).toBe(0);
    }
    expect(await database.forTenant(a, (db) => count(db, 'regulations'))).toBeGreaterThan(0);
  });

  it("cannot read another tenant's rows, even when asking for them by tenant_id", async () => {
    const rows = await database.forTenant(a, (db) => db.query(`SELECT reference, tenant_id FROM objections`));
    expect(rows).toEqual([{ reference: 'RIV-1', tenant_id: a }]);
    const theirs = await database.forTenant(a, (db) =>
      db.query(`SELECT * FROM objections WHERE tenant_id = $1`, [b]),
    );
    expect(theirs).toEqual([]);
  });

  it("cannot update or delete another tenant's rows", async () => {
    const updated = await database.forTenant(a, (db) =>
      db.query(`UPDATE objections SET status = 'closed' WHERE tenant_id = $1 RETURNING id`, [b]),
    );
    const deleted = await database.forTenant(a, (db) =>
      db.query(`DELETE FROM staff_users WHERE tenant_id = $1 RETURNING id`, [b]),
    );
    // TypeORM answers an UPDATE/DELETE … RETURNING with [rows, affected].
    expect([updated[0], deleted[0]]).toEqual([[], []]);
    const [theirs] = await database.forTenant(b, (db) => db.query(`SELECT status FROM objections`));
    expect(theirs).toEqual({ status: 'received' });
    expect(await database.forTenant(b, (db) => count(db, 'staff_users'))).toBeGreaterThan(0);
  });

  it('cannot insert a row for another tenant, nor move its own row there', async () => {
    await expect(
      database.forTenant(a, (db) =>
        db.query(
          `INSERT INTO referral_partners (tenant_id, code, name, definition) VALUES ($1, 'x', 'x', '{}')`,
          [b],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      database.forTenant(a, (db) => db.query(`UPDATE objections SET tenant_id = $1`, [b])),
    ).rejects.toThrow(/row-level security|violates foreign key/);
  });

  it('does not carry a tenant over to the next unit of work', async () => {
    await database.forTenant(a, (db) => count(db, 'objections'));
    const setting = await database.forPlatform((db) =>
      db.query(`SELECT coalesce(current_setting('app.tenant_id', true), '') AS tenant`),
    );
    expect(setting).toEqual([{ tenant: '' }]);
    expect(await database.forPlatform((db) => count(db, 'objections'))).toBe(0);
  });

  it('keeps concurrent units of work for different tenants apart', async () => {
    const work = Array.from({ length: 24 }, (_, i) => {
      const tenant = i % 2 === 0 ? a : b;
      return database.forTenant(tenant, async (db) => {
        const before = await db.query(`SELECT current_setting('app.tenant_id', true) AS tenant`);
        await sleep(3 + (i % 4));
        await insertObjection(db, tenant, `C-${i}`);
        await sleep(2);
        const references = (
          (await db.query(`SELECT reference, tenant_id FROM objections`)) as {
            reference: string;
            tenant_id: string;
          }[]
        ).filter((row) => row.tenant_id !== tenant);
        return { tenant, seen: (before as { tenant: string }[])[0].tenant, foreign: references.length };
      });
    });
    for (const result of await Promise.all(work)) {
      expect(result.seen).toBe(result.tenant);
      expect(result.foreign).toBe(0);
    }
    const mine = await database.forTenant(a, (db) =>
      db.query(`SELECT reference FROM objections WHERE reference LIKE 'C-%'`),
    );
    expect(
      (mine as { reference: string }[]).map((r) => Number(r.reference.slice(2))).every((n) => n % 2 === 0),
    ).toBe(true);
    expect(mine).toHaveLength(12);
  });

  it('refuses to run as a role that can bypass row-level security', async () => {
    const admin = adminUrl();
    if (admin) {
      const superuserApp = createApp(
        loadAppConfig({
          ...process.env,
          NODE_ENV: 'test',
          DATA_DIR: t.config.dataDir,
          TENANTS_DIR: t.config.tenantsDir,
          LOG_LEVEL: 'silent',
          // This file's own database, reached as the superuser instead of the app's login.
          DATABASE_URL: withDatabase(admin, new URL(t.config.databaseUrl!).pathname.slice(1)),
        }),
      );
      await expect(superuserApp).rejects.toThrow(/superuser or has BYPASSRLS/);
    } else {
      // PGlite connects as its superuser: only the per-transaction role switch makes RLS apply.
      const raw = t.app.get<DataSource>(getDataSourceToken());
      await expect(raw.transaction(assertRowLevelSecurityApplies)).rejects.toThrow(
        /superuser or has BYPASSRLS/,
      );
    }
  });
});
