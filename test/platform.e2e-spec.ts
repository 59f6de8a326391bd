import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { startTestApp, TestApp, DEMO_PASSWORD } from './support/test-app';

describe('platform basics (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers the contract health call with exactly {"status":"ok"}', async () => {
    const response = await t.http().get('/api/v1/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('serves liveness and readiness with the database state', async () => {
    await t.http().get('/api/v1/health/live').expect(200, { status: 'ok' });
    const ready = await t.http().get('/api/v1/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('serves the OpenAPI document with the contract paths', async () => {
    const html = await t.http().get('/api/docs').expect(200);
    expect(html.text).toContain('swagger');
    const document = await t.http().get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/health',
        '/api/v1/auth/token',
        '/api/v1/tenants/{tenant}/regulations',
        '/api/v1/tenants/{tenant}/inbox',
      ]),
    );
  });

  it('lists each demo tenant its own regulations', async () => {
    for (const tenant of ['rivierstad', 'heuveldorp']) {
      const response = await t.http().get(`/api/v1/tenants/${tenant}/regulations`).expect(200);
      const codes = (response.body as { code: string }[]).map((r) => r.code);
      expect(codes).toEqual(
        expect.arrayContaining(['participatiewet', 'wmo', 'jeugdwet', 'parkeerbelasting', 'woz']),
      );
      expect(response.body[0].argumentHints.length).toBeGreaterThan(0);
    }
  });

  it('answers an unknown tenant with a 404 problem in Dutch', async () => {
    const response = await t.http().get('/api/v1/tenants/nergenshuizen/regulations').expect(404);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body).toMatchObject({ status: 404, title: 'Niet gevonden' });
    expect(response.body.detail).toContain('nergenshuizen');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await t.http().get('/api/v1/does-not-exist').expect(404);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('carries the caller’s request id into the response and the problem', async () => {
    const response = await t
      .http()
      .get('/api/v1/tenants/nergenshuizen/regulations')
      .set('x-request-id', 'test-correlation-0001');
    expect(response.headers['x-request-id']).toBe('test-correlation-0001');
    expect(response.body.correlationId).toBe('test-correlation-0001');
  });

  it('sets security headers', async () => {
    const response = await t.http().get('/api/v1/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/token')
      .set('content-type', 'application/json')
      .send('{"tenant": ');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('logs in a demo handler and shows the tenant’s inbox', async () => {
    const login = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ tenant: 'rivierstad', email: 'behandelaar@rivierstad.example', password: DEMO_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const inbox = await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox')
      .auth(login.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(inbox.body).toMatchObject({ items: [], nextCursor: null });
  });
});
