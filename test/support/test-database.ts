import { Client } from 'pg';

/**
 * With TEST_DATABASE_URL (a superuser on a real PostgreSQL), each run migrates one template database as the
 * owner, and each test file gets a fresh copy that the app reaches as a login role without superuser rights.
 * Without it, every test app runs on its own embedded PGlite.
 */
export const TEST_APP_LOGIN = 'bezwaar_app_test';

export function adminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function withDatabase(url: string, database: string, user?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user) {
    // The test login's password is its name (ignored where the server trusts local connections).
    parsed.username = user;
    parsed.password = user;
  }
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function runPrefix(): string {
  const prefix = process.env.BEZWAAR_TEST_RUN;
  if (!prefix) throw new Error('BEZWAAR_TEST_RUN is unset: the e2e global setup did not run');
  return prefix;
}
