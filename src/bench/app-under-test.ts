import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.factory';
import { loadAppConfig } from '../config/app-config';

const DEMO_PASSWORD = 'bench-demo-password';

/** The whole application, listening on a free loopback port, as a client reaches it. */
export interface AppUnderTest {
  app: NestFastifyApplication;
  baseUrl: string;
  /** A bearer token of a demo handler of the tenant. */
  handlerToken: (tenant: string) => Promise<string>;
  close: () => Promise<void>;
}

/** Boots the app on the given DATABASE_URL, or on a fresh embedded PGlite when there is none. */
export async function startApp(databaseUrl?: string): Promise<AppUnderTest> {
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
    // Mail is written to DATA_DIR; the outbox poller must not compete with the measured requests.
    OUTBOX_POLL_MS: '600000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '20' } : {}),
  });
  const app = await createApp(config);
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
