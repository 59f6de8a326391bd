import { startTestApp, TestApp } from './support/test-app';

/** Many requests for both tenants at once (PGlite serialises them; PostgreSQL runs them in parallel). */
describe('concurrent requests for different tenants (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives every request its own tenant’s data', async () => {
    const tenants = ['rivierstad', 'heuveldorp'];
    const tokens = Object.fromEntries(await Promise.all(tenants.map(async (s) => [s, await t.tokenFor(s)])));
    const baseline = Object.fromEntries(
      await Promise.all(
        tenants.map(async (s) => [
          s,
          (await t.http().get(`/api/v1/tenants/${s}/regulations`).expect(200)).body,
        ]),
      ),
    );
    expect(baseline.rivierstad).not.toEqual(baseline.heuveldorp);

    const requests = Array.from({ length: 60 }, (_, i) => {
      const slug = tenants[i % 2];
      return i % 3 === 0
        ? t
            .http()
            .get(`/api/v1/tenants/${slug}/inbox`)
            .auth(tokens[slug], { type: 'bearer' })
            .then((r) => ({ slug, status: r.status, body: r.body, kind: 'inbox' }))
        : t
            .http()
            .get(`/api/v1/tenants/${slug}/regulations`)
            .then((r) => ({ slug, status: r.status, body: r.body, kind: 'regulations' }));
    });
    for (const response of await Promise.all(requests)) {
      expect(response.status).toBe(200);
      if (response.kind === 'regulations') expect(response.body).toEqual(baseline[response.slug]);
    }
  });
});
