import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { APP_ROLE, TENANT_SETTING } from './tenant-isolation.sql';

/** Provided once migrations ran (embedded) or were found complete (PostgreSQL). */
export const SCHEMA_READY = Symbol('SCHEMA_READY');

export type UnitOfWork<T> = (manager: EntityManager) => Promise<T>;

/**
 * The only way the application reaches the database: every unit of work is one explicit transaction,
 * working as the app role, with the tenant set transaction-locally (set_config(..., true)) so that
 * row-level security decides what it sees. The one exception, readPlatform, sets no tenant and so sees none.
 */
@Injectable()
export class Database {
  /** PGlite has one session for the whole process: concurrent transactions would share it (and its tenant). */
  private readonly embeddedSession?: Mutex;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SCHEMA_READY) _schemaReady: true,
  ) {
    if (config.embedded) this.embeddedSession = new Mutex();
  }

  /** Runs `work` for one tenant; it cannot see or write another tenant's rows. */
  forTenant<T>(tenantId: string, work: UnitOfWork<T>): Promise<T> {
    if (!tenantId) throw new Error('forTenant needs a tenant id');
    return this.transaction(tenantId, work);
  }

  /** Runs `work` with no tenant: platform tables only; tenant-owned tables read as empty. */
  forPlatform<T>(work: UnitOfWork<T>): Promise<T> {
    return this.transaction(null, work);
  }

  /**
   * One read of platform tables only (a tenant by its slug on every request). On PostgreSQL it needs no
   * transaction: there is no tenant to set, so a pooled connection reads tenant-owned tables as empty, and two
   * round trips are saved. PGlite's session must take the app role, which only a transaction scopes.
   */
  readPlatform<T>(work: UnitOfWork<T>): Promise<T> {
    return this.embeddedSession ? this.transaction(null, work) : work(this.dataSource.manager);
  }

  private transaction<T>(tenantId: string | null, work: UnitOfWork<T>): Promise<T> {
    const run = () =>
      this.dataSource.transaction(async (manager) => {
        // The embedded database connects as its superuser; drop to the app role for this transaction only.
        if (this.embeddedSession) await manager.query(`SET LOCAL ROLE ${APP_ROLE}`);
        if (tenantId) await manager.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenantId]);
        return work(manager);
      });
    return this.embeddedSession ? this.embeddedSession.runExclusive(run) : run();
  }
}
