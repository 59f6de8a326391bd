import { Global, Logger, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { assertRowLevelSecurityApplies } from './app-role-check';
import { dataSourceOptions } from './data-source-options';
import { Database, SCHEMA_READY } from './database.service';
import { APP_ROLE } from './tenant-isolation.sql';

/**
 * Runs before anything can reach the database (Database depends on it). Embedded: migrations run here, since
 * one process owns the data directory. PostgreSQL: `npm run db:migrate` runs them as the owner role; the app
 * refuses to start while one is pending or while its role could bypass row-level security.
 */
async function prepareSchema(dataSource: DataSource, config: AppConfig): Promise<true> {
  if (config.embedded) {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) {
      new Logger('Database').log(`Embedded database: applied ${applied.map((m) => m.name).join(', ')}`);
    }
  } else if (await dataSource.showMigrations()) {
    throw new Error(
      'The database schema is behind: run `npm run db:migrate` with MIGRATION_DATABASE_URL first.',
    );
  }
  await dataSource.transaction(async (db) => {
    if (config.embedded) await db.query(`SET LOCAL ROLE ${APP_ROLE}`);
    await assertRowLevelSecurityApplies(db);
  });
  return true;
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        autoLoadEntities: true,
        retryAttempts: 2,
        retryDelay: 2_000,
      }),
    }),
  ],
  providers: [
    { provide: SCHEMA_READY, inject: [getDataSourceToken(), APP_CONFIG], useFactory: prepareSchema },
    Database,
  ],
  exports: [Database],
})
export class DatabaseModule {}
