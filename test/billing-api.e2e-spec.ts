import { Database } from '../src/database/database.service';
import { todayInAmsterdam } from '../src/deadlines/local-date';
import { TenantsService } from '../src/tenancy/tenants.service';
import { binaryBody } from './support/binary-body';
import { bosObjection } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Licence billing through the operator's API: plans, licences, metering, invoices with their numbers, PDFs,
 * payments and credit notes; and the municipality's own read-only view.
 */
describe('licence billing (API)', () => {
  let t: TestApp;
  let operator: string;
  let keys = 0;
  const year = todayInAmsterdam().slice(0, 4);

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    operator = await t.operatorToken();
  });
  afterAll(() => t.close());

  const op = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
    t.http()[method](`/api/v1/platform${path}`).set('Authorization', `Bearer ${operator}`);
  const file = (tenant: string, key = `billing-${++keys}`) =>
    t.http().post(`/api/v1/tenants/${tenant}/objections`).set('Idempotency-Key', key).send(bosObjection());
  const tenantId = async (slug: string) => (await t.app.get(TenantsService).requireBySlug(slug)).id;
  const usageRecords = async (slug: string) => {
    const id = await tenantId(slug);
    const [row] = await t.asOwner<{ count: number }>(
      `SELECT count(*)::int AS count FROM usage_records WHERE tenant_id = $1`,
      [id],
    );
    return row.count;
  };
  const pdfOf = async (path: string, bearer = operator) => {
    const response = await t
      .http()
      .get(path)
      .set('Authorization', `Bearer ${bearer}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return {
      text: await pdfText(response.body as Buffer),
      disposition: response.headers['content-disposition'],
    };
  };

  describe('who may', () => {
    it('refuses the platform routes without an operator token, also to a municipality’s admin', async () => {
      await t.http().get('/api/v1/platform/plans').expect(401);
      const admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
      for (const path of ['/plans', '/invoices', '/usage', '/tenants/rivierstad/invoices']) {
        const response = await t
          .http()
          .get(`/api/v1/platform${path}`)
          .set('Authorization', `Bearer ${admin}`);
        expect(response.status).toBe(401);
        expect(response.body.detail).toBe('Log in als platformbeheerder om verder te gaan.');
      }
      await t
        .http()
        .post('/api/v1/platform/tenants/rivierstad/invoices')
        .set('Authorization', `Bearer ${admin}`)
        .send({ year: 2026 })
        .expect(401);
    });
  });

  describe('plans', () => {
    it('has the plans of config/platform.yaml', async () => {
      const plans = (await op('get', '/plans').expect(200)).body as { code: string; bands: unknown[] }[];
      expect(plans.map((p) => p.code).sort()).toEqual(['klein', 'stad', 'standaard']);
      expect((await op('get', '/plans/standaard').expect(200)).body).toMatchObject({
        name: 'Standaard',
        implementationFeeCents: 750_000,
        includedObjections: 400,
        extraObjectionCents: 2_500,
        active: true,
        bands: [
          { upToInhabitants: 25_000, yearlyFeeCents: 950_000 },
          { upToInhabitants: 50_000, yearlyFeeCents: 1_450_000 },
          { upToInhabitants: 100_000, yearlyFeeCents: 2_200_000 },
          { upToInhabitants: null, yearlyFeeCents: 3_400_000 },
        ],
      });
      await op('get', '/plans/bestaat-niet').expect(404);
    });

    it('refuses a plan with wrong bands or amounts, saying per field what to fix', async () => {
      const response = await op('post', '/plans')
        .send({
          code: 'Proef Plan',
          name: 'Proef',
          implementationFeeCents: 0,
          bands: [
            { upToInhabitants: 50_000, yearlyFeeCents: 100 },
            { upToInhabitants: 20_000, yearlyFeeCents: 200 },
          ],
          includedObjections: 10,
          extraObjectionCents: 100,
        })
        .expect(400);
      expect(response.body.detail).toBe('Het licentieplan is niet opgeslagen: niet alles klopt.');
      expect(response.body.errors).toEqual([
        { field: 'code', message: expect.stringContaining('kleine letters, cijfers, - en _') },
        {
          field: 'bands[1].upToInhabitants',
          message:
            'De laatste staffel geldt voor alle grotere gemeenten: laat het aantal inwoners leeg (nu 20000).',
        },
      ]);
      const types = await op('post', '/plans')
        .send({
          code: 'proef',
          name: 'Proef',
          implementationFeeCents: 12.5,
          bands: [],
          includedObjections: -1,
          extraObjectionCents: 1,
        })
        .expect(400);
      expect(types.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'implementationFeeCents', message: expect.stringContaining('hele eurocenten') },
          { field: 'includedObjections', message: expect.stringContaining('heel getal') },
        ]),
      );
    });

    it('creates, changes and retires a plan; a code is used once', async () => {
      const plan = {
        code: 'proef',
        name: 'Proef',
        implementationFeeCents: 0,
        bands: [
          { upToInhabitants: 100_000, yearlyFeeCents: 1_000_000 },
          { upToInhabitants: null, yearlyFeeCents: 2_000_000 },
        ],
        includedObjections: 1,
        extraObjectionCents: 1_250,
      };
      expect((await op('post', '/plans').send(plan).expect(201)).body).toMatchObject({
        ...plan,
        active: true,
      });
      const again = await op('post', '/plans').send(plan).expect(400);
      expect(again.body.errors).toEqual([
        { field: 'code', message: 'Er is al een plan met de code "proef". Kies een andere code.' },
      ]);
      const { code: _code, ...terms } = plan;
      const changed = await op('put', '/plans/proef')
        .send({ ...terms, name: 'Proefplan', active: false })
        .expect(200);
      expect(changed.body).toMatchObject({ code: 'proef', name: 'Proefplan', active: false });
      await op('put', '/plans/proef')
        .send({ ...terms, name: 'Proefplan', active: true })
        .expect(200);
    });
  });

  describe('licences', () => {
    it('gave the demo municipalities the licences of config/platform.yaml', async () => {
      const { body } = await op('get', '/tenants/heuveldorp/licences').expect(200);
      expect(body.licences).toEqual([
        expect.objectContaining({
          planCode: 'klein',
          startsOn: '2026-03-01',
          endsOn: null,
          discountBasisPoints: 1000,
          discountReason: 'Pilotgemeente 2026',
        }),
      ]);
      expect(body.licenceState).toMatchObject({ state: 'active', history: [] });
    });

    it('changes a licence with a new one from a date, keeping the old one until the day before', async () => {
      await op('post', '/tenants/rivierstad/licences')
        .send({ planCode: 'proef', startsOn: '2026-01-01' })
        .expect(201);
      const { body } = await op('get', '/tenants/rivierstad/licences').expect(200);
      expect(
        body.licences.map((l: { planCode: string; startsOn: string; endsOn: string | null }) => [
          l.planCode,
          l.startsOn,
          l.endsOn,
        ]),
      ).toEqual([
        ['standaard', '2025-01-01', '2025-12-31'],
        ['proef', '2026-01-01', null],
      ]);
    });

    it('refuses a licence that overlaps a later one, or with wrong terms', async () => {
      const overlap = await op('post', '/tenants/rivierstad/licences')
        .send({ planCode: 'klein', startsOn: '2025-06-01' })
        .expect(409);
      expect(overlap.body.detail).toBe(
        'Er is al een licentie vanaf 1 januari 2026. Een nieuwe licentie begint na de laatste.',
      );
      const wrong = await op('post', '/tenants/rivierstad/licences')
        .send({ planCode: 'klein', startsOn: '2027-02-30', discountBasisPoints: 500 })
        .expect(400);
      expect(wrong.body.errors).toEqual([
        { field: 'startsOn', message: 'Vul een geldige begindatum in, zoals 2026-01-01.' },
        { field: 'discountReason', message: 'Schrijf op waarom de gemeente korting krijgt.' },
      ]);
      const noPlan = await op('post', '/tenants/rivierstad/licences')
        .send({ planCode: 'goud', startsOn: '2027-01-01' })
        .expect(400);
      expect(noPlan.body.errors[0]).toEqual({
        field: 'planCode',
        message: expect.stringContaining('"goud"'),
      });
      await op('post', '/tenants/nergenshuizen/licences')
        .send({ planCode: 'klein', startsOn: '2027-01-01' })
        .expect(404);
    });
  });

  describe('metering', () => {
    it('counts every filed objection once, also when the filing is retried', async () => {
      const before = await usageRecords('heuveldorp');
      await file('heuveldorp', 'metering-retry').expect(201);
      expect(await usageRecords('heuveldorp')).toBe(before + 1);
      const retry = await file('heuveldorp', 'metering-retry').expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await usageRecords('heuveldorp')).toBe(before + 1);
      await file('heuveldorp').expect(201);
      expect(await usageRecords('heuveldorp')).toBe(before + 2);
    });

    it('keeps usage records immutable: the application’s role can neither change nor remove them', async () => {
      const id = await tenantId('heuveldorp');
      const database = t.app.get(Database);
      await expect(
        database.forTenant(id, (db) =>
          db.query(`UPDATE usage_records SET occurred_at = now() - interval '1 year'`),
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(database.forTenant(id, (db) => db.query(`DELETE FROM usage_records`))).rejects.toThrow(
        /permission denied/,
      );
      expect(await usageRecords('heuveldorp')).toBe(2);
    });

    it('shows usage per month of a year', async () => {
      const { body } = await op('get', `/tenants/heuveldorp/usage?year=${year}`).expect(200);
      const month = Number(todayInAmsterdam().slice(5, 7));
      expect(body.total).toBe(2);
      expect(body.months).toHaveLength(12);
      expect(body.months[month - 1]).toEqual({ month, objections: 2 });
      const all = await op('get', `/usage?year=${year}`).expect(200);
      expect(all.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ tenant: { slug: 'heuveldorp', name: 'Gemeente Heuveldorp' }, total: 2 }),
        ]),
      );
      await op('get', '/tenants/heuveldorp/usage?year=twintig').expect(400);
    });
  });

  describe('invoices', () => {
    let heuveldorpInvoice: string;

    it('generates a draft with the implementation fee, the pro-rated band fee, the discount, VAT 21% and totals', async () => {
      const { body } = await op('post', '/tenants/heuveldorp/invoices').send({ year: 2026 }).expect(201);
      expect(body.invoices).toHaveLength(1);
      const [invoice] = body.invoices;
      heuveldorpInvoice = invoice.id;
      // Licence from 1 March 2026: 306 of 365 days. 18,000 inhabitants: band 15,001-30,000 of plan Klein.
      expect(invoice).toMatchObject({
        kind: 'invoice',
        status: 'draft',
        number: null,
        periodStart: '2026-03-01',
        periodEnd: '2026-12-31',
        lines: [
          { code: 'implementation', quantity: 1, amountCents: 450_000 },
          { code: 'licence', quantity: 1, amountCents: 754_521 }, // 900,000 × 306 / 365 = 754,520.5… → 754,521
          { code: 'extra_objections', quantity: 0, unitCents: 3_000, amountCents: 0 }, // 2 filed, 126 included
          { code: 'discount', quantity: 1, amountCents: -120_452 }, // 10% of 1,204,521 = 120,452.1
        ],
        netCents: 1_084_069,
        vatBasisPoints: 2100,
        vatCents: 227_654, // 227,654.49
        totalCents: 1_311_723,
      });
      expect(invoice.lines[1].description).toBe(
        'Licentie 2026, plan Klein, staffel 15.001 tot en met 30.000 inwoners (gemeente: 18.000 inwoners), 1 maart 2026 t/m 31 december 2026: 306 van 365 dagen van € 9.000,00',
      );
      expect(invoice.lines[2].description).toBe(
        `Bezwaren boven de bundel: ${year === '2026' ? 2 : 0} ingediend, 126 inbegrepen (150 per jaar, naar rato)`,
      );
    });

    it('bills objections above the bundel, and a changed licence per licence', async () => {
      for (let i = 0; i < 3; i++) await file('rivierstad').expect(201);
      const generated = await op('post', '/tenants/rivierstad/invoices').send({ year: 2026 }).expect(201);
      // Plan Proef from 1 January 2026, 155,000 inhabitants: the open band; 1 objection included.
      expect(generated.body.invoices[0]).toMatchObject({
        lines: [
          { code: 'licence', amountCents: 2_000_000 },
          { code: 'extra_objections', quantity: year === '2026' ? 2 : 0, unitCents: 1_250 },
        ],
      });
      const y2025 = await op('post', '/tenants/rivierstad/invoices').send({ year: 2025 }).expect(201);
      // The first year of the first licence carries the implementation fee of plan Standaard.
      expect(y2025.body.invoices[0]).toMatchObject({
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        lines: [
          { code: 'implementation', amountCents: 750_000 },
          { code: 'licence', amountCents: 3_400_000 },
          { code: 'extra_objections', quantity: 0 },
        ],
        netCents: 4_150_000,
        vatCents: 871_500,
        totalCents: 5_021_500,
      });
      const none = await op('post', '/tenants/rivierstad/invoices').send({ year: 2024 }).expect(409);
      expect(none.body.detail).toBe(
        'Gemeente Rivierstad had in 2024 geen licentie. Er valt niets te factureren.',
      );
    });

    it('regenerates a draft in place, and deletes drafts only', async () => {
      const again = await op('post', '/tenants/rivierstad/invoices').send({ year: 2025 }).expect(201);
      const drafts = (await op('get', '/tenants/rivierstad/invoices').expect(200)).body as {
        id: string;
        periodStart: string;
      }[];
      expect(drafts.filter((d) => d.periodStart === '2025-01-01')).toEqual([
        expect.objectContaining({ id: again.body.invoices[0].id }),
      ]);
      await op('delete', `/tenants/rivierstad/invoices/${again.body.invoices[0].id}`).expect(204);
      await op('get', `/tenants/rivierstad/invoices/${again.body.invoices[0].id}`).expect(404);
    });

    it('issues with the first number of the year, the due date and an archived PDF', async () => {
      const { body } = await op('post', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}/issue`).expect(
        200,
      );
      expect(body).toMatchObject({
        status: 'issued',
        number: `${year}-000001`,
        issuedOn: todayInAmsterdam(),
      });
      expect(body.dueOn > body.issuedOn).toBe(true);
      const again = await op('post', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}/issue`).expect(409);
      expect(again.body.detail).toBe(`Deze factuur is al uitgereikt als ${year}-000001.`);
      await op('delete', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}`).expect(409);

      const pdf = await pdfOf(`/api/v1/platform/tenants/heuveldorp/invoices/${heuveldorpInvoice}/pdf`);
      expect(pdf.disposition).toBe(`attachment; filename="factuur-${year}-000001.pdf"`);
      const text = pdf.text.replace(/\s+/g, ' ');
      for (const expected of [
        'Bezwaarplatform B.V.',
        'Gemeente Heuveldorp',
        `Factuur ${year}-000001`,
        `Factuurnummer: ${year}-000001`,
        'Eenmalige implementatiekosten (plan Klein)',
        'Bedrag: € 4.500,00',
        '€ 7.545,21',
        'Korting 10% (Pilotgemeente 2026)',
        '€ -1.204,52',
        'Totaal zonder btw: € 10.840,69',
        'Btw 21% over € 10.840,69: € 2.276,54',
        'Totaal te betalen: € 13.117,23',
        'NL91 ABNA 0417 1643 00',
        'Btw-nummer: NL862345671B01',
      ]) {
        expect(text).toContain(expected);
      }
      // A draft has no PDF yet.
      const drafts = (await op('get', '/tenants/rivierstad/invoices').expect(200)).body as { id: string }[];
      const draftPdf = await op('get', `/tenants/rivierstad/invoices/${drafts[0].id}/pdf`).expect(404);
      expect(draftPdf.body.detail).toContain('conceptfactuur');
    });

    it('does not give away a number when issuing fails and rolls back', async () => {
      const drafts = (await op('get', '/tenants/rivierstad/invoices').expect(200)).body as {
        id: string;
        status: string;
      }[];
      const draft = drafts.find((d) => d.status === 'draft')!;
      // The municipality's postal address is gone: the PDF cannot be made after the number was taken.
      const [{ profile }] = await t.asOwner<{ profile: Record<string, unknown> }>(
        `SELECT profile FROM tenants WHERE slug = 'rivierstad'`,
      );
      await t.asOwner(
        `UPDATE tenants SET profile = profile #- '{contact,postalAddress}' WHERE slug = 'rivierstad'`,
      );
      await op('post', `/tenants/rivierstad/invoices/${draft.id}/issue`).expect(500);
      const [counter] = await t.asOwner<{ last_number: number }>(
        `SELECT last_number FROM invoice_counters WHERE year = $1`,
        [Number(year)],
      );
      expect(counter.last_number).toBe(1);
      await t.asOwner(`UPDATE tenants SET profile = $1 WHERE slug = 'rivierstad'`, [JSON.stringify(profile)]);
      const issued = await op('post', `/tenants/rivierstad/invoices/${draft.id}/issue`).expect(200);
      expect(issued.body.number).toBe(`${year}-000002`);
    });

    it('records a payment once', async () => {
      const paid = await op('post', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}/payment`)
        .send({})
        .expect(200);
      expect(paid.body).toMatchObject({ status: 'paid', paidOn: todayInAmsterdam() });
      const twice = await op('post', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}/payment`)
        .send({})
        .expect(409);
      expect(twice.body.detail).toContain('deze is al betaald');
      await op('post', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}/payment`)
        .send({ paidOn: '2999-01-01' })
        .expect(400);
    });

    it('corrects an issued invoice with a credit note of its own number; the year can then be invoiced again', async () => {
      const blocked = await op('post', '/tenants/heuveldorp/invoices').send({ year: 2026 }).expect(409);
      expect(blocked.body.detail).toBe(
        `2026 is al gefactureerd (${year}-000001). Moet er iets veranderen? Maak dan eerst een creditnota; daarna kunt u opnieuw factureren.`,
      );
      await op('post', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}/credit-note`)
        .send({ reason: ' ' })
        .expect(400);
      const { body: note } = await op('post', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}/credit-note`)
        .send({ reason: 'Korting voor 2026 verkeerd afgesproken' })
        .expect(201);
      expect(note).toMatchObject({
        kind: 'credit_note',
        status: 'issued',
        number: `${year}-000003`,
        creditsInvoiceId: heuveldorpInvoice,
        netCents: -1_084_069,
        vatCents: -227_654,
        totalCents: -1_311_723,
        note: 'Korting voor 2026 verkeerd afgesproken',
      });
      expect(note.lines.map((l: { amountCents: number }) => l.amountCents)).toEqual([
        -450_000, -754_521, 0, 120_452,
      ]);
      expect(
        (await op('get', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}`).expect(200)).body.status,
      ).toBe('credited');
      await op('post', `/tenants/heuveldorp/invoices/${heuveldorpInvoice}/credit-note`)
        .send({ reason: 'nogmaals' })
        .expect(409);

      const text = (await pdfOf(`/api/v1/platform/tenants/heuveldorp/invoices/${note.id}/pdf`)).text.replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain(`Creditnota ${year}-000003 bij factuur ${year}-000001`);
      expect(text).toContain('Reden: Korting voor 2026 verkeerd afgesproken');
      expect(text).toContain('Totaal te verrekenen: € -13.117,23');

      const regenerated = await op('post', '/tenants/heuveldorp/invoices').send({ year: 2026 }).expect(201);
      expect(regenerated.body.invoices[0]).toMatchObject({ status: 'draft', netCents: 1_084_069 });
    });

    it('lists every invoice across municipalities, by number', async () => {
      const { body } = await op('get', '/invoices').expect(200);
      expect(
        body.filter((i: { number: string | null }) => i.number).map((i: { number: string }) => i.number),
      ).toEqual([`${year}-000003`, `${year}-000002`, `${year}-000001`]);
      const paid = await op('get', '/invoices?status=credited').expect(200);
      expect(paid.body.map((i: { tenant: { slug: string } }) => i.tenant.slug)).toEqual(['heuveldorp']);
      await op('get', '/invoices?status=open').expect(400);
    });
  });

  describe('the municipality’s own view', () => {
    it('shows its admin the licence, the usage and the issued invoices with their PDFs, read only', async () => {
      const admin = await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example');
      const { body } = await t
        .http()
        .get('/api/v1/tenants/heuveldorp/licence')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(body).toMatchObject({
        licenceState: { state: 'active' },
        current: { planCode: 'klein', discountBasisPoints: 1000 },
        usage: { total: 2 },
        included: { perYear: 150 },
      });
      const invoices = (
        await t
          .http()
          .get('/api/v1/tenants/heuveldorp/licence/invoices')
          .set('Authorization', `Bearer ${admin}`)
          .expect(200)
      ).body as { number: string | null; id: string; status: string }[];
      expect(invoices.map((i) => [i.number, i.status]).sort()).toEqual([
        [`${year}-000001`, 'credited'],
        [`${year}-000003`, 'issued'],
      ]);
      const pdf = await pdfOf(`/api/v1/tenants/heuveldorp/licence/invoices/${invoices[0].id}/pdf`, admin);
      expect(pdf.text).toContain('Gemeente Heuveldorp');

      const handler = await t.tokenFor('heuveldorp');
      await t
        .http()
        .get('/api/v1/tenants/heuveldorp/licence')
        .set('Authorization', `Bearer ${handler}`)
        .expect(403);
      const otherAdmin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
      await t
        .http()
        .get(`/api/v1/tenants/heuveldorp/licence/invoices/${invoices[0].id}/pdf`)
        .set('Authorization', `Bearer ${otherAdmin}`)
        .expect(403);
      // Another municipality's invoice id under one's own path: not found (row-level security).
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/licence/invoices/${invoices[0].id}/pdf`)
        .set('Authorization', `Bearer ${otherAdmin}`)
        .expect(404);
    });
  });
});
