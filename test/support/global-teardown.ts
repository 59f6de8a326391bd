import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { adminUrl } from './test-database';

/** Drops every database this run created (the template and one per test file). */
export default async function globalTeardown(): Promise<void> {
  const pgliteTemplate = process.env.BEZWAAR_PGLITE_TEMPLATE;
  if (pgliteTemplate) rmSync(pgliteTemplate, { recursive: true, force: true });
  const admin = adminUrl();
  const run = process.env.BEZWAAR_TEST_RUN;
  if (!admin || !run) return;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname DESC`,
      [`${run}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
