import { JwtService } from '@nestjs/jwt';
import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { Database } from '../src/database/database.service';
import { OPERATOR_AUDIENCE } from '../src/operators/operator-auth.service';
import { saveOperator } from '../src/operators/operator-accounts';
import { LOGIN_FAILED } from '../src/staff-pages/login-form';
import { form, setCookieHeader } from './support/pages';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

const OTHER = {
  email: 'tweede.operator@bezwaarplatform.example',
  name: 'Tweede Operator',
  password: 'een-lang-wachtwoord',
};

/** Platform operators: their login (API and page), and that their tokens and staff tokens never cross. */
describe('platform operators', () => {
  let t: TestApp;
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
  const platformApi = (token?: string) => {
    const call = t.http().get('/api/v1/platform/tenants');
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };
  const loginPage = (fields: Record<string, string>) =>
    t.http().post('/platform/inloggen').type('form').send(form(fields));

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(Database).forPlatform((db) => saveOperator(db, { ...OTHER, demo: false }));
  });
  afterAll(() => t.close());

  describe('API login', () => {
    it('gives the demo operator a bearer token that is typed and addressed as an operator token', async () => {
      const response = await t
        .http()
        .post('/api/v1/platform/auth/token')
        .send({ email: 'Operator@Bezwaarplatform.example', password: DEMO_PASSWORD })
        .expect(200);
      expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: t.config.tokenTtlSeconds });
      const claims = claimsOf(response.body.accessToken);
      expect(claims).toMatchObject({ typ: 'operator', aud: OPERATOR_AUDIENCE });
      expect(claims.tid).toBeUndefined();
      await platformApi(response.body.accessToken).expect(200);
    });

    it('says the same for a wrong password and an unknown address, and records the last login', async () => {
      const wrong = await t
        .http()
        .post('/api/v1/platform/auth/token')
        .send({ email: 'operator@bezwaarplatform.example', password: 'fout' })
        .expect(401);
      const unknown = await t
        .http()
        .post('/api/v1/platform/auth/token')
        .send({ email: 'niemand@bezwaarplatform.example', password: 'fout' })
        .expect(401);
      expect(wrong.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(wrong.body.detail).toBe('E-mailadres of wachtwoord klopt niet.');
      expect(unknown.body.detail).toBe(wrong.body.detail);

      await t.operatorToken();
      const [row] = await t.asOwner<{ last_login_at: Date | null }>(
        `SELECT last_login_at FROM platform_operators WHERE email = 'operator@bezwaarplatform.example'`,
      );
      expect(Date.now() - new Date(row.last_login_at!).getTime()).toBeLessThan(60_000);
    });

    it('answers a malformed login with field errors', async () => {
      const response = await t
        .http()
        .post('/api/v1/platform/auth/token')
        .send({ email: 'geen-adres' })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'email',
        'password',
      ]);
    });
  });

  describe('tokens', () => {
    it('refuses platform routes without a token, with a staff token of any municipality, or a forged one', async () => {
      const none = await platformApi().expect(401);
      expect(none.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(none.body.detail).toBe('Log in als platformbeheerder om verder te gaan.');
      await platformApi(await t.tokenFor('rivierstad')).expect(401);
      await platformApi(await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example')).expect(401);

      const operatorId = claimsOf(await t.operatorToken()).sub as string;
      const sign = (claims: object, options: object) =>
        new JwtService({ secret: t.config.tokenSecret }).sign(claims, { expiresIn: 60, ...options });
      // Right secret, but not typed or not addressed as an operator token; or typed right with another secret.
      await platformApi(sign({ sub: operatorId }, { audience: OPERATOR_AUDIENCE })).expect(401);
      await platformApi(sign({ sub: operatorId, typ: 'operator' }, {})).expect(401);
      await platformApi(
        new JwtService({ secret: 'x'.repeat(48) }).sign(
          { sub: operatorId, typ: 'operator' },
          { audience: OPERATOR_AUDIENCE, expiresIn: 60 },
        ),
      ).expect(401);
      await platformApi(sign({ sub: operatorId, typ: 'operator' }, { audience: OPERATOR_AUDIENCE })).expect(
        200,
      );
    });

    it("refuses an operator token on a municipality's staff routes and pages", async () => {
      const token = await t.operatorToken();
      for (const path of ['/api/v1/tenants/rivierstad/inbox', '/api/v1/tenants/rivierstad/staff']) {
        await t.http().get(path).set('Authorization', `Bearer ${token}`).expect(401);
      }
      const page = await t.page('/rivierstad/behandelaar', `bp_staff=${token}`).expect(303);
      expect(page.headers.location).toBe('/rivierstad/behandelaar/inloggen');
    });

    it("stops a deactivated operator's token at once, and the login", async () => {
      const login = async () =>
        t.http().post('/api/v1/platform/auth/token').send({ email: OTHER.email, password: OTHER.password });
      const token = (await login()).body.accessToken as string;
      await platformApi(token).expect(200);
      await t.asOwner(`UPDATE platform_operators SET active = false WHERE email = $1`, [OTHER.email]);
      await platformApi(token).expect(401);
      expect((await login()).status).toBe(401);
      const page = await t.page('/platform', `bp_operator=${token}`).expect(303);
      expect(page.headers.location).toBe('/platform/inloggen');
      await t.asOwner(`UPDATE platform_operators SET active = true WHERE email = $1`, [OTHER.email]);
    });
  });

  describe('pages', () => {
    it('sends a visitor without a session to the login page, and back after logging in', async () => {
      const start = await t.http().get('/platform').expect(303);
      expect(start.headers.location).toBe('/platform/inloggen');
      const deep = await t.http().get('/platform/gemeenten/nieuw').expect(303);
      expect(deep.headers.location).toBe('/platform/inloggen?terug=%2Fplatform%2Fgemeenten%2Fnieuw');

      const form = await t.http().get(deep.headers.location).expect(200);
      expect(form.text).toContain('<title>Inloggen – Platformbeheer</title>');
      expect(form.text).toContain('name="terug" value="/platform/gemeenten/nieuw"');

      const login = await loginPage({
        email: 'operator@bezwaarplatform.example',
        wachtwoord: DEMO_PASSWORD,
        terug: '/platform/gemeenten/nieuw',
      }).expect(303);
      expect(login.headers.location).toBe('/platform/gemeenten/nieuw');
      const cookie = setCookieHeader(login.headers['set-cookie'], 'bp_operator')!;
      expect(cookie).toMatch(/; Path=\/platform(;|$)/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);

      const home = await t.page('/platform', cookie.split(';')[0]).expect(200);
      expect(home.text).toContain('<title>Gemeenten – Platformbeheer</title>');
      expect(home.text).toContain('Ingelogd als Demo Platformbeheer');
    });

    it('refuses a wrong password with one message and keeps the address', async () => {
      const response = await loginPage({
        email: 'operator@bezwaarplatform.example',
        wachtwoord: 'fout',
      }).expect(400);
      expect(response.text).toContain(LOGIN_FAILED);
      expect(response.text).toContain('value="operator@bezwaarplatform.example"');
      expect(response.text).toContain('<title>Fout: Inloggen – Platformbeheer</title>');
      expect(setCookieHeader(response.headers['set-cookie'], 'bp_operator')).toBeUndefined();
      const empty = await loginPage({}).expect(400);
      expect(empty.text).toContain('Vul uw e-mailadres in.');
      expect(empty.text).toContain('Vul uw wachtwoord in.');
    });

    it.each([
      'https://evil.example/platform',
      '//evil.example',
      '/rivierstad/behandelaar',
      '/platform/inloggen',
    ])('never redirects away after logging in (terug=%s)', async (terug) => {
      const login = await loginPage({
        email: 'operator@bezwaarplatform.example',
        wachtwoord: DEMO_PASSWORD,
        terug,
      }).expect(303);
      expect(login.headers.location).toBe('/platform');
    });

    it('does not let a staff session open the platform pages, nor accept a form post from another site', async () => {
      const staffCookie = await t.staffCookie('rivierstad', 'beheer@rivierstad.example');
      const page = await t.page('/platform', staffCookie).expect(303);
      expect(page.headers.location).toBe('/platform/inloggen');

      await loginPage({ email: 'operator@bezwaarplatform.example', wachtwoord: DEMO_PASSWORD })
        .set('Origin', 'https://evil.example')
        .expect(403);
    });

    it('logs out: the cookie is cleared and the login page says so', async () => {
      const logout = await t
        .http()
        .post('/platform/uitloggen')
        .set('Cookie', await t.operatorCookie())
        .expect(303);
      expect(logout.headers.location).toBe('/platform/inloggen?uitgelogd=1');
      expect(setCookieHeader(logout.headers['set-cookie'], 'bp_operator')).toMatch(
        /bp_operator=;.*Path=\/platform/,
      );
      const page = await t.http().get(logout.headers.location).expect(200);
      expect(page.text).toContain('U bent uitgelogd.');
    });
  });
});
