import type { Page } from 'playwright-core';
import { gunzipSync } from 'node:zlib';
import { CitizensService } from '../src/citizens/citizens.service';
import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { todayInAmsterdam } from '../src/deadlines/local-date';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { browserOnApp, navigation } from './support/browser';
import { bosObjection, daysAgo } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

/** The onboarding form as an operator fills it in: Zeestad, a new municipality. */
const ZEESTAD_FORM = {
  naam: 'Gemeente Zeestad',
  slug: 'zeestad',
  inwoners: '45.000',
  bestuursorgaan: 'het college van burgemeester en wethouders van Zeestad',
  rechtbank: 'rotterdam',
  telefoon: '010 123 45 67',
  email: 'gemeente@zeestad.example',
  website: 'https://www.zeestad.example',
  straat: 'Postbus',
  huisnummer: '100',
  postcode: '3000 aa',
  plaats: 'Zeestad',
  kleur: '',
  plan: 'standaard',
  ingangsdatum: daysAgo(0),
  'beheerder-naam': 'Fatima Yilmaz',
  'beheerder-email': 'f.yilmaz@zeestad.example',
};

/** The same through the API: Kustdorp. */
const KUSTDORP = {
  slug: 'kustdorp',
  name: 'Gemeente Kustdorp',
  inhabitants: 12000,
  governingBody: 'het college van burgemeester en wethouders van Kustdorp',
  court: 'zeeland-west-brabant',
  contact: {
    phone: '0118 12 34 56',
    email: 'info@kustdorp.example',
    website: 'https://kustdorp.example',
    postalAddress: { street: 'Postbus', houseNumber: '5', postalCode: '4300 AA', city: 'Kustdorp' },
  },
  licence: { planCode: 'klein', startsOn: daysAgo(0) },
  admin: { name: 'Kees de Boer', email: 'k.deboer@kustdorp.example' },
};

interface TenantExportFile {
  format: string;
  tenant: { id: string; slug: string; profile: { contact: { email: string } } };
  tables: Record<string, Record<string, unknown>[]>;
}

/** Onboarding, the tenant pages, the data export and offboarding, as a platform operator does them. */
describe('platform: municipalities (onboarding, export, offboarding)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let operator: string;
  let cookie: string;
  let keys = 0;

  const api = (method: 'get' | 'post', path: string) =>
    t.http()[method](`/api/v1/platform/tenants${path}`).set('Authorization', `Bearer ${operator}`);
  const page = (path: string) => t.page(path, cookie);
  const post = (path: string, fields: Record<string, string>) => t.postForm(path, cookie, fields);
  const file = async (tenant: string, body: object) => {
    const response = await t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections`)
      .set('Idempotency-Key', `platform-tenants-${Date.now()}-${++keys}`)
      .send(body);
    if (response.status !== 201) throw new Error(`filing failed: ${JSON.stringify(response.body)}`);
    return response.body as { reference: string };
  };
  const exportOf = async (slug: string) => {
    const response = await api('get', `/${slug}/export`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`attachment; filename="${slug}-export-\\d{4}-\\d{2}-\\d{2}\\.json\\.gz"`),
    );
    const text = gunzipSync(response.body as Buffer).toString('utf8');
    return { text, data: JSON.parse(text) as TenantExportFile };
  };
  const tenantId = async (slug: string) => (await t.app.get(TenantsService).requireBySlug(slug)).id;

  beforeAll(async () => {
    sink = new SmtpSink();
    t = await startTestApp({ SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '600000' });
    operator = await t.operatorToken();
    cookie = await t.operatorCookie();
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  describe('onboarding', () => {
    it('lists the demo municipalities with their licence and this year’s objections', async () => {
      await file('rivierstad', bosObjection());
      const response = await api('get', '').expect(200);
      const rivierstad = (response.body as { slug: string }[]).find((r) => r.slug === 'rivierstad');
      expect(rivierstad).toMatchObject({
        name: 'Gemeente Rivierstad',
        status: 'active',
        licenceState: 'active',
        licence: { planCode: 'standaard' },
        objectionsThisYear: 1,
      });
      const unknown = await page('/platform/gemeenten/nergenshuizen').expect(404);
      expect(unknown.text).toContain('Er is geen gemeente &quot;nergenshuizen&quot; op dit platform.');
      expect(unknown.text).toContain('<title>Niet gevonden – Platformbeheer</title>');
      await api('get', '/nergenshuizen').expect(404);
      const html = await page('/platform').expect(200);
      expect(html.text).toContain('Gemeente Heuveldorp');
      expect(html.text).toContain('href="/platform/gemeenten/rivierstad"');
    });

    it('shows the form again with the errors and what was typed', async () => {
      const form = await page('/platform/gemeenten/nieuw').expect(200);
      expect(form.text).toContain('<title>Gemeente aanmelden – Platformbeheer</title>');
      expect(form.text).toContain('<option value="standaard">Standaard</option>');
      expect(form.text).toContain('<option value="rotterdam">Rechtbank Rotterdam</option>');

      const response = await post('/platform/gemeenten/nieuw', {
        ...ZEESTAD_FORM,
        slug: 'platform',
        postcode: '300 AA',
        inwoners: 'veel',
        plan: '',
      }).expect(400);
      expect(response.text).toContain('<title>Fout: Gemeente aanmelden – Platformbeheer</title>');
      expect(response.text).toContain('<a href="#postcode">Vul een postcode in zoals 1234 AB.</a>');
      expect(response.text).toContain(
        '<a href="#inwoners">Vul het aantal inwoners in als een heel getal.</a>',
      );
      expect(response.text).toContain('<a href="#plan">Kies een licentieplan.</a>');
      expect(response.text).toContain('value="Gemeente Zeestad"');
      // The slug is refused once the other fields are right.
      const reserved = await post('/platform/gemeenten/nieuw', { ...ZEESTAD_FORM, slug: 'platform' }).expect(
        400,
      );
      expect(reserved.text).toContain('is gereserveerd voor het platform zelf');
      expect((await t.app.get(TenantsService).list()).map((tenant) => tenant.slug)).not.toContain('platform');
    });

    it('onboards Zeestad from the page: its portal takes objections under the general regulation at once', async () => {
      const response = await post('/platform/gemeenten/nieuw', ZEESTAD_FORM).expect(303);
      expect(response.headers.location).toBe('/platform/gemeenten/zeestad?aangemeld=1');
      const details = await page(response.headers.location).expect(200);
      expect(details.text).toContain('Gemeente Zeestad is aangemeld.');
      expect(details.text).toContain('f.yilmaz@zeestad.example');
      expect(details.text).toContain('Uitgenodigd op');
      expect(details.text).toContain('Plan: Standaard.');
      expect(details.text).toContain('href="/platform/gemeenten/zeestad/licentie"');
      expect(details.text).toContain('3000 AA Zeestad');

      const [row] = await t.asOwner<{ profile_origin: string; profile: { inhabitants: number } }>(
        `SELECT profile_origin, profile FROM tenants WHERE slug = 'zeestad'`,
      );
      expect(row).toMatchObject({ profile_origin: 'admin', profile: { inhabitants: 45000 } });

      const portal = await t.http().get('/zeestad').expect(200);
      expect(portal.text).toContain('Gemeente Zeestad');
      const regulations = await t.http().get('/api/v1/tenants/zeestad/regulations').expect(200);
      expect(regulations.body.map((r: { code: string }) => r.code)).toEqual(['overige-besluiten']);
      const diagnosis = await t
        .http()
        .post('/api/v1/tenants/zeestad/diagnosis')
        .send({
          regulation: 'overige-besluiten',
          answers: { hasDecision: 'yes', decisionDate: daysAgo(7), talkFirst: 'no' },
        })
        .expect(200);
      expect(diagnosis.body.outcome).toMatchObject({ kind: 'object' });
      const filed = await file(
        'zeestad',
        bosObjection({
          regulation: 'overige-besluiten',
          decision: {
            reference: 'VERG-2026-12',
            date: daysAgo(7),
            description: 'Weigering omgevingsvergunning',
          },
          grounds: { hints: ['feiten_onjuist'], text: 'De gemeente ging uit van de verkeerde tekening.' },
        }),
      );
      expect(filed.reference).toMatch(/\d{4}-\d{5}$/);
      const [version] = await t.asOwner<{ regulation_version: number }>(
        `SELECT regulation_version FROM objections WHERE reference = $1`,
        [filed.reference],
      );
      expect(version.regulation_version).toBe(1);

      const summary = (await api('get', '/zeestad').expect(200)).body;
      expect(summary).toMatchObject({
        slug: 'zeestad',
        inhabitants: 45000,
        licence: { planCode: 'standaard' },
        objectionsThisYear: 1,
        admins: [{ name: 'Fatima Yilmaz', email: 'f.yilmaz@zeestad.example', invitation: 'pending' }],
        profile: {
          court: { name: 'Rechtbank Rotterdam' },
          contact: { postalAddress: { postalCode: '3000 AA' } },
        },
      });
    });

    it('e-mails the first tenant admin an invitation to set a password', async () => {
      await t.app.get(OutboxDispatcher).dispatchDue();
      const mail = sink.messages.find(
        (m) => m.subject === 'Uitnodiging: bezwaren behandelen voor Gemeente Zeestad',
      );
      expect(mail).toBeDefined();
      expect(mail!.text).toContain('Beste Fatima Yilmaz');
      expect(mail!.text).toMatch(/\/zeestad\/behandelaar\/uitnodiging\/\S+/);
      expect((mail!.to as { text: string }).text).toContain('f.yilmaz@zeestad.example');
    });

    it('lets the operator invite another tenant admin, from the page and the API', async () => {
      const empty = await post('/platform/gemeenten/zeestad/beheerders', {}).expect(400);
      expect(empty.text).toContain('<a href="#beheerder-naam">Vul de naam van de beheerder in.</a>');
      expect(empty.text).toContain('<a href="#beheerder-email">');
      const invited = await post('/platform/gemeenten/zeestad/beheerders', {
        'beheerder-naam': 'Jan Smit',
        'beheerder-email': 'j.smit@zeestad.example',
      }).expect(303);
      expect(invited.headers.location).toBe('/platform/gemeenten/zeestad?uitgenodigd=1');
      expect((await page(invited.headers.location).expect(200)).text).toContain(
        'De uitnodiging is verstuurd.',
      );

      const response = await api('post', '/zeestad/admins')
        .send({ name: 'Els Visser', email: 'e.visser@zeestad.example' })
        .expect(201);
      expect(response.body.admins.map((a: { email: string }) => a.email).sort()).toEqual([
        'e.visser@zeestad.example',
        'f.yilmaz@zeestad.example',
        'j.smit@zeestad.example',
      ]);
      const twice = await api('post', '/zeestad/admins')
        .send({ name: 'Els Visser', email: 'e.visser@zeestad.example' })
        .expect(409);
      expect(twice.body.detail).toContain('e.visser@zeestad.example');
      await t.app.get(OutboxDispatcher).dispatchDue();
      expect(
        sink.messages.filter((m) => m.subject === 'Uitnodiging: bezwaren behandelen voor Gemeente Zeestad'),
      ).toHaveLength(3);
    });

    it('refuses the same slug a second time, on the page and in the API', async () => {
      const again = await post('/platform/gemeenten/nieuw', { ...ZEESTAD_FORM, naam: 'Zeestad (2)' }).expect(
        400,
      );
      expect(again.text).toContain('Er is al een gemeente met de korte naam &quot;zeestad&quot;.');
      const response = await api('post', '')
        .send({ ...KUSTDORP, slug: 'zeestad' })
        .expect(409);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body.detail).toContain('Er is al een gemeente met de korte naam "zeestad"');
      const [{ n }] = await t.asOwner<{ n: number }>(
        `SELECT count(*)::int AS n FROM tenants WHERE slug = 'zeestad'`,
      );
      expect(n).toBe(1);
    });

    it('onboards through the API, with field errors for what is wrong', async () => {
      const empty = await api('post', '').send({}).expect(400);
      expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['slug', 'name', 'inhabitants', 'court', 'contact', 'licence', 'admin']),
      );
      for (const slug of ['api', 'assets', 'platform']) {
        const reserved = await api('post', '')
          .send({ ...KUSTDORP, slug })
          .expect(400);
        expect(reserved.body.errors).toEqual([
          { field: 'slug', message: expect.stringContaining('gereserveerd') },
        ]);
      }
      const unknownPlan = await api('post', '')
        .send({ ...KUSTDORP, licence: { ...KUSTDORP.licence, planCode: 'goud' } })
        .expect(400);
      expect(unknownPlan.body.errors).toEqual([{ field: 'licence.planCode', message: expect.any(String) }]);

      // Two operators onboarding the same slug at the same moment: one municipality, one clear refusal.
      const twins = await Promise.all(
        [1, 2].map((n) =>
          api('post', '').send({ ...KUSTDORP, slug: 'tweeling', name: `Gemeente Tweeling ${n}` }),
        ),
      );
      expect(twins.map((r) => r.status).sort()).toEqual([201, 409]);
      const [{ n }] = await t.asOwner<{ n: number }>(
        `SELECT count(*)::int AS n FROM tenants WHERE slug = 'tweeling'`,
      );
      expect(n).toBe(1);
      const [{ regulations }] = await t.asOwner<{ regulations: number }>(
        `SELECT count(*)::int AS regulations FROM regulations r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = 'tweeling'`,
      );
      expect(regulations).toBe(1);

      const created = await api('post', '').send(KUSTDORP).expect(201);
      expect(created.body).toMatchObject({
        slug: 'kustdorp',
        status: 'active',
        licence: { planCode: 'klein' },
        admins: [{ email: 'k.deboer@kustdorp.example', invitation: 'pending' }],
      });
      await t.http().get('/api/v1/tenants/kustdorp/regulations').expect(200);
    });
  });

  describe('export', () => {
    it("holds every table of the municipality's data and nothing of another", async () => {
      const bo = await file(
        'rivierstad',
        bosObjection({ decision: { reference: 'PW-2026-7777', date: daysAgo(3) } }),
      );
      const other = await file(
        'heuveldorp',
        bosObjection({ objector: { ...bosObjection().objector, name: 'Henk van Heuveldorp' } }),
      );
      const rivierstad = await tenantId('rivierstad');
      const heuveldorp = await tenantId('heuveldorp');
      await t.app
        .get(CitizensService)
        .recordLogin(rivierstad, { subject: 'bo-test', bsn: '999993653', name: 'Bo de Vries' });
      await t.app
        .get(CitizensService)
        .recordLogin(heuveldorp, { subject: 'henk-test', bsn: '999990019', name: 'Henk' });
      await t.jobsDone(); // the receipts
      const { text, data } = await exportOf('rivierstad');

      expect(data.format).toBe('bezwaarplatform-tenant-export');
      expect(data.tenant).toMatchObject({ id: rivierstad, slug: 'rivierstad' });
      expect(data.tenant.profile.contact.email).toBe('gemeente@rivierstad.example');
      const references = data.tables.objections.map((o) => o.reference);
      expect(references).toContain(bo.reference);
      expect(references).not.toContain(other.reference);
      expect(text).not.toContain(heuveldorp);
      expect(text).not.toContain('Henk van Heuveldorp');
      // Every table with a tenant_id is there, each row of this tenant.
      const tables = await t.asOwner<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_name = 'tenant_id'`,
      );
      expect(Object.keys(data.tables).sort()).toEqual(tables.map((r) => r.table_name).sort());
      for (const rows of Object.values(data.tables)) {
        for (const row of rows) expect(row.tenant_id).toBe(rivierstad);
      }
      expect(data.tables.regulations.length).toBeGreaterThanOrEqual(5);
      // The receipt PDF itself, as base64.
      const receipt = data.tables.documents.find(
        (d) => d.objection_id === data.tables.objections.find((o) => o.reference === bo.reference)!.id,
      );
      expect(
        Buffer.from(receipt!.content as string, 'base64')
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      // The BSN leaves decrypted (the municipality cannot decrypt with the platform's key), and only its own.
      expect(data.tables.citizens).toEqual([
        expect.objectContaining({ subject: 'bo-test', bsn: '999993653' }),
      ]);
      expect(data.tables.citizens[0]).not.toHaveProperty('bsn_encrypted');
      expect(text).not.toContain('999990019');
      // No credentials leave the platform.
      expect(data.tables.staff_users.length).toBeGreaterThan(0);
      for (const user of data.tables.staff_users) {
        expect(Object.keys(user)).not.toEqual(expect.arrayContaining(['password_hash']));
        expect(user).not.toHaveProperty('invitation_hash');
      }
      const details = (await api('get', '/rivierstad').expect(200)).body;
      expect(Date.now() - new Date(details.exportedAt).getTime()).toBeLessThan(60_000);
    });
  });

  describe('offboarding', () => {
    let staffToken: string;

    beforeAll(async () => {
      staffToken = await t.tokenFor('heuveldorp');
    });

    it('asks for a recent export and the slug typed as confirmation', async () => {
      const noExport = await api('post', '/kustdorp/offboard').send({ confirm: 'kustdorp' }).expect(409);
      expect(noExport.body.detail).toContain('Download eerst de export');
      await exportOf('kustdorp');
      const wrong = await api('post', '/kustdorp/offboard').send({ confirm: 'Kustdorp' }).expect(400);
      expect(wrong.body.errors).toEqual([
        { field: 'confirm', message: expect.stringContaining('"kustdorp"') },
      ]);
      const page = await post('/platform/gemeenten/kustdorp/van-platform', { confirm: 'iets' }).expect(400);
      expect(page.text).toContain('<a href="#confirm">Typ de korte naam &quot;kustdorp&quot; over');
      expect((await api('get', '/kustdorp').expect(200)).body.status).toBe('active');
    });

    it('takes Heuveldorp off the platform from its page, after downloading its export there', async () => {
      const download = await page('/platform/gemeenten/heuveldorp/export').expect(200);
      expect(download.headers['content-type']).toBe('application/gzip');
      const response = await post('/platform/gemeenten/heuveldorp/van-platform', {
        confirm: 'heuveldorp',
      }).expect(303);
      expect(response.headers.location).toBe('/platform/gemeenten/heuveldorp?van-platform=1');
      const details = await page(response.headers.location).expect(200);
      expect(details.text).toContain('Gemeente Heuveldorp is van het platform gehaald.');
      expect(details.text).not.toContain('action="/platform/gemeenten/heuveldorp/van-platform"');
      const again = await api('post', '/heuveldorp/offboard').send({ confirm: 'heuveldorp' }).expect(409);
      expect(again.body.detail).toContain('is al van het platform gehaald');
    });

    it('answers its portal and API with 410 and its contact details; its staff can no longer log in', async () => {
      const problem = await t.http().get('/api/v1/tenants/heuveldorp/regulations').expect(410);
      expect(problem.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(problem.body.detail).toContain(
        'Gemeente Heuveldorp behandelt bezwaren niet meer via dit platform',
      );
      expect(problem.body.detail).toContain('0129 37 12 00');
      expect(problem.body.detail).toContain('gemeente@heuveldorp.example');
      await t
        .http()
        .post('/api/v1/tenants/heuveldorp/objections')
        .set('Idempotency-Key', 'gone-1')
        .send(bosObjection())
        .expect(410);

      const portal = await t.http().get('/heuveldorp').expect(410);
      expect(portal.headers['content-type']).toContain('text/html');
      expect(portal.text).toContain('behandelt bezwaren niet meer via dit platform');
      expect(portal.text).toContain('Postbus 15, 6290 AA Heuveldorp');
      expect(portal.text).toContain('Bezwaar maken gaat nu rechtstreeks bij de gemeente');

      // Billed no further: its licence ended on the day it left.
      const licences = await t.asOwner<{ ends_on: string | null }>(
        `SELECT to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM tenant_licences l JOIN tenants t ON t.id = l.tenant_id
          WHERE t.slug = 'heuveldorp'`,
      );
      expect(licences.length).toBeGreaterThan(0);
      for (const licence of licences) expect(licence.ends_on! <= todayInAmsterdam()).toBe(true);

      await t
        .http()
        .get('/api/v1/tenants/heuveldorp/inbox')
        .set('Authorization', `Bearer ${staffToken}`)
        .expect(410);
      await t
        .http()
        .post('/api/v1/auth/token')
        .send({ tenant: 'heuveldorp', email: 'behandelaar@heuveldorp.example', password: DEMO_PASSWORD })
        .expect(401);
      await t.http().get('/heuveldorp/behandelaar/inloggen').expect(410);
      await api('post', '/heuveldorp/admins')
        .send({ name: 'Nieuw', email: 'nieuw@heuveldorp.example' })
        .expect(409);
    });

    it('leaves the other municipalities as they were, and its data exportable', async () => {
      await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200);
      await t.http().get('/rivierstad').expect(200);
      const token = await t.tokenFor('rivierstad');
      await t
        .http()
        .get('/api/v1/tenants/rivierstad/inbox')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      await file('rivierstad', bosObjection());
      const list = (await api('get', '').expect(200)).body as { slug: string; status: string }[];
      expect(list.find((r) => r.slug === 'heuveldorp')?.status).toBe('offboarded');
      expect(list.find((r) => r.slug === 'rivierstad')?.status).toBe('active');
      const { data } = await exportOf('heuveldorp');
      expect(data.tables.objections.length).toBeGreaterThan(0);
      expect(data.tables.staff_users.every((u) => u.active === false)).toBe(true);
    });
  });

  describe('in a browser (chromium, axe)', () => {
    const browser = browserOnApp(() => t.app, 'the platform pages');

    it('logs in, onboards a municipality with one mistake, and sees its page; every page passes axe', async () => {
      const { context, page } = await browser.newPage();
      const audit = (p: Page, name: string) => browser.audit(p, name);

      await page.goto(`${browser.base}/platform`);
      expect(new URL(page.url()).pathname).toBe('/platform/inloggen');
      await audit(page, 'inloggen');
      await page.getByLabel('E-mailadres').fill('operator@bezwaarplatform.example');
      await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await navigation(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
      expect(await page.title()).toBe('Gemeenten – Platformbeheer');
      await audit(page, 'gemeenten');

      await navigation(page, () => page.getByRole('link', { name: 'Gemeente aanmelden' }).click());
      await audit(page, 'aanmelden');
      await page.getByLabel('Naam', { exact: true }).first().fill('Gemeente Duinwijk');
      await page.getByLabel('Korte naam voor het webadres').fill('duinwijk');
      await page.getByLabel('Aantal inwoners').fill('30000');
      await page.getByLabel('Bestuursorgaan').fill('het college van burgemeester en wethouders van Duinwijk');
      await page.getByLabel('Rechtbank').selectOption('den-haag');
      await page.getByLabel('Telefoonnummer').fill('070 123 45 67');
      await page.getByLabel('E-mailadres').first().fill('info@duinwijk.example');
      await page.getByLabel('Website').fill('https://duinwijk.example');
      await page.getByLabel('Postadres: straat').fill('Postbus');
      await page.getByLabel('Huisnummer of postbusnummer').fill('9');
      await page.getByLabel('Postcode').fill('2500');
      await page.getByLabel('Plaats').fill('Duinwijk');
      await page.getByLabel('Licentieplan').selectOption('klein');
      await page.locator('#beheerder-naam').fill('Noor Bakker');
      await page.locator('#beheerder-email').fill('n.bakker@duinwijk.example');
      await navigation(page, () => page.getByRole('button', { name: 'Gemeente aanmelden' }).click());
      expect(await page.title()).toBe('Fout: Gemeente aanmelden – Platformbeheer');
      expect(await page.getByRole('alert').textContent()).toContain('Vul een postcode in zoals 1234 AB.');
      await audit(page, 'aanmelden met fout');

      await page.getByLabel('Postcode').fill('2500 AB');
      await navigation(page, () => page.getByRole('button', { name: 'Gemeente aanmelden' }).click());
      expect(await page.title()).toBe('Gemeente Duinwijk – Platformbeheer');
      expect(await page.getByRole('status').textContent()).toContain('Gemeente Duinwijk is aangemeld.');
      await audit(page, 'gemeente');

      await page.getByLabel(/Typ ter bevestiging de korte naam/).fill('verkeerd');
      await navigation(page, () => page.getByRole('button', { name: 'Van het platform halen' }).click());
      expect(await page.title()).toBe('Fout: Gemeente Duinwijk – Platformbeheer');
      await audit(page, 'gemeente met fout');

      await page.goto(`${browser.base}/heuveldorp`);
      expect(await page.locator('main').innerText()).toContain('niet meer via dit platform');
      await context.close();
    });
  });
});
