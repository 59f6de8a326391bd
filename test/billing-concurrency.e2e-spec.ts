import { todayInAmsterdam } from '../src/deadlines/local-date';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Invoice numbers stay gapless when many operators issue at once: 30 drafts of several municipalities issued
 * in parallel get exactly the numbers 1 to 30 of the year, while concurrent attempts that fail (a draft issued
 * twice, an invoice whose PDF cannot be made after its number was taken) give no number away. Meant for the
 * real PostgreSQL (TEST_DATABASE_URL), where the requests truly run at the same time; on PGlite they queue.
 */
describe('gapless invoice numbers under concurrency', () => {
  let t: TestApp;
  let operator: string;
  const year = Number(todayInAmsterdam().slice(0, 4));
  const municipalities = ['noordhaven', 'oostveen', 'zuiderdam'];

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000', DATABASE_POOL_SIZE: '20' });
    operator = await t.operatorToken();
    // Three more municipalities (a copy of Rivierstad's profile), and one whose postal address is missing.
    for (const slug of [...municipalities, 'adresloos']) {
      await t.asOwner(
        `INSERT INTO tenants (slug, name, profile, profile_origin)
         SELECT $1::text, 'Gemeente ' || initcap($1::text), profile, 'admin' FROM tenants WHERE slug = 'rivierstad'`,
        [slug],
      );
    }
    await t.asOwner(
      `UPDATE tenants SET profile = profile #- '{contact,postalAddress}' WHERE slug = 'adresloos'`,
    );
  });
  afterAll(() => t.close());

  const op = (method: 'get' | 'post', path: string) =>
    t.http()[method](`/api/v1/platform${path}`).set('Authorization', `Bearer ${operator}`);

  async function drafts(slug: string, years: number[]): Promise<string[]> {
    await op('post', `/tenants/${slug}/licences`)
      .send({ planCode: 'klein', startsOn: '2016-01-01' })
      .expect(201);
    const ids: string[] = [];
    for (const y of years) {
      const { body } = await op('post', `/tenants/${slug}/invoices`).send({ year: y }).expect(201);
      ids.push(body.invoices[0].id);
    }
    return ids;
  }

  it('issues 30 drafts of several municipalities in parallel as numbers 1 to 30, with no gap and no duplicate', async () => {
    const years = Array.from({ length: 10 }, (_, i) => 2016 + i);
    const work: { slug: string; id: string }[] = [];
    for (const slug of municipalities) {
      for (const id of await drafts(slug, years)) work.push({ slug, id });
    }
    const broken = (await drafts('adresloos', [2016, 2017])).map((id) => ({ slug: 'adresloos', id }));
    expect(work).toHaveLength(30);

    const issue = ({ slug, id }: { slug: string; id: string }) =>
      op('post', `/tenants/${slug}/invoices/${id}/issue`);
    const responses = await Promise.all([
      ...work.map(issue),
      // The same drafts a second time, racing the first: refused, without taking a number.
      ...work.slice(0, 5).map(issue),
      // Numbers taken, then rolled back: the PDF of these cannot be made.
      ...broken.map(issue),
    ]);

    const byStatus = (status: number) => responses.filter((r) => r.status === status);
    expect(byStatus(200)).toHaveLength(30);
    expect(byStatus(409)).toHaveLength(5);
    expect(byStatus(500)).toHaveLength(2);
    const numbers = byStatus(200).map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(30);
    expect(numbers.sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `${year}-${String(i + 1).padStart(6, '0')}`),
    );
    const stored = await t.asOwner<{ sequence: number }>(
      `SELECT sequence FROM invoices WHERE year = $1 ORDER BY sequence`,
      [year],
    );
    expect(stored.map((r) => r.sequence)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const [counter] = await t.asOwner<{ last_number: number }>(
      `SELECT last_number FROM invoice_counters WHERE year = $1`,
      [year],
    );
    expect(counter.last_number).toBe(30);

    // The next one continues the sequence.
    await t.asOwner(
      `UPDATE tenants SET profile = (SELECT profile FROM tenants WHERE slug = 'rivierstad') WHERE slug = 'adresloos'`,
    );
    const next = await issue(broken[0]).expect(200);
    expect(next.body.number).toBe(`${year}-000031`);
  });
});
