import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { LETTER_KINDS } from '../src/letters/letter-kinds';
import { browserOnApp } from './support/browser';
import { binaryBody } from './support/binary-body';
import { bosObjection } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { startTestApp, TestApp } from './support/test-app';

const PLATFORM_RECEIPT = readFileSync(join(__dirname, '..', 'templates', 'letters', 'receipt.hbs'), 'utf8');
const PLATFORM_DECISION = readFileSync(join(__dirname, '..', 'templates', 'letters', 'decision.hbs'), 'utf8');
const OWN_RECEIPT = PLATFORM_RECEIPT.replace(
  'Wij hebben uw bezwaar goed ontvangen.',
  'Dank u wel voor uw bezwaar. Team Bezwaar Rivierstad leest het zorgvuldig.',
);
const OWN_DECISION = PLATFORM_DECISION.replace(
  '## Onze beslissing',
  '## Onze beslissing, na zorgvuldig overleg in Rivierstad',
);
const BASE = '/api/v1/tenants/rivierstad/admin/letter-templates';

/** The text of a PDF on one line, as a reader would copy it. */
const readable = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, ' ');

interface Problem {
  detail: string;
  errors: { field: string; message: string }[];
}

describe('letter templates of a municipality (tenant admin)', () => {
  let t: TestApp;
  let admin: string;
  let handler: string;
  let otherAdmin: string;
  let keys = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    handler = await t.tokenFor('rivierstad');
    otherAdmin = await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example');
  });
  afterAll(async () => {
    await t.close();
  });

  const api = (method: 'get' | 'put' | 'delete' | 'post', path: string, bearer = admin) =>
    t.http()[method](`${BASE}${path}`).auth(bearer, { type: 'bearer' });
  const pdfOf = (request: ReturnType<typeof api>) => request.buffer(true).parse(binaryBody);
  const save = (kind: string, source: string) => api('put', `/${kind}`).send({ source });

  /** Files Bo's objection and returns the text of her receipt. */
  async function receiptText(tenant = 'rivierstad'): Promise<string> {
    const filed = await t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections`)
      .set('Idempotency-Key', `admin-letters-${++keys}-${Date.now()}`)
      .send(bosObjection())
      .expect(201);
    const token = await t.tokenFor(tenant);
    const pdf = await t
      .http()
      .get(`/api/v1/tenants/${tenant}/documents/${filed.body.receiptDocumentId}`)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    return readable(pdf.body as Buffer);
  }

  it('lists every kind of letter with its Dutch name and where its text comes from', async () => {
    const response = await api('get', '').expect(200);
    expect(response.body).toHaveLength(LETTER_KINDS.length);
    expect(response.body).toContainEqual({
      kind: 'decision',
      name: 'Beslissing op bezwaar',
      source: 'default',
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('gives the text in use with the parts the law requires, explained', async () => {
    const response = await api('get', '/receipt').expect(200);
    expect(response.body).toMatchObject({
      kind: 'receipt',
      name: 'Ontvangstbevestiging',
      origin: 'default',
      source: PLATFORM_RECEIPT,
      requiredParts: ['reference', 'objectionTermEnds', 'decisionTermEnds'],
      problems: [],
    });
    expect(response.body.values).toContainEqual({
      name: 'objectionTermEnds',
      explanation: 'de laatste dag om bezwaar te maken (artikel 6:7 Awb)',
      required: true,
    });
    await api('get', '/besluit').expect(404);
  });

  it('lets only the municipality’s own tenant admins in', async () => {
    for (const bearer of [handler, otherAdmin]) {
      await api('get', '', bearer).expect(403);
      await api('get', '/receipt', bearer).expect(403);
      await api('put', '/receipt', bearer).send({ source: OWN_RECEIPT }).expect(403);
      await api('delete', '/receipt', bearer).expect(403);
      await api('post', '/receipt/preview', bearer).send({}).expect(403);
    }
    await t.http().get(BASE).expect(401);
    expect((await api('get', '/receipt').expect(200)).body.origin).toBe('default');
  });

  describe('refuses a template that cannot be used, saying what is wrong in Dutch', () => {
    const refused = async (kind: string, source: string): Promise<Problem> => {
      const response = await save(kind, source).expect(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      return response.body as Problem;
    };
    afterAll(async () => {
      // Nothing refused was saved.
      expect((await api('get', '/receipt').expect(200)).body.origin).toBe('default');
      expect((await api('get', '/decision').expect(200)).body.origin).toBe('default');
    });

    it('a missing required part, named and explained', async () => {
      const body = await refused(
        'decision',
        PLATFORM_DECISION.replace('{{appealHow}}', '').replace(/\{\{appealTermEnds\}\}/g, 'binnen zes weken'),
      );
      expect(body.errors).toEqual([
        {
          field: 'source',
          message:
            'Het verplichte onderdeel {{appealTermEnds}} ontbreekt: de laatste dag om in beroep te gaan (artikel 6:7 Awb). Dat moet altijd in de brief "Beslissing op bezwaar" staan.',
        },
        {
          field: 'source',
          message:
            'Het verplichte onderdeel {{appealHow}} ontbreekt: hoe de indiener in beroep gaat (artikel 6:23 Awb). Dat moet altijd in de brief "Beslissing op bezwaar" staan.',
        },
      ]);
      expect(body.detail).toMatch(
        /^De brief "Beslissing op bezwaar" kan zo niet worden gebruikt\. Er zijn 2 problemen: Het verplichte onderdeel \{\{appealTermEnds\}\}/,
      );
    });

    it('a template that does not parse, with its line', async () => {
      const body = await refused('receipt', `${OWN_RECEIPT}\n{{#if timely}}Op tijd.`);
      expect(body.errors[0].message).toMatch(/^Regel 44: de brief houdt op terwijl er nog iets open staat/);
    });

    it('a partial, an unknown helper and the log helper', async () => {
      expect((await refused('receipt', `${OWN_RECEIPT}\n{{> handtekening}}`)).errors[0].message).toBe(
        'Regel 44, kolom 1: {{> …}} (een deelsjabloon) kan niet in een brief. Zet de tekst zelf in de brief.',
      );
      expect((await refused('receipt', `${OWN_RECEIPT}\n{{uppercase reference}}`)).errors[0].message).toMatch(
        /^Regel 44, kolom 1: \{\{uppercase …\}\} is geen toegestane functie\. Toegestaan zijn alleen/,
      );
      expect((await refused('receipt', `${OWN_RECEIPT}\n{{log reference}}`)).errors[0].message).toMatch(
        /\{\{log …\}\} is geen toegestane functie/,
      );
    });

    it('every way of reaching into an object’s prototype', async () => {
      const attempts = [
        '{{#with (lookup this "constructor")}}{{name}}{{/with}}',
        '{{constructor.constructor}}',
        '{{reference.__proto__}}',
        '{{@root.constructor}}',
        '{{#each missing}}{{this.constructor}}{{/each}}',
      ];
      for (const attempt of attempts) {
        const body = await refused('receipt', `${OWN_RECEIPT}\n${attempt}`);
        expect(body.errors).toEqual([
          { field: 'source', message: expect.stringMatching(/^Regel 44, kolom \d+: /) },
        ]);
      }
    });
  });

  describe('a saved template', () => {
    beforeAll(async () => {
      const response = await save('receipt', OWN_RECEIPT).expect(200);
      expect(response.body).toMatchObject({
        origin: 'tenant',
        source: OWN_RECEIPT,
        updatedBy: 'Fatima El Amrani',
      });
    });

    it('shows in the list as the municipality’s own, with who saved it', async () => {
      const list = (await api('get', '').expect(200)).body as {
        kind: string;
        source: string;
        updatedBy: string;
      }[];
      expect(list.find((l) => l.kind === 'receipt')).toMatchObject({
        source: 'tenant',
        updatedBy: 'Fatima El Amrani',
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });

    it("is used for the next letter of its kind: Bo's receipt", async () => {
      const text = await receiptText();
      expect(text).toContain('Dank u wel voor uw bezwaar. Team Bezwaar Rivierstad leest het zorgvuldig.');
      expect(text).not.toContain('Wij hebben uw bezwaar goed ontvangen.');
      expect(text).toContain('Bo de Vries');
    });

    it('leaves another municipality’s letters alone', async () => {
      const text = await receiptText('heuveldorp');
      expect(text).toContain('Wij hebben uw bezwaar goed ontvangen.');
      expect(text).not.toContain('Team Bezwaar Rivierstad');
      expect((await api('get', '').expect(200)).body).toHaveLength(LETTER_KINDS.length);
      const theirs = await t
        .http()
        .get('/api/v1/tenants/heuveldorp/admin/letter-templates/receipt')
        .auth(otherAdmin, { type: 'bearer' })
        .expect(200);
      expect(theirs.body.origin).toBe('default');
    });

    it('is used for a decision letter too', async () => {
      await save('decision', OWN_DECISION).expect(200);
      const filed = await t
        .http()
        .post('/api/v1/tenants/rivierstad/objections')
        .set('Idempotency-Key', `admin-letters-decision-${Date.now()}`)
        .send(bosObjection())
        .expect(201);
      const decided = await t
        .http()
        .post(`/api/v1/tenants/rivierstad/objections/${filed.body.reference}/decision`)
        .auth(handler, { type: 'bearer' })
        .send({
          outcome: 'partially_founded',
          reasoning: 'De terugvordering vervalt; de stopzetting blijft.',
          hearing: { ground: 'waived_by_objector' },
        })
        .expect(201);
      const pdf = await t
        .http()
        .get(`/api/v1/tenants/rivierstad/documents/${decided.body.documentId}`)
        .auth(handler, { type: 'bearer' })
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const text = await readable(pdf.body as Buffer);
      expect(text).toContain('Onze beslissing, na zorgvuldig overleg in Rivierstad');
      expect(text).toContain('Wij verklaren het bezwaar gedeeltelijk gegrond.');
    });

    it('is previewed as a real PDF with sample values', async () => {
      const response = await pdfOf(api('post', '/receipt/preview').send({})).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await readable(pdf);
      expect(text).toContain('Team Bezwaar Rivierstad leest het zorgvuldig.');
      expect(text).toContain('Bo de Vries');
      expect(text).toContain('Dijkstraat 12a');
      expect(text).toContain('Gemeente Rivierstad');
    });

    it('previews a draft without saving it, and refuses a draft that cannot be used', async () => {
      const draft = OWN_RECEIPT.replace('Team Bezwaar Rivierstad', 'Het conceptteam');
      const text = await readable(
        (await pdfOf(api('post', '/receipt/preview').send({ source: draft })).expect(200)).body as Buffer,
      );
      expect(text).toContain('Het conceptteam leest het zorgvuldig.');
      expect(text).toContain('Participatiewet (bijstand)');
      expect(text).toMatch(/Laatste dag voor bezwaar: \d{1,2} \w+ \d{4}/);
      expect((await api('get', '/receipt').expect(200)).body.source).toBe(OWN_RECEIPT);

      const refused = await api('post', '/receipt/preview').send({ source: '{{reference}}' }).expect(400);
      expect(refused.body.errors.map((e: { message: string }) => e.message)).toEqual([
        expect.stringContaining('{{objectionTermEnds}} ontbreekt'),
        expect.stringContaining('{{decisionTermEnds}} ontbreekt'),
      ]);
    });

    it('previews every kind of letter with its sample', async () => {
      for (const kind of LETTER_KINDS) {
        const response = await pdfOf(api('post', `/${kind}/preview`).send({})).expect(200);
        expect(await readable(response.body as Buffer)).toContain('Bo de Vries');
      }
    });

    it('is reset to the platform’s template, and the next letter follows', async () => {
      await api('delete', '/receipt').expect(204);
      const detail = (await api('get', '/receipt').expect(200)).body;
      expect(detail).toMatchObject({ origin: 'default', source: PLATFORM_RECEIPT, updatedBy: null });
      const text = await receiptText();
      expect(text).toContain('Wij hebben uw bezwaar goed ontvangen.');
      expect(text).not.toContain('Team Bezwaar Rivierstad');
      // Resetting again is harmless.
      await api('delete', '/receipt').expect(204);
    });
  });

  describe('pages', () => {
    let cookie: string;
    let handlerCookie: string;
    const pagePath = '/rivierstad/behandelaar/beheer/brieven';
    const post = (path: string, fields: Record<string, string>, withCookie = cookie) =>
      t.postForm(`${pagePath}${path}`, withCookie, fields);

    beforeAll(async () => {
      cookie = await t.staffCookie('rivierstad', 'beheer@rivierstad.example');
      handlerCookie = await t.staffCookie('rivierstad');
    });
    afterAll(async () => {
      await api('delete', '/decision').expect(204);
    });

    it('lists the letters and where their text comes from', async () => {
      const response = await t.page(pagePath, cookie).expect(200);
      expect(response.text).toContain('<h1 class="heading-xl">Brieven</h1>');
      expect(response.text).toContain(`<a href="${pagePath}/decision">Beslissing op bezwaar</a>`);
      expect(response.text).toContain('Eigen tekst van de gemeente');
      expect(response.text).toContain('Standaardtekst van het platform');
      expect(response.text).toMatch(
        /<a href="\/rivierstad\/behandelaar\/beheer\/brieven" aria-current="page">Brieven<\/a>/,
      );
    });

    it('edits a letter: the text, the required parts explained, and saving with a confirmation', async () => {
      const page = await t.page(`${pagePath}/receipt`, cookie).expect(200);
      expect(page.text).toContain('Standaardtekst van het platform');
      expect(page.text).toContain('Geachte {{addresseeName}},');
      expect(page.text).toContain('{{objectionTermEnds}}</dt>');
      expect(page.text).toContain('de laatste dag om bezwaar te maken (artikel 6:7 Awb)');
      expect(page.text).toContain(`formaction="${pagePath}/receipt/voorbeeld" formtarget="_blank"`);
      expect(page.text).not.toContain(`${pagePath}/receipt/standaard`);

      const saved = await post('/receipt', { tekst: OWN_RECEIPT }).expect(303);
      expect(saved.headers.location).toBe(`${pagePath}/receipt?gedaan=opgeslagen`);
      const after = await t.page(saved.headers.location, cookie).expect(200);
      expect(after.text).toContain('De brief is opgeslagen.');
      expect(after.text).toContain('Eigen tekst van de gemeente');
      expect(after.text).toContain('door Fatima El Amrani');
      expect(after.text).toContain(`action="${pagePath}/receipt/standaard"`);
    });

    it('shows what is wrong in the error summary, keeping the text typed', async () => {
      const typed = `${OWN_RECEIPT}\n{{> handtekening}}`;
      const response = await post('/receipt', { tekst: typed }).expect(400);
      expect(response.text).toContain('class="error-summary"');
      expect(response.text).toContain(
        '<a href="#tekst">Regel 44, kolom 1: {{&gt; …}} (een deelsjabloon) kan niet in een brief.',
      );
      expect(response.text).toContain('aria-invalid="true"');
      expect(response.text).toContain('{{&gt; handtekening}}</textarea>');
      expect(response.text).toMatch(/<title>Fout: Ontvangstbevestiging/);
    });

    it('previews the typed text as a PDF, and resets to the standard text', async () => {
      const draft = OWN_RECEIPT.replace('Team Bezwaar Rivierstad', 'Het paginateam');
      const preview = await post('/receipt/voorbeeld', { tekst: draft })
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(preview.headers['content-type']).toBe('application/pdf');
      expect(await readable(preview.body as Buffer)).toContain('Het paginateam leest het zorgvuldig.');
      const wrong = await post('/receipt/voorbeeld', { tekst: '' }).expect(400);
      expect(wrong.text).toContain('De brief is leeg.');

      const reset = await post('/receipt/standaard', {}).expect(303);
      expect(reset.headers.location).toBe(`${pagePath}/receipt?gedaan=teruggezet`);
      expect((await api('get', '/receipt').expect(200)).body.origin).toBe('default');
    });

    it('is for tenant admins only', async () => {
      const page = await t.page(pagePath, handlerCookie).expect(403);
      expect(page.text).toContain('Alleen functioneel beheerders');
      await post('/receipt', { tekst: OWN_RECEIPT }, handlerCookie).expect(403);
      await t.page(`${pagePath}/besluit`, cookie).expect(404);
    });

    describe('in a browser (chromium, axe-core)', () => {
      const browser = browserOnApp(() => t.app, 'the letter pages');

      it('has no serious accessibility violation on the list, the edit page and the page with errors', async () => {
        const { context, page } = await browser.newPage({ cookie });
        await page.goto(`${browser.base}${pagePath}`);
        await browser.audit(page, 'brieven');
        await page.goto(`${browser.base}${pagePath}/hearing_invitation`);
        await browser.audit(page, 'brief bewerken');
        await page.fill('#tekst', 'Geachte {{adressee}},');
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Opslaan' }).click()]);
        expect(await page.locator('.error-summary a[href="#tekst"]').count()).toBeGreaterThan(1);
        await browser.audit(page, 'brief met fouten');
        await context.close();
      });
    });
  });
});
