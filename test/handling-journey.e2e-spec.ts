import { AtwCalendar } from '../src/deadlines/atw-calendar';
import { ATW_DECREE_DAYS } from '../src/deadlines/atw-decree-days';
import { addDays, addWeeks, todayInAmsterdam } from '../src/deadlines/local-date';
import { writtenDate } from '../src/letters/addressee';
import { binaryBody } from './support/binary-body';
import { bosObjection, daysAgo } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { startTestApp, TestApp, userIdOf } from './support/test-app';

/**
 * Issue 5 as a handler tries it: Bo's case through a phone call and a referral to a partially founded decision,
 * a second case withdrawn after an informal call, a third through a hearing and an extension; the report shows
 * exactly these three.
 */
describe('handling three cases from receipt to the report', () => {
  let t: TestApp;
  let token: string;
  let handlerId: string;
  let adminId: string;
  const references: Record<'bo' | 'withdrawn' | 'heard', string> = { bo: '', withdrawn: '', heard: '' };

  const api = (method: 'get' | 'post', path: string) =>
    t.http()[method](`/api/v1/tenants/rivierstad${path}`).auth(token, { type: 'bearer' });
  const file = async (key: string, body: object) =>
    (
      (
        await t
          .http()
          .post('/api/v1/tenants/rivierstad/objections')
          .set('Idempotency-Key', key)
          .send(body)
          .expect(201)
      ).body as { reference: string }
    ).reference;
  const readable = async (documentId: string) => {
    const pdf = await api('get', `/documents/${documentId}`).buffer(true).parse(binaryBody).expect(200);
    return (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('rivierstad');
    const admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    adminId = userIdOf(admin);
    handlerId = ((await api('get', '/staff').expect(200)).body as { id: string }[])[0].id;
    references.bo = await file('journey-bo-0001', bosObjection());
    references.withdrawn = await file(
      'journey-withdrawn-0001',
      bosObjection({
        regulation: 'wmo',
        objector: { name: 'Henk Jansen', email: 'henk@example.nl' },
        decision: {
          reference: 'WMO-2026-1187',
          date: daysAgo(12),
          description: 'Huishoudelijke hulp verlaagd',
        },
        grounds: { hints: [], text: 'Twee uur hulp per week is te weinig voor mij.' },
      }),
    );
    references.heard = await file(
      'journey-heard-0001',
      bosObjection({
        regulation: 'jeugdwet',
        objector: { name: 'Sanne Bakker', email: 'sanne@example.nl' },
        decision: { reference: 'JW-2026-0311', date: daysAgo(8), description: 'Afwijzing begeleiding' },
        grounds: { hints: [], text: 'De verwijzing van de huisarts is niet meegewogen.' },
      }),
    );
  }, 120_000);
  afterAll(() => t.close());

  it("settles Bo's case: a phone call, a referral, then a partially founded decision with a complete letter", async () => {
    const bo = references.bo;
    await api('post', `/objections/${bo}/contacts`).send({ channel: 'phone', reached: true }).expect(201);
    await api('post', `/objections/${bo}/conversations`)
      .send({
        channel: 'phone',
        notes: 'Bo is boos en heeft schulden; de deurwaarder is al geweest.',
        realIssue: 'Zij kan de terugvordering niet betalen.',
        agreedRoute: 'referral',
        agreement: 'Wij verwijzen u naar de schuldhulpverlening en bekijken de terugvordering opnieuw.',
      })
      .expect(201);
    await api('post', `/objections/${bo}/referrals`).send({ partner: 'schuldhulpverlening' }).expect(201);
    const decision = await api('post', `/objections/${bo}/decision`)
      .send({
        outcome: 'partially_founded',
        reasoning: 'De terugvordering vervalt; de beëindiging blijft.',
        hearing: { ground: 'waived_by_objector' },
      })
      .expect(201);

    const letter = await readable((decision.body as { documentId: string }).documentId);
    const sentOn = todayInAmsterdam();
    const appealEnds = new AtwCalendar(ATW_DECREE_DAYS.days).applyAtw(addWeeks(sentOn, 6));
    for (const part of [
      bo,
      'Bo de Vries',
      'gedeeltelijk gegrond',
      'De terugvordering vervalt; de beëindiging blijft.',
      'niet gehoord',
      '7:3',
      'Rechtbank Midden-Rivierenland',
      writtenDate(appealEnds),
      'Centrale Raad van Beroep',
    ]) {
      expect(letter).toContain(part);
    }
    const file = (await api('get', `/objections/${bo}`).expect(200)).body as {
      status: string;
      outcome: string;
      timeline: { summary: string }[];
    };
    expect(file).toMatchObject({ status: 'decided', outcome: 'partially_founded' });
    expect(file.timeline.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Contactpoging telefonisch: bereikt',
        'Doorverwezen naar Schuldhulpverlening Rivierstad',
        'Beslist: gedeeltelijk gegrond',
      ]),
    );
  });

  it('ends the second case with a withdrawal after an informal call', async () => {
    const reference = references.withdrawn;
    await api('post', `/objections/${reference}/conversations`)
      .send({
        channel: 'phone',
        notes: 'Uitgelegd hoe de indicatie tot stand kwam; extra uur toegezegd.',
        agreedRoute: 'withdrawal',
        agreement: 'U trekt uw bezwaar in; wij kennen één uur extra hulp toe.',
      })
      .expect(201);
    await api('post', `/objections/${reference}/withdrawal`)
      .send({ how: 'confirmed_by_objector', note: 'Telefonisch bevestigd door meneer Jansen.' })
      .expect(200);
    expect((await api('get', `/objections/${reference}`).expect(200)).body).toMatchObject({
      status: 'withdrawn',
    });
  });

  it('takes the third case through a hearing and an extension to a decision', async () => {
    const reference = references.heard;
    const at = new Date(Date.now() + 14 * 86_400_000).toISOString();
    await api('post', `/objections/${reference}/hearing`)
      .send({ at, location: 'Stadhuis, kamer 2.14', hearerId: handlerId, primaryDecisionBy: adminId })
      .expect(201);
    await api('post', `/objections/${reference}/hearing/report`)
      .send({
        heldAt: new Date(Date.now() - 60_000).toISOString(),
        attendees: ['Sanne Bakker'],
        report: 'Gehoord.',
      })
      .expect(201);
    const before = (await api('get', `/objections/${reference}`).expect(200)).body as {
      decisionTermEnds: string;
    };
    const extension = await api('post', `/objections/${reference}/extension`)
      .send({ weeks: 6, reason: 'Het advies van de bezwaarcommissie is nog niet binnen.' })
      .expect(201);
    expect((extension.body as { decisionTermEnds: string }).decisionTermEnds > before.decisionTermEnds).toBe(
      true,
    );
    const decision = await api('post', `/objections/${reference}/decision`)
      .send({ outcome: 'unfounded', reasoning: 'De huisarts verwijst naar zorg die al wordt geboden.' })
      .expect(201);
    const letter = await readable((decision.body as { documentId: string }).documentId);
    expect(letter).toContain('ongegrond');
    expect(letter).toContain('hoorzitting');
  });

  it('reports exactly these three', async () => {
    const report = (await api('get', `/reports?from=${addDays(todayInAmsterdam(), -1)}`).expect(200))
      .body as {
      filed: number;
      informal: { count: number };
      withdrawn: number;
      stillOpen: number;
      decided: { total: number; byOutcome: Record<string, number> };
      referrals: { total: number };
    };
    expect(report).toMatchObject({
      filed: 3,
      informal: { count: 2 },
      withdrawn: 1,
      stillOpen: 0,
      decided: { total: 2, byOutcome: { partially_founded: 1, unfounded: 1, founded: 0, inadmissible: 0 } },
      referrals: { total: 1 },
    });
  });
});
