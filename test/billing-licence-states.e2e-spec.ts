import type { ParsedMail } from 'mailparser';
import { LicenceStateService } from '../src/billing/licence-state.service';
import { problemType } from '../src/common/problems/problem-details.filter';
import { addDays, todayInAmsterdam } from '../src/deadlines/local-date';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { bosObjection } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The licence state: an unpaid invoice puts a municipality in grace and then suspends it, with an e-mail to its
 * admins at every change; a suspended licence leaves staff reading and exporting only, and never stops a
 * citizen from filing or seeing the case. The operator can suspend and reactivate by hand.
 */
describe('licence states', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let operator: string;
  let handler: string;
  let invoiceId: string;
  let keys = 0;
  const today = todayInAmsterdam();

  beforeAll(async () => {
    sink = new SmtpSink();
    t = await startTestApp({ SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '600000' });
    operator = await t.operatorToken();
    handler = await t.tokenFor('rivierstad');
    const generated = await op('post', '/tenants/rivierstad/invoices').send({ year: 2026 }).expect(201);
    invoiceId = generated.body.invoices[0].id;
    await op('post', `/tenants/rivierstad/invoices/${invoiceId}/issue`).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const op = (method: 'get' | 'post', path: string) =>
    t.http()[method](`/api/v1/platform${path}`).set('Authorization', `Bearer ${operator}`);
  const staff = (method: 'get' | 'post', path: string) =>
    t.http()[method](`/api/v1/tenants/rivierstad${path}`).set('Authorization', `Bearer ${handler}`);
  const file = () =>
    t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `states-${++keys}`)
      .send(bosObjection());
  const evaluate = () => t.app.get(LicenceStateService).evaluateAll();
  const state = async () => (await op('get', '/tenants/rivierstad/licences').expect(200)).body.licenceState;
  /** Sends what the outbox holds and returns the new mails about the licence (not the citizens' receipts). */
  const mails = async (): Promise<ParsedMail[]> => {
    const before = sink.messages.length;
    await t.app.get(OutboxDispatcher).dispatchDue();
    return sink.messages.slice(before).filter((m) => m.subject?.includes('licentie'));
  };
  const dueDaysAgo = (days: number) =>
    t.asOwner(`UPDATE invoices SET due_on = $1 WHERE id = $2`, [addDays(today, -days), invoiceId]);

  it('stays active while the invoice is not more than 14 days late', async () => {
    await dueDaysAgo(14);
    expect(await evaluate()).toBe(0);
    expect((await state()).state).toBe('active');
  });

  it('goes to grace more than 14 days after the due date and warns the admins once', async () => {
    await dueDaysAgo(15);
    expect(await evaluate()).toBe(1);
    const current = await state();
    expect(current.state).toBe('grace');
    expect(current.history[0]).toMatchObject({ from: 'active', to: 'grace', manual: false });
    expect(current.history[0].reason).toMatch(
      /^Factuur \d{4}-000001 moest uiterlijk .* betaald zijn en is 15 dagen te laat\.$/,
    );

    const [mail, ...more] = await mails();
    expect(more).toEqual([]);
    expect(mail.subject).toBe('Waarschuwing: de licentie is in de respijtperiode – Gemeente Rivierstad');
    expect((mail.to as { text: string }).text).toBe('beheer@rivierstad.example');
    expect(mail.text).toContain('is 15 dagen te laat');
    expect(mail.text).toContain('Inwoners kunnen altijd bezwaar blijven maken');
    expect(mail.text).toContain('/rivierstad/behandelaar/beheer/licentie');

    // Nothing changed since: no second change, no second mail.
    expect(await evaluate()).toBe(0);
    expect(await mails()).toEqual([]);
    // Staff still work, and their pages say what is coming.
    await staff('post', '/signals/analyze').send({ text: 'Ik ben boos.' }).expect(200);
    const inbox = await t.page('/rivierstad/behandelaar', await t.staffCookie('rivierstad')).expect(200);
    expect(inbox.text).toContain('De licentie loopt af');
  });

  it('is suspended 30 days later', async () => {
    await dueDaysAgo(45);
    expect(await evaluate()).toBe(1);
    expect((await state()).state).toBe('suspended');
    const [mail] = await mails();
    expect(mail.subject).toBe('De licentie is opgeschort – Gemeente Rivierstad');
    expect(mail.text).toContain('Medewerkers kunnen zaken nog inzien en exporteren');
  });

  describe('while suspended', () => {
    let reference: string;
    let token: string;

    it('lets citizens file and see their case', async () => {
      const filed = await file().expect(201);
      reference = filed.body.reference;
      token = (filed.body.caseUrl as string).split('/zaak/')[1];
      await t.http().get(`/rivierstad/zaak/${token}`).expect(200);
      const kase = await t.http().get(`/api/v1/tenants/rivierstad/cases/${token}`).expect(200);
      expect(kase.body.reference).toBe(reference);
      // Citizens may still write to the municipality about their case.
      await t
        .http()
        .post(`/api/v1/tenants/rivierstad/cases/${token}/messages`)
        .send({ body: 'Is mijn bezwaar binnen?' })
        .expect(201);
    });

    it('refuses every change by staff with licence-suspended, and keeps reading and export open', async () => {
      for (const [method, path, body] of [
        ['post', `/objections/${reference}/status`, { status: 'informal_contact' }],
        ['post', `/objections/${reference}/messages`, { body: 'Wij bellen u.' }],
        ['post', '/signals/analyze', { text: 'Ik ben boos.' }],
      ] as const) {
        const refused = await staff(method, path).send(body).expect(403);
        expect(refused.body.type).toBe(problemType('licence-suspended'));
        expect(refused.body.detail).toContain('Burgers kunnen wel bezwaar blijven maken');
      }
      await staff('get', '/inbox').expect(200);
      await staff('get', `/objections/${reference}`).expect(200);
      const csv = await staff('get', '/reports.csv').expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
    });

    it('shows the notice on the staff pages and refuses their forms', async () => {
      const cookie = await t.staffCookie('rivierstad');
      const inbox = await t.page('/rivierstad/behandelaar', cookie).expect(200);
      expect(inbox.text).toContain('De licentie is opgeschort');
      const kase = await t.page(`/rivierstad/behandelaar/zaken/${reference}`, cookie).expect(200);
      expect(kase.text).toContain('De licentie is opgeschort');
      const refused = await t
        .postForm(`/rivierstad/behandelaar/zaken/${reference}/bericht`, cookie, { bericht: 'Hallo' })
        .expect(403);
      expect(refused.text).toContain('is opgeschort');
    });
  });

  it('is active again once paid, and says so', async () => {
    const paid = await op('post', `/tenants/rivierstad/invoices/${invoiceId}/payment`).send({}).expect(200);
    expect(paid.body.status).toBe('paid');
    expect((await state()).state).toBe('active');
    const [mail] = await mails();
    expect(mail.subject).toBe('De licentie is weer actief – Gemeente Rivierstad');
    await staff('post', '/signals/analyze').send({ text: 'Ik ben boos.' }).expect(200);
  });

  it('follows the operator’s hand: a suspension holds until lifted, a reactivation until its date', async () => {
    const noReason = await op('post', '/tenants/rivierstad/licence-state')
      .send({ state: 'suspended', reason: '' })
      .expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const suspended = await op('post', '/tenants/rivierstad/licence-state')
      .send({ state: 'suspended', reason: 'Contract opgezegd per direct' })
      .expect(200);
    expect(suspended.body.state).toBe('suspended');
    expect(suspended.body.history[0]).toMatchObject({
      to: 'suspended',
      manual: true,
      reason: 'Contract opgezegd per direct',
    });
    expect((await mails())[0].text).toContain('Reden: Contract opgezegd per direct');
    // Everything is paid, yet the evaluation leaves a suspension by hand alone.
    expect(await evaluate()).toBe(0);
    await staff('post', '/signals/analyze').send({ text: 'Ik ben boos.' }).expect(403);

    await op('post', '/tenants/rivierstad/licence-state')
      .send({ state: 'active', reason: 'Afspraak gemaakt' })
      .expect(400);
    const reactivated = await op('post', '/tenants/rivierstad/licence-state')
      .send({ state: 'active', reason: 'Afspraak gemaakt', holdUntil: addDays(today, 10) })
      .expect(200);
    expect(reactivated.body.state).toBe('active');
    expect((await mails())[0].subject).toBe('De licentie is weer actief – Gemeente Rivierstad');

    // With an invoice long overdue, the hold keeps it active until its date; after that the facts count again.
    const generated = await op('post', '/tenants/rivierstad/invoices').send({ year: 2025 }).expect(201);
    invoiceId = generated.body.invoices[0].id;
    await op('post', `/tenants/rivierstad/invoices/${invoiceId}/issue`).expect(200);
    await dueDaysAgo(60);
    expect(await evaluate()).toBe(0);
    expect(await t.app.get(LicenceStateService).evaluateAll(addDays(today, 11))).toBe(1);
    expect((await state()).state).toBe('suspended');
  });

  it('is for operators only', async () => {
    const admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    await t
      .http()
      .post('/api/v1/platform/tenants/rivierstad/licence-state')
      .set('Authorization', `Bearer ${admin}`)
      .send({ state: 'active', reason: 'zelf', holdUntil: today })
      .expect(401);
  });
});
