import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { formatDutchDate } from '../src/deadlines/dutch-dates';
import { LegalCalendarService } from '../src/deadlines/legal-calendar.service';
import { todayInAmsterdam } from '../src/deadlines/local-date';
import { contrastRatio, WHITE } from '../src/portal/brand-colors';
import { formatContrast } from '../src/tenancy/tenant-settings.schema';
import { TenantSeedService } from '../src/tenancy/tenant-seed.service';
import { browserOnApp } from './support/browser';
import { binaryBody } from './support/binary-body';
import { bosObjection, FILES } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { decodeHtml } from './support/pages';
import { pngImage } from './support/png-image';
import { startTestApp, TestApp } from './support/test-app';

const BASE = '/api/v1/tenants/rivierstad/admin/settings';
/** An attribute value as the browser reads it (Handlebars escapes "=" too). */
const attribute = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
const PAGE = '/rivierstad/behandelaar/beheer/instellingen';

interface Settings {
  name: string;
  governingBody: string;
  court: { name: string; address: Record<string, string> };
  contact: {
    phone: string;
    email: string;
    website: string;
    postalAddress: Record<string, string>;
    visitingAddress?: Record<string, string>;
  };
  branding: { primaryColor: string };
  settings: { atRiskWorkingDays: number; firstContactWorkingDays: number; costs: Record<string, number> };
}

describe('branding, contact details and working settings of a municipality (tenant admin)', () => {
  let t: TestApp;
  let admin: string;
  let handler: string;
  let otherAdmin: string;
  let original: Settings;
  let keys = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    handler = await t.tokenFor('rivierstad');
    otherAdmin = await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example');
    original = (await api('get', '').expect(200)).body as Settings;
  });
  afterAll(async () => {
    await t.close();
  });

  function api(method: 'get' | 'put' | 'delete', path: string, bearer = admin) {
    return t.http()[method](`${BASE}${path}`).auth(bearer, { type: 'bearer' });
  }
  const changed = (change: (s: Settings) => void): Settings => {
    const copy = structuredClone(original);
    change(copy);
    return copy;
  };
  const origin = async (slug: string) =>
    (
      await t.asOwner<{ profile_origin: string }>(`SELECT profile_origin FROM tenants WHERE slug = $1`, [
        slug,
      ])
    )[0].profile_origin;
  const atRiskUntil = async () =>
    (
      await t
        .http()
        .get('/api/v1/tenants/rivierstad/inbox?limit=1')
        .auth(handler, { type: 'bearer' })
        .expect(200)
    ).body.atRiskUntil as string;

  it('gives the editable profile as tenant.yaml has it', () => {
    expect(original).toMatchObject({
      name: 'Gemeente Rivierstad',
      branding: { primaryColor: '#0B4F71' },
      settings: { atRiskWorkingDays: 5, firstContactWorkingDays: 5 },
      contact: { postalAddress: { city: 'Rivierstad' } },
    });
    expect(original).not.toHaveProperty('inhabitants');
  });

  it('describes the settings in the OpenAPI document from their one definition', async () => {
    const document = (await t.http().get('/api/docs/openapi.json').expect(200)).body;
    const put = document.paths['/api/v1/tenants/{tenant}/admin/settings'].put;
    const schema = put.requestBody.content['application/json'].schema;
    expect(schema.properties.branding.properties.primaryColor).toMatchObject({ type: 'string' });
    expect(schema.properties.settings.properties.atRiskWorkingDays).toMatchObject({ maximum: 30 });
    expect(document.paths['/api/v1/tenants/{tenant}/admin/settings/logo'].put).toBeDefined();
    expect(
      document.paths['/api/v1/tenants/{tenant}/admin/letter-templates/{kind}/preview'].post,
    ).toBeDefined();
  });

  it('lets only the municipality’s own tenant admins in', async () => {
    for (const bearer of [handler, otherAdmin]) {
      await api('get', '', bearer).expect(403);
      await api('put', '', bearer).send(original).expect(403);
      await api('delete', '/logo', bearer).expect(403);
    }
  });

  describe('refuses settings that cannot be used', () => {
    afterAll(async () => {
      expect((await api('get', '').expect(200)).body).toEqual(original);
      expect(await origin('rivierstad')).toBe('file');
    });

    it('a colour too light for text on white, with its contrast ratio and the norm', async () => {
      const response = await api('put', '')
        .send(changed((s) => (s.branding.primaryColor = '#F0A500')))
        .expect(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      const ratio = formatContrast(contrastRatio('#F0A500', WHITE));
      expect(ratio).toBe('2,08:1');
      expect(response.body.errors).toEqual([
        {
          field: 'branding.primaryColor',
          message: `Deze kleur is te licht voor tekst op wit: het contrast is ${ratio}, en dat moet minstens 4,5:1 zijn (WCAG 2.1). De naam van de gemeente staat in deze kleur bovenaan elke brief. Kies een donkerdere kleur.`,
        },
      ]);
      expect(response.body.detail).toMatch(
        /^De instellingen zijn niet opgeslagen: 1 veld klopt niet\. Deze kleur is te licht/,
      );
    });

    it('every field that is wrong, by its path', async () => {
      const response = await api('put', '')
        .send(
          changed((s) => {
            s.contact.postalAddress.postalCode = '4100';
            s.contact.email = 'gemeente';
            s.settings.atRiskWorkingDays = 0;
            (s as unknown as Record<string, unknown>).inhabitants = 1;
          }),
        )
        .expect(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'contact.postalAddress.postalCode', message: 'Vul een postcode in zoals 1234 AB.' },
          { field: 'contact.email', message: 'Vul een geldig e-mailadres in, zoals bezwaar@gemeente.nl.' },
          { field: 'settings.atRiskWorkingDays', message: 'Dit moet minstens 1 zijn.' },
          { field: '', message: 'Onbekend veld "inhabitants": controleer de spelling of laat het weg.' },
        ]),
      );
    });
  });

  describe('saved settings', () => {
    let update: Settings;
    let before: string;

    beforeAll(async () => {
      update = changed((s) => {
        s.name = 'Gemeente Rivierstad aan de Maas';
        s.contact.phone = '14 0344';
        s.contact.visitingAddress = {
          street: 'Markt',
          houseNumber: '1',
          postalCode: '4101 AA',
          city: 'Rivierstad',
        };
        s.branding.primaryColor = '#7A1F5C';
        s.settings.atRiskWorkingDays = 10;
        s.settings.firstContactWorkingDays = 3;
      });
      before = await atRiskUntil();
      const response = await api('put', '').send(update).expect(200);
      expect(response.body).toEqual(update);
    });

    it('are the admin’s from now on: the seed no longer overwrites them, while it still seeds the others', async () => {
      expect(await origin('rivierstad')).toBe('admin');
      expect(await origin('heuveldorp')).toBe('file');
      await t.asOwner(`UPDATE tenants SET name = 'Heuveldorp (oud)' WHERE slug = 'heuveldorp'`);
      await t.app.get(TenantSeedService).onModuleInit();
      expect((await api('get', '').expect(200)).body).toEqual(update);
      const names = await t.asOwner<{ slug: string; name: string }>(
        `SELECT slug, name FROM tenants ORDER BY slug`,
      );
      expect(names).toEqual([
        { slug: 'heuveldorp', name: 'Gemeente Heuveldorp' },
        { slug: 'rivierstad', name: 'Gemeente Rivierstad aan de Maas' },
      ]);
    });

    it('show on the portal at once: name, phone and colour', async () => {
      const portal = await t.http().get('/rivierstad').expect(200);
      expect(portal.text).toContain('Gemeente Rivierstad aan de Maas');
      expect(portal.text).toContain('14 0344');
      const stylesheet = attribute(portal.text.match(/href="(\/rivierstad\/huisstijl\.css\?v[^"]+)"/)![1]);
      expect((await t.http().get(stylesheet).expect(200)).text).toContain('--brand: #7a1f5c;');
    });

    it('widen the at-risk window of the inbox, in the API and on the staff page', async () => {
      const calendar = await t.app.get(LegalCalendarService).current();
      const expected = calendar.addWorkingDays(todayInAmsterdam(), 10);
      expect(before).toBe(calendar.addWorkingDays(todayInAmsterdam(), 5));
      expect(await atRiskUntil()).toBe(expected);
      const cookie = await t.staffCookie('rivierstad');
      const page = await t.page('/rivierstad/behandelaar', cookie).expect(200);
      expect(page.text).toContain(
        `Bijna verlopen (uiterlijk ${formatDutchDate(expected, { weekday: false })})`,
      );
      expect(page.text).toContain('Gemeente Rivierstad aan de Maas');
    });

    it('are in the next letter: name and phone in the letterhead, the first-contact norm in the receipt', async () => {
      const filed = await t
        .http()
        .post('/api/v1/tenants/rivierstad/objections')
        .set('Idempotency-Key', `admin-settings-${++keys}-${Date.now()}`)
        .send(bosObjection())
        .expect(201);
      const pdf = await t
        .http()
        .get(`/api/v1/tenants/rivierstad/documents/${filed.body.receiptDocumentId}`)
        .auth(handler, { type: 'bearer' })
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
      expect(text).toContain('Gemeente Rivierstad aan de Maas');
      expect(text).toContain('14 0344');
      expect(text).toContain('neemt binnen 3 werkdagen contact met u op');
    });
  });

  describe('the logo', () => {
    const upload = (content: Buffer, bearer = admin, filename = 'logo.png') =>
      api('put', '/logo', bearer).attach('logo', content, { filename, contentType: 'image/png' });
    const logo = pngImage(240, 96);

    it('refuses what is not a PNG or JPEG, is too small or too large', async () => {
      const refused = async (content: Buffer) =>
        (await upload(content).expect(400)).body.errors[0].message as string;
      expect(await refused(FILES.pdf)).toBe('Het logo moet een PNG- of JPEG-bestand zijn.');
      expect(await refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
        'Het logo moet een PNG- of JPEG-bestand zijn.',
      );
      expect(await refused(FILES.png)).toBe('Het logo is 1 × 1 beeldpunten. Het moet minstens 16 × 16 zijn.');
      expect(await refused(Buffer.concat([logo, Buffer.alloc(300 * 1024)]))).toMatch(
        /^Het logo is te groot: het mag hoogstens 256 kB zijn\./,
      );
      await api('put', '/logo').send({ logo: 'x' }).expect(400);
      await t.http().get('/rivierstad/logo').expect(404);
    });

    it('is stored, served with its own type and nosniff, and shown on the portal and in letters', async () => {
      await upload(logo).expect(204);
      const portal = await t.http().get('/rivierstad').expect(200);
      const src = attribute(
        portal.text.match(/<img class="site-header__logo" src="([^"]+)" alt="" height="40">/)![1],
      );
      expect(src).toMatch(/^\/rivierstad\/logo\?v=[0-9a-f]{16}$/);
      const served = await t.http().get(src).buffer(true).parse(binaryBody).expect(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Buffer.compare(served.body as Buffer, logo)).toBe(0);
      expect((await t.http().get('/rivierstad/logo').expect(200)).headers['cache-control']).toBe(
        'public, max-age=300',
      );
      expect((await t.http().get('/heuveldorp').expect(200)).text).not.toContain('site-header__logo');

      const preview = await t
        .http()
        .post('/api/v1/tenants/rivierstad/admin/letter-templates/receipt/preview')
        .auth(admin, { type: 'bearer' })
        .send({})
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const pdf = (preview.body as Buffer).toString('latin1');
      expect(pdf).toMatch(
        /\/Subtype \/Image[\s\S]*\/Width 240[\s\S]*\/Height 96|\/Height 96[\s\S]*\/Width 240/,
      );
    });

    it('is removed again', async () => {
      await api('delete', '/logo').expect(204);
      await t.http().get('/rivierstad/logo').expect(404);
      expect((await t.http().get('/rivierstad').expect(200)).text).not.toContain('site-header__logo');
    });
  });

  describe('page', () => {
    let cookie: string;
    /** The page's form as the browser posts it, with some fields changed. */
    const formFields = async (changes: Record<string, string>) => {
      const page = await t.page(PAGE, cookie).expect(200);
      const fields: Record<string, string> = {};
      for (const [, name, value] of page.text.matchAll(
        /<input class="input[^"]*" id="[^"]+" name="([^"]+)" type="[a-z]+" value="([^"]*)"/g,
      )) {
        fields[name] = name in changes ? changes[name] : decodeHtml(value);
      }
      return fields;
    };

    beforeAll(async () => {
      cookie = await t.staffCookie('rivierstad', 'beheer@rivierstad.example');
    });

    it('shows the settings with the colour’s contrast, in sections', async () => {
      const page = await t.page(PAGE, cookie).expect(200);
      expect(page.text).toContain('<h1 class="heading-xl">Huisstijl en instellingen</h1>');
      expect(page.text).toContain('name="contact.postalAddress.postalCode" type="text" value="4100 AA"');
      expect(page.text).toContain('name="settings.costs.pointValueCents" type="text" value="647,00"');
      expect(page.text).toMatch(
        /Het contrast van de kleur #7A1F5C met wit is \d+,\d+:1\. De norm is minstens 4,5:1\./,
      );
      expect(page.text).toContain('enctype="multipart/form-data"');
    });

    it('shows every problem in the error summary, keeping what was typed', async () => {
      const response = await t
        .postForm(
          PAGE,
          cookie,
          await formFields({
            'branding.primaryColor': '#FFD700',
            'contact.postalAddress.postalCode': '4100',
          }),
        )
        .expect(400);
      expect(response.text).toContain('class="error-summary"');
      expect(response.text).toContain(
        '<a href="#contact-postalAddress-postalCode">Vul een postcode in zoals 1234 AB.</a>',
      );
      expect(response.text).toMatch(
        /<a href="#branding-primaryColor">Deze kleur is te licht voor tekst op wit: het contrast is 1,\d+:1/,
      );
      expect(response.text).toContain('value="#FFD700"');
      expect(response.text).toMatch(/<title>Fout: Huisstijl en instellingen/);
      expect((await api('get', '').expect(200)).body.branding.primaryColor).toBe('#7A1F5C');
    });

    it('saves the form and says so', async () => {
      const response = await t
        .postForm(
          PAGE,
          cookie,
          await formFields({ 'settings.atRiskWorkingDays': '7', 'settings.costs.pointValueCents': '700' }),
        )
        .expect(303);
      expect(response.headers.location).toBe(`${PAGE}?gedaan=opgeslagen`);
      const settings = (await api('get', '').expect(200)).body as Settings;
      expect(settings.settings.atRiskWorkingDays).toBe(7);
      expect(settings.settings.costs.pointValueCents).toBe(70_000);
      expect(settings.contact.visitingAddress).toEqual({
        street: 'Markt',
        houseNumber: '1',
        postalCode: '4101 AA',
        city: 'Rivierstad',
      });
      const page = await t.page(response.headers.location, cookie).expect(200);
      expect(page.text).toContain('De instellingen zijn opgeslagen.');
    });

    it('uploads a logo from the page, and refuses a wrong file with the error at the field', async () => {
      const wrong = await t
        .http()
        .post(`${PAGE}/logo`)
        .set('Cookie', cookie)
        .attach('logo', FILES.pdf, { filename: 'logo.pdf', contentType: 'application/pdf' })
        .expect(400);
      expect(wrong.text).toContain('<a href="#logo">Het logo moet een PNG- of JPEG-bestand zijn.</a>');
      expect(wrong.text).toContain('aria-invalid="true"');
      const stored = await t
        .http()
        .post(`${PAGE}/logo`)
        .set('Cookie', cookie)
        .attach('logo', pngImage(64, 64), { filename: 'logo.png', contentType: 'image/png' })
        .expect(303);
      expect(stored.headers.location).toBe(`${PAGE}?gedaan=logo`);
      const page = await t.page(PAGE, cookie).expect(200);
      expect(page.text).toMatch(
        /<img src="\/rivierstad\/logo\?v&#x3D;[0-9a-f]{16}" alt="Het huidige logo van Gemeente Rivierstad aan de Maas" height="60">/,
      );
    });

    it('is for tenant admins only', async () => {
      const handlerCookie = await t.staffCookie('rivierstad');
      await t.page(PAGE, handlerCookie).expect(403);
      await t.postForm(PAGE, handlerCookie, { name: 'x' }).expect(403);
    });

    describe('in a browser (chromium, axe-core)', () => {
      const browser = browserOnApp(() => t.app, 'the settings page');

      it('has no serious accessibility violation, with and without errors, and the portal shows the logo', async () => {
        const { context, page } = await browser.newPage({ cookie });
        await page.goto(`${browser.base}${PAGE}`);
        await browser.audit(page, 'instellingen');
        await page.fill('#branding-primaryColor', '#FFD700');
        await page.fill('#contact-email', 'geen adres');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: 'Instellingen opslaan' }).click(),
        ]);
        expect(await page.locator('.error-summary a').count()).toBe(2);
        await browser.audit(page, 'instellingen met fouten');
        await page.goto(`${browser.base}/rivierstad`);
        expect(
          await page
            .locator('img.site-header__logo')
            .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        ).toBe(64);
        await browser.audit(page, 'portaal met logo');
        await context.close();
      });
    });
  });
});
