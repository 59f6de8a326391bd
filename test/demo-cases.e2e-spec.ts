import { DemoCasesService } from '../src/objections/demo-cases.service';
import { startTestApp, TestApp } from './support/test-app';

describe('example cases of a new demo (tenants/<slug>/demo-cases.yaml)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CASES: 'true' });
    token = await t.tokenFor('rivierstad');
  });
  afterAll(() => t.close());

  const inbox = async () =>
    (await t.http().get('/api/v1/tenants/rivierstad/inbox').auth(token, { type: 'bearer' }).expect(200))
      .body as {
      items: { reference: string; flags: string[]; lifeDomains: string[] }[];
    };

  it("files them through the real pipeline, with Bo's case first because her deadline is nearest", async () => {
    const { items } = await inbox();
    expect(items).toHaveLength(5);
    const first = await t
      .http()
      .get(`/api/v1/tenants/rivierstad/objections/${items[0].reference}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(first.body).toMatchObject({ objector: { name: 'Bo de Vries' }, timely: true });
    expect(items[0].flags).toContain('angry');
    expect(items[0].lifeDomains).toEqual(expect.arrayContaining(['finances', 'housing']));
    expect(first.body.documents).toEqual([expect.objectContaining({ kind: 'receipt' })]);
  });

  it('never adds them again to a tenant that has cases', async () => {
    await t.app.get(DemoCasesService).onApplicationBootstrap();
    expect((await inbox()).items).toHaveLength(5);
  });

  it('gives the second demo tenant its own', async () => {
    const other = await t.tokenFor('heuveldorp');
    const response = await t
      .http()
      .get('/api/v1/tenants/heuveldorp/inbox')
      .auth(other, { type: 'bearer' })
      .expect(200);
    expect((response.body as { items: unknown[] }).items).toHaveLength(2);
  });
});
