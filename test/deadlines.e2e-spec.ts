import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { Database } from '../src/database/database.service';
import { LegalCalendarService } from '../src/deadlines/legal-calendar.service';
import { startTestApp, TestApp } from './support/test-app';

describe('GET /api/v1/tenants/{tenant}/deadlines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const deadlines = (query: string) => t.http().get(`/api/v1/tenants/rivierstad/deadlines?${query}`);

  it('computes the three contract dates for a decision sent on a Monday', async () => {
    const response = await deadlines('decisionDate=2026-11-02&advisoryCommittee=false').expect(200);
    expect(response.body).toEqual({
      objectionTermEnds: '2026-12-14',
      decisionTermEnds: '2027-01-25',
      decisionTermEndsWithExtension: '2027-03-08',
    });
  });

  it('gives an advisory committee twelve weeks', async () => {
    const response = await deadlines('decisionDate=2026-11-02&advisoryCommittee=true').expect(200);
    expect(response.body.decisionTermEnds).toBe('2027-03-08');
    expect(response.body.decisionTermEndsWithExtension).toBe('2027-04-19');
  });

  it('moves a term ending on 5 May (every year a holiday under the Atw) to the next day', async () => {
    const response = await deadlines('decisionDate=2026-03-24&advisoryCommittee=false').expect(200);
    expect(response.body.objectionTermEnds).toBe('2026-05-06');
  });

  it("uses the regulation's own committee setting unless told otherwise", async () => {
    const regulations = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
      code: string;
      advisoryCommittee: boolean;
      termModel: string;
    }[];
    const awb = regulations.find((r) => r.termModel === 'awb')!;
    const withRegulation = await deadlines(`decisionDate=2026-11-02&regulation=${awb.code}`).expect(200);
    const explicit = await deadlines(
      `decisionDate=2026-11-02&advisoryCommittee=${awb.advisoryCommittee}`,
    ).expect(200);
    expect(withRegulation.body).toEqual(explicit.body);
  });

  it('follows a decree day an operator adds to the table, without a release', async () => {
    const before = await deadlines('decisionDate=2026-12-21&advisoryCommittee=false').expect(200);
    expect(before.body.objectionTermEnds).toBe('2027-02-01');
    await t.app
      .get(Database)
      .forPlatform((db) =>
        db.query(
          `INSERT INTO atw_decree_days (date, name, source, added_by) VALUES ('2027-02-01', 'Test', 'Stcrt. test', 'test')`,
        ),
      );
    t.app.get(LegalCalendarService).invalidate();
    const after = await deadlines('decisionDate=2026-12-21&advisoryCommittee=false').expect(200);
    expect(after.body.objectionTermEnds).toBe('2027-02-02');
  });

  it.each([
    ['decisionDate=2026-02-30', 'decisionDate'],
    ['decisionDate=02-11-2026', 'decisionDate'],
    ['', 'decisionDate'],
    ['decisionDate=2026-11-02&advisoryCommittee=misschien', 'advisoryCommittee'],
    ['decisionDate=2026-11-02&regulation=bestaat-niet', 'regulation'],
  ])('answers %j with a 400 problem naming %s', async (query, field) => {
    const response = await deadlines(query).expect(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });
});
