import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { createApp } from '../app.factory';
import { AppModule } from '../app.module';
import { validationPipe } from '../common/problems/validation';
import { AppConfig, loadAppConfig } from '../config/app-config';
import { generateKey } from '../crypto/field-cipher';

const DEMO_PASSWORD = 'bench-demo-password';

/**
 * The secrets every replica of a deployment shares (from one Kubernetes Secret): without them each app would
 * make its own in its DATA_DIR, and one app's job could not read a case another app filed. Replica processes
 * inherit them through the environment.
 */
const SHARED_SECRETS = {
  TOKEN_SECRET: (process.env.TOKEN_SECRET ??= randomBytes(48).toString('base64url')),
  ENCRYPTION_KEYS: (process.env.ENCRYPTION_KEYS ??= `bench1:${generateKey()}`),
  BLIND_INDEX_KEY: (process.env.BLIND_INDEX_KEY ??= generateKey()),
};

/** The whole application, listening on a free loopback port, as a client reaches it. */
export interface AppUnderTest {
  app: INestApplication;
  baseUrl: string;
  /** A bearer token of a demo handler of the tenant. */
  handlerToken: (tenant: string) => Promise<string>;
  close: () => Promise<void>;
}

export type HttpAdapterName = 'fastify' | 'express';

/**
 * Boots the app on the given DATABASE_URL, or on a fresh embedded PGlite when there is none; without
 * `backgroundWork` it only serves, as the chart's serving pods do beside worker pods (see receiptsDrained).
 */
export async function startApp(
  databaseUrl?: string,
  adapter: HttpAdapterName = 'fastify',
  backgroundWork = true,
): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bezwaar-bench-'));
  const config = loadAppConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    TENANTS_DIR: join(process.cwd(), 'tenants'),
    TEMPLATES_DIR: join(process.cwd(), 'templates'),
    PLATFORM_CONFIG: join(process.cwd(), 'config', 'platform.yaml'),
    DEMO_PASSWORD,
    DEMO_CASES: 'false',
    LOG_LEVEL: 'silent',
    // With background work the job worker (receipts) and the outbox run as in production; mail is written to
    // files in DATA_DIR.
    BACKGROUND_WORK: backgroundWork ? 'on' : 'off',
    // One client on loopback sends thousands of filings a minute: the abuse limits would stop a benchmark.
    ABUSE_LIMITS: 'off',
    ...SHARED_SECRETS,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '20' } : {}),
  });
  const app = adapter === 'fastify' ? await createApp(config) : await createExpressApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    handlerToken: async (tenant) => {
      const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant, email: `behandelaar@${tenant}.example`, password: DEMO_PASSWORD }),
      });
      if (response.status !== 200)
        throw new Error(`login failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The same modules on Express, for choosing the adapter by measurement. Only what a JSON filing needs is made
 * to work: the Fastify-only parts (request hooks for metrics, the audit trail and web security; multipart) are
 * left out, so this build does less per request than the deployed one, and its rate is an upper bound.
 */
async function createExpressApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), new ExpressAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe);
  // The modules that extend Fastify (request hooks, the YAML body parser) find these and do nothing.
  Object.assign(app.getHttpAdapter().getInstance() as object, {
    addHook: () => undefined,
    addContentTypeParser: () => undefined,
    hasContentTypeParser: () => true,
  });
  app.use((request: Request & { isMultipart?: () => boolean }, _response: Response, next: NextFunction) => {
    request.isMultipart = () => false;
    next();
  });
  return app;
}
