import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { defaultAtwCalendar } from '../src/deadlines/atw-calendar';
import { objectionTermEnds } from '../src/deadlines/legal-terms';
import { addDays, daysBetween, todayInAmsterdam } from '../src/deadlines/local-date';
import { formatDutchDate } from '../src/deadlines/dutch-dates';
import { startTestApp, TestApp } from './support/test-app';

interface Referral {
  code: string;
  name: string;
  kind: string;
  description: string;
  phone?: string;
  email?: string;
  website?: string;
}

describe('POST /api/v1/tenants/{tenant}/diagnosis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const diagnose = (tenant: string, body: unknown) =>
    t
      .http()
      .post(`/api/v1/tenants/${tenant}/diagnosis`)
      .send(body as object);
  const today = todayInAmsterdam();
  const tenDaysAgo = addDays(today, -10);
  const longAgo = addDays(today, -100);

  const expectProblem = (body: { errors?: { field: string; message: string }[] }, field: string) => {
    expect(body.errors?.map((e) => e.field)).toContain(field);
    for (const error of body.errors ?? []) expect(error.message).toMatch(/\S/);
  };

  describe.each([
    ['rivierstad', 'schuldhulpverlening'],
    ['heuveldorp', 'schuldhulp'],
  ])("Bo's journey in %s", (tenant, debtCounselling) => {
    it('goes question by question to "object" with hints and a referral to debt counselling', async () => {
      const start = await diagnose(tenant, { regulation: 'participatiewet', answers: {} }).expect(200);
      expect(start.headers['content-type']).toContain('application/json');
      expect(start.body).toEqual({
        status: 'question',
        question: {
          id: 'hasDecision',
          text: 'Heeft u een brief van de gemeente gekregen met een besluit?',
          help: expect.stringMatching(/\S/),
          type: 'choice',
          options: [
            { value: 'yes', label: 'Ja' },
            { value: 'no', label: 'Nee' },
            { value: 'unsure', label: 'Dat weet ik niet' },
          ],
        },
        progress: { answered: 0 },
      });

      const journey: [questionId: string, answer: string][] = [
        ['hasDecision', 'yes'],
        ['subject', 'stopAndReclaim'],
        ['decisionDate', tenDaysAgo],
        ['talkFirst', 'no'],
        ['moneyWorries', 'yes'],
      ];
      const answers: Record<string, string> = {};
      for (const [index, [id, answer]] of journey.entries()) {
        const step = await diagnose(tenant, { regulation: 'participatiewet', answers }).expect(200);
        expect(step.body).toMatchObject({
          status: 'question',
          question: { id },
          progress: { answered: index },
        });
        if (id === 'decisionDate') {
          expect(step.body.question.type).toBe('date');
          expect(step.body.question).not.toHaveProperty('options');
        }
        answers[id] = answer;
      }

      const end = await diagnose(tenant, { regulation: 'participatiewet', answers }).expect(200);
      const termEnds = objectionTermEnds(defaultAtwCalendar, tenDaysAgo);
      expect(end.body.status).toBe('outcome');
      expect(end.body).not.toHaveProperty('question');
      const { outcome } = end.body;
      expect(outcome).toMatchObject({
        id: 'objectStopAndReclaimDebt',
        kind: 'object',
        title: expect.stringMatching(/bezwaar/),
        objectionTermEnds: termEnds,
        daysLeft: daysBetween(today, termEnds),
        late: false,
      });
      expect(outcome.text).toContain(formatDutchDate(termEnds));
      expect(outcome.text).not.toContain('{{');
      expect(outcome.hints.map((h: { code: string }) => h.code)).toEqual(
        expect.arrayContaining(['hoogte_terugvordering_onjuist', 'dringende_redenen_afzien_terugvordering']),
      );
      for (const hint of outcome.hints) {
        expect(Object.keys(hint).sort()).toEqual(['code', 'explanation', 'title']);
      }
      const debt = (outcome.referrals as Referral[]).find((r) => r.kind === 'debt_counselling');
      expect(debt).toMatchObject({
        code: debtCounselling,
        name: expect.stringMatching(/\S/),
        description: expect.stringMatching(/\S/),
        phone: expect.stringMatching(/\S/),
        website: expect.stringMatching(/^https:\/\//),
      });
    });
  });

  it('a decision sent more than six weeks ago: object late, with the reason to write down', async () => {
    const response = await diagnose('rivierstad', {
      regulation: 'wmo',
      answers: { hasDecision: 'yes', subject: 'refused', decisionDate: longAgo },
    }).expect(200);
    const termEnds = objectionTermEnds(defaultAtwCalendar, longAgo);
    expect(response.body.outcome).toMatchObject({
      id: 'objectLate',
      kind: 'object_late',
      objectionTermEnds: termEnds,
      daysLeft: daysBetween(today, termEnds),
      late: true,
    });
    expect(response.body.outcome.daysLeft).toBeLessThan(0);
    expect(response.body.outcome.text).toContain(formatDutchDate(termEnds));
    expect(response.body.outcome.text).toMatch(/waarom u te laat bent/);
  });

  it('no decision: explains the complaint route and a new application', async () => {
    const response = await diagnose('heuveldorp', {
      regulation: 'jeugdwet',
      answers: { hasDecision: 'unsure', appealClause: 'no' },
    }).expect(200);
    expect(response.body.outcome).toMatchObject({ id: 'notADecision', kind: 'not_a_decision', hints: [] });
    expect(response.body.outcome.text).toMatch(/klacht/);
    expect(response.body.outcome.text).toMatch(/aanvraag/);
    expect(response.body.outcome).not.toHaveProperty('objectionTermEnds');
    expect(response.body.outcome.referrals.length).toBeGreaterThan(0);
  });

  it('ignores answers left behind when the citizen went back and chose differently', async () => {
    const response = await diagnose('rivierstad', {
      regulation: 'participatiewet',
      answers: { hasDecision: 'no', subject: 'stop', decisionDate: tenDaysAgo, moneyWorries: 'onzin' },
    }).expect(200);
    expect(response.body.outcome).toMatchObject({ id: 'notADecision', kind: 'not_a_decision' });
  });

  it.each([
    [
      'rivierstad',
      'omgevingsvergunning',
      { subject: 'otherPermit', extendedProcedure: 'yes' },
      'direct_appeal',
    ],
    ['rivierstad', 'parkeerbelasting', { ticketKind: 'fine' }, 'not_a_decision'],
    ['heuveldorp', 'woz', { subject: 'cannotPay' }, 'help_first'],
    [
      'heuveldorp',
      'wmo',
      { hasDecision: 'yes', subject: 'less', decisionDate: tenDaysAgo, talkFirst: 'yes' },
      'informal_contact',
    ],
  ])('%s %s: leads to %s for the answers given', async (tenant, regulation, answers, kind) => {
    const response = await diagnose(tenant, { regulation, answers }).expect(200);
    expect(response.body.outcome.kind).toBe(kind);
    expect(response.body.outcome.text).not.toContain('{{');
  });

  describe('errors are problem+json naming the field', () => {
    it('an unknown regulation', async () => {
      const response = await diagnose('rivierstad', { regulation: 'bestaat-niet', answers: {} }).expect(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expectProblem(response.body, 'regulation');
    });

    it('a regulation of another municipality (heuveldorp has no omgevingsvergunning)', async () => {
      await diagnose('rivierstad', { regulation: 'omgevingsvergunning', answers: {} }).expect(200);
      const response = await diagnose('heuveldorp', {
        regulation: 'omgevingsvergunning',
        answers: {},
      }).expect(400);
      expectProblem(response.body, 'regulation');
    });

    it('an answer that is not one of the options', async () => {
      const response = await diagnose('rivierstad', {
        regulation: 'participatiewet',
        answers: { hasDecision: 'yes', subject: 'iets' },
      }).expect(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body.errors).toEqual([
        { field: 'answers.subject', message: 'Kies een van de antwoorden bij deze vraag.' },
      ]);
    });

    it.each([['2026-02-30'], ['2-11-2026'], [addDays(todayInAmsterdam(), 2)]])(
      'the decision date %s',
      async (decisionDate) => {
        const response = await diagnose('heuveldorp', {
          regulation: 'participatiewet',
          answers: { hasDecision: 'yes', subject: 'stop', decisionDate },
        }).expect(400);
        expectProblem(response.body, 'answers.decisionDate');
      },
    );

    it.each([
      ['no regulation', { answers: {} }, 'regulation'],
      ['no answers', { regulation: 'participatiewet' }, 'answers'],
      ['answers as a list', { regulation: 'participatiewet', answers: ['yes'] }, 'answers'],
      [
        'an answer that is no text',
        { regulation: 'participatiewet', answers: { hasDecision: 1 } },
        'answers',
      ],
      [
        'an answer of 201 characters',
        { regulation: 'participatiewet', answers: { hasDecision: 'x'.repeat(201) } },
        'answers',
      ],
      [
        '51 answers',
        {
          regulation: 'participatiewet',
          answers: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, 'yes'])),
        },
        'answers',
      ],
      [
        'a field that is not asked for (a name)',
        { regulation: 'participatiewet', answers: {}, name: 'Bo' },
        'name',
      ],
    ])('a body with %s', async (_case, body, field) => {
      const response = await diagnose('rivierstad', body).expect(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expectProblem(response.body, field);
    });

    it('an unknown municipality is a 404', async () => {
      const response = await diagnose('nergenshuizen', { regulation: 'participatiewet', answers: {} }).expect(
        404,
      );
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    });
  });

  it('is described in the OpenAPI document for citizens', async () => {
    const response = await t.http().get('/api/docs/openapi.json').expect(200);
    const operation = response.body.paths['/api/v1/tenants/{tenant}/diagnosis']?.post;
    expect(operation?.tags).toContain('citizens');
    expect(operation?.responses?.['200']).toBeDefined();
  });
});
