import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { PROBLEM_CONTENT_TYPE, problemType } from '../src/common/problems/problem-details.filter';
import { Database } from '../src/database/database.service';
import { AtwCalendar } from '../src/deadlines/atw-calendar';
import { ATW_DECREE_DAYS } from '../src/deadlines/atw-decree-days';
import { addDays, dayOfWeek, LocalDate, todayInAmsterdam } from '../src/deadlines/local-date';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { binaryBody } from './support/binary-body';
import { bosObjection } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const REASONING = 'De terugvordering vervalt; de beëindiging blijft.';
const REPRESENTATIVE = {
  name: 'mr. A. Jansen',
  organisation: 'Het Juridisch Loket',
  email: 'a.jansen@juridischloket.example',
};

/** Computed here, not with the code under test: six weeks from the day after sending, then the Atw. */
const calendar = new AtwCalendar(ATW_DECREE_DAYS.days);
function expectedAppealEnd(sentOn: LocalDate): LocalDate {
  let last = addDays(sentOn, 42);
  while (dayOfWeek(last) >= 6 || calendar.holidayName(last) !== null) last = addDays(last, 1);
  return last;
}
function written(date: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
/** A PDF's text with line breaks and runs of spaces as single spaces, as one reads it. */
const readable = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, ' ');

interface StaffCase {
  status: string;
  outcome: string | null;
  decidedAt: string | null;
  costsCents: number | null;
  hearing: { waiverGround?: string } | null;
  events: { at: string; actor: string; kind: string; data: Record<string, unknown> }[];
  documents: { id: string; kind: string; filename: string }[];
}

describe('decision on an objection (POST …/objections/{reference}/decision)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let token: string;
  let keys = 0;

  beforeAll(async () => {
    sink = new SmtpSink();
    const smtpUrl = await sink.start();
    // The outbox is driven by hand so that each test knows which mails went out.
    t = await startTestApp({ SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '600000' });
    token = await t.tokenFor('rivierstad');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  async function file(overrides: Record<string, unknown> = {}) {
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `decisions-test-${++keys}-${Date.now()}`)
      .send(bosObjection(overrides))
      .expect(201);
    const body = response.body as { reference: string; caseUrl: string };
    return { reference: body.reference, caseToken: body.caseUrl.split('/').pop()! };
  }
  const decide = (reference: string, body: unknown, bearer = token, tenant = 'rivierstad') =>
    t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections/${reference}/decision`)
      .auth(bearer, { type: 'bearer' })
      .send(body as object);
  const staffCase = async (reference: string) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as StaffCase;
  const staffDocument = async (id: string) => {
    const response = await t
      .http()
      .get(`/api/v1/tenants/rivierstad/documents/${id}`)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return response.body as Buffer;
  };
  const letterText = async (documentId: string) => readable(await staffDocument(documentId));
  const inboxReferences = async () => {
    const page = (
      await t
        .http()
        .get('/api/v1/tenants/rivierstad/inbox?limit=100')
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as { items: { reference: string }[] };
    return page.items.map((item) => item.reference);
  };
  const delivered = async (subject: string): Promise<ParsedMail[]> => {
    await t.app.get(OutboxDispatcher).dispatchDue();
    return sink.messages.filter((m) => m.subject === subject);
  };
  const costRates = async () => {
    const tenant = await t.app.get(TenantsService).requireBySlug('rivierstad');
    return tenant.profile.settings.costs!;
  };

  describe("Bo's case: partially founded, through her representative", () => {
    let reference: string;
    let caseToken: string;
    let documentId: string;
    let text: string;
    const today = todayInAmsterdam();

    beforeAll(async () => {
      ({ reference, caseToken } = await file({ representative: REPRESENTATIVE }));
      // The handler phoned her first: the case is in informal contact when the decision comes.
      await t
        .http()
        .post(`/api/v1/tenants/rivierstad/objections/${reference}/status`)
        .auth(token, { type: 'bearer' })
        .send({ status: 'informal_contact' })
        .expect(200);
      expect(await inboxReferences()).toContain(reference);
      const response = await decide(reference, {
        outcome: 'partially_founded',
        reasoning: REASONING,
        // On the phone she said she no longer needed to be heard; her representative asked for the costs.
        hearing: { ground: 'waived_by_objector' },
        costs: { requested: true },
        revokedAndReplaced: 'Er wordt niets teruggevorderd; de bijstand blijft beëindigd.',
      }).expect(201);
      documentId = response.body.documentId as string;
      expect(response.body).toMatchObject({
        reference,
        outcome: 'partially_founded',
        status: 'decided',
        hearing: 'waived_by_objector',
        sendOn: today,
        appealTermEnds: expectedAppealEnd(today),
      });
      text = await letterText(documentId);
    });

    it('issues a letter with every legal element', async () => {
      expect(text).toContain('Wij verklaren het bezwaar gedeeltelijk gegrond.');
      expect(text).toContain('voor een deel herroepen');
      expect(text).toContain('Er wordt niets teruggevorderd; de bijstand blijft beëindigd.');
      expect(text).toContain('Voor het overige blijft het besluit in stand.');
      expect(text).toContain(REASONING);
      expect(text).toContain(
        'Wij hebben u niet gehoord, omdat u heeft laten weten dat u niet gehoord wilt worden (artikel 7:3, onder c,',
      );
      // The appeal clause: who, which court, until when (written out), how, and where after the rechtbank.
      expect(text).toContain('belanghebbende');
      expect(text).toContain('Rechtbank Midden-Rivierenland');
      expect(text).toContain('Kadeplein 10, 4101 CL Rivierstad');
      expect(text).toContain(`Uiterlijk op: ${written(expectedAppealEnd(today))}`);
      expect(text).toContain(`uiterlijk op ${written(expectedAppealEnd(today))} bij de rechtbank`);
      expect(text).toContain('zes weken, vanaf de dag na de datum van deze brief');
      expect(text).toContain('www.rechtspraak.nl');
      expect(text).toContain('Schrijf in het Nederlands');
      expect(text).toContain('Stuur een kopie van deze beslissing mee');
      expect(text).toContain('griffierecht');
      expect(text).toContain('hoger beroep instellen bij de Centrale Raad van Beroep');
      // Costs asked for by the representative, and the decision (partly) revoked: the flat rate.
      expect(text).toContain(
        `Wij vergoeden € ${((await costRates()).pointValueCents / 100).toFixed(2).replace('.', ',')}`,
      );
      // Letterhead, date and reference.
      expect(text).toContain('Gemeente Rivierstad');
      expect(text).toContain(`Datum: ${written(today)}`);
      expect(text).toContain(`Ons kenmerk: ${reference}`);
      expect(text).toContain('Beslissing op uw bezwaar');
    });

    it('is addressed to the representative, on behalf of Bo', () => {
      expect(text).toContain('mr. A. Jansen Het Juridisch Loket namens Bo de Vries');
      expect(text).toContain('Geachte mr. A. Jansen,');
      expect(text).toContain('U heeft namens Bo de Vries bezwaar gemaakt');
      expect(text).not.toContain('Dijkstraat');
    });

    it('decides the case: through the formal procedure, off the inbox, on the timeline', async () => {
      const decided = await staffCase(reference);
      const rates = await costRates();
      expect(decided).toMatchObject({
        status: 'decided',
        outcome: 'partially_founded',
        costsCents: rates.pointValueCents * rates.objectionPoints,
        hearing: { waiverGround: 'waived_by_objector' },
      });
      expect(Number.isNaN(Date.parse(decided.decidedAt!))).toBe(false);
      const kinds = decided.events.map((e) => [e.kind, e.data.to ?? e.data.outcome]);
      expect(kinds.slice(-3)).toEqual([
        ['status_changed', 'formal_procedure'],
        ['status_changed', 'decided'],
        ['decided', 'partially_founded'],
      ]);
      expect(decided.events.at(-1)!.data).toEqual({
        outcome: 'partially_founded',
        documentId,
        hearing: 'waived_by_objector',
        costsCents: rates.pointValueCents * rates.objectionPoints,
        revokedAndReplaced: 'Er wordt niets teruggevorderd; de bijstand blijft beëindigd.',
      });
      expect(decided.events.at(-2)!.data).toEqual({ from: 'formal_procedure', to: 'decided' });
      expect(decided.documents).toContainEqual(
        expect.objectContaining({
          id: documentId,
          kind: 'letter',
          filename: `beslissing-op-bezwaar-${reference}.pdf`,
        }),
      );
      expect(await inboxReferences()).not.toContain(reference);
    });

    it('serves the same immutable PDF to staff and to the citizen', async () => {
      const pdf = await staffDocument(documentId);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const tenantId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
      const [stored] = (await t.app
        .get(Database)
        .forTenant(tenantId, (db) =>
          db.query(`SELECT sha256 FROM documents WHERE id = $1`, [documentId]),
        )) as {
        sha256: string;
      }[];
      expect(sha256(pdf)).toBe(stored.sha256);

      const page = await t.http().get(`/api/v1/tenants/rivierstad/cases/${caseToken}`).expect(200);
      expect((page.body as { documents: { id: string }[] }).documents.map((d) => d.id)).toContain(documentId);
      const citizen = await t
        .http()
        .get(`/api/v1/tenants/rivierstad/cases/${caseToken}/documents/${documentId}`)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(sha256(citizen.body as Buffer)).toBe(stored.sha256);

      // And from the case page the citizen's link opens.
      const fromPage = await t
        .http()
        .get(`/rivierstad/zaak/${caseToken}/documenten/${documentId}`)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(sha256(fromPage.body as Buffer)).toBe(stored.sha256);
      const casePage = await t.http().get(`/rivierstad/zaak/${caseToken}`).expect(200);
      expect(casePage.text).toContain(`documenten/${documentId}`);

      // Issued documents are never changed, not even by the application's own database role.
      await expect(
        t.app
          .get(Database)
          .forTenant(tenantId, (db) =>
            db.query(`UPDATE documents SET sha256 = 'x' WHERE id = $1`, [documentId]),
          ),
      ).rejects.toThrow(/permission denied/);
    });

    it('tells the representative and Bo by e-mail where to find the decision, without its text', async () => {
      const [mail, ...more] = await delivered(`Beslissing op uw bezwaar ${reference}`);
      expect(more).toHaveLength(0);
      expect(mail.to).toMatchObject({ value: [{ address: REPRESENTATIVE.email }] });
      expect(mail.cc).toMatchObject({ value: [{ address: 'bo.devries@example.nl' }] });
      expect(mail.text).toContain('Beste mr. A. Jansen,');
      expect(mail.text).toContain('pagina van het bezwaar');
      expect(mail.text).toContain('ontvangstbevestiging');
      expect(mail.text).not.toContain('terugvordering');
      expect(mail.text).not.toContain('gegrond');
      expect(mail.text).not.toContain(caseToken);
      expect(mail.attachments).toHaveLength(0);
    });

    it('refuses to decide a decided case again, and issues nothing new', async () => {
      const again = await decide(reference, { outcome: 'founded', reasoning: 'Toch helemaal gegrond.' })
        .expect(409)
        .expect('content-type', new RegExp(PROBLEM_CONTENT_TYPE.replace('+', '\\+')));
      expect(again.body.type).toBe(problemType('case-closed'));
      expect(again.body.detail).toMatch(/al afgehandeld/);
      const after = await staffCase(reference);
      expect(after.outcome).toBe('partially_founded');
      expect(after.documents.filter((d) => d.kind === 'letter')).toHaveLength(1);
    });
  });

  it('accepts outcome and reasoning alone, with the 7:3 ground that follows from the outcome', async () => {
    const { reference } = await file();
    const response = await decide(reference, { outcome: 'founded', reasoning: 'U had gelijk.' }).expect(201);
    expect(response.body.hearing).toBe('fully_granted');
    const text = await letterText(response.body.documentId as string);
    expect(text).toContain('Wij verklaren het bezwaar gegrond.');
    expect(text).toContain('omdat wij het bezwaar volledig toewijzen');
    expect(text).toContain('Geachte Bo de Vries,');
    expect(text).toContain('Dijkstraat 12a');
    expect(text).not.toContain('Kosten');

    const { reference: noHearingWanted } = await file({ wantsHearing: false });
    const unfounded = await decide(noHearingWanted, {
      outcome: 'unfounded',
      reasoning: 'Het besluit klopt.',
    }).expect(201);
    expect(unfounded.body.hearing).toBe('waived_by_objector');
    expect((await staffCase(noHearingWanted)).status).toBe('decided');
  });

  it('refuses an unknown outcome in Dutch, and changes nothing', async () => {
    const { reference } = await file();
    const response = await decide(reference, { outcome: 'deels', reasoning: 'x' })
      .expect(400)
      .expect('content-type', new RegExp(PROBLEM_CONTENT_TYPE.replace('+', '\\+')));
    expect(response.body.errors).toEqual([
      {
        field: 'outcome',
        message: expect.stringContaining('Kies de beslissing: inadmissible (niet-ontvankelijk)'),
      },
    ]);
    const missing = await decide(reference, { outcome: 'unfounded', reasoning: '   ' }).expect(400);
    expect(missing.body.errors).toEqual([
      { field: 'reasoning', message: 'Schrijf de motivering van de beslissing.' },
    ]);
    expect((await staffCase(reference)).status).toBe('received');
  });

  it('refuses a decision without a hearing or a 7:3 ground when the objector wanted to be heard', async () => {
    const { reference } = await file({ wantsHearing: true });
    const refused = await decide(reference, { outcome: 'unfounded', reasoning: 'Het besluit klopt.' }).expect(
      400,
    );
    expect(refused.body.errors).toEqual([
      { field: 'hearing', message: expect.stringContaining('artikel 7:3 Awb') },
    ]);
    const unchanged = await staffCase(reference);
    expect(unchanged.status).toBe('received');
    expect(unchanged.events.map((e) => e.kind)).toEqual(['filed']);
    expect(unchanged.documents.filter((d) => d.kind === 'letter')).toHaveLength(0);

    // With the ground named, the same decision is lawful.
    const ok = await decide(reference, {
      outcome: 'unfounded',
      reasoning: 'Het besluit klopt.',
      hearing: { ground: 'clearly_unfounded' },
    }).expect(201);
    expect(await letterText(ok.body.documentId as string)).toContain(
      'omdat het bezwaar kennelijk ongegrond is (artikel 7:3, onder b,',
    );
  });

  describe('costs (7:15)', () => {
    it('refuses reimbursement with a decision that stands, or that nobody asked for', async () => {
      const { reference } = await file();
      const standing = await decide(reference, {
        outcome: 'unfounded',
        reasoning: 'Het besluit klopt.',
        hearing: { held: true },
        costs: { requested: true, reimbursed: true },
      }).expect(400);
      expect(standing.body.errors).toEqual([
        { field: 'costs.reimbursed', message: expect.stringContaining('artikel 7:15 Awb') },
      ]);
      const unasked = await decide(reference, {
        outcome: 'founded',
        reasoning: 'U had gelijk.',
        costs: { requested: false, reimbursed: true },
      }).expect(400);
      expect(unasked.body.errors[0].message).toMatch(/vóór de beslissing/);
      expect((await staffCase(reference)).status).toBe('received');
    });

    it('decides on a request with a decision that stands: nothing reimbursed, and the letter says why', async () => {
      const { reference } = await file();
      const response = await decide(reference, {
        outcome: 'unfounded',
        reasoning: 'Het besluit klopt.',
        hearing: { held: true },
        costs: { requested: true },
      }).expect(201);
      expect(response.body.costsCents).toBe(0);
      expect((await staffCase(reference)).costsCents).toBe(0);
      const text = await letterText(response.body.documentId as string);
      expect(text).toContain('Die kosten vergoeden wij niet.');
      expect(text).toContain('Wij hebben u gehoord tijdens een hoorzitting');
    });

    it('reimburses the flat rate of the tenant settings, with a point for a hearing held', async () => {
      const rates = await costRates();
      const { reference } = await file();
      const response = await decide(reference, {
        outcome: 'partially_founded',
        reasoning: REASONING,
        hearing: { held: true },
        costs: { requested: true },
      }).expect(201);
      const cents = rates.pointValueCents * (rates.objectionPoints + rates.hearingPoints);
      expect(response.body.costsCents).toBe(cents);
      expect((await staffCase(reference)).costsCents).toBe(cents);
      expect(await letterText(response.body.documentId as string)).toContain(
        `Wij vergoeden € ${(cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2 })}.`,
      );
    });
  });

  it('counts the appeal term from the letter’s date of sending and moves a last day on a weekend (Atw)', async () => {
    // The next Saturday: six weeks later is a Saturday too, so the Atw must move the last day.
    let sendOn = todayInAmsterdam();
    while (dayOfWeek(sendOn) !== 6) sendOn = addDays(sendOn, 1);
    const appealEnds = expectedAppealEnd(sendOn);
    expect(appealEnds).not.toBe(addDays(sendOn, 42));

    const { reference } = await file();
    const response = await decide(reference, {
      outcome: 'inadmissible',
      reasoning: 'Het bezwaar kwam te laat binnen.',
      sendOn,
    }).expect(201);
    expect(response.body).toMatchObject({
      sendOn,
      appealTermEnds: appealEnds,
      hearing: 'clearly_inadmissible',
    });
    const text = await letterText(response.body.documentId as string);
    expect(text).toContain(`Datum: ${written(sendOn)}`);
    expect(text).toContain(`Uiterlijk op: ${written(appealEnds)}`);
    expect(text).toContain('Wij verklaren het bezwaar niet-ontvankelijk.');

    const { reference: other } = await file();
    const past = await decide(other, {
      outcome: 'inadmissible',
      reasoning: 'Te laat.',
      sendOn: addDays(todayInAmsterdam(), -1),
    }).expect(400);
    expect(past.body.errors).toEqual([
      { field: 'sendOn', message: expect.stringContaining('in het verleden') },
    ]);
  });

  it('records one decision when two arrive at the same moment', async () => {
    const { reference } = await file();
    const body = { outcome: 'founded', reasoning: 'U had gelijk.' };
    const responses = await Promise.all([decide(reference, body), decide(reference, body)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const decided = await staffCase(reference);
    expect(decided.documents.filter((d) => d.kind === 'letter')).toHaveLength(1);
    expect(decided.events.filter((e) => e.kind === 'decided')).toHaveLength(1);
  });

  it('is for staff of the municipality only', async () => {
    const { reference } = await file();
    await t
      .http()
      .post(`/api/v1/tenants/rivierstad/objections/${reference}/decision`)
      .send({ outcome: 'founded', reasoning: 'x' })
      .expect(401);
    const otherTenant = await t.tokenFor('heuveldorp');
    await decide(reference, { outcome: 'founded', reasoning: 'x' }, otherTenant).expect(403);
    await decide('RIV-2000-99999', { outcome: 'founded', reasoning: 'x' }).expect(404);
    expect((await staffCase(reference)).status).toBe('received');
  });
});
