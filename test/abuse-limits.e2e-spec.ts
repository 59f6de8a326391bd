import { Logger } from '@nestjs/common';
import type { Response } from 'supertest';
import { PostgresThrottlerStorage } from '../src/abuse/postgres-throttler.storage';
import { Database } from '../src/database/database.service';
import { bosObjection } from './support/fixtures';
import { loginAsCitizen } from './support/oidc-login';
import { cookieFrom, decodeHtml, form } from './support/pages';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

/**
 * Abuse limits (issue 8) over real HTTP: every limited surface answers 429 with Retry-After past its limit,
 * counted per IP address and per account in the database all replicas share; accounts lock after failed logins,
 * with back-off, without telling an unknown account from a wrong password.
 *
 * One app with tight limits behind one trusted proxy: every test speaks from its own address (X-Forwarded-For),
 * so the tests do not share counts.
 */
describe('abuse limits', () => {
  let t: TestApp;
  let hosts = 0;
  /** A fresh client address (TEST-NET-2), one per test or per request. */
  const address = () => `198.51.100.${++hosts}`;
  const PROBLEM = 'application/problem+json';
  /** Logins per account and minute; the lock-out test's account sees 9. */
  const LOGIN_ACCOUNT = 10;

  beforeAll(async () => {
    t = await startTestApp({
      TRUSTED_PROXY_HOPS: '1',
      ABUSE_LIMIT_LOGIN_IP: '4/60',
      ABUSE_LIMIT_LOGIN_ACCOUNT: `${LOGIN_ACCOUNT}/60`,
      ABUSE_LIMIT_FILING_IP: '2/600',
      ABUSE_LIMIT_FILING_ACCOUNT: '2/600',
      ABUSE_LIMIT_DIAGNOSIS_IP: '3/60',
      ABUSE_LIMIT_SIGNALS_IP: '3/60',
      ABUSE_LIMIT_SIGNALS_ACCOUNT: '4/60',
      LOGIN_LOCKOUT_AFTER: '3',
      LOGIN_LOCKOUT_SECONDS: '60',
      LOGIN_LOCKOUT_MAX_SECONDS: '600',
    });
  }, 60_000);
  afterAll(() => t.close());

  const staffLogin = (from: string, email: string, password: string, tenant = 'rivierstad') =>
    t.http().post('/api/v1/auth/token').set('x-forwarded-for', from).send({ tenant, email, password });
  const operatorLogin = (from: string, email: string, password: string) =>
    t.http().post('/api/v1/platform/auth/token').set('x-forwarded-for', from).send({ email, password });

  /** A page's CSRF cookie and token (when the page has a form that carries one), for a form post. */
  const formSession = async (path: string, from: string) => {
    const page = await t.http().get(path).set('x-forwarded-for', from);
    const setCookie = page.headers['set-cookie'] as unknown as string[] | undefined;
    const cookies = (setCookie ?? []).map((c) => c.split(';')[0]).join('; ');
    // A hidden field, or (multipart forms) `?_csrf=` in the form's action.
    const token = /_csrf(?:" value="|=)([^"&]+)/.exec(page.text)?.[1];
    return { cookies, token: token ? decodeHtml(token) : '' };
  };
  const postForm = async (path: string, from: string, fields: Record<string, string>) => {
    const session = await formSession(path, from);
    const request = t.http().post(path).set('x-forwarded-for', from).type('form');
    if (session.cookies) request.set('cookie', session.cookies);
    if (session.token) request.set('x-csrf-token', session.token);
    return request.send(form(session.token ? { ...fields, _csrf: session.token } : fields));
  };

  /** A refusal: 429, Retry-After in whole seconds within the window, and the body as each surface shows it. */
  const expectRefusedAsProblem = (response: Response, windowSeconds: number) => {
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toContain(PROBLEM);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(windowSeconds);
    expect(response.body).toMatchObject({
      type: 'urn:bezwaarplatform:problem:too-many-requests',
      title: 'Te veel verzoeken',
      status: 429,
    });
    expect(response.body.detail).toMatch(
      /^U heeft dit te vaak achter elkaar geprobeerd\. Wacht \d+ (seconden|minuten|minuut)/,
    );
  };
  const expectRefusedAsPage = (response: Response, windowSeconds: number) => {
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toContain('text/html');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(windowSeconds);
    expect(decodeHtml(response.text)).toContain('U heeft dit te vaak achter elkaar geprobeerd.');
    expect(response.text).toMatch(/^<!doctype html>/i);
  };

  describe('per IP address', () => {
    it('refuses the staff login API past login-ip, also with the right password', async () => {
      const from = address();
      for (let i = 0; i < 4; i++) {
        expect((await staffLogin(from, `nobody${i}@rivierstad.example`, 'wrong')).status).toBe(401);
      }
      expectRefusedAsProblem(await staffLogin(from, 'beheer@rivierstad.example', DEMO_PASSWORD), 60);
      // Another address is not affected.
      expect((await staffLogin(address(), 'beheer@rivierstad.example', DEMO_PASSWORD)).status).toBe(200);
    });

    it('counts the staff login form and the API together, and refuses the form with an HTML page', async () => {
      const from = address();
      for (let i = 0; i < 2; i++) {
        expect((await staffLogin(from, `nobody${i}@rivierstad.example`, 'wrong')).status).toBe(401);
      }
      for (let i = 0; i < 2; i++) {
        const failed = await postForm('/rivierstad/behandelaar/inloggen', from, {
          email: `nobody${i}@rivierstad.example`,
          wachtwoord: 'wrong',
        });
        expect(failed.status).toBe(400);
      }
      const refused = await postForm('/rivierstad/behandelaar/inloggen', from, {
        email: 'behandelaar@rivierstad.example',
        wachtwoord: DEMO_PASSWORD,
      });
      expectRefusedAsPage(refused, 60);
      expect(cookieFrom(refused.headers['set-cookie'], 'bp_staff')).toBeUndefined();
    });

    it('refuses the operator login API and form past login-ip', async () => {
      const from = address();
      for (let i = 0; i < 4; i++) {
        expect((await operatorLogin(from, `nobody${i}@bezwaarplatform.example`, 'wrong')).status).toBe(401);
      }
      expectRefusedAsProblem(await operatorLogin(from, 'nobody@bezwaarplatform.example', 'wrong'), 60);
      expectRefusedAsPage(
        await postForm('/platform/inloggen', from, {
          email: 'nobody@bezwaarplatform.example',
          wachtwoord: 'x',
        }),
        60,
      );
    });

    it('refuses the start of a citizen login past login-ip, counted with the staff logins', async () => {
      const from = address();
      for (let i = 0; i < 3; i++) {
        expect((await staffLogin(from, `nobody${i}@rivierstad.example`, 'wrong')).status).toBe(401);
      }
      const start = await t.http().get('/rivierstad/inloggen').set('x-forwarded-for', from);
      expect(start.status).toBe(302);
      expectRefusedAsProblem(await t.http().get('/rivierstad/inloggen').set('x-forwarded-for', from), 60);
    });

    it('refuses filing through the API past filing-ip, and the portal form with an HTML page', async () => {
      const objections = async () =>
        (await t.asOwner<{ filed: number }>(`SELECT count(*)::int AS filed FROM objections`))[0].filed;
      const before = await objections();
      const from = address();
      const file = (n: number) =>
        t
          .http()
          .post('/api/v1/tenants/rivierstad/objections')
          .set('x-forwarded-for', from)
          .set('idempotency-key', `abuse-${from}-${n}`)
          .send(bosObjection());
      expect((await file(1)).status).toBe(201);
      expect((await file(2)).status).toBe(201);
      const refused = await file(3);
      expectRefusedAsProblem(refused, 600);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);

      const page = await postForm('/rivierstad/bezwaar/participatiewet', from, { naam: 'Bo' });
      expectRefusedAsPage(page, 600);
      // The refused filings were not stored.
      expect(await objections()).toBe(before + 2);
    });

    it('refuses the keuzehulp through the API and the portal past diagnosis-ip', async () => {
      const from = address();
      const diagnose = () =>
        t
          .http()
          .post('/api/v1/tenants/rivierstad/diagnosis')
          .set('x-forwarded-for', from)
          .send({ regulation: 'participatiewet', answers: {} });
      for (let i = 0; i < 3; i++) expect((await diagnose()).status).toBe(200);
      expectRefusedAsProblem(await diagnose(), 60);
      expectRefusedAsPage(await postForm('/rivierstad/keuzehulp/participatiewet', from, {}), 60);
    });

    it('refuses signal analysis past signals-ip', async () => {
      const token = await t.tokenFor('heuveldorp');
      const from = address();
      const analyse = () =>
        t
          .http()
          .post('/api/v1/tenants/heuveldorp/signals/analyze')
          .set('authorization', `Bearer ${token}`)
          .set('x-forwarded-for', from)
          .send({ text: 'De deurwaarder staat voor de deur.' });
      for (let i = 0; i < 3; i++) expect((await analyse()).status).toBe(200);
      expectRefusedAsProblem(await analyse(), 60);
    });
  });

  describe('per account', () => {
    it('refuses logins to one account from many addresses past login-account', async () => {
      for (let i = 0; i < LOGIN_ACCOUNT; i++) {
        expect((await staffLogin(address(), 'nobody@heuveldorp.example', 'wrong', 'heuveldorp')).status).toBe(
          401,
        );
      }
      // The same e-mail address, written otherwise, is the same account.
      expectRefusedAsProblem(
        await staffLogin(address(), ' NoBody@Heuveldorp.example ', 'wrong', 'heuveldorp'),
        60,
      );
      // The same address at another municipality is another account.
      expect((await staffLogin(address(), 'nobody@heuveldorp.example', 'wrong', 'rivierstad')).status).toBe(
        401,
      );
    });

    it('refuses filing by one logged-in citizen from many addresses past filing-account', async () => {
      const { sessionCookie } = await loginAsCitizen(t, 'rivierstad');
      const csrf = await formSession('/rivierstad/bezwaar/participatiewet', address());
      const cookie = [sessionCookie, csrf.cookies].filter(Boolean).join('; ');
      const file = (n: number) => {
        const request = t
          .http()
          .post('/api/v1/tenants/rivierstad/objections')
          .set('x-forwarded-for', address())
          .set('cookie', cookie)
          .set('idempotency-key', `abuse-citizen-${n}`);
        if (csrf.token) request.set('x-csrf-token', csrf.token);
        return request.send(bosObjection());
      };
      expect((await file(1)).status).toBe(201);
      expect((await file(2)).status).toBe(201);
      expectRefusedAsProblem(await file(3), 600);
    });

    it('refuses signal analysis by one staff member from many addresses past signals-account', async () => {
      const token = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
      const analyse = () =>
        t
          .http()
          .post('/api/v1/tenants/rivierstad/signals/analyze')
          .set('authorization', `Bearer ${token}`)
          .set('x-forwarded-for', address())
          .send({ text: 'Ik kan de huur niet meer betalen.' });
      for (let i = 0; i < 4; i++) expect((await analyse()).status).toBe(200);
      expectRefusedAsProblem(await analyse(), 60);
    });
  });

  describe('lock-out after failed logins', () => {
    const staffState = (email: string) =>
      t.asOwner<{ failed_logins: number; locked_seconds: number | null }>(
        `SELECT failed_logins, ceil(extract(epoch FROM locked_until - now()))::int AS locked_seconds
         FROM staff_users WHERE email = $1`,
        [email],
      );
    const unlockStaff = (email: string) =>
      t.asOwner(`UPDATE staff_users SET locked_until = now() - interval '1 second' WHERE email = $1`, [
        email,
      ]);
    /** What a refused login says, without what differs per request. */
    const refusal = (response: Response) => {
      const { correlationId: _id, ...rest } = response.body as Record<string, unknown>;
      return { status: response.status, body: rest };
    };

    it('locks a staff account after 3 failures, refuses even the right password, doubles, and resets', async () => {
      const email = 'behandelaar@heuveldorp.example';
      const attempt = (password: string) => staffLogin(address(), email, password, 'heuveldorp');
      const wrong = await attempt('wrong-1');
      expect(wrong.status).toBe(401);
      await attempt('wrong-2');
      expect((await staffState(email))[0]).toEqual({ failed_logins: 2, locked_seconds: null });
      await attempt('wrong-3');
      const [locked] = await staffState(email);
      expect(locked.failed_logins).toBe(3);
      expect(locked.locked_seconds).toBeGreaterThan(50);
      expect(locked.locked_seconds).toBeLessThanOrEqual(60);

      // Locked: the right password is refused exactly like a wrong one, and attempts are not counted.
      const refused = await attempt(DEMO_PASSWORD);
      expect(refusal(refused)).toEqual(refusal(wrong));
      expect((await attempt('wrong-4')).status).toBe(401);
      expect((await staffState(email))[0].failed_logins).toBe(3);
      // … also through the login form, which shows its usual failure.
      const form = await postForm('/heuveldorp/behandelaar/inloggen', address(), {
        email,
        wachtwoord: DEMO_PASSWORD,
      });
      expect(form.status).toBe(400);
      expect(cookieFrom(form.headers['set-cookie'], 'bp_staff')).toBeUndefined();

      // The lock ran out; one more failure locks twice as long.
      await unlockStaff(email);
      expect((await attempt('wrong-5')).status).toBe(401);
      const [doubled] = await staffState(email);
      expect(doubled.failed_logins).toBe(4);
      expect(doubled.locked_seconds).toBeGreaterThan(110);
      expect(doubled.locked_seconds).toBeLessThanOrEqual(120);

      // After the lock the right password logs in and resets the count.
      await unlockStaff(email);
      expect((await attempt(DEMO_PASSWORD)).status).toBe(200);
      expect((await staffState(email))[0]).toEqual({ failed_logins: 0, locked_seconds: null });
    });

    it('counts concurrent failures exactly and locks once (one atomic UPDATE each)', async () => {
      const email = 'behandelaar@rivierstad.example';
      const attempts = await Promise.all(
        Array.from({ length: 8 }, (_, i) => staffLogin(address(), email, `wrong-${i}`)),
      );
      expect(attempts.map((a) => a.status)).toEqual(Array(8).fill(401));
      // Three failures lock; the other five met the lock and were not counted.
      const [state] = await staffState(email);
      expect(state.failed_logins).toBe(3);
      expect(state.locked_seconds).toBeGreaterThan(50);
      await t.asOwner(`UPDATE staff_users SET failed_logins = 0, locked_until = NULL WHERE email = $1`, [
        email,
      ]);
    });

    it('caps the lock at LOGIN_LOCKOUT_MAX_SECONDS', async () => {
      const email = 'beheer@heuveldorp.example';
      await t.asOwner(`UPDATE staff_users SET failed_logins = 40 WHERE email = $1`, [email]);
      expect((await staffLogin(address(), email, 'wrong', 'heuveldorp')).status).toBe(401);
      const [capped] = await staffState(email);
      expect(capped.failed_logins).toBe(41);
      expect(capped.locked_seconds).toBeGreaterThan(590);
      expect(capped.locked_seconds).toBeLessThanOrEqual(600);
      await t.asOwner(`UPDATE staff_users SET failed_logins = 0, locked_until = NULL WHERE email = $1`, [
        email,
      ]);
    });

    it('locks a platform operator the same way, through the API and the form', async () => {
      const email = 'operator@bezwaarplatform.example';
      const state = async () =>
        (
          await t.asOwner<{ failed_logins: number; locked: boolean }>(
            `SELECT failed_logins, coalesce(locked_until > now(), false) AS locked
             FROM platform_operators WHERE email = $1`,
            [email],
          )
        )[0];
      const wrong = await operatorLogin(address(), email, 'wrong');
      expect(wrong.status).toBe(401);
      for (const password of ['wrong', 'wrong']) {
        expect(
          (await postForm('/platform/inloggen', address(), { email, wachtwoord: password })).status,
        ).toBe(400);
      }
      expect(await state()).toEqual({ failed_logins: 3, locked: true });
      const refused = await operatorLogin(address(), email, DEMO_PASSWORD);
      expect(refusal(refused)).toEqual(refusal(wrong));

      await t.asOwner(
        `UPDATE platform_operators SET locked_until = now() - interval '1 second' WHERE email = $1`,
        [email],
      );
      expect((await operatorLogin(address(), email, DEMO_PASSWORD)).status).toBe(200);
      expect(await state()).toEqual({ failed_logins: 0, locked: false });
    });

    it('answers an unknown account, a wrong password and a locked account identically', async () => {
      const unknown = await staffLogin(address(), 'niemand@rivierstad.example', 'wrong');
      const wrongPassword = await staffLogin(address(), 'beheer@rivierstad.example', 'wrong');
      const unknownTenant = await staffLogin(address(), 'beheer@rivierstad.example', 'wrong', 'nergensdorp');
      expect(unknown.status).toBe(401);
      expect(refusal(wrongPassword)).toEqual(refusal(unknown));
      expect(refusal(unknownTenant)).toEqual(refusal(unknown));
      expect(unknown.headers['content-type']).toBe(wrongPassword.headers['content-type']);

      const operatorUnknown = await operatorLogin(address(), 'niemand@bezwaarplatform.example', 'wrong');
      const operatorWrong = await operatorLogin(address(), 'operator@bezwaarplatform.example', 'wrong');
      expect(refusal(operatorWrong)).toEqual(refusal(operatorUnknown));
      await t.asOwner(`UPDATE platform_operators SET failed_logins = 0`);
      await t.asOwner(`UPDATE staff_users SET failed_logins = 0 WHERE email = 'beheer@rivierstad.example'`);
    });
  });

  it('refuses a thousand logins a minute from one address after the limit, and logs it without the e-mail', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const from = address();
      const statuses: number[] = [];
      for (let batch = 0; batch < 100; batch++) {
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            staffLogin(from, `aanvaller${batch * 10 + i}@example.org`, 'Geheim-wachtwoord-1'),
          ),
        );
        statuses.push(...responses.map((r) => r.status));
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(4);
      expect(statuses.filter((s) => s === 429)).toHaveLength(996);

      const lines = warn.mock.calls.map((call) => JSON.stringify(call));
      const refusals = lines.filter(
        (line) => line.includes('"event":"abuse-limit"') && line.includes(`"origin":"${from}"`),
      );
      // The first refusal, then every hundredth: 996 refusals are 10 lines, not 996.
      expect(refusals).toHaveLength(10);
      expect(refusals[0]).toContain('"limit":"login-ip"');
      for (const line of lines) {
        expect(line).not.toMatch(/aanvaller\d+@/);
        expect(line).not.toContain('Geheim-wachtwoord-1');
      }
    } finally {
      warn.mockRestore();
    }
  }, 120_000);

  it('logs a refusal per account by the domain of its e-mail address only', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      for (let i = 0; i <= LOGIN_ACCOUNT; i++) {
        await staffLogin(address(), 'geheim.persoon@voorbeeld.example', 'wrong');
      }
      const line = warn.mock.calls
        .map((call) => JSON.stringify(call))
        .find((l) => l.includes('login-account'));
      expect(line).toContain('*@voorbeeld.example');
      expect(line).not.toContain('geheim.persoon');
    } finally {
      warn.mockRestore();
    }
  });

  describe('the shared counter storage', () => {
    it('counts the hits of two replicas on one database together', async () => {
      // With TEST_DATABASE_URL the second replica is a second app on the same PostgreSQL database; PGlite is one
      // process's own database, so there it is a second storage on the same database inside this app.
      const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
      const b = onPostgres
        ? await startTestApp({
            DATABASE_URL: t.config.databaseUrl!,
            TRUSTED_PROXY_HOPS: '1',
            ABUSE_LIMIT_LOGIN_IP: '4/60',
          })
        : undefined;
      try {
        const from = address();
        const viaA = () => staffLogin(from, 'nobody@rivierstad.example', 'wrong');
        const viaB = () =>
          b!
            .http()
            .post('/api/v1/auth/token')
            .set('x-forwarded-for', from)
            .send({ tenant: 'rivierstad', email: 'nobody@rivierstad.example', password: 'wrong' });
        if (b) {
          expect((await viaA()).status).toBe(401);
          expect((await viaB()).status).toBe(401);
          expect((await viaA()).status).toBe(401);
          expect((await viaB()).status).toBe(401);
          expectRefusedAsProblem(await viaA(), 60);
          expectRefusedAsProblem(await viaB(), 60);
        } else {
          const second = new PostgresThrottlerStorage(t.app.get(Database));
          const first = t.app.get(PostgresThrottlerStorage);
          const key = `replicas-${from}`;
          const hits = [];
          for (const storage of [first, second, first, second, first, second]) {
            hits.push(await storage.increment(key, 60_000, 4, 60_000, 'login-ip'));
          }
          expect(hits.map((h) => h.totalHits)).toEqual([1, 2, 3, 4, 5, 6]);
          expect(hits.map((h) => h.isBlocked)).toEqual([false, false, false, false, true, true]);
          expect(hits[4].timeToBlockExpire).toBeGreaterThan(0);
          expect(hits[4].timeToBlockExpire).toBeLessThanOrEqual(60);
        }
      } finally {
        await b?.close();
      }
    }, 60_000);

    it('keeps no e-mail address or IP address in the counters, only hashes', async () => {
      const keys = await t.asOwner<{ key: string }>(`SELECT key FROM throttle_counters`);
      expect(keys.length).toBeGreaterThan(0);
      for (const { key } of keys.filter((k) => !/^(replicas|window)-/.test(k.key))) {
        expect(key).toMatch(/^[0-9a-f]{64}$/);
      }
    });
    it('starts a new window when the old one is over, and prunes counters whose window and block ran out', async () => {
      const storage = t.app.get(PostgresThrottlerStorage);
      const key = `window-${address()}`;
      await storage.increment(key, 60_000, 1, 60_000, 'test');
      expect((await storage.increment(key, 60_000, 1, 60_000, 'test')).isBlocked).toBe(true);
      await t.asOwner(
        `UPDATE throttle_counters SET window_ends_at = now() - interval '1 second', blocked_until = now() - interval '1 second'`,
      );
      expect(await storage.increment(key, 60_000, 1, 60_000, 'test')).toMatchObject({
        totalHits: 1,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
      expect(await storage.prune()).toBeGreaterThan(0);
      const [{ left }] = await t.asOwner<{ left: number }>(
        `SELECT count(*)::int AS left FROM throttle_counters WHERE window_ends_at <= now()`,
      );
      expect(left).toBe(0);
      const [{ kept }] = await t.asOwner<{ kept: number }>(
        `SELECT count(*)::int AS kept FROM throttle_counters WHERE key = $1`,
        [key],
      );
      expect(kept).toBe(1);
    });
  });
});
