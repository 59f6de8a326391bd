import type { ParsedMail } from 'mailparser';
import { PROBLEM_CONTENT_TYPE, problemType } from '../src/common/problems/problem-details.filter';
import { Database } from '../src/database/database.service';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { browserOnApp, navigation } from './support/browser';
import { bosObjection } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const NEUTRAL =
  'Ik ben het niet eens met de hoogte van het bedrag. Volgens mij is het verkeerd berekend. Ik stuur mijn loonstroken mee.';
const ANGRY_MONEY =
  'Ik ben woedend. Niemand belt mij terug en intussen heb ik schulden en staat de deurwaarder voor de deur.';

/** Messages between handler and citizen: API, portal form, e-mail through a real SMTP server, signals. */
describe('messages on a case', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let staffToken: string;
  let keys = 0;

  beforeAll(async () => {
    sink = new SmtpSink();
    const smtpUrl = await sink.start();
    // The outbox is driven by hand (dispatchDue) so that each test knows which mails went out.
    t = await startTestApp({ SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '600000' });
    staffToken = await t.tokenFor('rivierstad');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  async function file(text: string, overrides: Record<string, unknown> = {}, tenant = 'rivierstad') {
    const objection = bosObjection(overrides);
    const response = await t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections`)
      .set('Idempotency-Key', `messages-test-${++keys}-${Date.now()}`)
      .send({ ...objection, grounds: { hints: [], text } })
      .expect(201);
    const body = response.body as { reference: string; caseUrl: string };
    return { reference: body.reference, token: body.caseUrl.split('/').pop()! };
  }

  const staff = (method: 'get' | 'post' | 'put', path: string, bearer = staffToken) =>
    t.http()[method](`/api/v1/tenants/rivierstad${path}`).set('Authorization', `Bearer ${bearer}`);

  const staffCase = async (reference: string, tenant = 'rivierstad', bearer = staffToken) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/${tenant}/objections/${reference}`)
        .set('Authorization', `Bearer ${bearer}`)
        .expect(200)
    ).body as {
      flags: string[];
      signals: { sentiment: { label: string }; lifeDomains: { code: string }[] };
      events: { kind: string; actor: string; data: Record<string, unknown> }[];
    };

  const citizenCase = async (token: string) =>
    (await t.http().get(`/api/v1/tenants/rivierstad/cases/${token}`).expect(200)).body as {
      messages: { at: string; from: string; body: string }[];
      referrals: Record<string, unknown>[];
      events: { kind: string }[];
    };

  const column = async (reference: string, name: string, tenant = 'rivierstad') => {
    const tenantId = (await t.app.get(TenantsService).requireBySlug(tenant)).id;
    const [row] = (await t.app
      .get(Database)
      .forTenant(tenantId, (db) =>
        db.query(`SELECT ${name} AS value FROM objections WHERE reference = $1`, [reference]),
      )) as { value: unknown }[];
    return row.value;
  };

  /** Sends what the outbox holds and returns the mails that arrived with this subject. */
  const delivered = async (subject: string): Promise<ParsedMail[]> => {
    await t.app.get(OutboxDispatcher).dispatchDue();
    return sink.messages.filter((m) => m.subject === subject);
  };

  const handlerId = async (tenant = 'rivierstad') => {
    const tenantId = (await t.app.get(TenantsService).requireBySlug(tenant)).id;
    const [row] = (await t.app
      .get(Database)
      .forTenant(tenantId, (db) =>
        db.query(`SELECT id FROM staff_users WHERE email = $1`, [`behandelaar@${tenant}.example`]),
      )) as { id: string }[];
    return row.id;
  };

  const portalPost = (path: string, body: string) =>
    t
      .http()
      .post(path)
      .type('form')
      .send(`body=${encodeURIComponent(body)}`);

  describe('handler → citizen', () => {
    it('records the message, and e-mails the citizen that it is there without the text or the link', async () => {
      const { reference, token } = await file(NEUTRAL);
      const body =
        'Beste mevrouw De Vries,\nIk heb u gebeld maar kreeg geen gehoor. Wanneer kan ik u bereiken?';
      const sent = await staff('post', `/objections/${reference}/messages`).send({ body }).expect(201);
      expect(Number.isNaN(Date.parse(sent.body.at))).toBe(false);

      const { events } = await staffCase(reference);
      const message = events.find((e) => e.kind === 'message_to_citizen')!;
      expect(message.data).toEqual({ body });
      expect(message.actor).toBe(`staff:${await handlerId()}`);
      expect(new Date((await column(reference, 'last_staff_message_at')) as string).toISOString()).toBe(
        sent.body.at,
      );

      const mails = await delivered(`U heeft een nieuw bericht over uw bezwaar ${reference}`);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail.to).toMatchObject({ value: [{ address: 'bo.devries@example.nl' }] });
      expect(mail.text).toContain('Beste Bo de Vries,');
      expect(mail.text).toContain('ontvangstbevestiging');
      expect(mail.text).not.toContain('geen gehoor');
      expect(mail.text).not.toContain(token);
      expect(mail.text).not.toContain('/zaak/');

      // The citizen reads it on the case page, with the line break kept.
      const citizen = await citizenCase(token);
      expect(citizen.messages).toEqual([{ at: sent.body.at, from: 'municipality', body }]);
      const page = await t.http().get(`/rivierstad/zaak/${token}`).expect(200);
      expect(page.text).toContain('Gemeente Rivierstad schreef');
      expect(page.text).toContain('Beste mevrouw De Vries,<br>Ik heb u gebeld maar kreeg geen gehoor.');
    });

    it('writes to the representative when there is one with an e-mail address', async () => {
      const { reference } = await file(NEUTRAL, {
        representative: { name: 'Sociaal Raadslieden Rivierstad', email: 'raadslieden@rivierstad.example' },
      });
      await staff('post', `/objections/${reference}/messages`).send({ body: 'Wij bellen u.' }).expect(201);
      const [mail] = await delivered(`U heeft een nieuw bericht over uw bezwaar ${reference}`);
      expect(mail.to).toMatchObject({ value: [{ address: 'raadslieden@rivierstad.example' }] });
      expect(mail.cc).toBeUndefined();
    });

    it('refuses an empty, blank or too long message in Dutch, and a stranger or another tenant', async () => {
      const { reference } = await file(NEUTRAL);
      for (const body of ['', '   \n ', 'x'.repeat(5001)]) {
        const response = await staff('post', `/objections/${reference}/messages`).send({ body }).expect(400);
        expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
        expect(response.body.errors).toEqual([
          {
            field: 'body',
            message:
              body.length > 5000
                ? expect.stringContaining('hoogstens 5.000 tekens')
                : 'Typ eerst uw bericht.',
          },
        ]);
      }
      await staff('post', `/objections/${reference}/messages`)
        .send({ body: 'x'.repeat(5000) })
        .expect(201);
      await staff('post', `/objections/${reference}/messages`).send({ body: 'Hoi', cc: 'x' }).expect(400);
      await staff('post', '/objections/RIV-1999-99999/messages').send({ body: 'Hoi' }).expect(404);
      await t
        .http()
        .post(`/api/v1/tenants/rivierstad/objections/${reference}/messages`)
        .send({ body: 'Hoi' })
        .expect(401);
      const other = await t.tokenFor('heuveldorp');
      await staff('post', `/objections/${reference}/messages`, other).send({ body: 'Hoi' }).expect(403);
    });
  });

  describe('citizen → handler', () => {
    it('records the reply, recomputes the signals with it and e-mails the assigned handler without the text', async () => {
      const { reference, token } = await file(NEUTRAL);
      const before = await staffCase(reference);
      expect(before.signals.sentiment.label).toBe('neutral');
      expect(before.flags).not.toContain('angry');
      await staff('put', `/objections/${reference}/assignee`)
        .send({ assigneeId: await handlerId() })
        .expect(200);

      const sent = await t
        .http()
        .post(`/api/v1/tenants/rivierstad/cases/${token}/messages`)
        .send({ body: ANGRY_MONEY })
        .expect(201);
      expect(new Date((await column(reference, 'last_citizen_message_at')) as string).toISOString()).toBe(
        sent.body.at,
      );

      const after = await staffCase(reference);
      expect(after.signals.sentiment.label).toBe('angry');
      expect(after.signals.lifeDomains.map((d) => d.code)).toContain('finances');
      expect(after.flags).toContain('angry');
      // Stored for the inbox in the same update.
      expect(await column(reference, 'flags')).toEqual(expect.arrayContaining(['angry']));
      const kinds = after.events.map((e) => e.kind);
      expect(kinds.slice(-2)).toEqual(['message_from_citizen', 'signals_updated']);
      const updated = after.events.find((e) => e.kind === 'signals_updated')!;
      expect(updated.actor).toBe('system');
      expect(updated.data).toEqual({
        sentiment: 'angry',
        lifeDomains: expect.arrayContaining(['finances']),
        flags: after.flags,
      });

      const [mail] = await delivered(`Nieuw bericht bij bezwaar ${reference}`);
      expect(mail.to).toMatchObject({ value: [{ address: 'behandelaar@rivierstad.example' }] });
      expect(mail.text).toContain(`/rivierstad/behandelaar/zaken/${reference}`);
      expect(mail.text).not.toContain('woedend');

      // A calm follow-up: the earlier message still counts, so nothing changes and no new signals event.
      await t
        .http()
        .post(`/api/v1/tenants/rivierstad/cases/${token}/messages`)
        .send({ body: 'Ik ben vanaf 10 uur bereikbaar.' })
        .expect(201);
      const later = await staffCase(reference);
      expect(later.flags).toEqual(after.flags);
      expect(later.events.filter((e) => e.kind === 'signals_updated')).toHaveLength(1);
      expect((await citizenCase(token)).messages.map((m) => [m.from, m.body])).toEqual([
        ['citizen', ANGRY_MONEY],
        ['citizen', 'Ik ben vanaf 10 uur bereikbaar.'],
      ]);
      // Signals are the municipality's business: not in the citizen's timeline.
      expect((await citizenCase(token)).events.map((e) => e.kind)).not.toContain('signals_updated');
    });

    it('refuses an empty or too long message, and an unknown link', async () => {
      const { token } = await file(NEUTRAL);
      for (const body of ['', ' ', 'x'.repeat(5001)]) {
        const response = await t
          .http()
          .post(`/api/v1/tenants/rivierstad/cases/${token}/messages`)
          .send({ body })
          .expect(400);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['body']);
      }
      const wrong = `${token[0] === 'x' ? 'y' : 'x'}${token.slice(1)}`;
      await t
        .http()
        .post(`/api/v1/tenants/rivierstad/cases/${wrong}/messages`)
        .send({ body: 'Hoi' })
        .expect(404);
      // The link belongs to one municipality.
      await t
        .http()
        .post(`/api/v1/tenants/heuveldorp/cases/${token}/messages`)
        .send({ body: 'Hoi' })
        .expect(404);
    });
  });

  describe('the portal case page', () => {
    it('sends a reply from the form, redirects back with a confirmation and shows it escaped', async () => {
      const { reference, token } = await file(NEUTRAL);
      const text = '<script>alert("x")</script> Ik ben woedend!\nIk heb schulden en de deurwaarder komt.';
      const response = await portalPost(`/rivierstad/zaak/${token}/bericht`, text).expect(303);
      expect(response.headers.location).toBe(`/rivierstad/zaak/${token}?bericht=verstuurd#berichten`);

      const page = await t.http().get(`/rivierstad/zaak/${token}?bericht=verstuurd`).expect(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('Uw bericht is verstuurd.');
      expect(page.text).toContain('U schreef');
      expect(page.text).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ik ben woedend!<br>Ik heb schulden',
      );
      expect(page.text).not.toContain('<script>');
      // Without the query: no confirmation.
      expect((await t.http().get(`/rivierstad/zaak/${token}`).expect(200)).text).not.toContain(
        'Uw bericht is verstuurd.',
      );

      const after = await staffCase(reference);
      expect(after.events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['message_from_citizen', 'signals_updated']),
      );
      expect(after.flags).toContain('angry');
      expect(after.signals.lifeDomains.map((d) => d.code)).toContain('finances');
    });

    it('shows the page again with the error beside the field and the text as typed', async () => {
      const { token } = await file(NEUTRAL);
      const empty = await portalPost(`/rivierstad/zaak/${token}/bericht`, '  ').expect(400);
      expect(empty.headers['content-type']).toContain('text/html');
      expect(empty.text).toMatch(/<title>Fout: Uw bezwaar /);
      expect(empty.text).toContain('role="alert"');
      expect(empty.text).toContain('<a href="#message-body">Typ eerst uw bericht.</a>');
      expect(empty.text).toContain('aria-invalid="true"');

      const long = `Mijn verhaal <b>begint</b> hier. ${'x'.repeat(5000)}`;
      const tooLong = await portalPost(`/rivierstad/zaak/${token}/bericht`, long).expect(400);
      expect(tooLong.text).toContain('hoogstens 5.000 tekens');
      expect(tooLong.text).toContain(
        `Mijn verhaal &lt;b&gt;begint&lt;/b&gt; hier. ${'x'.repeat(5000)}</textarea>`,
      );
      expect((await citizenCase(token)).messages).toEqual([]);
    });

    it('answers an unknown case link with the friendly 404 page', async () => {
      const response = await portalPost(`/rivierstad/zaak/${'x'.repeat(43)}/bericht`, 'Hallo').expect(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.text).toContain('Deze pagina bestaat niet');
    });
  });

  it('shows referrals to the citizen: who, what they do, and how to reach them', async () => {
    const { reference, token } = await file(NEUTRAL);
    await staff('post', `/objections/${reference}/referrals`)
      .send({ partner: 'schuldhulpverlening', note: 'Zij helpen u ook met de terugvordering.' })
      .expect(201);
    const { referrals } = await citizenCase(token);
    expect(referrals).toEqual([
      {
        at: expect.any(String),
        name: 'Schuldhulpverlening Rivierstad',
        description: expect.stringContaining('schulden'),
        phone: '14 0123',
        email: 'schuldhulp@rivierstad.example',
        website: 'https://www.rivierstad.example/schuldhulp',
        note: 'Zij helpen u ook met de terugvordering.',
      },
    ]);
    const page = (await t.http().get(`/rivierstad/zaak/${token}`).expect(200)).text;
    expect(page).toContain('<h2 class="heading-l" id="hulp">Hulp</h2>');
    expect(page).toContain('Schuldhulpverlening Rivierstad');
    expect(page).toContain('Zij helpen u ook met de terugvordering.');
    expect(page).toContain('href="tel:140123"');
    expect(page).toContain('href="mailto:schuldhulp@rivierstad.example"');
    expect(page).toContain('href="https://www.rivierstad.example/schuldhulp"');
  });

  it('takes no more messages on a closed case: 409 for both, and the form is gone', async () => {
    const { reference, token } = await file(NEUTRAL);
    await staff('post', `/objections/${reference}/status`).send({ status: 'closed' }).expect(200);
    const toCitizen = await staff('post', `/objections/${reference}/messages`)
      .send({ body: 'Hoi' })
      .expect(409);
    expect(toCitizen.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(toCitizen.body.type).toBe(problemType('case-closed'));
    await t
      .http()
      .post(`/api/v1/tenants/rivierstad/cases/${token}/messages`)
      .send({ body: 'Hoi' })
      .expect(409);
    const page = await portalPost(`/rivierstad/zaak/${token}/bericht`, 'Hoi').expect(409);
    expect(page.text).toContain('Dit bezwaar is afgehandeld.');
    const casePage = (await t.http().get(`/rivierstad/zaak/${token}`).expect(200)).text;
    expect(casePage).not.toContain('/bericht"');
    expect((await staffCase(reference)).events.map((e) => e.kind)).not.toContain('message_to_citizen');
  });

  describe("the tenant's own signal terms", () => {
    const DIALECT = 'Ich bin zo kwaod op de gemeinte. Ich höb sjulde.';

    it('are used by the analyze endpoint, at filing and on a citizen message', async () => {
      const heuveldorp = await t.tokenFor('heuveldorp');
      const there = await t
        .http()
        .post('/api/v1/tenants/heuveldorp/signals/analyze')
        .set('Authorization', `Bearer ${heuveldorp}`)
        .send({ text: DIALECT })
        .expect(200);
      expect(there.body.sentiment.label).toBe('angry');
      expect(there.body.lifeDomains).toEqual([{ code: 'finances', evidence: ['sjulde'] }]);
      const here = await staff('post', '/signals/analyze').send({ text: DIALECT }).expect(200);
      expect(here.body.sentiment.label).toBe('neutral');
      expect(here.body.lifeDomains).toEqual([]);

      const filed = await file(DIALECT, {}, 'heuveldorp');
      expect((await staffCase(filed.reference, 'heuveldorp', heuveldorp)).flags).toContain('angry');

      const calm = await file(NEUTRAL, {}, 'heuveldorp');
      await t
        .http()
        .post(`/api/v1/tenants/heuveldorp/cases/${calm.token}/messages`)
        .send({ body: 'Ich kin neet mie. De sjulde loupe op.' })
        .expect(201);
      const after = await staffCase(calm.reference, 'heuveldorp', heuveldorp);
      expect(after.signals.sentiment.label).toBe('distressed');
      expect(after.signals.lifeDomains.map((d) => d.code)).toEqual(['finances']);
      expect(after.flags).toContain('distressed');
    });
  });
  describe('in a real browser (chromium, axe-core)', () => {
    const browser = browserOnApp(() => t.app, 'the case page with messages');

    it('shows the conversation and the help accessibly, focuses the error, then sends the reply', async () => {
      const { reference, token } = await file(NEUTRAL);
      await staff('post', `/objections/${reference}/messages`)
        .send({ body: 'Beste mevrouw De Vries,\nKunt u mij bellen?' })
        .expect(201);
      await staff('post', `/objections/${reference}/referrals`)
        .send({ partner: 'schuldhulpverlening' })
        .expect(201);

      const { context, page } = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      await page.goto(`${browser.base}/rivierstad/zaak/${token}`);
      expect(await page.getByRole('heading', { level: 2, name: 'Berichten', exact: true }).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 2, name: 'Hulp', exact: true }).count()).toBe(1);
      expect(
        await page.locator('#hulp + p + .cards').getByRole('link', { name: '14 0123' }).getAttribute('href'),
      ).toBe('tel:140123');
      await browser.audit(page, 'zaak met berichten en hulp');

      // Sent empty: the error summary takes the focus and links to the field.
      await navigation(page, () => page.getByRole('button', { name: 'Bericht versturen' }).click());
      expect(await page.title()).toMatch(/^Fout: /);
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.className)).toBe(
        'error-summary',
      );
      await browser.audit(page, 'zaak met fout');
      await page.getByRole('link', { name: 'Typ eerst uw bericht.' }).click();
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('message-body');

      await page.getByLabel('Stuur ons een bericht').fill('Ik ben er morgen na 10 uur.\nGroet, Bo');
      await navigation(page, () => page.getByRole('button', { name: 'Bericht versturen' }).click());
      expect(page.url()).toBe(`${browser.base}/rivierstad/zaak/${token}?bericht=verstuurd#berichten`);
      expect(await page.getByRole('status').textContent()).toContain('Uw bericht is verstuurd.');
      expect(await page.getByText('Ik ben er morgen na 10 uur.').count()).toBe(1);
      await browser.audit(page, 'zaak na versturen');
      await context.close();
    });
  });
});
