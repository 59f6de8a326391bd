import { DataSource } from 'typeorm';
import { ConfigError, loadAppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** `npm run db:migrate`: applies pending migrations as the owner role (MIGRATION_DATABASE_URL). */
async function migrate(): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(loadAppConfig(), 'migrate'));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Schema is up to date.',
    );
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
