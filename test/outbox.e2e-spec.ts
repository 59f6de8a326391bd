import { Database } from '../src/database/database.service';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import { freePort, SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

/** An e-mail failure never loses or blocks a filing: the message waits in the outbox and is sent later. */
describe('e-mail outbox when the mail server is down', () => {
  let t: TestApp;
  let port: number;
  let sink: SmtpSink | undefined;

  beforeAll(async () => {
    port = await freePort();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, OUTBOX_POLL_MS: '600000' });
  });
  afterAll(async () => {
    await t.close();
    await sink?.stop();
  });

  const outbox = async () => {
    const tenantId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
    return (await t.app
      .get(Database)
      .forTenant(tenantId, (db) =>
        db.query(`SELECT attempts, sent_at, last_error FROM outbox_messages`),
      )) as {
      attempts: number;
      sent_at: Date | null;
      last_error: string | null;
    }[];
  };

  it('files while the mail server is down, and sends the receipt once it is back', async () => {
    const filed = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', 'outbox-test-0001')
      .send(bosObjection())
      .expect(201);
    await t.jobsDone();

    expect(await t.app.get(OutboxDispatcher).dispatchDue()).toBe(0);
    const [failed] = await outbox();
    expect(failed).toMatchObject({ attempts: 1, sent_at: null });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);

    sink = new SmtpSink();
    await sink.start(port);
    // The retry is due after its back-off; bring it forward instead of waiting.
    const tenantId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
    await t.app
      .get(Database)
      .forTenant(tenantId, (db) => db.query(`UPDATE outbox_messages SET next_attempt_at = now()`));
    expect(await t.app.get(OutboxDispatcher).dispatchDue()).toBe(1);
    expect(sink.messages.map((m) => m.subject)).toEqual([expect.stringContaining(filed.body.reference)]);
    const [sent] = await outbox();
    expect(sent.sent_at).not.toBeNull();
    // Nothing is sent twice.
    expect(await t.app.get(OutboxDispatcher).dispatchDue()).toBe(0);
  });
});
