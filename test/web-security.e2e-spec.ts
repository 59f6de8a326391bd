import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { bosObjection } from './support/fixtures';
import { loginAsCitizen } from './support/oidc-login';
import { cookieFrom, decodeHtml, form, hiddenFields, setCookieHeader } from './support/pages';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';
import { docx } from './support/office-files';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
/** As Handlebars writes them: every character that could end a text or an attribute is an entity. */
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const IMG_ESCAPED = '&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;';

const PAGE_POLICY =
  "default-src 'self'; script-src 'none'; style-src 'self' 'sha256-HASH'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; " +
  "frame-ancestors 'none'";

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('web security: CSRF, CSP, cookies, escaping, uploads, redirects', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.staffCookie('rivierstad');
  });

  afterAll(async () => {
    await t?.close();
  });

  let keys = 0;
  const fileByApi = async (body: object) => {
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `web-security-${Date.now()}-${++keys}`)
      .send(body);
    if (response.status !== 201) throw new Error(`filing failed: ${JSON.stringify(response.body)}`);
    return response.body as { reference: string };
  };

  /** A page as a browser first opens it: the CSRF cookie it sets, and the page. */
  const open = async (path: string, cookie?: string) => {
    const request = t.httpWithoutCsrf().get(path);
    const page = await (cookie ? request.set('Cookie', cookie) : request).expect(200);
    const csrf = cookieFrom(page.headers['set-cookie'], 'bp_csrf');
    if (!csrf) throw new Error(`${path} set no CSRF cookie`);
    return { html: page.text, csrf, cookies: [cookie, csrf].filter(Boolean).join('; ') };
  };

  describe('CSRF', () => {
    it('refuses a staff form without a token or with a wrong one (403, nothing done), and takes the real one', async () => {
      const { reference } = await fileByApi(bosObjection());
      const casePath = `/rivierstad/behandelaar/zaken/${reference}`;
      const { html, cookies } = await open(casePath, staff);
      const action = `${casePath}/bericht`;
      const fields = hiddenFields(html, action);
      expect(fields._csrf).toMatch(/^[\w-]{20,}$/);

      const missing = await t
        .httpWithoutCsrf()
        .post(action)
        .set('Cookie', cookies)
        .type('form')
        .send(form({ bericht: 'Zonder token.' }))
        .expect(403);
      expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(decodeHtml(missing.text)).toContain('Dit formulier is verlopen of kwam niet van deze website.');
      await t
        .httpWithoutCsrf()
        .post(action)
        .set('Cookie', cookies)
        .type('form')
        .send(form({ bericht: 'Met een verzonnen token.', _csrf: 'abc-def' }))
        .expect(403);
      // A real token, but of another browser's CSRF cookie.
      await t
        .httpWithoutCsrf()
        .post(action)
        .set('Cookie', cookies)
        .type('form')
        .send(form({ bericht: 'Met het token van een ander.', _csrf: t.csrf.token }))
        .expect(403);
      // The token without its cookie.
      await t
        .httpWithoutCsrf()
        .post(action)
        .set('Cookie', staff)
        .type('form')
        .send(form({ bericht: 'Zonder CSRF-cookie.' }, { html, action }))
        .expect(403);
      const page = decodeHtml((await t.page(casePath, staff).expect(200)).text);
      expect(page).not.toMatch(/Zonder token|verzonnen token|token van een ander|Zonder CSRF-cookie/);

      await t
        .httpWithoutCsrf()
        .post(action)
        .set('Cookie', cookies)
        .type('form')
        .send(form({ bericht: 'Vanaf de pagina zelf.' }, { html, action }))
        .expect(303);
      expect(decodeHtml((await t.page(casePath, staff).expect(200)).text)).toContain('Vanaf de pagina zelf.');
    });

    it('refuses a portal form without a token, on the form page and on the multipart filing form', async () => {
      const { html, cookies } = await open('/rivierstad/bezwaar/participatiewet');
      const action = /<form id="bezwaarformulier"[^>]*action="([^"]+)"/.exec(html)?.[1];
      expect(action).toMatch(/^\/rivierstad\/bezwaar\/participatiewet\?_csrf=[\w-]+$/);
      const filing = (path: string, cookie?: string) => {
        let request = t.httpWithoutCsrf().post(path);
        if (cookie) request = request.set('Cookie', cookie);
        for (const [name, value] of portalFields(html)) request = request.field(name, value);
        return request.attach('attachments', PDF, 'besluit.pdf');
      };
      const refused = await filing('/rivierstad/bezwaar/participatiewet', cookies).expect(403);
      expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(decodeHtml(refused.text)).toContain('Dit formulier is verlopen');
      await filing(decodeHtml(action!)).expect(403);
      const filed = await filing(decodeHtml(action!), cookies).expect(303);
      expect(filed.headers.location).toMatch(/^\/rivierstad\/zaak\/[\w-]{43}\?ontvangen=1$/);
    });

    it('refuses an operator form without a token', async () => {
      const operator = await t.operatorCookie();
      const { html, cookies } = await open('/platform/plannen/nieuw', operator);
      await t
        .httpWithoutCsrf()
        .post('/platform/uitloggen')
        .set('Cookie', cookies)
        .type('form')
        .send('')
        .expect(403);
      await t.page('/platform/plannen', operator).expect(200);
      const logout = await t
        .httpWithoutCsrf()
        .post('/platform/uitloggen')
        .set('Cookie', cookies)
        .type('form')
        .send(form({}, { html, action: '/platform/uitloggen' }))
        .expect(303);
      expect(setCookieHeader(logout.headers['set-cookie'], 'bp_operator')).toMatch(
        /Max-Age=0|Expires=Thu, 01 Jan 1970/,
      );
    });

    it('protects the login forms too (login CSRF), and leaves bearer API calls alone', async () => {
      const { html, cookies } = await open('/rivierstad/behandelaar/inloggen');
      const login = { email: 'behandelaar@rivierstad.example', wachtwoord: DEMO_PASSWORD };
      await t
        .httpWithoutCsrf()
        .post('/rivierstad/behandelaar/inloggen')
        .type('form')
        .send(form(login))
        .expect(403);
      const done = await t
        .httpWithoutCsrf()
        .post('/rivierstad/behandelaar/inloggen')
        .set('Cookie', cookies)
        .type('form')
        .send(form(login, { html }))
        .expect(303);
      expect(cookieFrom(done.headers['set-cookie'], 'bp_staff')).toBeDefined();

      // No cookie session, so nothing to forge: the API with a bearer token (or none) needs no CSRF token.
      const token = (
        await t
          .httpWithoutCsrf()
          .post('/api/v1/auth/token')
          .send({ tenant: 'rivierstad', email: login.email, password: DEMO_PASSWORD })
          .expect(200)
      ).body.accessToken as string;
      const { reference } = await fileByApi(bosObjection());
      await t
        .httpWithoutCsrf()
        .post(`/api/v1/tenants/rivierstad/objections/${reference}/messages`)
        .set('Authorization', `Bearer ${token}`)
        .send({ body: 'Via de API.' })
        .expect((response) => expect(response.status).not.toBe(403));
    });

    it('answers the API with problem+json 403 when a session cookie comes without a token', async () => {
      const { sessionCookie } = await loginAsCitizen(t, 'rivierstad');
      const response = await t
        .httpWithoutCsrf()
        .post('/api/v1/tenants/rivierstad/objections')
        .set('Cookie', sessionCookie)
        .set('Idempotency-Key', `web-security-citizen-${Date.now()}`)
        .send(bosObjection())
        .expect(403);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body).toMatchObject({ type: 'urn:bezwaarplatform:problem:csrf', status: 403 });
    });
  });

  describe('headers and cookies', () => {
    it('sends the exact Content-Security-Policy on portal, staff and operator pages, and on errors', async () => {
      const loginFailed = await t.http().get('/rivierstad/inloggen/mislukt?reden=mislukt').expect(200);
      const styleHash = /'sha256-([^']+)'/.exec(loginFailed.headers['content-security-policy'])?.[1];
      expect(styleHash).toBeDefined();
      // The hash is that of the page's one inline style block, so the page keeps its style.
      const inline = /<style>([\s\S]*?)<\/style>/.exec(loginFailed.text)?.[1] ?? '';
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(inline).digest('base64')).toBe(styleHash);
      const policy = PAGE_POLICY.replace('HASH', styleHash!);
      for (const response of [
        loginFailed,
        await t.http().get('/rivierstad').expect(200),
        await t.page('/rivierstad/behandelaar', staff).expect(200),
        await t.http().get('/platform/inloggen').expect(200),
        await t.http().get('/rivierstad/bestaat-niet').expect(404),
        await t.http().get('/api/v1/tenants/rivierstad/bestaat-niet').expect(404),
      ]) {
        expect(response.headers['content-security-policy']).toBe(policy);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['x-frame-options']).toBe('DENY');
      }
      // No page has an inline style attribute or script left.
      for (const path of ['/rivierstad', '/rivierstad/bezwaar/participatiewet', '/platform/inloggen']) {
        const html = (await t.http().get(path).expect(200)).text;
        expect(html).not.toMatch(/\sstyle="|<script|<style/);
      }
    });

    it('sets HttpOnly, SameSite cookies without Secure over plain http', async () => {
      const page = await t.httpWithoutCsrf().get('/platform/inloggen').expect(200);
      expect(setCookieHeader(page.headers['set-cookie'], 'bp_csrf')).toMatch(
        /^bp_csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/,
      );
      const login = await t
        .http()
        .post('/rivierstad/behandelaar/inloggen')
        .type('form')
        .send(form({ email: 'behandelaar@rivierstad.example', wachtwoord: DEMO_PASSWORD }))
        .expect(303);
      expect(setCookieHeader(login.headers['set-cookie'], 'bp_staff')).toMatch(
        /^bp_staff=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/,
      );
      const citizen = await loginAsCitizen(t, 'rivierstad');
      expect(setCookieHeader(citizen.setCookie, 'bp_citizen')).toMatch(/; HttpOnly; SameSite=Lax$/);
    });
  });

  describe('escaping what citizens typed', () => {
    it('shows script in a name, grounds, message and file name only escaped: staff case page, inbox, portal case page', async () => {
      const { html, cookies } = await open('/rivierstad/bezwaar/participatiewet');
      const action = decodeHtml(/<form id="bezwaarformulier"[^>]*action="([^"]+)"/.exec(html)![1]);
      let request = t.httpWithoutCsrf().post(action).set('Cookie', cookies);
      for (const [name, value] of portalFields(html, {
        'objector.name': `Bo ${SCRIPT}`,
        'decision.reference': `PW-${IMG}`,
        'decision.description': `Besluit ${SCRIPT}`,
        'grounds.text': `Ik ben het niet eens. ${SCRIPT} ${IMG}`,
      })) {
        request = request.field(name, value);
      }
      const filed = await request.attach('attachments', PDF, `${IMG}.pdf`).expect(303);
      const caseLink = (filed.headers.location as string).split('?')[0];

      const portalCase = await open(caseLink);
      await t
        .httpWithoutCsrf()
        .post(`${caseLink}/bericht`)
        .set('Cookie', portalCase.cookies)
        .type('form')
        .send(
          form(
            { body: `Nog een vraag ${SCRIPT} ${IMG}` },
            { html: portalCase.html, action: `${caseLink}/bericht` },
          ),
        )
        .expect(303);

      const citizenPage = (await t.http().get(caseLink).expect(200)).text;
      const reference = /<strong class="panel__reference">(RIV-\d{4}-\d{5})<\/strong>/.exec(
        (await t.http().get(`${caseLink}?ontvangen=1`).expect(200)).text,
      )?.[1];
      expect(reference).toBeDefined();
      const staffCase = (await t.page(`/rivierstad/behandelaar/zaken/${reference}`, staff).expect(200)).text;
      const inbox = (await t.page(`/rivierstad/behandelaar?zoek=${reference}`, staff).expect(200)).text;

      for (const [name, page] of [
        ['staff case page', staffCase],
        ['inbox', inbox],
        ['portal case page', citizenPage],
      ] as const) {
        expect({ name, raw: page.includes(SCRIPT) || page.includes(IMG) }).toEqual({ name, raw: false });
        expect({ name, tags: /<script|<img src=x|onerror=/i.test(page) }).toEqual({ name, tags: false });
      }
      // What the citizen typed is there, escaped.
      expect(staffCase).toContain(`Bo ${SCRIPT_ESCAPED}`);
      expect(staffCase).toContain(`Ik ben het niet eens. ${SCRIPT_ESCAPED} ${IMG_ESCAPED}`);
      expect(staffCase).toContain(`Nog een vraag ${SCRIPT_ESCAPED} ${IMG_ESCAPED}`);
      expect(inbox).toContain(`Bo ${SCRIPT_ESCAPED}`);
      expect(citizenPage).toContain(`Nog een vraag ${SCRIPT_ESCAPED} ${IMG_ESCAPED}`);
      expect(citizenPage).toContain(`PW-${IMG_ESCAPED}`);
      // The file name lost what could break out of HTML or a header before it was stored, and is escaped.
      expect(staffCase).toContain('img src&#x3D;x onerror&#x3D;alert(1).pdf');
      expect(citizenPage).toContain('img src&#x3D;x onerror&#x3D;alert(1).pdf');
    });
  });

  describe('uploads', () => {
    it('refuses a 50 MB upload with 413 problem+json from its length, before reading the body', async () => {
      await t.app.listen(0, '127.0.0.1');
      const port = (t.app.getHttpServer().address() as AddressInfo).port;
      const fifty = 50 * 1024 * 1024;
      const answer = await new Promise<{ status: number; type: string; body: string; sent: number }>(
        (resolve, reject) => {
          let sent = 0;
          const request = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/api/v1/tenants/rivierstad/objections',
              headers: {
                'content-type': 'multipart/form-data; boundary=x',
                'content-length': String(fifty),
                'idempotency-key': `web-security-big-${Date.now()}`,
              },
            },
            (response) => {
              let body = '';
              response.on('data', (chunk: Buffer) => (body += chunk.toString()));
              response.on('end', () => {
                resolve({
                  status: response.statusCode ?? 0,
                  type: String(response.headers['content-type']),
                  body,
                  sent,
                });
                request.destroy();
              });
            },
          );
          request.on('error', (error) => (sent >= fifty ? undefined : reject(error)));
          // Only the first megabyte is ever written: the answer must come without the rest.
          const chunk = Buffer.alloc(1024 * 1024, 'a');
          request.write(chunk, () => (sent += chunk.length));
        },
      );
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(fifty);
      expect(answer.type).toContain(PROBLEM_CONTENT_TYPE);
      expect(JSON.parse(answer.body)).toMatchObject({
        status: 413,
        title: 'Te groot',
        detail: expect.stringContaining('hoogstens 25 MB'),
      });
    });

    it('answers a browser sending 50 MB to the portal form with a Dutch HTML page', async () => {
      const response = await t
        .http()
        .post('/rivierstad/bezwaar/participatiewet')
        .set('Accept', 'text/html')
        .set('Content-Type', 'multipart/form-data; boundary=x')
        .send(Buffer.alloc(50 * 1024 * 1024, 'a'))
        .expect(413);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('Uw bestanden zijn te groot');
    });

    const fileWith = (content: Buffer, filename: string) =>
      t
        .http()
        .post('/api/v1/tenants/rivierstad/objections')
        .set('Idempotency-Key', `web-security-upload-${Date.now()}-${++keys}`)
        .field('objection', JSON.stringify(bosObjection()))
        .attach('attachments', content, filename);

    it.each([
      [
        'a PNG named .pdf (magic bytes do not match)',
        PNG,
        'besluit.pdf',
        'attachment-type-mismatch',
        /PDF-bestand/,
      ],
      [
        'a PDF with JavaScript',
        Buffer.from(
          '%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n',
        ),
        'besluit.pdf',
        'attachment-active-content',
        /JavaScript/,
      ],
      [
        'an SVG with a script',
        Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${SCRIPT}</svg>`),
        'foto.svg',
        'attachment-type',
        /geen PDF, JPEG, PNG of Word-bestand/,
      ],
      [
        'a Word file with macros',
        docx([{ name: 'word/vbaProject.bin', content: Buffer.from('VBA') }]),
        'brief.docx',
        'attachment-active-content',
        /macro/,
      ],
    ])('refuses %s with a Dutch 415 problem', async (_what, content, filename, code, detail) => {
      const response = await fileWith(content, filename).expect(415);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body.type).toBe(`urn:bezwaarplatform:problem:${code}`);
      expect(response.body.detail).toMatch(detail);
    });

    it('still takes a plain PDF and a plain Word file', async () => {
      await fileWith(PDF, 'besluit.pdf').expect(201);
      await fileWith(docx(), 'brief.docx').expect(201);
    });
  });

  describe('no open redirects', () => {
    it.each([
      ['/rivierstad/mijn-bezwaren', '/rivierstad/mijn-bezwaren'],
      ['https://evil.example', '/rivierstad'],
      ['//evil.example', '/rivierstad'],
      ['/\\evil.example', '/rivierstad'],
      ['/%2F%2Fevil.example', '/rivierstad'],
      ['/rivierstad/%5C%5Cevil.example', '/rivierstad'],
      ['/rivierstad/..%2F..%2Fevil', '/rivierstad'],
      ['/rivierstad/%0d%0aSet-Cookie:x=1', '/rivierstad'],
      ['/heuveldorp', '/rivierstad'],
      ['javascript:alert(1)', '/rivierstad'],
    ])('after logging out with terug=%j goes to %s', async (terug, location) => {
      const response = await t
        .http()
        .post(`/rivierstad/uitloggen?terug=${encodeURIComponent(terug)}`)
        .type('form')
        .send('')
        .expect(303);
      expect(response.headers.location).toBe(location);
    });

    it('after a DigiD login sends the citizen only to a path inside the portal', async () => {
      expect((await loginAsCitizen(t, 'rivierstad', { returnTo: '//evil.example/x' })).location).toBe(
        '/rivierstad',
      );
      expect(
        (await loginAsCitizen(t, 'rivierstad', { returnTo: '/rivierstad/mijn-bezwaren' })).location,
      ).toBe('/rivierstad/mijn-bezwaren');
    });
  });
});

/** The filing form's fields as a browser sends them, with Bo's objection filled in and `overrides` on top. */
function portalFields(html: string, overrides: Record<string, string> = {}): [string, string][] {
  const bo = bosObjection();
  const [year, month, day] = bo.decision.date.split('-');
  const hidden = Object.entries(hiddenFields(html)).filter(([name]) => name !== '_csrf');
  const fields: Record<string, string> = {
    ...Object.fromEntries(hidden),
    'decision.date.day': day,
    'decision.date.month': month,
    'decision.date.year': year,
    'decision.reference': bo.decision.reference,
    'decision.description': bo.decision.description,
    'objector.name': bo.objector.name,
    'objector.address.street': bo.objector.address.street,
    'objector.address.houseNumber': bo.objector.address.houseNumber,
    'objector.address.postalCode': bo.objector.address.postalCode,
    'objector.address.city': bo.objector.address.city,
    'objector.email': bo.objector.email,
    'objector.phone': bo.objector.phone,
    'grounds.text': bo.grounds.text,
    wantsHearing: 'yes',
    contactPreference: 'phone',
    signed: 'yes',
    ...overrides,
  };
  return Object.entries(fields);
}
