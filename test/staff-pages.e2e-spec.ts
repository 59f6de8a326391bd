import { JwtService } from '@nestjs/jwt';
import { LOGIN_FAILED } from '../src/staff-pages/login-form';
import { bosObjection, daysAgo } from './support/fixtures';
import { decodeHtml, form, titleOf } from './support/pages';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

const BO = bosObjection();

/** The handlers' server-rendered pages under /:tenant/behandelaar, over HTTP with the staff cookie. */
describe('staff pages (/:tenant/behandelaar)', () => {
  let t: TestApp;
  let cookie: string;
  let bo: string;
  let later: string;
  let latest: string;
  let scripted: string;

  let keys = 0;
  const file = async (body: object, tenant = 'rivierstad') => {
    const response = await t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections`)
      .set('Idempotency-Key', `staff-pages-${Date.now()}-${++keys}`)
      .send(body);
    if (response.status !== 201) throw new Error(`filing failed: ${JSON.stringify(response.body)}`);
    return response.body as { reference: string; caseUrl: string };
  };

  const get = (path: string, withCookie = cookie) => t.page(path, withCookie);
  const post = (path: string, fields: Record<string, string>, withCookie = cookie) =>
    t.postForm(path, withCookie, fields);
  const casePath = (reference: string) => `/rivierstad/behandelaar/zaken/${reference}`;
  /** The references of the inbox table, in order. */
  const references = (html: string) =>
    [...html.matchAll(/<th scope="row" class="table__reference">\s*<a href="[^"]+">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    );
  /** The text of the table row of a reference. */
  const rowOf = (html: string, reference: string) => {
    const start = html.indexOf(`>${reference}</a>`);
    return decodeHtml(html.slice(start, html.indexOf('</tr>', start)));
  };

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    // Bo's decision is the oldest, so her decision term ends first. Decision dates lie a week apart, so that no
    // weekend or holiday (Atw) can move two deadlines onto the same day.
    later = (
      await file(
        bosObjection({
          decision: { reference: 'PW-2026-0100', date: daysAgo(16) },
          objector: { ...BO.objector, name: 'Karel Later', email: 'karel@example.nl' },
          grounds: { hints: [], text: 'Ik ben het niet eens met de hoogte van het bedrag.' },
        }),
      )
    ).reference;
    bo = (await file(bosObjection({ decision: { reference: 'PW-2026-0042', date: daysAgo(30) } }))).reference;
    latest = (
      await file(
        bosObjection({
          decision: { reference: 'PW-2026-0200', date: daysAgo(2) },
          objector: { ...BO.objector, name: 'Lotte Laatst' },
          grounds: { hints: [], text: 'Graag een nieuwe berekening.' },
        }),
      )
    ).reference;
    scripted = (
      await file(
        bosObjection({
          decision: { reference: 'PW-2026-0300', date: daysAgo(9) },
          objector: { ...BO.objector, name: '<script>alert("naam")</script> Jansen' },
          grounds: { hints: [], text: 'Eerste regel <script>alert("gronden")</script>\nTweede regel' },
        }),
      )
    ).reference;
    cookie = await t.staffCookie('rivierstad');
  });
  afterAll(() => t?.close());

  describe('logging in and out', () => {
    it('shows the login form, sets an HttpOnly SameSite=Strict cookie on success and goes to the inbox', async () => {
      const page = await t.http().get('/rivierstad/behandelaar/inloggen').expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(titleOf(page.text)).toBe('Inloggen – Bezwaren behandelen – Gemeente Rivierstad');
      expect(page.text).toContain('<label class="label" for="email">E-mailadres</label>');
      expect(page.text).toContain('<label class="label" for="wachtwoord">Wachtwoord</label>');
      expect(page.text).toContain('href="#inhoud"');

      const response = await t
        .http()
        .post('/rivierstad/behandelaar/inloggen')
        .type('form')
        .send(form({ email: 'Behandelaar@Rivierstad.example', wachtwoord: DEMO_PASSWORD }))
        .expect(303);
      expect(response.headers.location).toBe('/rivierstad/behandelaar');
      const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join('\n');
      expect(setCookie).toMatch(/^bp_staff=[\w-]+\.[\w-]+\.[\w-]+;/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).toContain('Path=/');
      expect(setCookie).toContain(`Max-Age=${t.config.tokenTtlSeconds}`);
      // PUBLIC_URL is http here; over https the cookie is Secure (see staff-session.service.ts).
      expect(setCookie).not.toContain('Secure');
    });

    it('goes back to the page the handler wanted, when that is a staff page of this municipality', async () => {
      const response = await t
        .http()
        .post('/rivierstad/behandelaar/inloggen')
        .type('form')
        .send(
          form({ email: 'behandelaar@rivierstad.example', wachtwoord: DEMO_PASSWORD, terug: casePath(bo) }),
        )
        .expect(303);
      expect(response.headers.location).toBe(casePath(bo));
    });

    it('answers a wrong password or an unknown address with the same message, keeping the e-mail address', async () => {
      const wrong = await t
        .http()
        .post('/rivierstad/behandelaar/inloggen')
        .type('form')
        .send(form({ email: 'behandelaar@rivierstad.example', wachtwoord: 'niet-het-wachtwoord' }))
        .expect(400);
      expect(wrong.headers['set-cookie']).toBeUndefined();
      expect(titleOf(wrong.text)).toBe('Fout: Inloggen – Bezwaren behandelen – Gemeente Rivierstad');
      expect(decodeHtml(wrong.text)).toContain(LOGIN_FAILED);
      expect(wrong.text).toContain('value="behandelaar@rivierstad.example"');
      expect(wrong.text).toContain('class="error-summary"');

      const unknown = await t
        .http()
        .post('/rivierstad/behandelaar/inloggen')
        .type('form')
        .send(form({ email: 'niemand@rivierstad.example', wachtwoord: 'niet-het-wachtwoord' }))
        .expect(400);
      expect(unknown.text.replace('niemand@', 'behandelaar@')).toBe(wrong.text);

      // Another municipality's staff member cannot log in here.
      const elsewhere = await t
        .http()
        .post('/rivierstad/behandelaar/inloggen')
        .type('form')
        .send(form({ email: 'behandelaar@heuveldorp.example', wachtwoord: DEMO_PASSWORD }))
        .expect(400);
      expect(decodeHtml(elsewhere.text)).toContain(LOGIN_FAILED);

      const empty = await t
        .http()
        .post('/rivierstad/behandelaar/inloggen')
        .type('form')
        .send(form({ email: 'behandelaar@rivierstad.example', wachtwoord: '' }))
        .expect(400);
      expect(empty.text).toContain('Vul uw wachtwoord in.');
      expect(empty.text).toContain('aria-invalid="true"');
    });

    it('logs out: the cookie is cleared and the login page says so', async () => {
      const own = await t.staffCookie('rivierstad');
      const response = await t.postForm('/rivierstad/behandelaar/uitloggen', own, '').expect(303);
      expect(response.headers.location).toBe('/rivierstad/behandelaar/inloggen?uitgelogd=1');
      expect(([] as string[]).concat(response.headers['set-cookie'] ?? []).join('\n')).toMatch(
        /bp_staff=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/,
      );
      expect((await t.http().get(response.headers.location).expect(200)).text).toContain('U bent uitgelogd.');
    });
  });

  describe('who gets in', () => {
    it('sends a visitor without a cookie to the login page, with a way back', async () => {
      const inbox = await t.http().get('/rivierstad/behandelaar?status=received').expect(303);
      expect(inbox.headers.location).toBe(
        `/rivierstad/behandelaar/inloggen?terug=${encodeURIComponent('/rivierstad/behandelaar?status=received')}`,
      );
      expect(inbox.headers['cache-control']).toBe('no-store');
      const kase = await t.http().get(casePath(bo)).expect(303);
      expect(kase.headers.location).toBe(
        `/rivierstad/behandelaar/inloggen?terug=${encodeURIComponent(casePath(bo))}`,
      );
      // A form posted after the session ended comes back to the case page after logging in.
      const posted = await t
        .http()
        .post(`${casePath(bo)}/bericht`)
        .type('form')
        .send('bericht=Hallo')
        .expect(303);
      expect(posted.headers.location).toBe(kase.headers.location);
      // The login form carries the way back along.
      const loginPage = await t.http().get(kase.headers.location).expect(200);
      expect(decodeHtml(loginPage.text)).toContain(
        `<input type="hidden" name="terug" value="${casePath(bo)}">`,
      );
    });

    it('refuses a forged, an expired or a bearer-only token', async () => {
      await get('/rivierstad/behandelaar', 'bp_staff=not-a-token').expect(303);
      const claims = JSON.parse(Buffer.from(cookie.split('.')[1], 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const { sub, tid, ten, roles } = claims;
      const expired = new JwtService({ secret: t.config.tokenSecret }).sign(
        { sub, tid, ten, roles, exp: Math.floor(Date.now() / 1000) - 60 },
        { algorithm: 'HS256' },
      );
      await get('/rivierstad/behandelaar', `bp_staff=${expired}`).expect(303);
      const forged = new JwtService({ secret: 'x'.repeat(48) }).sign(
        { sub, tid, ten, roles },
        { algorithm: 'HS256' },
      );
      await get('/rivierstad/behandelaar', `bp_staff=${forged}`).expect(303);
      const bearer = await t.tokenFor('rivierstad');
      await t.http().get('/rivierstad/behandelaar').auth(bearer, { type: 'bearer' }).expect(303);
    });

    it("refuses another municipality's cookie: to this municipality's login page", async () => {
      const heuveldorp = await t.staffCookie('heuveldorp');
      expect((await get('/heuveldorp/behandelaar', heuveldorp).expect(200)).text).toContain('Inbox');
      const response = await get('/rivierstad/behandelaar', heuveldorp).expect(303);
      expect(response.headers.location).toBe('/rivierstad/behandelaar/inloggen');
      const kase = await get(casePath(bo), heuveldorp).expect(303);
      expect(kase.headers.location).toMatch(/^\/rivierstad\/behandelaar\/inloggen\?terug=/);
    });

    it('keeps the API bearer-only: the staff cookie opens no API route', async () => {
      await get('/api/v1/tenants/rivierstad/inbox').expect(401);
      await get(`/api/v1/tenants/rivierstad/objections/${bo}`).expect(401);
    });

    it('refuses cross-site posts with 403 and does nothing', async () => {
      const message = 'Dit bericht komt van een andere website.';
      const evil = await post(`${casePath(bo)}/bericht`, { bericht: message })
        .set('Origin', 'https://evil.example')
        .expect(403);
      expect(evil.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(evil.text).toContain('Geen toegang');
      await post(`${casePath(bo)}/bericht`, { bericht: message })
        .set('Sec-Fetch-Site', 'cross-site')
        .expect(403);
      await post(`${casePath(bo)}/bericht`, { bericht: message })
        .set('Sec-Fetch-Site', 'same-site')
        .expect(403);
      await post(`${casePath(bo)}/bericht`, { bericht: message })
        .set('Origin', 'null')
        .expect(403);
      await t
        .http()
        .post('/rivierstad/behandelaar/inloggen')
        .set('Origin', 'https://evil.example')
        .type('form')
        .send(form({ email: 'behandelaar@rivierstad.example', wachtwoord: DEMO_PASSWORD }))
        .expect(403);
      await t
        .http()
        .post('/rivierstad/behandelaar/uitloggen')
        .set('Cookie', cookie)
        .set('Sec-Fetch-Site', 'cross-site')
        .expect(403);
      expect(decodeHtml((await get(casePath(bo)).expect(200)).text)).not.toContain(message);
      // From the page itself: Sec-Fetch-Site same-origin, and Origin either PUBLIC_URL's or the Host's.
      await post(`${casePath(later)}/bericht`, { bericht: 'Van onze eigen pagina.' })
        .set('Sec-Fetch-Site', 'same-origin')
        .expect(303);
      await post(`${casePath(later)}/bericht`, { bericht: 'Via het publieke adres.' })
        .set('Origin', t.config.publicUrl)
        .expect(303);
      await post(`${casePath(later)}/bericht`, { bericht: 'Via de host.' })
        .set('Host', 'behandel.test:8443')
        .set('Origin', 'https://behandel.test:8443')
        .expect(303);
      await post(`${casePath(later)}/bericht`, { bericht: 'Via een andere poort.' })
        .set('Host', 'behandel.test:8443')
        .set('Origin', 'https://behandel.test:9999')
        .expect(403);
    });

    it('never redirects outside this municipality’s staff pages (no open redirect via terug)', async () => {
      for (const terug of [
        'https://evil.example/',
        '//evil.example/rivierstad/behandelaar',
        '/\\evil.example',
        '/heuveldorp/behandelaar',
        '/rivierstad/behandelaar/../../heuveldorp/behandelaar',
        '/rivierstad/behandelaar/%2e%2e/x',
        '/rivierstad/zaak/abc',
        '/rivierstad/behandelaar/inloggen',
        'javascript:alert(1)',
      ]) {
        const response = await t
          .http()
          .post('/rivierstad/behandelaar/inloggen')
          .type('form')
          .send(form({ email: 'behandelaar@rivierstad.example', wachtwoord: DEMO_PASSWORD, terug }))
          .expect(303);
        expect([terug, response.headers.location]).toEqual([terug, '/rivierstad/behandelaar']);
        const page = await t
          .http()
          .get(`/rivierstad/behandelaar/inloggen?terug=${encodeURIComponent(terug)}`)
          .expect(200);
        expect(page.text).not.toContain('name="terug"');
      }
    });
  });

  describe('the inbox', () => {
    it('lists the filed cases nearest deadline first, with Dutch flags, life domains and deadlines', async () => {
      const response = await get('/rivierstad/behandelaar').expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const html = response.text;
      expect(titleOf(html)).toBe('Inbox – Bezwaren behandelen – Gemeente Rivierstad');
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(references(html)).toEqual([bo, later, scripted, latest]);
      expect(html).toMatch(/<caption class="table__caption" id="inbox-caption">/);
      expect(html).toContain('<th scope="col">Eerstvolgende termijn</th>');
      const row = rowOf(html, bo);
      expect(row).toContain('Bo de Vries');
      expect(row).toContain('<li class="flag">boos</li>');
      expect(row).toContain('<li class="flag">meerdere problemen</li>');
      expect(row).toContain('Leefgebieden: financiën, huisvesting');
      expect(row).toMatch(/Beslistermijn eindigt \d{1,2} [a-z]+ \d{4}/);
      expect(row).toMatch(/over \d+ werkdagen/);
      expect(row).toContain('niet toegewezen');
      expect(rowOf(html, later)).not.toContain('boos');
      // Counts that filter.
      expect(decodeHtml(html)).toMatch(
        /<a class="count" href="\/rivierstad\/behandelaar\?status=received"><span class="count__number">4<\/span> <span class="count__label">Ontvangen<\/span><\/a>/,
      );
      expect(decodeHtml(html)).toContain('href="/rivierstad/behandelaar?behandelaar=mij"');
      expect(decodeHtml(html)).toContain('href="/rivierstad/behandelaar?behandelaar=geen"');
      expect(decodeHtml(html)).toContain('href="/rivierstad/behandelaar?verlopen=1"');
      expect(decodeHtml(html)).toContain('href="/rivierstad/behandelaar?risico=1"');
      expect(html).toContain('Ingelogd als');
    });

    it('filters by flag, search and assignee, keeping the filter form as set', async () => {
      const angry = (await get('/rivierstad/behandelaar?signaal=angry').expect(200)).text;
      expect(references(angry)).toContain(bo);
      expect(references(angry)).not.toContain(later);
      expect(angry).toMatch(/id="filter-signaal-angry" name="signaal" type="checkbox" value="angry" checked/);

      const search = (await get(`/rivierstad/behandelaar?zoek=${encodeURIComponent('Karel')}`).expect(200))
        .text;
      expect(references(search)).toEqual([later]);
      expect(search).toContain('value="Karel"');

      const none = (await get('/rivierstad/behandelaar?zoek=niemand-heet-zo').expect(200)).text;
      expect(references(none)).toEqual([]);
      expect(none).toContain('Er zijn geen bezwaren die bij deze filters passen.');

      // Values no form can produce are left out rather than failing the page.
      const odd = (
        await get('/rivierstad/behandelaar?status=bogus&signaal=nope&tijdig=misschien').expect(200)
      ).text;
      expect(references(odd)).toHaveLength(4);
    });

    it('pages with a "volgende pagina" link that carries the cursor and the filters', async () => {
      // Eleven cases in the other municipality: ten on the first page, one on the next.
      for (let i = 0; i < 11; i++) {
        await file(
          bosObjection({
            decision: { reference: `PW-2026-${1000 + i}`, date: daysAgo(3 + i) },
            objector: { ...BO.objector, name: `Inwoner ${i}` },
            grounds: { hints: [], text: 'Ik ben het er niet mee eens.' },
          }),
          'heuveldorp',
        );
      }
      const heuveldorp = await t.staffCookie('heuveldorp');
      const first = (await get('/heuveldorp/behandelaar?status=received&aantal=10', heuveldorp).expect(200))
        .text;
      expect(references(first)).toHaveLength(10);
      const next = /<a class="pagination__next" href="([^"]+)" rel="next">Volgende pagina<\/a>/.exec(first);
      expect(next).not.toBeNull();
      const nextHref = decodeHtml(next![1]);
      expect(nextHref).toMatch(/^\/heuveldorp\/behandelaar\?status=received&aantal=10&na=[\w-]+\.[\w-]+$/);
      const second = (await get(nextHref, heuveldorp).expect(200)).text;
      expect(references(second)).toHaveLength(1);
      expect(references(first)).not.toContain(references(second)[0]);
      expect(second).not.toContain('Volgende pagina');
      expect(second).toMatch(
        /id="filter-status-received" name="status" type="checkbox" value="received" checked/,
      );

      // A stale or edited cursor starts again at the first page, with a notice.
      const stale = (await get('/rivierstad/behandelaar?na=bm90.YS1jdXJzb3I').expect(200)).text;
      expect(references(stale)).toEqual([bo, later, scripted, latest]);
      expect(stale).toContain('Die pagina van de lijst bestaat niet meer.');
    });
  });

  describe('a case', () => {
    let selfId: string;

    it('shows the filing, the flags with the phrases behind them, documents and the timeline', async () => {
      const response = await get(casePath(bo)).expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const html = decodeHtml(response.text);
      expect(titleOf(response.text)).toBe(`Bezwaar ${bo} – Bezwaren behandelen – Gemeente Rivierstad`);
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(html).toContain('Bo de Vries');
      expect(html).toContain('Dijkstraat 12a, 4101 AB Rivierstad');
      expect(html).toContain('PW-2026-0042');
      expect(html).toContain('Toon: boos');
      expect(html).toContain('<q class="evidence">woedend</q>');
      expect(html).toContain('Leefgebieden: financiën, huisvesting');
      expect(html).toContain('<q class="evidence">deurwaarder</q>');
      expect(html).toMatch(/<q class="evidence">[^<]*ontruiming[^<]*<\/q>/);
      expect(html).toContain('<caption class="table__caption" id="tijdlijn-caption">');
      expect(html).toContain('Bezwaar ontvangen (op tijd)');
      const documentLink = /<a class="documents__link" href="([^"]+)" download>Ontvangstbevestiging/.exec(
        html,
      );
      expect(documentLink).not.toBeNull();
      const pdf = await get(documentLink![1]).buffer(true).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
      expect(String(pdf.body.subarray(0, 5))).toBe('%PDF-');
      await t.http().get(documentLink![1]).expect(303);
      await get(`${casePath(later)}/documenten/${documentLink![1].split('/').pop()}`).expect(404);

      selfId = /<input type="hidden" name="behandelaar" value="([0-9a-f-]{36})">/.exec(html)![1];
      expect(html).toContain('Aan mij toewijzen');
      expect(html).toContain(
        '<option value="schuldhulpverlening">Schuldhulpverlening Rivierstad (schuldhulpverlening)</option>',
      );
    });

    it('leaves withdrawing to its own form (which records how), not to the status form', async () => {
      const html = decodeHtml((await get(casePath(later)).expect(200)).text);
      expect(html).not.toContain('name="status" type="radio" value="withdrawn"');
      expect(html).toContain('name="status" type="radio" value="closed"');
      expect(html).toContain(
        `<form class="form" method="post" action="${casePath(later)}/intrekken" novalidate>`,
      );
    });

    it('assigns, changes the status, sends a message and a referral; each with a confirmation', async () => {
      let response = await post(`${casePath(bo)}/toewijzen`, { behandelaar: selfId }).expect(303);
      expect(response.headers.location).toBe(`${casePath(bo)}?gedaan=toewijzen`);
      let html = decodeHtml((await get(response.headers.location).expect(200)).text);
      expect(html).toMatch(
        /<div class="notice notice--success" role="status">\s*<p>De zaak is toegewezen aan [^<]+\.<\/p>/,
      );
      expect(html).not.toContain('Aan mij toewijzen');

      response = await post(`${casePath(bo)}/status`, {
        status: 'informal_contact',
        toelichting: 'Gebeld; we zoeken samen een oplossing.',
      }).expect(303);
      html = decodeHtml((await get(response.headers.location).expect(200)).text);
      expect(html).toContain('De status is nu: Informeel contact.');
      expect(html).toContain('Status: Ontvangen → Informeel contact');
      expect(html).toContain('Gebeld; we zoeken samen een oplossing.');

      response = await post(`${casePath(bo)}/bericht`, {
        bericht: 'Beste Bo,\r\nIk bel u morgen om tien uur.',
      }).expect(303);
      html = decodeHtml((await get(response.headers.location).expect(200)).text);
      expect(html).toContain('Uw bericht is verstuurd.');
      expect(html).toContain('Bericht aan inwoner');
      expect(html).toContain('Beste Bo,\nIk bel u morgen om tien uur.');

      response = await post(`${casePath(bo)}/doorverwijzen`, {
        organisatie: 'schuldhulpverlening',
        toelichting: 'Zij helpen u gratis met de schulden.',
      }).expect(303);
      html = decodeHtml((await get(response.headers.location).expect(200)).text);
      expect(html).toContain('De doorverwijzing is verstuurd.');
      expect(html).toContain('Doorverwezen naar Schuldhulpverlening Rivierstad');
      expect(html).toContain('Zij helpen u gratis met de schulden.');

      const inbox = (await get('/rivierstad/behandelaar?behandelaar=mij').expect(200)).text;
      expect(references(inbox)).toEqual([bo]);
      expect(rowOf(inbox, bo)).toContain('Informeel contact');
    });

    it('shows what a service refuses on the page, beside the field, keeping what was typed', async () => {
      // An illegal transition (409): informal contact cannot go back to received.
      let response = await post(`${casePath(bo)}/status`, {
        status: 'received',
        toelichting: 'Mijn getypte toelichting',
      }).expect(409);
      let html = decodeHtml(response.text);
      expect(titleOf(response.text)).toMatch(/^Fout: Bezwaar /);
      expect(html).toContain(
        '<h2 class="error-summary__title" id="error-summary-title">Er is een probleem</h2>',
      );
      expect(html).toMatch(/<li><a href="#status-keuze">[^<]+<\/a><\/li>/);
      expect(html).toContain('<p class="error-message" id="status-keuze-error">');
      expect(html).toContain('>Mijn getypte toelichting</textarea>');

      // An empty message (400 from the messaging service).
      response = await post(`${casePath(bo)}/bericht`, { bericht: '   ' }).expect(400);
      html = decodeHtml(response.text);
      expect(html).toContain('<li><a href="#bericht-tekst">');
      expect(html).toMatch(
        /<textarea class="textarea input--error" id="bericht-tekst" name="bericht"[^>]*aria-invalid="true"/,
      );

      // An unknown partner (400 from the referrals service), the note kept.
      response = await post(`${casePath(bo)}/doorverwijzen`, {
        organisatie: 'bestaat-niet',
        toelichting: 'Notitie die blijft staan',
      }).expect(400);
      html = decodeHtml(response.text);
      expect(html).toContain('Kies een hulporganisatie uit de lijst van deze gemeente.');
      expect(html).toContain('<li><a href="#doorverwijzen-organisatie">');
      expect(html).toContain('>Notitie die blijft staan</textarea>');

      // Someone who is not a handler here (400 from the case work service), and no choice at all.
      response = await post(`${casePath(bo)}/toewijzen`, {
        behandelaar: '00000000-0000-4000-8000-000000000000',
      }).expect(400);
      expect(decodeHtml(response.text)).toContain(
        'Deze medewerker is geen actieve behandelaar van deze gemeente.',
      );
      response = await post(`${casePath(bo)}/toewijzen`, { behandelaar: '' }).expect(400);
      expect(decodeHtml(response.text)).toContain('Kies een behandelaar.');

      // A case that does not exist: a page that says so.
      response = await get('/rivierstad/behandelaar/zaken/RIV-1999-99999').expect(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('Niet gevonden');
      await post('/rivierstad/behandelaar/zaken/RIV-1999-99999/bericht', { bericht: 'Hallo' }).expect(404);
      await post(`${casePath(bo)}/iets-anders`, { bericht: 'Hallo' }).expect(404);
    });
  });

  it('escapes what a citizen typed, on the inbox and on the case page, keeping the line breaks', async () => {
    const inbox = (await get('/rivierstad/behandelaar').expect(200)).text;
    expect(inbox).not.toContain('<script>');
    expect(inbox).toContain('&lt;script&gt;alert(&quot;naam&quot;)&lt;/script&gt; Jansen');
    const kase = (await get(casePath(scripted)).expect(200)).text;
    expect(kase).not.toContain('<script>');
    expect(kase).toContain('&lt;script&gt;alert(&quot;naam&quot;)&lt;/script&gt; Jansen');
    expect(kase).toContain(
      '<blockquote class="own-words">Eerste regel &lt;script&gt;alert(&quot;gronden&quot;)&lt;/script&gt;\nTweede regel</blockquote>',
    );
  });

  it('serves the staff stylesheet (the portal base plus the staff additions)', async () => {
    const html = (await get('/rivierstad/behandelaar').expect(200)).text;
    const href = decodeHtml(/<link rel="stylesheet" href="([^"]+)">/.exec(html)![1]);
    expect(href).toMatch(/^\/assets\/staff\.css\?v=[0-9a-f]{12}$/);
    const css = await t.http().get(href).expect(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.text).toContain('.skip-link');
    expect(css.text).toContain('.status-tag--overdue');
  });
});
