import { PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';
import { bosObjection } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * No personal data in the application's logs: every request of a filing, a refused filing and the staff reading
 * the case is logged at the most talkative level into a captured stream, and none of the citizen's details, nor
 * a token or a cookie, appears in it.
 */
describe('application logs carry no personal data', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'trace', OUTBOX_POLL_MS: '600000' });
    // Every request's logger is a child of this root: its stream is where all request logs go.
    (PinoLogger.root as unknown as Record<symbol, unknown>)[symbols.streamSym] = {
      write: (line: string) => lines.push(line),
    };
  });
  afterAll(() => t.close());

  const SECRET_BSN = '111222333';
  const personal = bosObjection({
    objector: {
      name: 'Xanthippe Zonderland',
      email: 'x.zonderland@example.nl',
      phone: '06 98765432',
      address: { street: 'Kwetsbaarheidslaan', houseNumber: '7', postalCode: '4101 ZZ', city: 'Rivierstad' },
    },
    grounds: { hints: [], text: `Mijn BSN is ${SECRET_BSN} en ik heb schulden bij de Zonderland-bank.` },
  });
  const telltales = [
    'Xanthippe',
    'Zonderland',
    'x.zonderland@example.nl',
    '06 98765432',
    'Kwetsbaarheidslaan',
    SECRET_BSN,
    'schulden',
  ];

  it('logs the requests, but none of the citizen’s data, token or cookie', async () => {
    const filed = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `logs-${Date.now()}`)
      .send(personal)
      .expect(201);
    // A refused filing echoes nothing of its body into the logs either.
    await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `logs-bad-${Date.now()}`)
      .send({ ...personal, regulation: 'bestaat-niet', decision: { date: 'Zonderland' } })
      .expect((response) => expect(response.status).toBeGreaterThanOrEqual(400));
    const token = await t.tokenFor('rivierstad');
    await t
      .http()
      .get(`/api/v1/tenants/rivierstad/objections/${filed.body.reference}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox')
      .query({ q: 'Zonderland' })
      .auth(token, { type: 'bearer' })
      .expect(200);
    const cookie = await t.staffCookie('rivierstad');
    await t.page(`/rivierstad/behandelaar/zaken/${filed.body.reference}`, cookie).expect(200);

    const log = lines.join('');
    // The capture works: the requests are there, with their paths.
    expect(log).toContain('/api/v1/tenants/rivierstad/objections');
    expect(log).toContain(`/rivierstad/behandelaar/zaken/${filed.body.reference}`);
    for (const text of telltales) expect(log).not.toContain(text);
    expect(log).not.toContain(token);
    expect(log).not.toContain(cookie.split('=')[1]);
    expect(log.toLowerCase()).not.toContain('authorization');
  });
});
