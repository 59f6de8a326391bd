import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { bosObjection, daysAgo, FILES } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { binaryBody } from './support/binary-body';
import { formatDutchDate } from '../src/deadlines/dutch-dates';
import { LocalDate } from '../src/deadlines/local-date';

describe('filing an objection (POST /api/v1/tenants/{tenant}/objections)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let staffToken: string;
  let hintCodes: string[];

  beforeAll(async () => {
    smtp = new SmtpSink();
    // The outbox is polled by hand in these tests, so the timer is set far away.
    t = await startTestApp({
      SMTP_URL: await smtp.start(),
      OUTBOX_POLL_MS: '600000',
      PUBLIC_URL: 'https://bezwaar.test',
    });
    staffToken = await t.tokenFor('rivierstad');
    const regulations = (await t.http().get('/api/v1/tenants/rivierstad/regulations')).body as {
      code: string;
      argumentHints: { code: string }[];
    }[];
    hintCodes = regulations.find((r) => r.code === 'participatiewet')!.argumentHints.map((h) => h.code);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  let keys = 0;
  const newKey = () => `test-key-${Date.now()}-${++keys}`;
  const file = (body: object, key = newKey(), tenant = 'rivierstad') =>
    t.http().post(`/api/v1/tenants/${tenant}/objections`).set('Idempotency-Key', key).send(body);
  const staffCase = (reference: string) =>
    t.http().get(`/api/v1/tenants/rivierstad/objections/${reference}`).auth(staffToken, { type: 'bearer' });
  const tokenOf = (caseUrl: string) => caseUrl.split('/zaak/')[1];

  it("files Bo's objection and answers with the contract fields", async () => {
    const response = await file(
      bosObjection({ grounds: { hints: hintCodes.slice(0, 2), text: 'Ik ben woedend.' } }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ timely: true, missingElements: [] });
    expect(response.body.reference).toMatch(/^RIV-\d{4}-\d{5}$/);
    expect(response.body.objectionTermEnds).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(response.body.decisionTermEnds > response.body.objectionTermEnds).toBe(true);
    expect(response.body.caseUrl).toMatch(/^https:\/\/bezwaar\.test\/rivierstad\/zaak\/[A-Za-z0-9_-]{43}$/);

    const kase = (await staffCase(response.body.reference).expect(200)).body;
    expect(kase).toMatchObject({
      status: 'received',
      regulation: { code: 'participatiewet' },
      objector: { name: 'Bo de Vries', email: 'bo.devries@example.nl' },
      grounds: { hints: hintCodes.slice(0, 2) },
      flags: ['angry'],
    });
    expect(kase.signals.sentiment.evidence.join(' ')).toContain('woedend');
    expect(kase.events.map((e: { kind: string }) => e.kind)).toEqual(['filed']);
    expect(kase.documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt']);
  });

  it('reads the signals in her own words: angry, money and housing trouble, with the phrases that said so', async () => {
    const filed = (await file(bosObjection()).expect(201)).body;
    const kase = (await staffCase(filed.reference)).body;
    expect(kase.flags).toEqual(expect.arrayContaining(['angry', 'multi_problem']));
    const domains = Object.fromEntries(
      (kase.signals.lifeDomains as { code: string; evidence: string[] }[]).map((d) => [d.code, d.evidence]),
    );
    expect(domains.finances.join(' ').toLowerCase()).toMatch(/deurwaarder|terugbetalen|geld/);
    expect(Object.keys(domains)).toEqual(expect.arrayContaining(['finances', 'housing']));
    const inbox = await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox?limit=200')
      .auth(staffToken, { type: 'bearer' })
      .expect(200);
    const item = (inbox.body.items as { reference: string; flags: string[]; lifeDomains: string[] }[]).find(
      (i) => i.reference === filed.reference,
    )!;
    expect(item.flags).toEqual(expect.arrayContaining(['angry', 'multi_problem']));
    expect(item.lifeDomains).toEqual(expect.arrayContaining(['finances', 'housing']));
  });

  it('flags the third objection of the same person within 36 months as a repeat objector', async () => {
    const person = (name: string, houseNumber: string) =>
      bosObjection({
        objector: {
          name,
          email: 'herhaling@example.nl',
          address: { street: 'Kade', houseNumber, postalCode: '4102 CD', city: 'Rivierstad' },
        },
      });
    const flagsOf = async (body: object) =>
      (await staffCase((await file(body).expect(201)).body.reference)).body.flags as string[];
    expect(await flagsOf(person('Karel Visser', '7'))).not.toContain('repeat_objector');
    expect(await flagsOf(person('karel  visser', '7'))).not.toContain('repeat_objector');
    // Typed differently, still the same person; a neighbour is someone else.
    expect(await flagsOf(person('Karel Visser', '7 '))).toContain('repeat_objector');
    expect(await flagsOf(person('Karel Visser', '9'))).not.toContain('repeat_objector');
  });

  it('issues a PDF receipt with the reference, the deadlines and what happens next', async () => {
    const filed = (await file(bosObjection()).expect(201)).body;
    const pdf = await t
      .http()
      .get(`/api/v1/tenants/rivierstad/documents/${filed.receiptDocumentId}`)
      .auth(staffToken, { type: 'bearer' })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Ontvangstbevestiging van uw bezwaar');
    expect(text).toContain(filed.reference);
    expect(text).toContain('Bo de Vries');
    expect(text).toContain('Gemeente Rivierstad');
    expect(text).toContain('Wat gebeurt er nu?');
    expect(text).toContain('U heeft op tijd bezwaar gemaakt.');
    expect(text).toContain(
      `Wij beslissen uiterlijk op: ${formatDutchDate(filed.decisionTermEnds as LocalDate, { weekday: false })}`,
    );
  });

  it('e-mails the receipt with the case link through the outbox', async () => {
    const filed = (
      await file(
        bosObjection({ objector: { ...bosObjection().objector, email: 'mail.test@example.nl' } }),
      ).expect(201)
    ).body;
    await t.jobsDone();
    await t.app.get(OutboxDispatcher).dispatchDue();
    const mail = smtp.messages.find((m) => m.subject?.includes(filed.reference));
    expect(mail).toBeDefined();
    expect(mail!.to).toMatchObject({ text: 'mail.test@example.nl' });
    expect(mail!.text).toContain(filed.caseUrl);
    expect(mail!.attachments.map((a) => a.filename)).toEqual([`ontvangstbevestiging-${filed.reference}.pdf`]);
    expect(mail!.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('makes each receipt once, whether its job or an early download comes first, and mails it once', async () => {
    const filed = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        file(bosObjection({ objector: { ...bosObjection().objector, email: `race${i}@example.nl` } })),
      ),
    );
    // Downloaded at once, racing the receipt jobs the filings started.
    const downloads = await Promise.all(
      filed.map((f) =>
        t
          .http()
          .get(`/api/v1/tenants/rivierstad/documents/${f.body.receiptDocumentId}`)
          .auth(staffToken, { type: 'bearer' })
          .buffer(true)
          .parse(binaryBody),
      ),
    );
    expect(downloads.map((d) => d.status)).toEqual(Array(6).fill(200));
    expect(downloads.every((d) => (d.body as Buffer).subarray(0, 5).toString() === '%PDF-')).toBe(true);
    await t.jobsDone();
    const references = filed.map((f) => f.body.reference as string);
    const counts = await t.asOwner<{ reference: string; receipts: number; mails: number }>(
      `SELECT o.reference,
              (SELECT count(*)::int FROM documents d WHERE d.tenant_id = o.tenant_id AND d.objection_id = o.id
                 AND d.kind = 'receipt') AS receipts,
              (SELECT count(*)::int FROM outbox_messages m WHERE m.tenant_id = o.tenant_id
                 AND m.payload->>'subject' LIKE '%' || o.reference || '%') AS mails
         FROM objections o WHERE o.reference = ANY($1) ORDER BY o.reference`,
      [references],
    );
    expect(counts).toEqual([...references].sort().map((reference) => ({ reference, receipts: 1, mails: 1 })));
  });

  it('sends the documents to the representative, with the objector in copy', async () => {
    const filed = (
      await file(
        bosObjection({
          representative: {
            name: 'mr. A. Jansen',
            organisation: 'Het Juridisch Loket',
            email: 'jansen@loket.example',
          },
        }),
      ).expect(201)
    ).body;
    await t.jobsDone();
    await t.app.get(OutboxDispatcher).dispatchDue();
    const mail = smtp.messages.find((m) => m.subject?.includes(filed.reference))!;
    expect(mail.to).toMatchObject({ text: 'jansen@loket.example' });
    expect(mail.cc).toMatchObject({ text: 'bo.devries@example.nl' });
    expect((await staffCase(filed.reference)).body.representative).toMatchObject({ name: 'mr. A. Jansen' });
  });

  it('returns the first result for a retry with the same key, and files once', async () => {
    const key = newKey();
    const first = await file(bosObjection(), key).expect(201);
    const again = await file(bosObjection(), key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('files once when the same request arrives many times at the same moment', async () => {
    const key = newKey();
    const body = bosObjection({ decision: { ...bosObjection().decision, reference: `GELIJKTIJDIG-${key}` } });
    const responses = await Promise.all(Array.from({ length: 8 }, () => file(body, key)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((r) => r.body.reference)).size).toBe(1);
    const inbox = await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox?limit=200')
      .auth(staffToken, { type: 'bearer' })
      .expect(200);
    const references = (inbox.body.items as { reference: string }[]).map((i) => i.reference);
    expect(references.filter((r) => r === responses[0].body.reference)).toHaveLength(1);
  });

  it('refuses the same key for a different objection', async () => {
    const key = newKey();
    await file(bosObjection(), key).expect(201);
    const response = await file(bosObjection({ wantsHearing: false }), key).expect(422);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('requires an Idempotency-Key', async () => {
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .send(bosObjection())
      .expect(400);
    expect(response.body.detail).toContain('Idempotency-Key');
  });

  it('accepts a late objection, and flags it for review under Awb 6:11', async () => {
    const filed = (
      await file(bosObjection({ decision: { date: daysAgo(120), reference: 'X-1' } })).expect(201)
    ).body;
    expect(filed.timely).toBe(false);
    expect((await staffCase(filed.reference)).body.flags).toContain('late_filing');
  });

  it('accepts a pro forma objection without signature or address, listing what must be repaired', async () => {
    const { address: _address, ...objector } = bosObjection().objector;
    const filed = (
      await file(
        bosObjection({ objector, grounds: { hints: [] }, signed: false, decision: { date: daysAgo(3) } }),
      ).expect(201)
    ).body;
    expect(filed.missingElements.map((m: { code: string }) => m.code)).toEqual([
      'signature',
      'address',
      'grounds',
      'decision_description',
    ]);
    expect((await staffCase(filed.reference)).body.flags).toContain('missing_elements');
  });

  it('answers bad input with one Dutch message per field', async () => {
    const response = await file(
      bosObjection({
        objector: {
          name: '',
          email: 'geen-adres',
          address: { street: 'Dijk', houseNumber: '1', postalCode: '12345', city: 'X' },
        },
        decision: { date: '2026-02-30' },
        contactPreference: 'duif',
      }),
    ).expect(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const errors = Object.fromEntries(
      (response.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    expect(errors).toMatchObject({
      'objector.name': 'Vul uw naam in.',
      'objector.email': expect.stringContaining('e-mailadres'),
      'objector.address.postalCode': 'Vul een postcode in zoals 1234 AB.',
      'decision.date': expect.stringContaining('datum'),
      contactPreference: expect.stringContaining('bereiken'),
    });
  });

  it('refuses a decision date in the future, an unknown regulation and unknown hints', async () => {
    const cases: [object, string][] = [
      [bosObjection({ decision: { date: '2999-01-01' } }), 'decision.date'],
      [bosObjection({ regulation: 'hondenbelasting' }), 'regulation'],
      [bosObjection({ grounds: { hints: ['bestaat_niet'] } }), 'grounds.hints[0]'],
    ];
    for (const [body, field] of cases) {
      const response = await file(body).expect(400);
      expect(response.body.errors[0].field).toBe(field);
    }
  });

  it('stores attachments sent with the filing, recognised by their content', async () => {
    const key = newKey();
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', key)
      .field('objection', JSON.stringify(bosObjection()))
      .attach('attachments', FILES.pdf, 'besluit.pdf')
      .attach('attachments', FILES.png, { filename: 'foto-brief', contentType: 'application/octet-stream' })
      .expect(201);
    const kase = (await staffCase(response.body.reference)).body;
    const attachments = kase.documents.filter((d: { kind: string }) => d.kind === 'attachment');
    expect(attachments).toEqual([
      expect.objectContaining({
        filename: 'besluit.pdf',
        mediaType: 'application/pdf',
        size: FILES.pdf.length,
      }),
      expect.objectContaining({ filename: 'foto-brief.png', mediaType: 'image/png' }),
    ]);
    expect(attachments[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a disguised or oversized attachment and stores nothing of that filing', async () => {
    const key = newKey();
    const body = bosObjection({ decision: { ...bosObjection().decision, reference: `BIJLAGE-${key}` } });
    const disguised = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', key)
      .field('objection', JSON.stringify(body))
      .attach('attachments', FILES.exe, 'besluit.pdf')
      .expect(415);
    expect(disguised.body.detail).toContain('besluit.pdf');
    const oversized = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', key)
      .field('objection', JSON.stringify(body))
      .attach('attachments', Buffer.concat([FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]), 'groot.pdf')
      .expect(413);
    expect(oversized.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    // The same key still works: nothing of the refused attempts was kept.
    const filed = await file(body, key).expect(201);
    expect(filed.headers['idempotent-replayed']).toBeUndefined();
  });

  it("shows the citizen their case through the secret link, and nobody else's", async () => {
    const filed = (await file(bosObjection()).expect(201)).body;
    const token = tokenOf(filed.caseUrl);
    const view = await t.http().get(`/api/v1/tenants/rivierstad/cases/${token}`).expect(200);
    expect(view.body).toMatchObject({ reference: filed.reference, status: 'received', timely: true });
    const receipt = view.body.documents.find((d: { kind: string }) => d.kind === 'receipt');
    await t.http().get(`/api/v1/tenants/rivierstad/cases/${token}/documents/${receipt.id}`).expect(200);
    await t
      .http()
      .get(`/api/v1/tenants/rivierstad/cases/${token[0] === 'x' ? 'y' : 'x'}${token.slice(1)}`)
      .expect(404);
    await t.http().get(`/api/v1/tenants/heuveldorp/cases/${token}`).expect(404);
  });
});
