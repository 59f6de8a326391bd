import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { APP_ROLE } from '../../src/database/tenant-isolation.sql';
import { freePort } from './smtp-sink';
import { adminQuery, TEST_APP_LOGIN, withDatabase } from './test-database';

const run = promisify(execFile);

/**
 * A PostgreSQL server of one test's own: initdb in a temporary folder, on a free port, so that the test can
 * crash and restart it while other tests keep using the shared server. PostgreSQL refuses to run as root, so
 * as root its programs run as the `postgres` OS user.
 */
export class PrivatePostgres {
  private running = false;

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const bin = postgresBinaries();
    const dir = mkdtempSync(join(tmpdir(), 'bezwaar-pg-'));
    if (process.getuid?.() === 0) {
      const [uid, gid] = await Promise.all([id('-u'), id('-g')]);
      chownSync(dir, uid, gid);
    }
    const server = new PrivatePostgres(bin, dir, await freePort());
    // No fsync: a crash here is the server's, not the machine's; what was committed is in the OS's cache.
    await server.pg('initdb', [
      '-D',
      server.data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await server.restart();
    return server;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  /** A URL of a database on this server, as the superuser or as `user`. */
  url(database = 'postgres', user?: string): string {
    return withDatabase(`postgres://postgres@127.0.0.1:${this.port}/postgres`, database, user);
  }

  /**
   * Creates `database`, migrates it as the owner and creates the app's login role (as the e2e global setup
   * does on the shared server); returns the URL the app connects with.
   */
  async prepareDatabase(database: string): Promise<string> {
    await adminQuery(this.url(), `CREATE DATABASE ${database}`);
    const owner = this.url(database);
    const config = loadAppConfig({ DATABASE_URL: owner, MIGRATION_DATABASE_URL: owner, DATA_DIR: this.dir });
    const dataSource = new DataSource(dataSourceOptions(config, 'migrate'));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.query(
        `CREATE ROLE ${TEST_APP_LOGIN} LOGIN PASSWORD '${TEST_APP_LOGIN}' NOSUPERUSER NOBYPASSRLS IN ROLE ${APP_ROLE}`,
      );
    } finally {
      await dataSource.destroy();
    }
    return this.url(database, TEST_APP_LOGIN);
  }

  /** Starts the server (again); waits until it accepts connections. */
  async restart(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off`;
    await this.pg('pg_ctl', [
      '-D',
      this.data,
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      options,
      '-w',
      'start',
    ]);
    this.running = true;
  }

  /** Stops the server the hard way (`-m immediate`): no checkpoint, every connection cut, recovery on start. */
  async crash(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
    this.running = false;
  }

  async destroy(): Promise<void> {
    if (this.running) await this.crash();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async pg(program: string, args: string[]): Promise<void> {
    const path = join(this.bin, program);
    const [file, argv] =
      process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    // cwd: the postgres user may not be allowed into the test's working directory.
    await run(file, argv, { cwd: this.dir, timeout: 60_000 });
  }
}

/** The newest PostgreSQL's programs (Debian keeps them under /usr/lib/postgresql/<version>/bin). */
function postgresBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`No PostgreSQL server programs under ${root}`);
  return join(root, versions[0], 'bin');
}

async function id(flag: '-u' | '-g'): Promise<number> {
  return Number((await run('id', [flag, 'postgres'])).stdout.trim());
}
