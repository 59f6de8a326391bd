import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Thrown when the environment is unusable; main.ts prints `message` as one line and exits. */
export class ConfigError extends Error {}

/** An empty variable counts as unset (common in container environments). */
const optionalUrl = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
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
  DEMO_PASSWORD: z.string().min(1).default('demo'),
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  PUBLIC_URL: z.url({ error: 'must be the public base URL, e.g. https://bezwaar.example.nl' }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Bezwaarplatform <noreply@bezwaarplatform.example>'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  /** Demo staff accounts exist only outside production. */
  readonly demoPassword?: string;
  readonly tokenSecret: string;
  readonly tokenTtlSeconds: number;
  readonly logLevel: string;
  /** Where citizens reach the portal; used in links in e-mails and letters. */
  readonly publicUrl: string;
  /** Absent: e-mails are written as .eml files to DATA_DIR/mail instead of sent. */
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  readonly outboxPollMs: number;
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
  const dataDir = resolve(e.DATA_DIR);
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
    demoPassword: isProduction ? undefined : e.DEMO_PASSWORD,
    tokenSecret: e.TOKEN_SECRET ?? persistedTokenSecret(dataDir),
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    outboxPollMs: e.OUTBOX_POLL_MS,
  };
}

/** Outside production a secret is generated once and kept in DATA_DIR, so tokens survive a restart. */
function persistedTokenSecret(dataDir: string): string {
  const file = join(dataDir, 'token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
