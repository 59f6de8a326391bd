import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { APP_ROLE } from '../database/tenant-isolation.sql';

/** The login the app serves a benchmark with: no superuser, no BYPASSRLS, as in production. */
const BENCH_APP_LOGIN = 'bezwaar_app_bench';

/**
 * A database of its own for one benchmark run on the real server, migrated as the owner (the superuser of
 * BENCH_DATABASE_URL), reached by the app as a role that row-level security applies to, and dropped after.
 */
export class ScratchDatabase {
  private constructor(
    readonly adminUrl: string,
    readonly name: string,
  ) {}

  static async create(adminUrl: string, label: string): Promise<ScratchDatabase> {
    const name = `bezwaar_bench_${label}_${Date.now().toString(36)}${process.pid}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const scratch = new ScratchDatabase(adminUrl, name);
    const dataSource = new DataSource(
      dataSourceOptions(loadAppConfig({ DATABASE_URL: scratch.ownerUrl, DATA_DIR: '/tmp' }), 'migrate'),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.query(`
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${BENCH_APP_LOGIN}') THEN
            CREATE ROLE ${BENCH_APP_LOGIN} LOGIN PASSWORD '${BENCH_APP_LOGIN}' NOSUPERUSER NOBYPASSRLS IN ROLE ${APP_ROLE};
          END IF;
        END $$`);
    } finally {
      await dataSource.destroy();
    }
    return scratch;
  }

  /** The superuser on this database: migrations, bulk loads, the bare baseline's scratch table. */
  get ownerUrl(): string {
    return withDatabase(this.adminUrl, this.name);
  }

  /** What the app's DATABASE_URL is set to. */
  get appUrl(): string {
    return withDatabase(this.adminUrl, this.name, BENCH_APP_LOGIN);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.ownerUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async drop(): Promise<void> {
    await adminQuery(this.adminUrl, `DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }
}

function withDatabase(url: string, database: string, user?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user) {
    // The login's password is its name (ignored where the server trusts local connections).
    parsed.username = user;
    parsed.password = user;
  }
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
