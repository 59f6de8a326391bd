import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { EncryptionKey, generateKey, parseEncryptionKeys, parseKey } from '../crypto/field-cipher';
import { AbuseLimitsConfig, abuseLimitsFrom } from '../abuse/abuse-limits';

/** Thrown when the environment is unusable; main.ts prints `message` as one line and exits. */
export class ConfigError extends Error {}

/** An empty variable counts as unset (common in container environments). */
const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(blankAsUnset, z.string().optional());
const optionalUrl = z.preprocess(
  blankAsUnset,
  z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalUrl,
  MIGRATION_DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  TENANTS_DIR: z.string().min(1).default('./tenants'),
  TEMPLATES_DIR: z.string().min(1).default('./templates'),
  PLATFORM_CONFIG: z.string().min(1).default('./config/platform.yaml'),
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  DEMO_PASSWORD: z.string().min(1).default('demo'),
  DEMO_CASES: z.enum(['true', 'false']).default('true'),
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  PUBLIC_URL: z.url({ error: 'must be the public base URL, e.g. https://bezwaar.example.nl' }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Bezwaarplatform <noreply@bezwaarplatform.example>'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  BACKGROUND_WORK: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ENCRYPTION_KEYS: optionalString,
  BLIND_INDEX_KEY: optionalString,
  KEY_ROTATION_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
  OIDC_ISSUER_URL: z.preprocess(
    blankAsUnset,
    z.url({ protocol: /^https?$/, error: 'must be the http(s) URL of the OpenID Connect issuer' }).optional(),
  ),
  OIDC_CLIENT_ID: z.string().min(1).default('bezwaarplatform'),
  OIDC_CLIENT_SECRET: z.preprocess(
    blankAsUnset,
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  OIDC_DEV_PORT: z.coerce.number().int().min(0).max(65535).default(0),
});

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  readonly port: number;
  readonly host: string;
  /** Absent: the embedded PGlite database in `dataDir`. */
  readonly databaseUrl?: string;
  /** The owner role's URL, for `npm run db:migrate`; falls back to databaseUrl. */
  readonly migrationDatabaseUrl?: string;
  readonly databasePoolSize: number;
  readonly embedded: boolean;
  readonly dataDir: string;
  readonly tenantsDir: string;
  readonly templatesDir: string;
  /** The platform as seller, its licence plans and licence-state periods (config/platform.yaml). */
  readonly platformConfigFile: string;
  /** The bearer token Prometheus scrapes /metrics with; without it /metrics is off in production. */
  readonly metricsToken?: string;
  /** Demo staff accounts exist only outside production. */
  readonly demoPassword?: string;
  /** Outside production, an empty demo tenant gets the example cases of tenants/<slug>/demo-cases.yaml. */
  readonly demoCases: boolean;
  readonly tokenSecret: string;
  readonly tokenTtlSeconds: number;
  readonly logLevel: string;
  /** Where citizens reach the portal; used in links in e-mails and letters. */
  readonly publicUrl: string;
  /** Absent: e-mails are written as .eml files to DATA_DIR/mail instead of sent. */
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  readonly outboxPollMs: number;
  /**
   * Whether this process runs the background work on its timers: jobs (receipts, bulk letters, retention runs),
   * the e-mail outbox, retention scheduling, key rotation sweeps and licence states. Off in serving pods when
   * worker pods of their own do it (the chart's `workers`), so a bulk run never slows the answers to requests.
   */
  readonly backgroundWork: boolean;
  /** AES-256-GCM keys for personal data at rest (BSN); the first is current, the others still decrypt. */
  readonly encryptionKeys: readonly EncryptionKey[];
  /** HMAC key of the blind index (lookups by BSN without decrypting). */
  readonly blindIndexKey: Buffer;
  /** How often each replica sweeps for data under an older key (src/key-rotation); 0: never by itself. */
  readonly keyRotationIntervalMs: number;
  readonly citizenLogin: CitizenLoginConfig;
  /** Throttling and login lock-out (ABUSE_LIMITS, ABUSE_LIMIT_*, LOGIN_LOCKOUT_*, TRUSTED_PROXY_HOPS). */
  readonly abuseLimits: AbuseLimitsConfig;
}

/** Citizen login with OpenID Connect (a DigiD broker, or the in-process stand-in outside production). */
export interface CitizenLoginConfig {
  /** The external broker; absent: the in-process provider (outside production) or no citizen login at all. */
  readonly issuerUrl?: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** True outside production when no OIDC_ISSUER_URL is set: an in-process provider stands in for the broker. */
  readonly devProvider: boolean;
  /** The loopback port of the in-process provider; 0 picks a free one. */
  readonly devProviderPort: number;
}

/** Validates the environment once; a wrong value stops the service with one line naming the variable. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Configuration error: ${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && !e.DATABASE_URL) {
    throw new ConfigError('Configuration error: DATABASE_URL is required when NODE_ENV=production');
  }
  if (isProduction && !e.TOKEN_SECRET) {
    throw new ConfigError('Configuration error: TOKEN_SECRET is required when NODE_ENV=production');
  }
  // SMTP too: without it mail is written to DATA_DIR, which a production pod does not have (read-only root).
  for (const name of ['ENCRYPTION_KEYS', 'BLIND_INDEX_KEY', 'SMTP_URL'] as const) {
    if (isProduction && !e[name]) {
      throw new ConfigError(`Configuration error: ${name} is required when NODE_ENV=production`);
    }
  }
  if (e.OIDC_ISSUER_URL && !e.OIDC_CLIENT_SECRET) {
    throw new ConfigError('Configuration error: OIDC_CLIENT_SECRET is required when OIDC_ISSUER_URL is set');
  }
  const abuseLimits = abuseLimitsFrom(env, e.NODE_ENV);
  if ('error' in abuseLimits) throw new ConfigError(`Configuration error: ${abuseLimits.error}`);
  const dataDir = resolve(e.DATA_DIR);
  const devProvider = !isProduction && !e.OIDC_ISSUER_URL;
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embedded: !e.DATABASE_URL,
    dataDir,
    tenantsDir: resolve(e.TENANTS_DIR),
    templatesDir: resolve(e.TEMPLATES_DIR),
    platformConfigFile: resolve(e.PLATFORM_CONFIG),
    metricsToken: e.METRICS_TOKEN,
    demoPassword: isProduction ? undefined : e.DEMO_PASSWORD,
    demoCases: !isProduction && e.DEMO_CASES === 'true',
    tokenSecret:
      e.TOKEN_SECRET ?? persistedSecret(dataDir, 'token-secret', () => randomBytes(48).toString('base64url')),
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    outboxPollMs: e.OUTBOX_POLL_MS,
    backgroundWork: e.BACKGROUND_WORK === 'on',
    encryptionKeys: parseVariable('ENCRYPTION_KEYS', () =>
      parseEncryptionKeys(
        e.ENCRYPTION_KEYS ?? persistedSecret(dataDir, 'encryption-keys', () => `local1:${generateKey()}`),
      ),
    ),
    blindIndexKey: parseVariable('BLIND_INDEX_KEY', () =>
      parseKey(e.BLIND_INDEX_KEY ?? persistedSecret(dataDir, 'blind-index-key', generateKey)),
    ),
    keyRotationIntervalMs: e.KEY_ROTATION_INTERVAL_MS,
    citizenLogin: {
      issuerUrl: e.OIDC_ISSUER_URL?.replace(/\/+$/, ''),
      clientId: e.OIDC_CLIENT_ID,
      // The in-process provider gets a generated secret, kept in DATA_DIR.
      clientSecret:
        e.OIDC_CLIENT_SECRET ??
        (devProvider ? persistedSecret(dataDir, 'oidc-client-secret', randomSecret) : undefined),
      devProvider,
      devProviderPort: e.OIDC_DEV_PORT,
    },
    abuseLimits,
  };
}

/** Runs a parser of one variable's value; its complaint becomes the one-line configuration error. */
function parseVariable<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new ConfigError(`Configuration error: ${name} ${(error as Error).message}`);
  }
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Outside production a secret (the token secret, the field encryption keys, …) is generated once and kept in
 * DATA_DIR, so tokens and encrypted data survive a restart.
 */
function persistedSecret(dataDir: string, name: string, generate: () => string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = generate();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
