import { PROBLEM_CONTENT_TYPE, problemType } from '../src/common/problems/problem-details.filter';
import { defaultAtwCalendar as calendar } from '../src/deadlines/atw-calendar';
import { formatDutchDate } from '../src/deadlines/dutch-dates';
import { decisionTermEnds, extendDecisionTermEnd } from '../src/deadlines/legal-terms';
import { addDays, LocalDate, todayInAmsterdam } from '../src/deadlines/local-date';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { hearingDates, repairTermEndsAfterDays } from '../src/procedure/procedure-dates';
import { binaryBody } from './support/binary-body';
import { bosObjection } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

interface TimelineEntry {
  kind: string;
  actor: { kind: string; name: string };
  data: Record<string, unknown>;
}

/** "3 maart 2030", as the letters write dates. */
const written = (date: string) => formatDutchDate(date as LocalDate, { weekday: false });

describe('formal procedure: repair, hearing, decision term and penalty (staff)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let token: string;
  let otherTenantToken: string;
  let today: LocalDate;
  const staff = {} as Record<'handler' | 'admin', string>;

  const setCase = (reference: string, assignments: string, params: unknown[] = []) =>
    t.asOwner(`UPDATE objections SET ${assignments} WHERE reference = $1`, [reference, ...params]);
  const stored = async (reference: string) =>
    (
      await t.asOwner<{
        next_deadline: string | null;
        next_deadline_kind: string | null;
        decision_term_ends: string;
      }>(
        `SELECT to_char(next_deadline, 'YYYY-MM-DD') AS next_deadline, next_deadline_kind,
                to_char(decision_term_ends, 'YYYY-MM-DD') AS decision_term_ends
           FROM objections WHERE reference = $1`,
        [reference],
      )
    )[0];

  beforeAll(async () => {
    smtp = new SmtpSink();
    // The outbox is dispatched by hand in these tests.
    t = await startTestApp({ SMTP_URL: await smtp.start(), OUTBOX_POLL_MS: '600000' });
    token = await t.tokenFor('rivierstad');
    otherTenantToken = await t.tokenFor('heuveldorp');
    const rows = await t.asOwner<{ id: string; email: string }>(
      `SELECT id, email FROM staff_users WHERE email IN ('behandelaar@rivierstad.example', 'beheer@rivierstad.example')`,
    );
    staff.handler = rows.find((r) => r.email.startsWith('behandelaar'))!.id;
    staff.admin = rows.find((r) => r.email.startsWith('beheer'))!.id;
    today = todayInAmsterdam();
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  let keys = 0;
  const fileCase = async (overrides: Record<string, unknown> = {}, tenant = 'rivierstad') =>
    (
      await t
        .http()
        .post(`/api/v1/tenants/${tenant}/objections`)
        .set('Idempotency-Key', `procedure-${Date.now()}-${++keys}`)
        .send(bosObjection(overrides))
        .expect(201)
    ).body as { reference: string; objectionTermEnds: string; decisionTermEnds: string };
  const post = (reference: string, step: string, body: object, bearer = token, tenant = 'rivierstad') =>
    t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections/${reference}/${step}`)
      .auth(bearer, { type: 'bearer' })
      .send(body);
  const getCase = async (reference: string, tenant = 'rivierstad', bearer = token) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/${tenant}/objections/${reference}`)
        .auth(bearer, { type: 'bearer' })
        .expect(200)
    ).body;
  const eventsOf = async (reference: string, kind: string) =>
    ((await getCase(reference)).timeline as TimelineEntry[]).filter((e) => e.kind === kind);
  const letterText = async (documentId: string) => {
    const pdf = await t
      .http()
      .get(`/api/v1/tenants/rivierstad/documents/${documentId}`)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    return (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
  };
  const mailsAbout = async (reference: string) => {
    await t.app.get(OutboxDispatcher).dispatchDue();
    return smtp.messages.filter((m) => m.subject?.includes(reference));
  };
  /** A moment `days` from today at 09:00 UTC: the same calendar day in Amsterdam. */
  const hearingAt = (days: number) => `${addDays(today, days)}T09:00:00Z`;
  const expectProblem = (
    response: { status: number; headers: Record<string, string>; body: any },
    code: string,
  ) => {
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body.type).toBe(problemType(code));
  };
  const fieldsOf = (response: { body: { errors?: { field: string }[] } }) =>
    (response.body.errors ?? []).map((e) => e.field);

  describe('repair request (herstel verzuim, 6:6)', () => {
    it('asks for the missing elements with a letter and its own term, which the inbox sorts on', async () => {
      const { reference } = await fileCase({ signed: false });
      const response = await post(reference, 'repair-request', {}).expect(201);
      const repairEnds = repairTermEndsAfterDays(calendar, today, 14);
      expect(response.body).toEqual({ documentId: expect.any(String), repairTermEnds: repairEnds });

      const kase = await getCase(reference);
      expect(kase).toMatchObject({
        repairRequestedOn: today,
        repairTermEnds: repairEnds,
        nextDeadline: { date: repairEnds, kind: 'repair_term' },
        missingElements: [{ code: 'signature' }],
      });
      expect(kase.flags).toContain('missing_elements');
      expect(await stored(reference)).toMatchObject({
        next_deadline: repairEnds,
        next_deadline_kind: 'repair_term',
      });
      const [event] = await eventsOf(reference, 'repair_requested');
      expect(event.data).toEqual({
        elements: ['signature'],
        repairTermEnds: repairEnds,
        documentId: response.body.documentId,
      });
      expect(kase.documents.map((d: { id: string }) => d.id)).toContain(response.body.documentId);

      const text = await letterText(response.body.documentId);
      expect(text).toContain('Vul uw bezwaar aan');
      expect(text).toContain(reference);
      expect(text).toContain('uw handtekening (of inloggen met DigiD)');
      expect(text).toContain(`Aanvullen uiterlijk op: ${written(repairEnds)}`);
      expect(text).toContain('niet-ontvankelijk');
      expect(text).toContain('6:6');

      const [mail] = await mailsAbout(reference).then((m) =>
        m.filter((x) => x.subject?.startsWith('Vul uw')),
      );
      expect(mail.to).toMatchObject({ text: 'bo.devries@example.nl' });
      expect(mail.text).toContain(written(repairEnds));
      expect(mail.attachments.map((a) => a.filename)).toEqual([`herstelverzoek-${reference}.pdf`]);

      const again = await post(reference, 'repair-request', {}).expect(409);
      expectProblem(again, 'repair-outstanding');
    });

    it('refuses a request with nothing to repair or with a term outside 7 to 28 days', async () => {
      const { reference } = await fileCase();
      expect(fieldsOf(await post(reference, 'repair-request', {}).expect(400))).toEqual(['elements']);
      expect(
        fieldsOf(await post(reference, 'repair-request', { elements: ['shoe_size'] }).expect(400)),
      ).toEqual(['elements']);
      for (const termDays of [6, 29, 10.5]) {
        const response = await post(reference, 'repair-request', { elements: ['grounds'], termDays }).expect(
          400,
        );
        expect(fieldsOf(response)).toEqual(['termDays']);
      }
      expect((await getCase(reference)).repairTermEnds).toBeNull();
    });

    it('pauses the decision term for the repair period and clears the term when the repair comes in', async () => {
      const { reference } = await fileCase({ signed: false });
      // A filed term that no holiday is near, so the arithmetic below can be checked to the day.
      await setCase(reference, `decision_term_base = '2030-06-05', decision_term_ends = '2030-06-05'`);
      await post(reference, 'repair-request', {}).expect(201);
      const none = await post(reference, 'repair-received', { elements: ['address'] }).expect(400);
      expect(fieldsOf(none)).toEqual(['elements']);

      // Sent six days ago: the term stood still from the day after sending until today, six days.
      await setCase(reference, `repair_requested_on = $2`, [addDays(today, -6)]);
      const response = await post(reference, 'repair-received', {}).expect(200);
      expect(response.body).toEqual({
        pause: { from: addDays(today, -5), to: today },
        decisionTermEnds: '2030-06-11',
        missingElements: [],
      });
      const kase = await getCase(reference);
      expect(kase).toMatchObject({
        repairTermEnds: null,
        decisionTermEnds: '2030-06-11',
        missingElements: [],
        nextDeadline: { date: '2030-06-11', kind: 'decision_term' },
        decisionTerm: {
          base: '2030-06-05',
          pauses: [{ from: addDays(today, -5), to: today, reason: 'repair_term' }],
          ends: '2030-06-11',
        },
      });
      expect(kase.flags).not.toContain('missing_elements');
      expect(await stored(reference)).toEqual({
        next_deadline: '2030-06-11',
        next_deadline_kind: 'decision_term',
        decision_term_ends: '2030-06-11',
      });
      const [event] = await eventsOf(reference, 'repair_received');
      expect(event.data).toEqual({
        elements: ['signature'],
        pause: { from: addDays(today, -5), to: today },
        decisionTermEnds: '2030-06-11',
      });
      expectProblem(await post(reference, 'repair-received', {}).expect(409), 'no-repair-outstanding');
    });

    it('can ask for an element the filing check did not see, and record that nothing came in', async () => {
      const { reference, decisionTermEnds: filedEnd } = await fileCase();
      const response = await post(reference, 'repair-request', { elements: ['grounds'], termDays: 7 }).expect(
        201,
      );
      expect(response.body.repairTermEnds).toBe(repairTermEndsAfterDays(calendar, today, 7));
      expect((await getCase(reference)).missingElements).toEqual([
        expect.objectContaining({ code: 'grounds' }),
      ]);
      // Recorded the same day: the term never stood still; the element stays missing.
      const received = await post(reference, 'repair-received', { elements: [] }).expect(200);
      expect(received.body).toEqual({
        pause: null,
        decisionTermEnds: filedEnd,
        missingElements: ['grounds'],
      });
      expect((await getCase(reference)).flags).toContain('missing_elements');
    });
  });

  describe('decision term (7:10): advisory committee, extension once, postponement', () => {
    it('runs twelve weeks with an advisory committee (rivierstad) and six without (heuveldorp)', async () => {
      const withCommittee = await fileCase();
      const without = await fileCase({}, 'heuveldorp');
      expect(withCommittee.objectionTermEnds).toBe(without.objectionTermEnds);
      const objectionEnds = withCommittee.objectionTermEnds as LocalDate;
      expect(withCommittee.decisionTermEnds).toBe(
        decisionTermEnds(calendar, objectionEnds, { advisoryCommittee: true }),
      );
      expect(without.decisionTermEnds).toBe(
        decisionTermEnds(calendar, objectionEnds, { advisoryCommittee: false }),
      );
      expect((await getCase(withCommittee.reference)).regulation.advisoryCommittee).toBe(true);
      const heuveldorpCase = await getCase(without.reference, 'heuveldorp', otherTenantToken);
      expect(heuveldorpCase.regulation.advisoryCommittee).toBe(false);

      const extended = await post(
        without.reference,
        'extension',
        { weeks: 6, reason: 'Wij wachten op informatie van de Belastingdienst.' },
        otherTenantToken,
        'heuveldorp',
      ).expect(201);
      expect(extended.body.decisionTermEnds).toBe(
        extendDecisionTermEnd(calendar, without.decisionTermEnds as LocalDate, 6),
      );
      const twelve = await post(withCommittee.reference, 'extension', {
        weeks: 6,
        reason: 'Advies commissie.',
      }).expect(201);
      expect(twelve.body.decisionTermEnds).toBe(
        extendDecisionTermEnd(calendar, withCommittee.decisionTermEnds as LocalDate, 6),
      );
    });

    it('extends once with a notice letter, then only with consent', async () => {
      const { reference } = await fileCase();
      await setCase(reference, `decision_term_base = '2030-06-05', decision_term_ends = '2030-06-05'`);
      for (const body of [
        { weeks: 7, reason: 'x' },
        { weeks: 0, reason: 'x' },
        { weeks: 2 },
        { weeks: 2, reason: ' ' },
      ]) {
        await post(reference, 'extension', body).expect(400);
      }
      const reason = 'Wij wachten op het advies van de bezwaarcommissie.';
      const response = await post(reference, 'extension', { weeks: 3, reason }).expect(201);
      expect(response.body).toEqual({ documentId: expect.any(String), decisionTermEnds: '2030-06-26' });
      expect(await getCase(reference)).toMatchObject({
        decisionTermEnds: '2030-06-26',
        decisionTerm: { extensionWeeks: 3, ends: '2030-06-26' },
        nextDeadline: { date: '2030-06-26', kind: 'decision_term' },
      });
      expect((await stored(reference)).decision_term_ends).toBe('2030-06-26');
      const [event] = await eventsOf(reference, 'decision_term_extended');
      expect(event.data).toEqual({
        weeks: 3,
        reason,
        previousEnd: '2030-06-05',
        newEnd: '2030-06-26',
        documentId: response.body.documentId,
      });

      const text = await letterText(response.body.documentId);
      expect(text).toContain('Wij zouden beslissen uiterlijk op: 5 juni 2030');
      expect(text).toContain('Wij beslissen nu uiterlijk op: 26 juni 2030');
      expect(text).toContain(reason);
      expect(text).toContain('7:10');
      const mails = (await mailsAbout(reference)).filter((m) => m.subject?.startsWith('Wij beslissen later'));
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain('26 juni 2030');
      expect(mails[0].attachments.map((a) => a.filename)).toEqual([`verdaging-${reference}.pdf`]);

      const twice = await post(reference, 'extension', { weeks: 1, reason }).expect(409);
      expectProblem(twice, 'extension-used');
      expect(twice.body.detail).toContain('instemming');

      const early = await post(reference, 'postponement', {
        until: '2030-06-26',
        consent: 'Per telefoon.',
      }).expect(400);
      expect(fieldsOf(early)).toEqual(['until']);
      await post(reference, 'postponement', { until: '2030-08-01' }).expect(400);
      const consent = 'Telefonisch akkoord van mevrouw De Vries op 20 juni 2030, per e-mail bevestigd.';
      const postponed = await post(reference, 'postponement', { until: '2030-08-01', consent }).expect(200);
      expect(postponed.body).toEqual({ decisionTermEnds: '2030-08-01' });
      expect(await getCase(reference)).toMatchObject({
        decisionTermEnds: '2030-08-01',
        decisionTerm: { extensionWeeks: 3, postponedUntil: '2030-08-01', ends: '2030-08-01' },
      });
      const [later] = await eventsOf(reference, 'decision_term_postponed');
      expect(later.data).toEqual({ until: '2030-08-01', consent, previousEnd: '2030-06-26' });
      // A second agreement moves it again; it is always counted from the end as it stands.
      await post(reference, 'postponement', { until: '2030-09-01', consent: 'Opnieuw akkoord.' }).expect(200);
      expect((await stored(reference)).decision_term_ends).toBe('2030-09-01');
    });

    it('refuses an extension after a postponement and once the term has passed', async () => {
      const postponed = (await fileCase()).reference;
      await post(postponed, 'postponement', { until: '2031-01-15', consent: 'Schriftelijk akkoord.' }).expect(
        200,
      );
      expectProblem(await post(postponed, 'extension', { weeks: 2, reason: 'x' }).expect(409), 'postponed');

      const passed = (await fileCase()).reference;
      // The last working day before today: a term ending on a weekend would run on to the next working day.
      const lastDay = calendar.addWorkingDays(today, -1);
      await setCase(passed, `decision_term_base = $2, decision_term_ends = $2`, [lastDay]);
      const response = await post(passed, 'extension', { weeks: 2, reason: 'x' }).expect(409);
      expectProblem(response, 'decision-term-passed');
      expect(response.body.detail).toContain(written(lastDay));
    });
  });

  describe('hearing (7:2-7:7)', () => {
    it('refuses a hearer who took the contested decision (7:5), and other wrong plans', async () => {
      const { reference } = await fileCase();
      const plan = (body: object) =>
        post(reference, 'hearing', {
          at: hearingAt(20),
          location: 'Stadhuis, zaal 2',
          hearerId: staff.handler,
          ...body,
        });
      expect(fieldsOf(await plan({}).expect(400))).toEqual(['primaryDecisionBy']);
      const sameOfficial = await plan({ hearerId: staff.admin, primaryDecisionBy: staff.admin }).expect(409);
      expectProblem(sameOfficial, 'hearer-took-decision');
      expect(sameOfficial.body.detail).toContain('7:5');
      expect(
        fieldsOf(
          await plan({
            hearerId: '00000000-0000-4000-8000-000000000000',
            primaryDecisionBy: staff.admin,
          }).expect(400),
        ),
      ).toEqual(['hearerId']);
      expect(
        fieldsOf(await plan({ primaryDecisionBy: '00000000-0000-4000-8000-000000000000' }).expect(400)),
      ).toEqual(['primaryDecisionBy']);
      const both = await plan({
        primaryDecisionBy: staff.admin,
        videoLink: 'https://video.example/x',
      }).expect(400);
      expect(fieldsOf(both)).toEqual(['videoLink']);
      const neither = await plan({ primaryDecisionBy: staff.admin, location: undefined }).expect(400);
      expect(fieldsOf(neither)).toEqual(['location']);
      expect(fieldsOf(await plan({ primaryDecisionBy: staff.admin, at: hearingAt(-1) }).expect(400))).toEqual(
        ['at'],
      );
      expect(
        fieldsOf(await plan({ primaryDecisionBy: staff.admin, at: addDays(today, 20) }).expect(400)),
      ).toEqual(['at']);
      // Too soon for the 7:4 dates: the last day for documents would already be past.
      const soon = await plan({ primaryDecisionBy: staff.admin, at: hearingAt(5) }).expect(400);
      expect(fieldsOf(soon)).toEqual(['at']);
      expect(soon.body.errors[0].message).toContain('7:4');
      expect(soon.body.errors[0].message).toContain(written(addDays(today, 10)));

      const kase = await getCase(reference);
      expect(kase).toMatchObject({ status: 'received', hearing: null, primaryDecisionBy: null });
    });

    it('plans the hearing with an invitation stating the 7:4 dates, and moves the case to the formal procedure', async () => {
      const { reference } = await fileCase();
      const at = hearingAt(20);
      const dates = hearingDates(new Date(at));
      const response = await post(reference, 'hearing', {
        at,
        location: 'Stadhuis, Markt 1, zaal 2',
        hearerId: staff.handler,
        primaryDecisionBy: staff.admin,
      }).expect(201);
      expect(response.body).toEqual({
        documentId: expect.any(String),
        documentsUntil: addDays(today, 10),
        fileOpenFrom: addDays(today, 13),
      });
      const kase = await getCase(reference);
      expect(kase).toMatchObject({
        status: 'formal_procedure',
        primaryDecisionBy: staff.admin,
        hearing: {
          plannedAt: new Date(at).toISOString(),
          location: 'Stadhuis, Markt 1, zaal 2',
          hearerId: staff.handler,
          hearerName: 'Jeroen Bakker',
        },
      });
      const timeline = kase.timeline as TimelineEntry[];
      expect(timeline.find((e) => e.kind === 'status_changed')!.data).toEqual({
        from: 'received',
        to: 'formal_procedure',
        note: 'Hoorzitting gepland',
      });
      expect(timeline.find((e) => e.kind === 'hearing_planned')!.data).toEqual({
        at: new Date(at).toISOString(),
        location: 'Stadhuis, Markt 1, zaal 2',
        hearerId: staff.handler,
        hearerName: 'Jeroen Bakker',
        documentId: response.body.documentId,
      });

      const text = await letterText(response.body.documentId);
      expect(text).toContain('Uitnodiging voor de hoorzitting');
      expect(text).toContain(`Datum: ${written(dates.hearingDate)}`);
      expect(text).toContain(`Tijd: ${dates.hearingTime} uur`);
      expect(text).toContain('Plaats: Stadhuis, Markt 1, zaal 2');
      expect(text).toContain('Hoorder: Jeroen Bakker');
      expect(text).toContain(`Stukken sturen tot en met: ${written(addDays(today, 10))}`);
      expect(text).toContain(`Dossier inzien vanaf: ${written(addDays(today, 13))}`);
      expect(text).toContain('7:4');
      const [mail] = (await mailsAbout(reference)).filter((m) =>
        m.subject?.startsWith('Uitnodiging hoorzitting'),
      );
      expect(mail.attachments.map((a) => a.filename)).toEqual([`uitnodiging-hoorzitting-${reference}.pdf`]);

      // The stored decision maker now applies to any new plan.
      const again = await post(reference, 'hearing', {
        at: hearingAt(25),
        videoLink: 'https://video.rivierstad.example/hoorzitting/42',
        hearerId: staff.admin,
      }).expect(409);
      expectProblem(again, 'hearer-took-decision');
    });

    it('invites to a video hearing with its link', async () => {
      const { reference } = await fileCase();
      const response = await post(reference, 'hearing', {
        at: hearingAt(14),
        videoLink: 'https://video.rivierstad.example/hoorzitting/42',
        hearerId: staff.handler,
        primaryDecisionBy: staff.admin,
      }).expect(201);
      const text = await letterText(response.body.documentId);
      expect(text).toContain('Plaats: online, via een videoverbinding');
      expect(text).toContain('https://video.rivierstad.example/hoorzitting/42');
      expect((await getCase(reference)).hearing).toEqual({
        plannedAt: new Date(hearingAt(14)).toISOString(),
        videoLink: 'https://video.rivierstad.example/hoorzitting/42',
        hearerId: staff.handler,
        hearerName: 'Jeroen Bakker',
      });
    });

    it('records the report of a held hearing as a document, once', async () => {
      const { reference } = await fileCase();
      expectProblem(
        await post(reference, 'hearing/report', { attendees: ['Bo de Vries'], report: 'Verslag.' }).expect(
          409,
        ),
        'no-hearing-planned',
      );
      await post(reference, 'hearing', {
        at: hearingAt(20),
        location: 'Stadhuis',
        hearerId: staff.handler,
        primaryDecisionBy: staff.admin,
      }).expect(201);
      // Not held yet: the planned moment is still to come.
      const early = await post(reference, 'hearing/report', {
        attendees: ['Bo de Vries'],
        report: 'x',
      }).expect(400);
      expect(fieldsOf(early)).toEqual(['heldAt']);
      expect(
        fieldsOf(await post(reference, 'hearing/report', { attendees: [], report: 'x' }).expect(400)),
      ).toEqual(['attendees']);

      const heldAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
      await setCase(reference, `hearing = jsonb_set(hearing, '{plannedAt}', to_jsonb($2::text))`, [heldAt]);
      const report =
        'Mevrouw De Vries licht toe dat zij de terugvordering niet kan betalen.\n\nDe hoorder vraagt naar haar schulden.';
      const response = await post(reference, 'hearing/report', {
        attendees: ['Bo de Vries (indiener)', 'Jeroen Bakker (hoorder)'],
        report,
      }).expect(201);
      const kase = await getCase(reference);
      expect(kase.hearing).toMatchObject({ heldAt, reportDocumentId: response.body.documentId });
      const [event] = await eventsOf(reference, 'hearing_held');
      expect(event.data).toEqual({ heldAt, documentId: response.body.documentId });

      const text = await letterText(response.body.documentId);
      expect(text).toContain('Verslag van de hoorzitting');
      expect(text).toContain('Hoorder: Jeroen Bakker');
      expect(text).toContain('Aanwezig: Bo de Vries (indiener), Jeroen Bakker (hoorder)');
      expect(text).toContain('Mevrouw De Vries licht toe dat zij de terugvordering niet kan betalen.');
      expect(text).toContain(`Datum: ${written(hearingDates(new Date(heldAt)).hearingDate)}`);
      const mails = (await mailsAbout(reference)).filter((m) => m.subject?.startsWith('Verslag hoorzitting'));
      expect(mails.map((m) => m.attachments[0].filename)).toEqual([`verslag-hoorzitting-${reference}.pdf`]);

      expectProblem(
        await post(reference, 'hearing/report', { attendees: ['x'], report: 'Nog een keer.' }).expect(409),
        'hearing-held',
      );
      expectProblem(
        await post(reference, 'hearing/waiver', { ground: 'clearly_unfounded' }).expect(409),
        'hearing-held',
      );
      expectProblem(
        await post(reference, 'hearing', {
          at: hearingAt(30),
          location: 'Stadhuis',
          hearerId: staff.handler,
        }).expect(409),
        'hearing-held',
      );
    });

    it('records a waiver on a 7:3 ground', async () => {
      const { reference } = await fileCase();
      expect(fieldsOf(await post(reference, 'hearing/waiver', { ground: 'no_time' }).expect(400))).toEqual([
        'ground',
      ]);
      const response = await post(reference, 'hearing/waiver', { ground: 'waived_by_objector' }).expect(200);
      expect(response.body).toEqual({ ground: 'waived_by_objector' });
      expect((await getCase(reference)).hearing).toEqual({ waiverGround: 'waived_by_objector' });
      const [event] = await eventsOf(reference, 'hearing_waived');
      expect(event.data).toEqual({ ground: 'waived_by_objector' });
      expectProblem(
        await post(reference, 'hearing/report', { attendees: ['x'], report: 'y' }).expect(409),
        'no-hearing-planned',
      );
    });
  });

  describe('notice of default and penalty (4:17, 4:18)', () => {
    it('refuses a notice received while the decision term still ran, or in the future', async () => {
      const { reference, decisionTermEnds: ends } = await fileCase();
      const premature = await post(reference, 'notice-of-default', { receivedOn: today }).expect(409);
      expectProblem(premature, 'notice-premature');
      expect(premature.body.detail).toContain(written(ends));
      const future = await post(reference, 'notice-of-default', { receivedOn: addDays(today, 1) }).expect(
        400,
      );
      expect(fieldsOf(future)).toEqual(['receivedOn']);
      expect((await getCase(reference)).penalty).toBeNull();
      expectProblem(await post(reference, 'penalty', {}).expect(409), 'no-notice-of-default');
    });

    it('registers a notice after the term, shows the exposure, and fixes the penalty once', async () => {
      const { reference } = await fileCase();
      await setCase(reference, `decision_term_base = $2, decision_term_ends = $2`, [addDays(today, -30)]);
      const response = await post(reference, 'notice-of-default', { receivedOn: addDays(today, -20) }).expect(
        200,
      );
      const startsOn = addDays(today, -6);
      expect(response.body).toEqual({ penaltyStartsOn: startsOn });
      const kase = await getCase(reference);
      expect(kase).toMatchObject({
        noticeOfDefaultOn: addDays(today, -20),
        penaltyStartsOn: startsOn,
        // Seven penalty days (the first one six days ago), at EUR 23 a day.
        penalty: {
          status: 'running',
          startsOn,
          daysRunning: 7,
          amountCentsSoFar: 16_100,
          maxCents: 144_200,
          lastDay: addDays(startsOn, 41),
        },
      });
      const [event] = await eventsOf(reference, 'notice_of_default');
      expect(event.data).toEqual({ receivedOn: addDays(today, -20), penaltyStartsOn: startsOn });

      expectProblem(
        await post(reference, 'notice-of-default', { receivedOn: addDays(today, -10) }).expect(409),
        'notice-already-registered',
      );
      expectProblem(
        await post(reference, 'postponement', { until: addDays(today, 30), consent: 'Akkoord.' }).expect(409),
        'notice-of-default',
      );
      expect(fieldsOf(await post(reference, 'penalty', { amountCents: 144_201 }).expect(400))).toEqual([
        'amountCents',
      ]);
      expect(fieldsOf(await post(reference, 'penalty', { days: 43 }).expect(400))).toEqual(['days']);

      const fixed = await post(reference, 'penalty', {}).expect(200);
      expect(fixed.body).toEqual({ amountCents: 16_100, days: 7 });
      const [penalty] = await eventsOf(reference, 'penalty_fixed');
      expect(penalty.data).toEqual({ amountCents: 16_100, days: 7 });
      expectProblem(await post(reference, 'penalty', { days: 3 }).expect(409), 'penalty-already-fixed');
    });

    it('fixes the penalty after the decision: the days up to the decision by default, or as given', async () => {
      const decided = (await fileCase()).reference;
      await setCase(decided, `decision_term_base = $2, decision_term_ends = $2`, [addDays(today, -30)]);
      await post(decided, 'notice-of-default', { receivedOn: addDays(today, -20) }).expect(200);
      // Decided three days ago: penalty days from six days ago up to the day before, three.
      await setCase(decided, `status = 'decided', decided_at = $2`, [`${addDays(today, -3)}T12:00:00+01:00`]);
      expect((await getCase(decided)).penalty).toMatchObject({
        status: 'decided',
        daysRunning: 3,
        amountCentsSoFar: 6_900,
      });
      expectProblem(
        await post(decided, 'repair-request', { elements: ['grounds'] }).expect(409),
        'case-closed',
      );
      expect((await post(decided, 'penalty', {}).expect(200)).body).toEqual({ amountCents: 6_900, days: 3 });

      const given = (await fileCase()).reference;
      await setCase(given, `decision_term_base = $2, decision_term_ends = $2`, [addDays(today, -30)]);
      await post(given, 'notice-of-default', { receivedOn: addDays(today, -20) }).expect(200);
      expect((await post(given, 'penalty', { days: 15 }).expect(200)).body).toEqual({
        amountCents: 14 * 2_300 + 3_500,
        days: 15,
      });
    });
  });

  describe('access and closed cases', () => {
    const validBodies = (): [string, object][] => [
      ['repair-request', { elements: ['grounds'] }],
      ['repair-received', {}],
      [
        'hearing',
        { at: hearingAt(20), location: 'Stadhuis', hearerId: staff.handler, primaryDecisionBy: staff.admin },
      ],
      ['hearing/waiver', { ground: 'clearly_unfounded' }],
      ['hearing/report', { attendees: ['Bo de Vries'], report: 'Verslag.' }],
      ['extension', { weeks: 2, reason: 'Meer tijd nodig.' }],
      ['postponement', { until: '2031-01-15', consent: 'Akkoord.' }],
      ['notice-of-default', { receivedOn: today }],
      ['penalty', {}],
    ];

    it("answers 409 'case-closed' on every step for a withdrawn case, and changes nothing", async () => {
      const { reference } = await fileCase();
      await post(reference, 'status', { status: 'withdrawn' }).expect(200);
      const before = await getCase(reference);
      for (const [step, body] of validBodies()) {
        const response = await post(reference, step, body);
        expect([step, response.status]).toEqual([step, 409]);
        expectProblem(response, 'case-closed');
      }
      const after = await getCase(reference);
      expect(after.timeline).toEqual(before.timeline);
      expect(after.documents).toEqual(before.documents);
    });

    it('answers 404 for an unknown case, 403 for another tenant and 401 without a token', async () => {
      const { reference } = await fileCase();
      for (const [step, body] of validBodies()) {
        await post('RIV-1999-99999', step, body).expect(404);
        const foreign = await post(reference, step, body, otherTenantToken);
        expect([step, foreign.status]).toEqual([step, 403]);
        expect(JSON.stringify(foreign.body)).not.toContain('Bo de Vries');
        await t
          .http()
          .post(`/api/v1/tenants/rivierstad/objections/${reference}/${step}`)
          .send(body)
          .expect(401);
      }
      expect((await getCase(reference)).timeline).toHaveLength(1);
    });
  });
});
