import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { PROBLEM_CONTENT_TYPE, problemType } from '../src/common/problems/problem-details.filter';
import { LegalCalendarService } from '../src/deadlines/legal-calendar.service';
import { amsterdamDateOf } from '../src/deadlines/local-date';
import { InboxItem, InboxPage } from '../src/inbox/inbox-query';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { ROUTE_WORDS } from '../src/resolution/informal-route';
import { binaryBody } from './support/binary-body';
import { bosObjection } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

interface CaseJson {
  status: string;
  firstContactAt: string | null;
  closedReason: string | null;
  events: { at: string; actor: string; kind: string; data: Record<string, unknown> }[];
  documents: { id: string; kind: string; filename: string; mediaType: string; sha256: string }[];
}

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

const REPRESENTATIVE = { name: 'Sociaal Raadslieden Rivierstad', email: 'raadslieden@rivierstad.example' };
const AGREEMENT =
  'Wij zien af van de terugvordering van 2.340 euro. Mevrouw meldt zich deze week bij de schuldhulpverlening.';
const NOTES =
  'Mevrouw was erg boos. Zij heeft alle wijzigingen op tijd gemeld, maar de melding is blijven liggen.';
const REAL_ISSUE = 'Dreigende huisuitzetting door huurachterstand';

/** The informal approach through the API: contacts, conversations, the agreement letter and informal endings. */
describe('informal resolution (staff API)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let handlerToken: string;
  let adminToken: string;
  let otherTenantToken: string;
  let keys = 0;

  beforeAll(async () => {
    sink = new SmtpSink();
    // The outbox is dispatched by hand, and nothing runs on a timer beside the owner's statements.
    t = await startTestApp({ SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '600000' });
    handlerToken = await t.tokenFor('rivierstad');
    adminToken = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    otherTenantToken = await t.tokenFor('heuveldorp');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  async function file(overrides: Record<string, unknown> = {}, tenant = 'rivierstad') {
    const response = await t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections`)
      .set('Idempotency-Key', `resolution-test-${++keys}-${Date.now()}`)
      .send(bosObjection(overrides))
      .expect(201);
    const body = response.body as { reference: string; caseUrl: string; receivedAt: string };
    return { ...body, token: body.caseUrl.split('/').pop()! };
  }

  /** Moves a case's receipt back, as if it came in `days` days ago. */
  const receivedDaysAgo = (reference: string, days: number) =>
    t.asOwner(
      `UPDATE objections SET received_at = received_at - make_interval(days => $2) WHERE reference = $1`,
      [reference, days],
    );

  const post = (
    reference: string,
    action: string,
    body: object,
    token = handlerToken,
    tenant = 'rivierstad',
  ) =>
    t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections/${encodeURIComponent(reference)}/${action}`)
      .auth(token, { type: 'bearer' })
      .send(body);

  const getCase = async (reference: string, tenant = 'rivierstad', token = handlerToken) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/${tenant}/objections/${reference}`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as CaseJson;

  const eventsOf = async (reference: string, ...kinds: string[]) =>
    (await getCase(reference)).events.filter((e) => kinds.includes(e.kind));

  async function refused(
    request: Promise<{ status: number; headers: Record<string, string>; body: unknown }>,
    status: number,
  ): Promise<Problem> {
    const response = await request;
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    return response.body as Problem;
  }

  const mailsWithSubject = async (subject: string): Promise<ParsedMail[]> => {
    await t.app.get(OutboxDispatcher).dispatchDue();
    return sink.messages.filter((m) => m.subject === subject);
  };

  const download = async (documentId: string) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/documents/${documentId}`)
        .auth(handlerToken, { type: 'bearer' })
        .buffer(true)
        .parse(binaryBody)
        .expect(200)
    ).body as Buffer;

  const inbox = async (params = '', tenant = 'rivierstad', token = handlerToken) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/${tenant}/inbox${params ? `?${params}` : ''}`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as InboxPage;

  describe('POST …/contacts', () => {
    it('logs an attempt that did not reach the objector without making it first contact', async () => {
      const { reference } = await file();
      const response = await post(reference, 'contacts', {
        channel: 'phone',
        reached: false,
        note: 'Voicemail ingesproken.',
      }).expect(201);
      expect(response.body).toMatchObject({ reference, reached: false, firstContactAt: null });

      const kase = await getCase(reference);
      expect(kase.firstContactAt).toBeNull();
      expect(kase.status).toBe('received');
      const [attempt] = kase.events.filter((e) => e.kind === 'contact_attempt');
      expect(attempt.data).toEqual({ channel: 'phone', reached: false, note: 'Voicemail ingesproken.' });
      expect(attempt.at).toBe(response.body.at);
      expect(attempt.actor).toMatch(/^staff:[0-9a-f-]{36}$/);
    });

    it('sets first contact once: by the first reached contact, at the moment it took place', async () => {
      const { reference } = await file();
      await receivedDaysAgo(reference, 3);
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
      await post(reference, 'contacts', { channel: 'email', reached: false }).expect(201);
      const first = await post(reference, 'contacts', {
        at: twoDaysAgo.toISOString(),
        channel: 'visit',
        reached: true,
      }).expect(201);
      expect(first.body.firstContactAt).toBe(twoDaysAgo.toISOString());

      // A later contact and a conversation leave it as it is.
      const later = await post(reference, 'contacts', { channel: 'phone', reached: true }, adminToken).expect(
        201,
      );
      expect(later.body.firstContactAt).toBe(twoDaysAgo.toISOString());
      await post(reference, 'conversations', {
        channel: 'phone',
        notes: NOTES,
        agreedRoute: 'explanation',
        agreement: 'Wij leggen de berekening uit.',
        confirm: false,
      }).expect(201);

      const kase = await getCase(reference);
      expect(kase.firstContactAt).toBe(twoDaysAgo.toISOString());
      const attempts = kase.events.filter((e) => e.kind === 'contact_attempt');
      expect(attempts.map((e) => e.data.reached)).toEqual([true, false, true]);
      expect(attempts[0].at).toBe(twoDaysAgo.toISOString());
    });

    it('refuses a moment in the future or before receipt, and unknown or missing fields, in Dutch', async () => {
      const { reference } = await file();
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      const future = await refused(
        post(reference, 'contacts', { at: tomorrow, channel: 'phone', reached: true }),
        400,
      );
      expect(future.errors).toEqual([
        { field: 'at', message: 'Dit moment ligt in de toekomst. Vul in wanneer het contact was.' },
      ]);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      const early = await refused(
        post(reference, 'contacts', { at: yesterday, channel: 'phone', reached: true }),
        400,
      );
      expect(early.errors).toEqual([{ field: 'at', message: expect.stringContaining('vóór de ontvangst') }]);

      const bad = await refused(post(reference, 'contacts', { at: 'gisteren', channel: 'fax' }), 400);
      expect(bad.errors!.map((e) => e.field)).toEqual(['at', 'channel', 'reached']);
      const unknown = await refused(
        post(reference, 'contacts', { channel: 'phone', reached: true, who: 'x' }),
        400,
      );
      expect(unknown.errors).toEqual([{ field: 'who', message: 'Dit veld is onbekend.' }]);
      expect((await getCase(reference)).events.filter((e) => e.kind === 'contact_attempt')).toEqual([]);
    });
  });

  describe('POST …/conversations', () => {
    it("records Bo's conversation, moves her case to informal contact and confirms the agreement by letter", async () => {
      const { reference, token } = await file();
      const response = await post(reference, 'conversations', {
        channel: 'phone',
        notes: NOTES,
        realIssue: REAL_ISSUE,
        agreedRoute: 'referral',
        agreement: AGREEMENT,
      }).expect(201);
      expect(response.body).toMatchObject({ reference, status: 'informal_contact' });
      const { documentId } = response.body as { documentId: string };
      expect(documentId).toMatch(/^[0-9a-f-]{36}$/);

      const kase = await getCase(reference);
      expect(kase.status).toBe('informal_contact');
      const kinds = kase.events.map((e) => e.kind);
      expect(kinds.slice(-3)).toEqual(['conversation', 'status_changed', 'agreement_confirmed']);
      const [conversation, moved, confirmed] = kase.events.slice(-3);
      expect(conversation.data).toEqual({
        channel: 'phone',
        notes: NOTES,
        realIssue: REAL_ISSUE,
        agreedRoute: 'referral',
        agreement: AGREEMENT,
      });
      expect(kase.firstContactAt).toBe(conversation.at);
      expect(response.body.firstContactAt).toBe(conversation.at);
      expect(moved.data).toEqual({ from: 'received', to: 'informal_contact' });
      expect(confirmed.data).toEqual({ route: 'referral', documentId });

      // The letter: stored with its sha256, and saying what was agreed, the route and that nothing has ended.
      const letter = kase.documents.find((d) => d.id === documentId)!;
      expect(letter).toMatchObject({
        kind: 'letter',
        mediaType: 'application/pdf',
        filename: `bevestiging-afspraken-${reference}.pdf`,
      });
      const pdf = await download(documentId);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(letter.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      expect(text).toContain(reference);
      expect(text).toContain('Bo de Vries');
      expect(text).toContain(`Afgesproken oplossing: ${ROUTE_WORDS.referral}`);
      expect(text).toContain(AGREEMENT);
      expect(text).toContain(
        'Uw bezwaar blijft staan totdat u het intrekt of totdat wij erover hebben beslist.',
      );
      expect(text).toContain('loopt gewoon door, ook tijdens ons contact');
      // Internal notes stay inside the municipality.
      expect(text).not.toContain(REAL_ISSUE);
      expect(text).not.toContain('erg boos');

      // The citizen finds it on the case page.
      const citizen = await t.http().get(`/api/v1/tenants/rivierstad/cases/${token}`).expect(200);
      expect((citizen.body as CaseJson).documents.map((d) => d.id)).toContain(documentId);

      // And gets an e-mail through the real SMTP server that it is there, without the letter.
      const [mail, ...more] = await mailsWithSubject(
        `Er staat een brief voor u klaar over uw bezwaar ${reference}`,
      );
      expect(more).toEqual([]);
      expect(mail.to).toMatchObject({ value: [{ address: 'bo.devries@example.nl' }] });
      expect(mail.text).toContain('Er staat een brief voor u klaar');
      expect(mail.text).toContain('bij de documenten');
      expect(mail.text).not.toContain('terugvordering');
      expect(mail.text).not.toContain(ROUTE_WORDS.referral);
      expect(mail.text).not.toContain(token);
      expect(mail.attachments).toEqual([]);
    });

    it('moves on to the formal procedure when that is the route, and writes to the representative', async () => {
      const { reference } = await file({ representative: REPRESENTATIVE });
      const response = await post(reference, 'conversations', {
        channel: 'video',
        notes: 'Meneer wil gehoord worden.',
        agreedRoute: 'formal_procedure',
      }).expect(201);
      expect(response.body.status).toBe('formal_procedure');

      const kase = await getCase(reference);
      expect(kase.status).toBe('formal_procedure');
      expect(kase.events.filter((e) => e.kind === 'status_changed').map((e) => e.data)).toEqual([
        { from: 'received', to: 'informal_contact' },
        { from: 'informal_contact', to: 'formal_procedure' },
      ]);
      const text = (await pdfText(await download(response.body.documentId as string))).replace(/\s+/g, ' ');
      expect(text).toContain(ROUTE_WORDS.formal_procedure);
      expect(text).toContain(REPRESENTATIVE.name);
      const [mail] = await mailsWithSubject(`Er staat een brief voor u klaar over uw bezwaar ${reference}`);
      expect(mail.to).toMatchObject({ value: [{ address: REPRESENTATIVE.email }] });
      expect(mail.text).toContain(`Beste ${REPRESENTATIVE.name},`);
    });

    it('sends nothing when no confirmation is asked for, and leaves a case in informal contact there', async () => {
      const { reference } = await file();
      const body = {
        channel: 'phone',
        notes: NOTES,
        agreedRoute: 'explanation',
        agreement: 'Uitleg gegeven.',
      };
      expect(
        (await post(reference, 'conversations', { ...body, confirm: false }).expect(201)).body,
      ).toMatchObject({
        status: 'informal_contact',
        documentId: null,
      });
      await post(reference, 'conversations', { ...body, confirm: false }).expect(201);

      const kase = await getCase(reference);
      expect(kase.events.filter((e) => e.kind === 'conversation')).toHaveLength(2);
      expect(kase.events.filter((e) => e.kind === 'status_changed')).toHaveLength(1);
      expect(kase.events.filter((e) => e.kind === 'agreement_confirmed')).toEqual([]);
      expect(kase.documents.filter((d) => d.kind === 'letter')).toEqual([]);
      expect(await mailsWithSubject(`Er staat een brief voor u klaar over uw bezwaar ${reference}`)).toEqual(
        [],
      );
    });

    it('refuses missing notes, a missing agreement and an unknown route, and records nothing', async () => {
      const { reference } = await file();
      const noAgreement = await refused(
        post(reference, 'conversations', { channel: 'phone', notes: NOTES, agreedRoute: 'correction' }),
        400,
      );
      expect(noAgreement.errors).toEqual([
        { field: 'agreement', message: expect.stringContaining('afgesproken') },
      ]);
      const bad = await refused(
        post(reference, 'conversations', {
          channel: 'phone',
          notes: ' ',
          agreedRoute: 'bellen',
          confirm: 'ja',
        }),
        400,
      );
      // Without a known route, an agreement is asked for as for any route but the formal procedure.
      expect(bad.errors!.map((e) => e.field)).toEqual(['notes', 'agreedRoute', 'agreement', 'confirm']);
      const kase = await getCase(reference);
      expect(kase.status).toBe('received');
      expect(kase.firstContactAt).toBeNull();
      expect(kase.events.map((e) => e.kind)).toEqual(['filed']);
    });
  });

  describe('POST …/withdrawal', () => {
    it('ends the case without a decision, and it leaves the inbox', async () => {
      const { reference } = await file();
      await post(reference, 'conversations', {
        channel: 'phone',
        notes: NOTES,
        agreedRoute: 'withdrawal',
        agreement: 'Mevrouw trekt haar bezwaar in.',
        confirm: false,
      }).expect(201);
      const response = await post(reference, 'withdrawal', {
        how: 'written',
        note: 'Brief van 3 december',
      }).expect(200);
      expect(response.body).toEqual({ reference, status: 'withdrawn', closedReason: null });

      const kase = await getCase(reference);
      expect(kase.status).toBe('withdrawn');
      expect(kase.events.map((e) => e.kind).slice(-2)).toEqual(['withdrawn', 'status_changed']);
      expect(kase.events.slice(-2).map((e) => e.data)).toEqual([
        { how: 'written', note: 'Brief van 3 december' },
        { from: 'informal_contact', to: 'withdrawn' },
      ]);
      expect((await inbox('limit=200')).items.map((i) => i.reference)).not.toContain(reference);
      expect((await inbox('status=withdrawn&limit=200')).items.map((i) => i.reference)).toContain(reference);
    });

    it('needs a note saying how the objector confirmed it', async () => {
      const { reference } = await file();
      const problem = await refused(post(reference, 'withdrawal', { how: 'confirmed_by_objector' }), 400);
      expect(problem.errors).toEqual([
        { field: 'note', message: expect.stringContaining('hoe de indiener het intrekken heeft bevestigd') },
      ]);
      expect((await getCase(reference)).status).toBe('received');
      await post(reference, 'withdrawal', {
        how: 'confirmed_by_objector',
        note: 'Telefonisch op 3 december, per e-mail bevestigd.',
      }).expect(200);
      const [withdrawn] = await eventsOf(reference, 'withdrawn');
      expect(withdrawn.data).toEqual({
        how: 'confirmed_by_objector',
        note: 'Telefonisch op 3 december, per e-mail bevestigd.',
      });
      expect((await eventsOf(reference, 'status_changed')).map((e) => e.data)).toEqual([
        { from: 'received', to: 'withdrawn' },
      ]);
    });
  });

  describe('POST …/correction', () => {
    it('records the new decision and closes the case as resolved informally; it leaves the inbox', async () => {
      const { reference } = await file();
      const response = await post(reference, 'correction', {
        newDecisionReference: 'PW-2026-0042-H',
        note: 'Terugvordering ingetrokken.',
      }).expect(200);
      expect(response.body).toEqual({ reference, status: 'closed', closedReason: 'resolved_informally' });

      const kase = await getCase(reference);
      expect(kase).toMatchObject({ status: 'closed', closedReason: 'resolved_informally' });
      expect(kase.events.slice(-2).map((e) => [e.kind, e.data])).toEqual([
        [
          'decision_corrected',
          { newDecisionReference: 'PW-2026-0042-H', note: 'Terugvordering ingetrokken.' },
        ],
        ['status_changed', { from: 'received', to: 'closed' }],
      ]);
      expect((await inbox('limit=200')).items.map((i) => i.reference)).not.toContain(reference);
    });

    it('refuses a missing new reference', async () => {
      const { reference } = await file();
      const problem = await refused(post(reference, 'correction', { note: 'x' }), 400);
      expect(problem.errors).toEqual([
        { field: 'newDecisionReference', message: 'Vul het kenmerk van het nieuwe (aangepaste) besluit in.' },
      ]);
    });
  });

  describe('refusals on every action', () => {
    const actions: [string, object][] = [
      ['contacts', { channel: 'phone', reached: true }],
      ['conversations', { channel: 'phone', notes: NOTES, agreedRoute: 'explanation', agreement: 'Uitleg.' }],
      ['withdrawal', { how: 'written' }],
      ['correction', { newDecisionReference: 'PW-2026-0042-H' }],
    ];

    it.each(actions)('%s on a closed case: 409 case-closed, and nothing recorded', async (action, body) => {
      for (const ending of [
        ['withdrawal', { how: 'written' }],
        ['correction', { newDecisionReference: 'N-1' }],
      ] as const) {
        const { reference } = await file();
        await post(reference, ending[0], ending[1]).expect(200);
        const before = (await getCase(reference)).events.length;
        const problem = await refused(post(reference, action, body), 409);
        expect(problem.type).toBe(problemType('case-closed'));
        expect(problem.detail).toContain('niet meer in behandeling');
        expect((await getCase(reference)).events).toHaveLength(before);
      }
    });

    it.each(actions)('%s on a case that does not exist: 404', async (action, body) => {
      const problem = await refused(post('RIV-2026-99999', action, body), 404);
      expect(problem.detail).toContain('RIV-2026-99999');
    });

    it.each(actions)(
      "%s with another tenant's token: 403, and nothing of the case revealed",
      async (action, body) => {
        const { reference } = await file();
        const problem = await refused(post(reference, action, body, otherTenantToken), 403);
        expect(problem.detail).not.toContain(reference);
        expect((await getCase(reference)).events.map((e) => e.kind)).toEqual(['filed']);
        await refused(
          t.http().post(`/api/v1/tenants/rivierstad/objections/${reference}/${action}`).send(body),
          401,
        );
      },
    );
  });

  describe('first contact in the inbox (heuveldorp: 3 working days)', () => {
    const HEUVELDORP_DAYS = 3;
    let heuveldorpToken: string;
    const cases = {} as Record<'fresh' | 'late' | 'lateReached' | 'lateTalking' | 'lateOld', string>;
    const items = async (params = '') =>
      new Map(
        (await inbox(`limit=200${params}`, 'heuveldorp', heuveldorpToken)).items.map((i) => [i.reference, i]),
      );

    beforeAll(async () => {
      heuveldorpToken = otherTenantToken;
      for (const key of Object.keys({ fresh: 0, late: 0, lateReached: 0, lateTalking: 0, lateOld: 0 })) {
        cases[key as keyof typeof cases] = (await file({}, 'heuveldorp')).reference;
      }
      await receivedDaysAgo(cases.late, 20);
      await receivedDaysAgo(cases.lateReached, 20);
      await receivedDaysAgo(cases.lateTalking, 10);
      await receivedDaysAgo(cases.lateOld, 40);
      const heuveldorp = (reference: string, action: string, body: object) =>
        post(reference, action, body, heuveldorpToken, 'heuveldorp');
      await heuveldorp(cases.lateReached, 'contacts', { channel: 'phone', reached: false }).expect(201);
      await heuveldorp(cases.lateReached, 'contacts', { channel: 'phone', reached: true }).expect(201);
      await heuveldorp(cases.lateTalking, 'conversations', {
        channel: 'phone',
        notes: NOTES,
        agreedRoute: 'explanation',
        agreement: 'Uitleg gegeven.',
        confirm: false,
      }).expect(201);
      await t.asOwner(`UPDATE objections SET penalty_starts_on = '2027-02-01' WHERE reference = $1`, [
        cases.lateOld,
      ]);
      // An unreached attempt is no contact.
      await heuveldorp(cases.late, 'contacts', { channel: 'email', reached: false }).expect(201);
    });

    it('says when first contact is due, when it happened and whether it is late', async () => {
      const calendar = await t.app.get(LegalCalendarService).current();
      const byReference = await items();
      for (const reference of Object.values(cases)) {
        const item = byReference.get(reference)!;
        const [{ received_at }] = await t.asOwner<{ received_at: Date }>(
          `SELECT received_at FROM objections WHERE reference = $1`,
          [reference],
        );
        const dueOn = calendar.addWorkingDays(amsterdamDateOf(new Date(received_at)), HEUVELDORP_DAYS);
        expect([reference, item.firstContact.dueOn]).toEqual([reference, dueOn]);
      }
      const late = (key: keyof typeof cases) => byReference.get(cases[key])!.firstContact;
      expect(late('fresh')).toMatchObject({ at: null, late: false });
      expect(late('late')).toMatchObject({ at: null, late: true });
      expect(late('lateOld')).toMatchObject({ at: null, late: true });
      expect(late('lateReached').late).toBe(false);
      expect(late('lateReached').at).toBe(
        (await getCase(cases.lateReached, 'heuveldorp', heuveldorpToken)).firstContactAt,
      );
      expect(late('lateTalking')).toMatchObject({ late: false, at: expect.any(String) });
      expect(late('late').dueOn < (await inbox('limit=1', 'heuveldorp', heuveldorpToken)).today).toBe(true);
    });

    it('says that the decision term runs on during informal contact, and when a penalty starts', async () => {
      const byReference = await items();
      expect(byReference.get(cases.lateTalking)).toMatchObject({
        status: 'informal_contact',
        informalContactRunning: true,
        penaltyStartsOn: null,
      });
      expect(byReference.get(cases.fresh)!.informalContactRunning).toBe(false);
      expect(byReference.get(cases.lateOld)!.penaltyStartsOn).toBe('2027-02-01');
    });

    it('filters and counts the open cases whose first contact is late', async () => {
      const late = [cases.late, cases.lateOld].sort();
      const page = await inbox('noContact=true&limit=200', 'heuveldorp', heuveldorpToken);
      expect(page.items.map((i) => i.reference).sort()).toEqual(late);
      expect(page.counts.noContact).toBe(2);
      const others = (await inbox('noContact=false&limit=200', 'heuveldorp', heuveldorpToken)).items.map(
        (i) => i.reference,
      );
      expect(others).not.toEqual(expect.arrayContaining([cases.late]));
      expect(others).toEqual(expect.arrayContaining([cases.fresh, cases.lateReached, cases.lateTalking]));
      // A case that ended is no longer waiting for contact.
      const { reference } = await file({}, 'heuveldorp');
      await receivedDaysAgo(reference, 30);
      expect((await inbox('limit=1', 'heuveldorp', heuveldorpToken)).counts.noContact).toBe(3);
      await post(reference, 'withdrawal', { how: 'written' }, heuveldorpToken, 'heuveldorp').expect(200);
      expect((await inbox('limit=1', 'heuveldorp', heuveldorpToken)).counts.noContact).toBe(2);
      const withdrawn = await inbox('status=withdrawn&noContact=true', 'heuveldorp', heuveldorpToken);
      expect(withdrawn.items).toEqual([]);
    });

    it('puts late first contact first with sort=contact, each group in deadline order, and pages it', async () => {
      const byDeadline = (await inbox('limit=200', 'heuveldorp', heuveldorpToken)).items;
      const expected = [
        ...byDeadline.filter((i) => i.firstContact.late),
        ...byDeadline.filter((i) => !i.firstContact.late),
      ].map((i) => i.reference);
      const byContact = (await inbox('sort=contact&limit=200', 'heuveldorp', heuveldorpToken)).items;
      expect(byContact.map((i) => i.reference)).toEqual(expected);
      expect(byContact.slice(0, 2).every((i) => i.firstContact.late)).toBe(true);

      for (const limit of [1, 2, 3]) {
        const seen: InboxItem[] = [];
        let cursor: string | null = null;
        do {
          const params: string = `sort=contact&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const page: InboxPage = await inbox(params, 'heuveldorp', heuveldorpToken);
          seen.push(...page.items);
          cursor = page.nextCursor;
          expect(seen.length).toBeLessThanOrEqual(expected.length);
        } while (cursor);
        expect([limit, seen.map((i) => i.reference)]).toEqual([limit, expected]);
      }

      const contactCursor = (await inbox('sort=contact&limit=1', 'heuveldorp', heuveldorpToken)).nextCursor!;
      const problem = await refused(
        t
          .http()
          .get(`/api/v1/tenants/heuveldorp/inbox?cursor=${encodeURIComponent(contactCursor)}`)
          .auth(heuveldorpToken, { type: 'bearer' }),
        400,
      );
      expect(problem.errors![0].field).toBe('cursor');
    });
  });

  it("counts rivierstad's own number of working days (5) for its cases", async () => {
    const { reference, receivedAt } = await file();
    await receivedDaysAgo(reference, 30);
    const item = (await inbox('noContact=true&limit=200')).items.find((i) => i.reference === reference)!;
    const calendar = await t.app.get(LegalCalendarService).current();
    const received = amsterdamDateOf(new Date(Date.parse(receivedAt) - 30 * 86_400_000));
    expect(item.firstContact).toEqual({ at: null, dueOn: calendar.addWorkingDays(received, 5), late: true });
  });
});
