import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'bezwaar-config-'));

  it('defaults to the embedded database, port 3000 and demo accounts', () => {
    const config = loadAppConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ port: 3000, embedded: true, demoPassword: 'demo', env: 'development' });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('generates a token secret once and keeps it in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadAppConfig({ DATA_DIR: dir });
    expect(first.tokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'token-secret'), 'utf8')).toBe(first.tokenSecret);
    expect(loadAppConfig({ DATA_DIR: dir }).tokenSecret).toBe(first.tokenSecret);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and the same URL for migrations unless told otherwise', () => {
    const config = loadAppConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://app@db:5432/bezwaar' });
    expect(config).toMatchObject({ embedded: false, migrationDatabaseUrl: 'postgres://app@db:5432/bezwaar' });
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT /],
    [{ PORT: '70000' }, /^Configuration error: PORT /],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^Configuration error: DATABASE_URL must be a postgres:\/\/ URL/],
    [{ NODE_ENV: 'staging' }, /^Configuration error: NODE_ENV /],
    [{ TOKEN_SECRET: 'short' }, /^Configuration error: TOKEN_SECRET must be at least 32 characters/],
    [{ NODE_ENV: 'production' }, /DATABASE_URL is required when NODE_ENV=production/],
    [
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c' },
      /TOKEN_SECRET is required when NODE_ENV=production/,
    ],
  ])('stops with one line naming the variable for %j', (env, message) => {
    expect(() => loadAppConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it('has no demo accounts in production', () => {
    const config = loadAppConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://a@b/c',
      TOKEN_SECRET: 'x'.repeat(40),
      DEMO_PASSWORD: 'demo',
    });
    expect(config.demoPassword).toBeUndefined();
  });
});
