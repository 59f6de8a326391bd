import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { startTestApp, TestApp } from './support/test-app';

const BO =
  'Ik ben echt woedend. Jullie stoppen gewoon mijn uitkering en willen ook nog 3000 euro terug. ' +
  'Waar moet ik dat van betalen?? Ik heb al schulden en nu dreigt de woningbouw me uit mijn huis te zetten. ' +
  'Dit is schandalig!';

describe('POST /api/v1/tenants/{tenant}/signals/analyze', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('rivierstad');
  });
  afterAll(() => t.close());

  const analyze = (tenant: string, body: unknown, bearer?: string) => {
    const req = t.http().post(`/api/v1/tenants/${tenant}/signals/analyze`);
    if (bearer) req.set('Authorization', `Bearer ${bearer}`);
    return req.send(body as object);
  };

  it("reads Bo's angry text with money and housing problems, quoting the evidence", async () => {
    const response = await analyze('rivierstad', { text: BO }, token).expect(200);
    expect(response.headers['content-type']).toContain('application/json');
    const { sentiment, lifeDomains, multiProblem } = response.body;
    expect(sentiment.label).toBe('angry');
    expect(sentiment.score).toBeGreaterThan(0.5);
    expect(sentiment.score).toBeLessThanOrEqual(1);
    expect(sentiment.evidence).toEqual(expect.arrayContaining(['echt woedend', 'schandalig']));
    for (const phrase of sentiment.evidence) expect(BO).toContain(phrase);
    const byCode = Object.fromEntries(
      (lifeDomains as { code: string; evidence: string[] }[]).map((d) => [d.code, d.evidence]),
    );
    expect(byCode.finances).toContain('schulden');
    expect(byCode.housing).toContain('uit mijn huis');
    expect(multiProblem).toBe(true);
  });

  it('refuses a request without a token with 401', async () => {
    const response = await analyze('rivierstad', { text: BO }).expect(401);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it("refuses another tenant's token with 403", async () => {
    const response = await analyze('heuveldorp', { text: BO }, token).expect(403);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('refuses an empty text with a 400 problem naming the field', async () => {
    const response = await analyze('rivierstad', { text: '' }, token).expect(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('text');
  });

  it('refuses fields other than text', async () => {
    await analyze('rivierstad', { text: BO, extraTerms: [] }, token).expect(400);
  });
});
