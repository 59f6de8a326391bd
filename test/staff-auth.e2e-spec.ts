import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

describe('staff authentication and tenant access (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = (body: object) => t.http().post('/api/v1/auth/token').send(body);

  it('refuses a wrong password, an unknown account and an unknown tenant alike', async () => {
    const attempts = [
      { tenant: 'rivierstad', email: 'behandelaar@rivierstad.example', password: 'wrong' },
      { tenant: 'rivierstad', email: 'niemand@rivierstad.example', password: DEMO_PASSWORD },
      { tenant: 'nergenshuizen', email: 'behandelaar@rivierstad.example', password: DEMO_PASSWORD },
      // An account of one tenant cannot log in at another.
      { tenant: 'heuveldorp', email: 'behandelaar@rivierstad.example', password: DEMO_PASSWORD },
    ];
    for (const attempt of attempts) {
      const response = await login(attempt).expect(401);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body.detail).toBe('Gemeente, e-mailadres of wachtwoord klopt niet.');
    }
  });

  it('answers a malformed login with a 400 that lists each field', async () => {
    const response = await login({ tenant: '', email: 'geen-adres', extra: 1 }).expect(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'extra', 'password', 'tenant']);
  });

  it('accepts the e-mail address in any case', async () => {
    await login({
      tenant: 'rivierstad',
      email: 'Behandelaar@Rivierstad.EXAMPLE',
      password: DEMO_PASSWORD,
    }).expect(200);
  });

  it('lets a tenant admin log in too', async () => {
    const token = await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example');
    await t.http().get('/api/v1/tenants/heuveldorp/inbox').auth(token, { type: 'bearer' }).expect(200);
  });

  it('refuses the inbox without a token, and with a forged or garbled one', async () => {
    await t.http().get('/api/v1/tenants/rivierstad/inbox').expect(401);
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox')
      .auth('not-a-token', { type: 'bearer' })
      .expect(401);
    const token = await t.tokenFor('rivierstad');
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['tenant_admin'] })).toString('base64url');
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox')
      .auth(`${header}.${forged}.${token.split('.')[2]}`, { type: 'bearer' })
      .expect(401);
  });

  it("gives another tenant's token a 403 that reveals nothing of that tenant", async () => {
    const token = await t.tokenFor('rivierstad');
    const response = await t
      .http()
      .get('/api/v1/tenants/heuveldorp/inbox')
      .auth(token, { type: 'bearer' })
      .expect(403);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body.detail).toBe('U heeft geen toegang tot deze gegevens.');
    expect(JSON.stringify(response.body)).not.toContain('Gemeente Heuveldorp');
    expect(Object.keys(response.body).sort()).toEqual([
      'correlationId',
      'detail',
      'instance',
      'status',
      'title',
      'type',
    ]);
  });

  it('validates query parameters with a problem naming the parameter', async () => {
    const token = await t.tokenFor('rivierstad');
    const response = await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox?limit=veel')
      .auth(token, { type: 'bearer' })
      .expect(400);
    expect(response.body.errors[0].field).toBe('limit');
  });
});
