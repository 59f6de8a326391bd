import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { bsnCipherContext } from '../src/citizens/citizens.service';
import { FieldCipher } from '../src/crypto/field-cipher';
import { Database } from '../src/database/database.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import {
  authenticateAtProvider,
  finishCitizenLogin,
  loginAsCitizen,
  startCitizenLogin,
} from './support/oidc-login';
import { setCookieHeader } from './support/pages';
import { startTestApp, TestApp } from './support/test-app';

const BO_BSN = '999993653';
const BO_ADDRESS = { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city: 'Rivierstad' };

/** Citizen login: the real OpenID Connect code flow against the in-process DigiD simulation. */
describe('citizen login (OpenID Connect, DigiD simulation)', () => {
  let t: TestApp;
  let keys = 0;
  const newKey = () => `citizen-login-${Date.now()}-${++keys}`;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000', PUBLIC_URL: 'https://bezwaar.test' });
  });
  afterAll(() => t.close());

  /** Bo's objection as a logged-in citizen sends it: no name, no address, not marked as signed. */
  const withoutIdentity = () => {
    const { objector, signed: _signed, ...rest } = bosObjection();
    return { ...rest, objector: { email: objector.email } };
  };

  it('logs Bo in with PKCE, state and nonce, and returns her to where she came from', async () => {
    const { authorizationUrl, loginCookie } = await startCitizenLogin(
      t,
      'rivierstad',
      '/rivierstad/mijn-bezwaren',
    );
    const authorization = new URL(authorizationUrl);
    expect(authorization.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: 'bezwaarplatform',
      response_type: 'code',
      scope: 'openid profile bsn',
      redirect_uri: 'https://bezwaar.test/rivierstad/inloggen/terug',
      code_challenge_method: 'S256',
    });
    for (const param of ['state', 'nonce', 'code_challenge']) {
      expect(authorization.searchParams.get(param)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    }

    const provider = await authenticateAtProvider(authorizationUrl, { person: 'Bo de Vries' });
    expect(provider.loginPage).toContain('DigiD-simulatie');
    expect(provider.loginPage).not.toMatch(/<script/i);
    expect(provider.callbackUrl).toMatch(/^https:\/\/bezwaar\.test\/rivierstad\/inloggen\/terug\?code=/);
    for (const url of [authorizationUrl, ...provider.visited, provider.callbackUrl]) {
      expect(url).not.toContain(BO_BSN);
    }

    const result = await finishCitizenLogin(t, provider.callbackUrl, loginCookie);
    expect(result.status).toBe(303);
    expect(result.location).toBe('/rivierstad/mijn-bezwaren');
    expect(result.sessionCookie).toBeDefined();
    const session = setCookieHeader(result.setCookie, 'bp_citizen')!;
    expect(session).toMatch(/; Max-Age=1800/);
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).not.toContain(BO_BSN);
    // The login cookie is used once.
    expect(setCookieHeader(result.setCookie, 'bp_login')).toMatch(/^bp_login=;/);

    const me = await t
      .http()
      .get('/api/v1/tenants/rivierstad/me')
      .set('Cookie', result.sessionCookie!)
      .expect(200);
    expect(me.body).toEqual({ name: 'Bo de Vries', address: BO_ADDRESS });
    expect(me.text).not.toContain(BO_BSN);
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('files without retyping name and address, signed by the login, and lists it under my cases', async () => {
    const { sessionCookie } = await loginAsCitizen(t, 'rivierstad');
    const filed = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', newKey())
      .set('Cookie', sessionCookie)
      .send(withoutIdentity());
    expect(filed.status).toBe(201);
    const missing = (filed.body.missingElements as { code: string }[]).map((m) => m.code);
    expect(missing).not.toContain('signature');
    expect(missing).not.toContain('address');

    const cases = await t
      .http()
      .get('/api/v1/tenants/rivierstad/me/cases')
      .set('Cookie', sessionCookie)
      .expect(200);
    expect(cases.body).toContainEqual({
      reference: filed.body.reference,
      status: 'received',
      regulation: expect.any(String),
      receivedAt: filed.body.receivedAt,
      decisionTermEnds: filed.body.decisionTermEnds,
      caseUrl: filed.body.caseUrl,
    });
    expect(cases.text).not.toContain(BO_BSN);

    const staffToken = await t.tokenFor('rivierstad');
    const kase = await t
      .http()
      .get(`/api/v1/tenants/rivierstad/objections/${filed.body.reference}`)
      .auth(staffToken, { type: 'bearer' })
      .expect(200);
    expect(kase.body.objector).toMatchObject({ name: 'Bo de Vries', address: BO_ADDRESS });
  });

  it('still files without login (with an e-mail address), unsigned and without an address', async () => {
    const filed = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', newKey())
      .send({ ...withoutIdentity(), objector: { name: 'Bo de Vries', email: 'bo@example.nl' } })
      .expect(201);
    const missing = (filed.body.missingElements as { code: string }[]).map((m) => m.code);
    expect(missing).toEqual(expect.arrayContaining(['signature', 'address']));
  });

  it('keeps the BSN only encrypted, with a keyed blind index', async () => {
    await loginAsCitizen(t, 'rivierstad');
    const tenant = await t.app.get(TenantsService).requireBySlug('rivierstad');
    const rows = (await t.app
      .get(Database)
      .forTenant(tenant.id, (db) =>
        db.query(
          `SELECT subject, bsn_encrypted, bsn_index, name, address FROM citizens WHERE tenant_id = $1`,
          [tenant.id],
        ),
      )) as { subject: string; bsn_encrypted: string; bsn_index: string; name: string }[];
    const bo = rows.filter((row) => row.name === 'Bo de Vries');
    expect(bo).toHaveLength(1);
    const [row] = bo;
    expect(row.subject).not.toContain(BO_BSN);
    expect(row.bsn_encrypted).toMatch(/^v1\.local1\./);
    expect(row.bsn_encrypted).not.toContain(BO_BSN);
    const cipher = t.app.get(FieldCipher);
    expect(cipher.decrypt(row.bsn_encrypted, bsnCipherContext(tenant.id))).toBe(BO_BSN);
    expect(row.bsn_index).toBe(cipher.blindIndex(BO_BSN, tenant.id));
  });

  it("refuses a municipality's session at another municipality", async () => {
    const { sessionCookie } = await loginAsCitizen(t, 'rivierstad');
    const elsewhere = await t.http().get('/api/v1/tenants/heuveldorp/me').set('Cookie', sessionCookie);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(elsewhere.text).not.toContain('Bo de Vries');
    await t.http().get('/api/v1/tenants/heuveldorp/me/cases').set('Cookie', sessionCookie).expect(403);

    // Nor does it sign a filing there, or fill in a name.
    const filed = await t
      .http()
      .post('/api/v1/tenants/heuveldorp/objections')
      .set('Idempotency-Key', newKey())
      .set('Cookie', sessionCookie)
      .send({ ...withoutIdentity(), regulation: 'wmo' });
    expect(filed.status).toBe(400);
  });

  it('answers 401 problem+json without a session, and with a forged one', async () => {
    const none = await t.http().get('/api/v1/tenants/rivierstad/me');
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const staffToken = await t.tokenFor('rivierstad');
    await t.http().get('/api/v1/tenants/rivierstad/me').set('Cookie', `bp_citizen=${staffToken}`).expect(401);
    const { sessionCookie } = await loginAsCitizen(t, 'rivierstad');
    await t.http().get('/api/v1/tenants/rivierstad/me').set('Cookie', `${sessionCookie}x`).expect(401);
    // Nor is a citizen session a staff token.
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox')
      .auth(sessionCookie.slice('bp_citizen='.length), { type: 'bearer' })
      .expect(401);
  });

  it.each([
    ['https://evil.example/x'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['/heuveldorp/mijn-bezwaren'],
    ['/rivierstad/../heuveldorp'],
  ])('never redirects outside the portal (terug=%s)', async (returnTo) => {
    const result = await loginAsCitizen(t, 'rivierstad', { returnTo });
    expect(result.location).toBe('/rivierstad');
  });

  it('refuses a tampered state, and a callback without the login cookie', async () => {
    const { authorizationUrl, loginCookie } = await startCitizenLogin(t, 'rivierstad');
    const { callbackUrl } = await authenticateAtProvider(authorizationUrl);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const refused = await finishCitizenLogin(t, tampered.toString(), loginCookie);
    expect(refused.status).toBe(303);
    expect(refused.location).toBe('/rivierstad/inloggen/mislukt?reden=mislukt');
    expect(refused.sessionCookie).toBeUndefined();

    // The login cookie was used up: the genuine callback can no longer be completed either.
    const again = await finishCitizenLogin(t, callbackUrl);
    expect(again.location).toBe('/rivierstad/inloggen/mislukt?reden=verlopen');
    expect(again.sessionCookie).toBeUndefined();

    // A login started at one municipality cannot be finished at another.
    const started = await startCitizenLogin(t, 'rivierstad');
    const provider = await authenticateAtProvider(started.authorizationUrl);
    const crossed = provider.callbackUrl.replace('/rivierstad/', '/heuveldorp/');
    const other = await finishCitizenLogin(t, crossed, started.loginCookie);
    expect(other.sessionCookie).toBeUndefined();
  });

  it('ends on a friendly Dutch page when the citizen cancels at DigiD', async () => {
    const { authorizationUrl, loginCookie } = await startCitizenLogin(t, 'rivierstad');
    const { callbackUrl } = await authenticateAtProvider(authorizationUrl, { cancel: true });
    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied');
    const result = await finishCitizenLogin(t, callbackUrl, loginCookie);
    expect(result.location).toBe('/rivierstad/inloggen/mislukt?reden=geannuleerd');
    expect(result.sessionCookie).toBeUndefined();

    const page = await t.http().get(result.location).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain('U heeft het inloggen met DigiD afgebroken.');
    expect(page.text).toContain('zonder DigiD bezwaar maken');
    expect(page.text).not.toMatch(/<script/i);
  });

  it('logs out', async () => {
    const { sessionCookie } = await loginAsCitizen(t, 'rivierstad');
    const out = await t
      .http()
      .post('/rivierstad/uitloggen')
      .query({ terug: 'https://evil.example' })
      .set('Cookie', sessionCookie)
      .expect(303);
    expect(out.headers.location).toBe('/rivierstad');
    expect(setCookieHeader(out.headers['set-cookie'], 'bp_citizen')).toMatch(
      /^bp_citizen=;.*Expires=Thu, 01 Jan 1970/,
    );
  });

  it('logs in each test person with their own subject', async () => {
    const samira = await loginAsCitizen(t, 'heuveldorp', { person: 'Samira el Amrani' });
    const me = await t
      .http()
      .get('/api/v1/tenants/heuveldorp/me')
      .set('Cookie', samira.sessionCookie)
      .expect(200);
    expect(me.body.name).toBe('Samira el Amrani');
    const jan = await loginAsCitizen(t, 'heuveldorp', { person: 'Jan Bakker' });
    const meJan = await t
      .http()
      .get('/api/v1/tenants/heuveldorp/me')
      .set('Cookie', jan.sessionCookie)
      .expect(200);
    expect(meJan.body.name).toBe('Jan Bakker');
  });

  it('recognises a repeat objector by the BSN, whatever address each objection gives', async () => {
    const { sessionCookie } = await loginAsCitizen(t, 'heuveldorp', { person: 'Jan Bakker' });
    const token = await t.tokenFor('heuveldorp');
    const fileAt = async (houseNumber: string) => {
      const filed = await t
        .http()
        .post('/api/v1/tenants/heuveldorp/objections')
        .set('Cookie', sessionCookie)
        .set('Idempotency-Key', `repeat-bsn-${houseNumber}-${Date.now()}`)
        .send({
          ...withoutIdentity(),
          objector: {
            name: `Jan Bakker ${houseNumber}`,
            email: 'jan@example.nl',
            address: { street: 'Dorpsstraat', houseNumber, postalCode: '7001 AA', city: 'Heuveldorp' },
          },
        })
        .expect(201);
      const kase = await t
        .http()
        .get(`/api/v1/tenants/heuveldorp/objections/${filed.body.reference}`)
        .auth(token, { type: 'bearer' })
        .expect(200);
      return kase.body.flags as string[];
    };
    expect(await fileAt('1')).not.toContain('repeat_objector');
    expect(await fileAt('2')).not.toContain('repeat_objector');
    expect(await fileAt('3')).toContain('repeat_objector');
  });

  describe('in the portal', () => {
    const form = '/rivierstad/bezwaar/participatiewet';

    it('sends "Mijn bezwaren" without a login to DigiD first', async () => {
      const response = await t.http().get('/rivierstad/mijn-bezwaren').expect(303);
      expect(response.headers.location).toBe('/rivierstad/inloggen?terug=%2Frivierstad%2Fmijn-bezwaren');
    });

    it('offers DigiD on the form, and fills in name and address after the login', async () => {
      // Handlebars writes "=" in attributes as &#x3D;, which a browser reads back as "=".
      const anonymous = (await t.http().get(form).expect(200)).text.replace(/&#x3D;/g, '=');
      expect(anonymous).toContain(`href="/rivierstad/inloggen?terug=${encodeURIComponent(form)}"`);
      expect(anonymous).toContain('name="signed"');

      const { sessionCookie } = await loginAsCitizen(t, 'rivierstad', { returnTo: form });
      const html = (await t.http().get(form).set('Cookie', sessionCookie).expect(200)).text;
      expect(html).toContain('U bent ingelogd met DigiD als <strong>Bo de Vries</strong>');
      expect(html).toMatch(
        /name="objector\.name"[^>]*value="Bo de Vries"|value="Bo de Vries"[^>]*name="objector\.name"/,
      );
      expect(html).toContain('value="Dijkstraat"');
      // Signed by the DigiD login (Awb 2:16): no checkbox to tick.
      expect(html).not.toContain('name="signed"');
    });

    it('files from the form as the logged-in citizen and lists the case under "Mijn bezwaren"', async () => {
      const { sessionCookie } = await loginAsCitizen(t, 'rivierstad');
      const html = (await t.http().get(form).set('Cookie', sessionCookie).expect(200)).text;
      const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1];
      const [year, month, day] = bosObjection().decision.date.split('-');
      const fields: [string, string][] = [
        ['idempotencyKey', hidden('idempotencyKey')],
        ['suggested', ''],
        ['decision.date.day', day],
        ['decision.date.month', month],
        ['decision.date.year', year],
        ['decision.reference', 'PW-PORTAAL-1'],
        ['decision.description', ''],
        ['objector.name', 'Bo de Vries'],
        ['objector.address.street', 'Dijkstraat'],
        ['objector.address.houseNumber', '12a'],
        ['objector.address.postalCode', '4101 AB'],
        ['objector.address.city', 'Rivierstad'],
        ['objector.email', ''],
        ['objector.phone', ''],
        ['representative.name', ''],
        ['representative.organisation', ''],
        ['representative.email', ''],
        ['grounds.text', 'Ik heb alles op tijd gemeld.'],
        ['wantsHearing', 'yes'],
        ['contactPreference', 'letter'],
      ];
      let request = t.http().post(form).set('Cookie', sessionCookie);
      for (const [name, value] of fields) request = request.field(name, value);
      const filed = await request.attach('attachments', Buffer.alloc(0), '').expect(303);
      const casePath = filed.headers.location.split('?')[0];

      const mine = (await t.http().get('/rivierstad/mijn-bezwaren').set('Cookie', sessionCookie).expect(200))
        .text;
      expect(mine).toContain(`href="${casePath}"`);
      const cases = await t
        .http()
        .get('/api/v1/tenants/rivierstad/me/cases')
        .set('Cookie', sessionCookie)
        .expect(200);
      const reference = (cases.body as { reference: string; caseUrl: string }[]).find((c) =>
        c.caseUrl.endsWith(casePath),
      )!.reference;
      const staff = await t
        .http()
        .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
        .auth(await t.tokenFor('rivierstad'), { type: 'bearer' })
        .expect(200);
      expect(staff.body.missingElements).toEqual([]);
    });
  });
});
