import { DataSource } from 'typeorm';
import { ConfigError, loadAppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { reportLine, UnknownTenantError, verifyAuditChains } from './audit-verify';

/**
 * `npm run audit:verify [-- --tenant <slug>]`: recomputes every municipality's audit chain from the stored rows
 * and exits 1 naming the tenant and the seq where a chain breaks (an event edited, deleted or moved), 2 when it
 * cannot check (no database, unknown tenant). Connects as the owner role (MIGRATION_DATABASE_URL); on the
 * embedded database, run it while the service is stopped.
 */
async function verify(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--tenant');
  const tenant = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !tenant) throw new ConfigError('--tenant needs a tenant slug');
  const dataSource = new DataSource(dataSourceOptions(loadAppConfig(), 'migrate'));
  await dataSource.initialize();
  try {
    const reports = await verifyAuditChains(dataSource, tenant);
    for (const report of reports) console.log(reportLine(report));
    return reports.every((r) => r.verdict.ok) ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

verify().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError || error instanceof UnknownTenantError ? error.message : error,
    );
    process.exit(2);
  },
);
