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
import { JobWorker } from '../../src/jobs/job-worker.service';
import { CSRF_HEADER, csrfCookieName } from '../../src/web-security/web-security';
import { cookieFrom, form, hiddenFields } from './pages';
import { adminQuery, adminUrl, runPrefix, TEST_APP_LOGIN, withDatabase } from './test-database';

export const DEMO_PASSWORD = 'demo-test-password';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /**
   * Requests as a browser that has the page loaded sends them: every POST, PUT, PATCH and DELETE carries a valid
   * CSRF token (the CSRF cookie, added to any Cookie the test sets, and the token in a header), obtained once
   * from a real page. A test that sets its own CSRF cookie is left alone. See httpWithoutCsrf.
   */
  http: () => TestAgent;
  /** Requests exactly as the test builds them, without a CSRF token: what another site can make a browser send. */
  httpWithoutCsrf: () => TestAgent;
  /** The CSRF cookie (name=value) and a token for it, as a page gave them. */
  csrf: { cookie: string; token: string };
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
  /** Waits until the job queue is empty (a filing's receipt is rendered, and its e-mail queued, by a job). */
  jobsDone: () => Promise<void>;
  close: () => Promise<void>;
}

let databases = 0;

/**
 * Boots the real application: on PGlite in a temporary DATA_DIR by default, or on a fresh copy of the migrated
 * template database when TEST_DATABASE_URL is set. Extra environment variables can be passed.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bezwaar-test-'));
  // A test that brings its own server (env.DATABASE_URL, see private-postgres.ts) needs no copy of the template.
  const admin = env.DATABASE_URL ? undefined : adminUrl();
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
  const httpWithoutCsrf = () => request(app.getHttpServer());
  const csrf = await csrfFromPage(httpWithoutCsrf, csrfCookieName(config));
  const http = () => withCsrf(httpWithoutCsrf(), csrf, csrfCookieName(config));
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
  const testApp: TestApp = {
    app,
    config,
    http,
    httpWithoutCsrf,
    csrf,
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
    jobsDone: async () => {
      for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
        await app.get(JobWorker).poll();
        const [{ pending }] = await testApp.asOwner<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM jobs WHERE state IN ('queued', 'running')`,
        );
        if (!pending) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('jobs still queued or running after 15 s');
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (admin && database) await adminQuery(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
  return testApp;
}

const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete', 'del']);

/** The CSRF cookie and the token of the operator login form, as a browser gets them by opening the page. */
async function csrfFromPage(
  http: () => TestAgent,
  cookieName: string,
): Promise<{ cookie: string; token: string }> {
  const page = await http().get('/platform/inloggen');
  const cookie = cookieFrom(page.headers['set-cookie'], cookieName);
  const token = hiddenFields(page.text)._csrf;
  if (!cookie || !token) throw new Error(`no CSRF cookie or token on /platform/inloggen (${page.status})`);
  return { cookie, token };
}

/** The agent, with a CSRF token on every state-changing request (see TestApp.http). */
function withCsrf(agent: TestAgent, csrf: { cookie: string; token: string }, cookieName: string): TestAgent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !UNSAFE_METHODS.has(property) || typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) => carryCsrf((value as (...a: unknown[]) => Test).apply(target, args));
    },
  });

  function carryCsrf(test: Test): Test {
    const set = test.set.bind(test) as (field: string, value: string) => Test;
    const own = (cookies: string) => cookies.split(/;\s*/).some((c) => c.startsWith(`${cookieName}=`));
    (test as { set: unknown }).set = (field: string | Record<string, string>, value?: string | string[]) => {
      if (typeof field !== 'string') {
        for (const [name, one] of Object.entries(field)) test.set(name, one);
        return test;
      }
      if (field.toLowerCase() !== 'cookie') return set(field, value as string);
      const cookies = ([] as string[]).concat(value ?? []).join('; ');
      if (own(cookies)) {
        test.unset(CSRF_HEADER);
        return set(field, cookies);
      }
      return set(field, cookies ? `${cookies}; ${csrf.cookie}` : csrf.cookie);
    };
    set('Cookie', csrf.cookie);
    return set(CSRF_HEADER, csrf.token);
  }
}

/** The staff user id inside a bearer token. */
export function userIdOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }).sub;
}
