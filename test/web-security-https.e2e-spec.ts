import { form, setCookieHeader } from './support/pages';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

/** Where PUBLIC_URL is https (production): every cookie Secure, the CSRF cookie __Host-, requests upgraded. */
describe('web security on https', () => {
  let secure: TestApp;

  beforeAll(async () => {
    secure = await startTestApp({ PUBLIC_URL: 'https://bezwaar.example' });
  });

  afterAll(async () => {
    await secure?.close();
  });

  it('on https: Secure everywhere and the CSRF cookie as __Host- (no Domain, Path=/)', async () => {
    const page = await secure.httpWithoutCsrf().get('/platform/inloggen').expect(200);
    expect(setCookieHeader(page.headers['set-cookie'], '__Host-bp_csrf')).toMatch(
      /^__Host-bp_csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(page.headers['content-security-policy']).toMatch(/; upgrade-insecure-requests$/);
    const staffLogin = await secure
      .http()
      .post('/rivierstad/behandelaar/inloggen')
      .type('form')
      .send(form({ email: 'behandelaar@rivierstad.example', wachtwoord: DEMO_PASSWORD }))
      .expect(303);
    expect(setCookieHeader(staffLogin.headers['set-cookie'], 'bp_staff')).toMatch(
      /; HttpOnly; Secure; SameSite=Strict$/,
    );
    const operatorLogin = await secure
      .http()
      .post('/platform/inloggen')
      .type('form')
      .send(form({ email: 'operator@bezwaarplatform.example', wachtwoord: DEMO_PASSWORD }))
      .expect(303);
    expect(setCookieHeader(operatorLogin.headers['set-cookie'], 'bp_operator')).toMatch(
      /; Path=\/platform; HttpOnly; Secure; SameSite=Strict$/,
    );
    const citizenLogin = await secure.http().get('/rivierstad/inloggen').expect(302);
    expect(setCookieHeader(citizenLogin.headers['set-cookie'], 'bp_login')).toMatch(
      /; HttpOnly; Secure; SameSite=Lax$/,
    );
  });
});
