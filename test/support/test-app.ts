import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Test } from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { cookieFrom, form } from './pages';
import { adminQuery, adminUrl, runPrefix, TEST_APP_LOGIN, withDatabase } from './test-database';

export const DEMO_PASSWORD = 'demo-test-password';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: () => TestAgent;
  /** A bearer token for a demo staff member of a tenant. */
  tokenFor: (tenant: string, email?: string) => Promise<string>;
  /** A bearer token of the demo platform operator (operator@bezwaarplatform.example). */
  operatorToken: () => Promise<string>;
  /** The `bp_staff` session cookie (name=value) of a staff member, logged in through the staff login form. */
  staffCookie: (tenant: string, email?: string, password?: string) => Promise<string>;
  /** The `bp_operator` session cookie (name=value) of an operator (the demo one by default), through the form. */
  operatorCookie: (email?: string, password?: string) => Promise<string>;
  /** GET a server-rendered page with a session cookie. */
  page: (path: string, cookie: string) => Test;
  /** POST a form as a browser does (urlencoded) with a session cookie; fields may be a ready body. */
  postForm: (path: string, cookie: string, fields: Record<string, string | string[]> | string) => Test;
  /**
   * SQL past row-level security, to set up what a test cannot reach through the API (dates in the past, say):
   * as the owner on PostgreSQL, on the embedded database's own superuser session otherwise.
   */
  asOwner: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

let databases = 0;

/**
 * Boots the real application: on PGlite in a temporary DATA_DIR by default, or on a fresh copy of the migrated
 * template database when TEST_DATABASE_URL is set. Extra environment variables can be passed.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bezwaar-test-'));
  const admin = adminUrl();
  let database: string | undefined;
  const pgliteTemplate = process.env.BEZWAAR_PGLITE_TEMPLATE;
  if (!admin && pgliteTemplate) cpSync(pgliteTemplate, dataDir, { recursive: true });
  if (admin) {
    database = `${runPrefix()}_${process.pid}_${++databases}`;
    await adminQuery(admin, `CREATE DATABASE ${database} TEMPLATE ${runPrefix()}_tpl`);
  }
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    TENANTS_DIR: join(__dirname, '..', '..', 'tenants'),
    DEMO_PASSWORD,
    // Tests file their own cases; the demo's example cases would only be in the way.
    DEMO_CASES: 'false',
    LOG_LEVEL: 'silent',
    ...(admin && database ? { DATABASE_URL: withDatabase(admin, database, TEST_APP_LOGIN) } : {}),
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  /** Logs in through a login form; returns the session cookie it sets. */
  const formLogin = async (path: string, cookieName: string, email: string, password: string) => {
    const response = await http()
      .post(path)
      .type('form')
      .send(form({ email, wachtwoord: password }));
    const session = cookieFrom(response.headers['set-cookie'], cookieName);
    if (response.status !== 303 || !session)
      throw new Error(`login at ${path} as ${email} failed: ${response.status}, cookie ${session ?? 'none'}`);
    return session;
  };
  return {
    app,
    config,
    http,
    tokenFor: async (tenant, email = `behandelaar@${tenant}.example`) => {
      const response = await http()
        .post('/api/v1/auth/token')
        .send({ tenant, email, password: DEMO_PASSWORD });
      if (response.status !== 200)
        throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
      return (response.body as { accessToken: string }).accessToken;
    },
    operatorToken: async () => {
      const response = await http()
        .post('/api/v1/platform/auth/token')
        .send({ email: 'operator@bezwaarplatform.example', password: DEMO_PASSWORD });
      if (response.status !== 200)
        throw new Error(`operator login failed: ${response.status} ${JSON.stringify(response.body)}`);
      return (response.body as { accessToken: string }).accessToken;
    },
    staffCookie: (tenant, email = `behandelaar@${tenant}.example`, password = DEMO_PASSWORD) =>
      formLogin(`/${tenant}/behandelaar/inloggen`, 'bp_staff', email, password),
    operatorCookie: (email = 'operator@bezwaarplatform.example', password = DEMO_PASSWORD) =>
      formLogin('/platform/inloggen', 'bp_operator', email, password),
    page: (path, cookie) => http().get(path).set('Cookie', cookie),
    postForm: (path, cookie, fields) =>
      http()
        .post(path)
        .set('Cookie', cookie)
        .type('form')
        .send(typeof fields === 'string' ? fields : form(fields)),
    asOwner: async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
      if (!admin || !database) return (await app.get(DataSource).query(sql, params)) as T[];
      const client = new Client({ connectionString: withDatabase(admin, database) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (admin && database) await adminQuery(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

/** The staff user id inside a bearer token. */
export function userIdOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }).sub;
}
