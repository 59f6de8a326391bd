import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { AppConfig } from '../config/app-config';
import { Foundation1764374400000 } from './migrations/1764374400000-foundation';
import { ObjectionFiling1764460800000 } from './migrations/1764460800000-objection-filing';
import { AtwDecreeDays1764547200000 } from './migrations/1764547200000-atw-decree-days';
import { Citizens1764633600000 } from './migrations/1764633600000-citizens';
import { ObjectionSignals1764720000000 } from './migrations/1764720000000-objection-signals';
import { RepeatObjector1764806400000 } from './migrations/1764806400000-repeat-objector';
import { CaseWork1764892800000 } from './migrations/1764892800000-case-work';
import { Procedure1764979200000 } from './migrations/1764979200000-procedure';
import { Administration1765065600000 } from './migrations/1765065600000-administration';
import { TenantLogos1765238400000 } from './migrations/1765238400000-tenant-logos';
import { LicenceStates1765411200000 } from './migrations/1765411200000-licence-states';
import { TenantOffboarding1765497600000 } from './migrations/1765497600000-tenant-offboarding';
import { AuditTrail1765584000000 } from './migrations/1765584000000-audit-trail';
import { AbuseLimits1765670400000 } from './migrations/1765670400000-abuse-limits';
import { ReceiptsInBackground1765720000000 } from './migrations/1765720000000-receipts-in-background';
import { Retention1765756800000 } from './migrations/1765756800000-retention';
import { InboxAtScale1765843200000 } from './migrations/1765843200000-inbox-at-scale';

/** Every migration, in order; the same list runs on PGlite, on PostgreSQL and in the Kubernetes Job. */
export const MIGRATIONS = [
  Foundation1764374400000,
  ObjectionFiling1764460800000,
  AtwDecreeDays1764547200000,
  Citizens1764633600000,
  ObjectionSignals1764720000000,
  RepeatObjector1764806400000,
  CaseWork1764892800000,
  Procedure1764979200000,
  Administration1765065600000,
  TenantLogos1765238400000,
  LicenceStates1765411200000,
  TenantOffboarding1765497600000,
  AuditTrail1765584000000,
  AbuseLimits1765670400000,
  ReceiptsInBackground1765720000000,
  Retention1765756800000,
  InboxAtScale1765843200000,
];

export type ConnectionPurpose = 'app' | 'migrate';

/**
 * One place that decides where the data lives: PGlite in DATA_DIR without DATABASE_URL, else PostgreSQL
 * (the app role for serving, the owner role for migrating).
 */
export function dataSourceOptions(config: AppConfig, purpose: ConnectionPurpose = 'app'): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // Schema and extensions come from migrations only (PGlite has no uuid-ossp; gen_random_uuid is built in).
    installExtensions: false,
    logging: false,
  };
  if (config.embedded) {
    return { ...common, driver: new PGliteDriver({ dataDir: join(config.dataDir, 'pglite') }).driver };
  }
  const url = purpose === 'migrate' ? config.migrationDatabaseUrl : config.databaseUrl;
  return {
    ...common,
    url,
    poolSize: config.databasePoolSize,
    extra: { connectionTimeoutMillis: 5_000 },
  };
}
