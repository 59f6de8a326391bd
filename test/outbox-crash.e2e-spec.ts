import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { Database } from '../src/database/database.service';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { enqueueEmail } from '../src/messaging/outbox';
import { TenantsService } from '../src/tenancy/tenants.service';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The e-mail outbox when its sender dies between handing a message to the mail server and marking it sent. The
 * first app loses its database at that very moment, as when its process is killed: the message it was sending
 * stays claimed and unmarked, and so does the next one it had claimed in the same round. A second app on the
 * same database, like a replica taking over, sends what was not marked once the dead sender's lease runs out.
 */
describe('e-mail outbox when the sender crashes', () => {
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  let sink: SmtpSink | undefined;

  afterAll(async () => {
    // The second app runs on the first one's data: close it first.
    await second?.close();
    await first?.close();
    await sink?.stop();
  });

  it('loses no message, and sends twice only the one the mail server had accepted, with the same Message-ID', async () => {
    let pullThePlug: () => Promise<void> = async () => undefined;
    sink = new SmtpSink((_mail: ParsedMail) => pullThePlug());
    // No timers: the test runs each round itself.
    const env = { SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '600000' };
    first = await startTestApp(env);
    const app = first.app;
    const tenantId = (await app.get(TenantsService).requireBySlug('rivierstad')).id;
    for (const subject of ['Ontvangstbevestiging van uw bezwaar', 'Uitnodiging voor de hoorzitting']) {
      // One unit of work each: the first is due (and sent) first.
      await app
        .get(Database)
        .forTenant(tenantId, (db) =>
          enqueueEmail(db, tenantId, { to: ['bo.devries@example.nl'], subject, text: `${subject}.` }),
        );
    }
    const [accepted, claimed] = (await app
      .get(Database)
      .forTenant(tenantId, (db) => db.query(`SELECT id FROM outbox_messages ORDER BY next_attempt_at`))) as {
      id: string;
    }[];
    // The moment the mail server has the whole first message, before it answers: the sender's database is gone.
    pullThePlug = () => {
      pullThePlug = async () => undefined;
      return app.get(DataSource).destroy();
    };

    // The round can mark nothing, nor record a failure, nor send the second message it had claimed.
    await expect(app.get(OutboxDispatcher).dispatchDue()).rejects.toThrow();
    expect(sink.messages.map((m) => m.messageId)).toEqual([`<${accepted.id}@bezwaarplatform>`]);

    second = await startTestApp({
      ...env,
      ...(first.config.embedded
        ? { DATA_DIR: first.config.dataDir }
        : { DATABASE_URL: first.config.databaseUrl! }),
    });
    const database = second.app.get(Database);
    const rows = async () =>
      (await database.forTenant(tenantId, (db) =>
        db.query(
          `SELECT id, sent_at IS NOT NULL AS sent, next_attempt_at > now() AS leased
             FROM outbox_messages ORDER BY next_attempt_at, id`,
        ),
      )) as { id: string; sent: boolean; leased: boolean }[];
    expect(await rows()).toEqual(
      expect.arrayContaining([
        { id: accepted.id, sent: false, leased: true },
        { id: claimed.id, sent: false, leased: true },
      ]),
    );
    const dispatcher = second.app.get(OutboxDispatcher);
    // While the lease runs, a sender that might still be alive is not raced.
    expect(await dispatcher.dispatchDue()).toBe(0);
    // The lease runs out (brought forward instead of waiting two minutes).
    await database.forTenant(tenantId, (db) =>
      db.query(`UPDATE outbox_messages SET next_attempt_at = now()`),
    );

    expect(await dispatcher.dispatchDue()).toBe(2);
    expect((await rows()).every((row) => row.sent)).toBe(true);
    // Nothing lost; the one the mail server had accepted arrives twice as one message to a receiver that folds
    // by Message-ID (SMTP gave the sender no way to know); the one it never had arrives once.
    const byId = (id: string) => sink!.messages.filter((m) => m.messageId === `<${id}@bezwaarplatform>`);
    expect(sink.messages).toHaveLength(3);
    const [original, duplicate] = byId(accepted.id);
    expect(duplicate).toBeDefined();
    expect([duplicate.subject, duplicate.text]).toEqual([original.subject, original.text]);
    expect(byId(claimed.id)).toHaveLength(1);
    // All marked now: not a third time.
    expect(await dispatcher.dispatchDue()).toBe(0);
    expect(sink.messages).toHaveLength(3);
  });
});
