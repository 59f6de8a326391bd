import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from './app-config';

const KEY = randomBytes(32).toString('base64');
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://a@b/c',
  TOKEN_SECRET: 'x'.repeat(40),
  ENCRYPTION_KEYS: `k1:${KEY}`,
  BLIND_INDEX_KEY: KEY,
  SMTP_URL: 'smtp://mail.internal:25',
};

describe('loadAppConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'bezwaar-config-'));

  it('defaults to the embedded database, port 3000 and demo accounts', () => {
    const config = loadAppConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      port: 3000,
      embedded: true,
      demoPassword: 'demo',
      demoCases: true,
      env: 'development',
    });
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
    [
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', TOKEN_SECRET: 'x'.repeat(40) },
      /^Configuration error: ENCRYPTION_KEYS is required when NODE_ENV=production/,
    ],
    [
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://a@b/c',
        TOKEN_SECRET: 'x'.repeat(40),
        ENCRYPTION_KEYS: `k1:${KEY}`,
      },
      /^Configuration error: BLIND_INDEX_KEY is required when NODE_ENV=production/,
    ],
    [
      { ...PRODUCTION, SMTP_URL: undefined },
      /^Configuration error: SMTP_URL is required when NODE_ENV=production/,
    ],
    [{ ENCRYPTION_KEYS: 'k1:c2hvcnQ=' }, /^Configuration error: ENCRYPTION_KEYS key "k1" must be 32 bytes/],
    [{ ENCRYPTION_KEYS: KEY }, /^Configuration error: ENCRYPTION_KEYS entry 1 must be keyId:base64/],
    [{ BLIND_INDEX_KEY: 'abc' }, /^Configuration error: BLIND_INDEX_KEY .*32 bytes/],
    [{ OIDC_ISSUER_URL: 'ftp://broker' }, /^Configuration error: OIDC_ISSUER_URL must be the http\(s\) URL/],
    [
      { OIDC_ISSUER_URL: 'https://broker.example' },
      /^Configuration error: OIDC_CLIENT_SECRET is required when OIDC_ISSUER_URL is set/,
    ],
  ])('stops with one line naming the variable for %j', (env, message) => {
    expect(() => loadAppConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it('has no demo accounts and no in-process OpenID provider in production', () => {
    const config = loadAppConfig({ ...PRODUCTION, DEMO_PASSWORD: 'demo' });
    expect(config.demoPassword).toBeUndefined();
    expect(config.demoCases).toBe(false);
    expect(config.citizenLogin).toMatchObject({ devProvider: false, issuerUrl: undefined });
  });

  it('reads the field encryption keys (first is current) and the blind index key', () => {
    const other = randomBytes(32).toString('base64');
    const config = loadAppConfig({ ...PRODUCTION, ENCRYPTION_KEYS: `2025b:${other},2025a:${KEY}` });
    expect(config.encryptionKeys.map((k) => k.id)).toEqual(['2025b', '2025a']);
    expect(config.encryptionKeys[0].key.toString('base64')).toBe(other);
    expect(config.blindIndexKey.toString('base64')).toBe(KEY);
  });

  it('generates the field keys and the OpenID client secret once outside production, in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadAppConfig({ DATA_DIR: dir });
    expect(first.encryptionKeys).toHaveLength(1);
    expect(first.blindIndexKey).toHaveLength(32);
    expect(first.citizenLogin).toMatchObject({ devProvider: true, clientId: 'bezwaarplatform' });
    expect(first.citizenLogin.clientSecret!.length).toBeGreaterThanOrEqual(32);
    for (const file of ['encryption-keys', 'blind-index-key', 'oidc-client-secret']) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
    const again = loadAppConfig({ DATA_DIR: dir });
    expect(again.encryptionKeys[0].key.equals(first.encryptionKeys[0].key)).toBe(true);
    expect(again.blindIndexKey.equals(first.blindIndexKey)).toBe(true);
    expect(again.citizenLogin.clientSecret).toBe(first.citizenLogin.clientSecret);
  });

  it('uses an external OpenID issuer instead of the in-process provider when one is configured', () => {
    const config = loadAppConfig({
      ...PRODUCTION,
      OIDC_ISSUER_URL: 'https://broker.example/oidc/',
      OIDC_CLIENT_ID: 'gemeente-x',
      OIDC_CLIENT_SECRET: 's'.repeat(32),
    });
    expect(config.citizenLogin).toEqual({
      issuerUrl: 'https://broker.example/oidc',
      clientId: 'gemeente-x',
      clientSecret: 's'.repeat(32),
      devProvider: false,
      devProviderPort: 0,
    });
  });

  it('runs the background work unless BACKGROUND_WORK=off, and names the variable when it is neither', () => {
    expect(loadAppConfig({ DATA_DIR: dataDir() }).backgroundWork).toBe(true);
    expect(loadAppConfig({ ...PRODUCTION, BACKGROUND_WORK: 'off' }).backgroundWork).toBe(false);
    expect(loadAppConfig({ ...PRODUCTION, BACKGROUND_WORK: 'on' }).backgroundWork).toBe(true);
    expect(() => loadAppConfig({ ...PRODUCTION, BACKGROUND_WORK: 'false' })).toThrow('BACKGROUND_WORK');
  });
});
