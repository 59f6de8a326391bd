import { bosObjection, daysAgo, FILES } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { binaryBody } from './support/binary-body';
import { decodeHtml, titleOf } from './support/pages';

/** The citizens' portal over HTTP: server-rendered HTML that works without JavaScript. */
describe('portal (server-rendered pages under /:tenant)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
  });
  afterAll(() => t.close());

  /** The values of a page's hidden inputs, as the browser would send them back. */
  const hiddenInputs = (html: string): [string, string][] =>
    [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [
      decodeHtml(m[1]),
      decodeHtml(m[2]),
    ]);
  const post = (path: string, fields: [string, string][]) =>
    t
      .http()
      .post(path)
      .type('form')
      .send(fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

  it('shows the start page with the municipality, plain words and every regulation', async () => {
    const response = await t.http().get('/rivierstad').expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.text;
    expect(html).toMatch(/^<!doctype html>\s*<html lang="nl">/);
    expect(titleOf(html)).toBe('Bezwaar maken – Gemeente Rivierstad');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('href="#inhoud"');
    expect(html).toContain('Bezwaar maken bij Gemeente Rivierstad');
    const regulations = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
      code: string;
      name: string;
    }[];
    expect(regulations.length).toBeGreaterThan(2);
    for (const regulation of regulations) expect(decodeHtml(html)).toContain(regulation.name);
    expect(html).toContain('href="/rivierstad/keuzehulp/participatiewet"');
    expect(html).toContain('href="/rivierstad/bezwaar"');
    expect(decodeHtml(html)).toMatch(/<link rel="stylesheet" href="\/assets\/portal\.css\?v=[0-9a-f]+">/);
    expect(html).not.toMatch(/<script|style="/);

    const choose = await t.http().get('/rivierstad/bezwaar').expect(200);
    expect(choose.text).toContain('href="/rivierstad/bezwaar/participatiewet"');
  });

  it('serves the shared stylesheet and the municipality colours as CSS', async () => {
    const css = await t.http().get('/assets/portal.css').expect(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.text).toContain(':focus');
    const rivierstad = await t.http().get('/rivierstad/huisstijl.css').expect(200);
    expect(rivierstad.headers['content-type']).toContain('text/css');
    expect(rivierstad.text).toContain('--brand: #0b4f71;');
    expect(rivierstad.text).toContain('--on-brand: #ffffff;');
    expect((await t.http().get('/heuveldorp/huisstijl.css').expect(200)).text).toContain('--brand: #2e5e3a;');
    const heuveldorp = (await t.http().get('/heuveldorp').expect(200)).text;
    expect(heuveldorp).toContain('Bezwaar maken bij Gemeente Heuveldorp');
    expect(decodeHtml(heuveldorp)).toMatch(/href="\/heuveldorp\/huisstijl\.css\?v=[0-9a-f]{8}"/);
  });

  it('answers an unknown municipality with a friendly HTML page, and the API still with problem+json', async () => {
    const page = await t.http().get('/nergenshuizen').expect(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Deze gemeente kennen wij niet');
    expect(page.text).toContain('lang="nl"');
    const api = await t.http().get('/api/v1/tenants/nergenshuizen/regulations').expect(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    await t.http().get('/api/v1/health').expect(200);
    expect((await t.http().get('/api/docs/openapi.json').expect(200)).body.paths).not.toHaveProperty(
      '/{tenant}',
    );
  });

  describe('the keuzehulp (diagnosis), one question per page', () => {
    const path = '/rivierstad/keuzehulp/participatiewet';
    const decisionDate = daysAgo(10);
    const [year, month, day] = decisionDate.split('-');

    /** Posts the page's hidden answers plus this answer, as the form does. */
    const answer = (html: string, fields: [string, string][], action = 'next') =>
      post(path, [...hiddenInputs(html), ...fields, ['action', action]]);

    it("walks Bo's answers question by question to an outcome with hints and debt counselling", async () => {
      let html = (await t.http().get(path).expect(200)).text;
      expect(titleOf(html)).toBe('Vraag 1 – Bezwaar maken – Gemeente Rivierstad');
      expect(html).toContain('Heeft u een brief van de gemeente gekregen met een besluit?');
      expect(html).toMatch(/<legend[^>]*>\s*<span class="caption">[^<]*<\/span>\s*<h1/);
      expect(html).toContain('type="radio" value="yes"');
      expect(html).not.toContain('Vorige vraag');

      html = (await answer(html, [['answer', 'yes']]).expect(200)).text;
      expect(titleOf(html)).toBe('Vraag 2 – Bezwaar maken – Gemeente Rivierstad');
      expect(html).toContain('Wat staat er in de brief?');
      expect(hiddenInputs(html)).toContainEqual(['answers.hasDecision', 'yes']);
      expect(html).toContain('value="back">Vorige vraag</button>');

      html = (await answer(html, [['answer', 'stopAndReclaim']]).expect(200)).text;
      expect(html).toContain('name="answer-day"');
      expect(html).toContain('name="answer-month"');
      expect(html).toContain('name="answer-year"');
      expect(html).toContain('role="group"');

      html = (
        await answer(html, [
          ['answer-day', String(Number(day))],
          ['answer-month', month],
          ['answer-year', year],
        ]).expect(200)
      ).text;
      expect(hiddenInputs(html)).toContainEqual(['answers.decisionDate', decisionDate]);
      expect(html).toContain('Wilt u eerst met de gemeente praten over het besluit?');

      html = (await answer(html, [['answer', 'no']]).expect(200)).text;
      expect(html).toContain('Heeft u op dit moment geldzorgen of schulden?');

      html = (await answer(html, [['answer', 'yes']]).expect(200)).text;
      expect(titleOf(html)).toBe('Uitkomst van de keuzehulp – Bezwaar maken – Gemeente Rivierstad');
      expect(html).toContain('U kunt bezwaar maken tegen het stoppen en het terugbetalen');
      expect(html).toContain('Bezwaar maken kan tot en met');
      expect(html).toContain('Ik heb alles op tijd doorgegeven');
      expect(html).toContain('Schuldhulpverlening Rivierstad');
      expect(html).toContain('href="tel:140123"');
      expect(html).not.toContain('{{');
      const link = decodeHtml(
        /<a class="button button--start" href="([^"]+)">Bezwaar maken<\/a>/.exec(html)![1],
      );
      expect(link).toBe(
        `/rivierstad/bezwaar/participatiewet?besluitdatum=${decisionDate}&redenen=` +
          'intrekking_onvoldoende_onderbouwd,inlichtingenplicht_niet_geschonden,geen_gezamenlijke_huishouding,' +
          'hoogte_terugvordering_onjuist,dringende_redenen_afzien_terugvordering',
      );

      // "Vorige vraag" drops the last answer and shows it chosen again.
      const back = (await answer(html, [], 'back').expect(200)).text;
      expect(back).toContain('Heeft u op dit moment geldzorgen of schulden?');
      expect(back).toMatch(/type="radio" value="yes" checked>/);
      expect(hiddenInputs(back).map(([name]) => name)).not.toContain('answers.moneyWorries');
    });

    it('shows the question again with an error summary when the answer is missing or wrong', async () => {
      const first = (await t.http().get(path)).text;
      const missing = await answer(first, []).expect(400);
      expect(titleOf(missing.text)).toBe('Fout: Vraag 1 – Bezwaar maken – Gemeente Rivierstad');
      expect(missing.text).toContain('role="alert"');
      expect(missing.text).toContain('<a href="#answer-1">Kies een antwoord.</a>');
      expect(missing.text).toContain('aria-describedby="answer-hint answer-error"');

      const dateQuestion = (
        await post(path, [
          ['answers.hasDecision', 'yes'],
          ['answers.subject', 'stop'],
          ['question', 'decisionDate'],
        ])
      ).text;
      expect(dateQuestion).toContain('name="answer-day"');
      const impossible = await answer(dateQuestion, [
        ['answer-day', '31'],
        ['answer-month', '2'],
        ['answer-year', '2026'],
      ]).expect(400);
      expect(impossible.text).toContain('<a href="#answer-day">Deze datum bestaat niet.');
      expect(impossible.text).toMatch(
        /id="answer-day" name="answer-day" type="text" inputmode="numeric" value="31" aria-invalid="true"/,
      );
      const future = await answer(dateQuestion, [
        ['answer-day', '1'],
        ['answer-month', '1'],
        ['answer-year', '2999'],
      ]).expect(400);
      expect(future.text).toContain('Deze datum ligt in de toekomst.');
      expect(future.text).toContain('value="2999"');
    });

    it('answers a regulation it does not know with a friendly 404 page', async () => {
      const response = await t.http().get('/rivierstad/keuzehulp/bestaatniet').expect(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.text).toContain('Deze pagina bestaat niet');
    });
  });

  describe('the objection form', () => {
    const path = '/rivierstad/bezwaar/participatiewet';
    const bo = bosObjection();

    /** The form as Bo's browser sends it: multipart, every field as typed. */
    const submit = (fields: [string, string][], files: { name: string; content: Buffer }[] = []) => {
      let request = t.http().post(path);
      for (const [name, value] of fields) request = request.field(name, value);
      for (const file of files) request = request.attach('attachments', file.content, file.name);
      if (!files.length) request = request.attach('attachments', Buffer.alloc(0), '');
      return request;
    };
    const formOf = async (query = '') => {
      const html = (await t.http().get(`${path}${query}`).expect(200)).text;
      return { html, key: hiddenInputs(html).find(([name]) => name === 'idempotencyKey')![1] };
    };
    const [year, month, day] = bo.decision.date.split('-');
    const bosFields = (key: string, overrides: Record<string, string> = {}): [string, string][] => {
      const fields: Record<string, string> = {
        idempotencyKey: key,
        suggested: '',
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
        'representative.name': '',
        'representative.organisation': '',
        'representative.email': '',
        'grounds.text': bo.grounds.text,
        wantsHearing: 'yes',
        contactPreference: 'phone',
        signed: 'yes',
        ...overrides,
      };
      return [
        ...Object.entries(fields),
        ['grounds.hints', 'inlichtingenplicht_niet_geschonden'],
        ['grounds.hints', 'dringende_redenen_afzien_terugvordering'],
      ];
    };

    it('prefills the decision date and lists the suggested reasons first', async () => {
      const { html, key } = await formOf(
        '?besluitdatum=2026-01-09&redenen=dringende_redenen_afzien_terugvordering,onbekend',
      );
      expect(key).toMatch(/^[0-9a-f-]{36}$/);
      expect(titleOf(html)).toBe('Bezwaarformulier – Bezwaar maken – Gemeente Rivierstad');
      expect(html).toContain('enctype="multipart/form-data"');
      expect(html).toMatch(/name="decision\.date\.day" type="text" inputmode="numeric" value="9"/);
      expect(html).toMatch(/name="decision\.date\.month" type="text" inputmode="numeric" value="1"/);
      expect(html).toMatch(/name="decision\.date\.year" type="text" inputmode="numeric" value="2026"/);
      const suggestedAt = html.indexOf('Deze redenen passen vaak bij uw situatie');
      expect(suggestedAt).toBeGreaterThan(0);
      expect(html.indexOf('Terugbetalen brengt mij in grote problemen')).toBeGreaterThan(suggestedAt);
      expect(html.indexOf('Andere redenen')).toBeGreaterThan(
        html.indexOf('Terugbetalen brengt mij in grote problemen'),
      );
      expect(html).toContain('name="attachments" type="file" multiple');
      expect(html).toContain('PDF, JPG, PNG of Word');
      expect(html).toContain('10 MB');
      expect((await formOf()).key).not.toBe(key);
    });

    it('shows the form again with an error summary, errors beside the fields, and what was typed (escaped)', async () => {
      const { key } = await formOf();
      const script = '<script>alert(1)</script>';
      const response = await submit(
        bosFields(key, {
          'objector.name': script,
          'objector.address.postalCode': '12',
          'decision.date.day': '',
          'decision.date.month': '',
          'decision.date.year': '',
          'grounds.text': 'Mijn eigen woorden & "aanhalingstekens"',
        }),
        [{ name: 'besluit.pdf', content: FILES.pdf }],
      ).expect(400);
      const html = response.text;
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(titleOf(html)).toBe('Fout: Bezwaarformulier – Bezwaar maken – Gemeente Rivierstad');
      // The summary: first, an alert, a heading and links to the fields, in the order of the form.
      expect(html).toMatch(
        /<div class="error-summary" role="alert"[^>]*>\s*<h2[^>]*>Er is een probleem<\/h2>/,
      );
      const links = [...html.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => m[1]);
      expect(links).toEqual(['decision-date-day', 'objector-address-postalCode']);
      expect(html).toContain('Vul de datum van de brief in.');
      expect(html).toContain('Vul een postcode in zoals 1234 AB.');
      // Beside the field, linked to it.
      expect(html).toMatch(
        /<p class="error-message" id="objector-address-postalCode-error"><span class="visually-hidden">Fout: <\/span>Vul een postcode in zoals 1234 AB\.<\/p>/,
      );
      expect(html).toMatch(
        /id="objector-address-postalCode" name="objector.address.postalCode" type="text" value="12" autocomplete="postal-code" aria-describedby="objector-address-postalCode-hint objector-address-postalCode-error" aria-invalid="true"/,
      );
      // Everything typed is kept, and escaped.
      expect(html).not.toContain(script);
      expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
      expect(html).toContain('Mijn eigen woorden &amp; &quot;aanhalingstekens&quot;</textarea>');
      expect(html).toContain(`name="idempotencyKey" value="${key}"`);
      expect(html).toMatch(/value="inlichtingenplicht_niet_geschonden" checked/);
      expect(html).toMatch(/name="wantsHearing" type="radio" value="yes" checked/);
      expect(html).toMatch(/name="signed" type="checkbox" value="yes" checked/);
      // Files cannot be kept: say so.
      expect(html).toContain('kies uw bestanden opnieuw');
    });

    it('refuses a disguised attachment on the form, keeping what was typed', async () => {
      const { key } = await formOf();
      const response = await submit(bosFields(key), [{ name: 'brief.pdf', content: FILES.exe }]).expect(400);
      expect(response.text).toContain(
        '<a href="#attachments">brief.pdf is geen PDF, JPEG, PNG of Word-bestand',
      );
      expect(response.text).toContain('value="Bo de Vries"');
    });

    it('files the objection, redirects 303 to the case page and files once on a double submit', async () => {
      const { key } = await formOf();
      const reference = '<script>alert(1)</script>';
      const fields = bosFields(key, { 'decision.reference': reference });
      const files = [{ name: 'besluit.pdf', content: FILES.pdf }];
      const response = await submit(fields, files).expect(303);
      const location = response.headers.location as string;
      expect(location).toMatch(/^\/rivierstad\/zaak\/[A-Za-z0-9_-]{43}\?ontvangen=1$/);
      // The same form sent again (a double click) files nothing new.
      expect((await submit(fields, files).expect(303)).headers.location).toBe(location);

      const page = await t.http().get(location).expect(200);
      expect(page.headers['cache-control']).toBe('no-store');
      const html = page.text;
      expect(titleOf(html)).toBe('Uw bezwaar is ontvangen – Bezwaar maken – Gemeente Rivierstad');
      expect(html).toContain('<h1 class="panel__title">Uw bezwaar is ontvangen</h1>');
      const ref = /<strong class="panel__reference">(RIV-\d{4}-\d{5})<\/strong>/.exec(html)?.[1];
      expect(ref).toBeDefined();
      expect(html).toContain('Wat gebeurt er nu?');
      expect(html).toContain('Ontvangen');
      expect(html).toMatch(
        /Wij beslissen uiterlijk op<\/dt>\s*<dd[^>]*>(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d+ \w+ \d{4}/,
      );
      expect(html).toContain('Uw bezwaar is ontvangen</p>');
      // What the citizen typed is escaped here too; the name is not shown on the case page at all.
      expect(html).not.toContain(reference);
      expect(html).toContain('kenmerk &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('Bo de Vries');

      const downloads = [
        ...html.matchAll(/<a class="documents__link" href="([^"]+)" download>([^<]+)<\/a>/g),
      ];
      expect(downloads.map((d) => decodeHtml(d[2]))).toEqual([
        `Ontvangstbevestiging: ontvangstbevestiging-${ref}.pdf`,
        'Uw bijlage: besluit.pdf',
      ]);
      const receipt = await t
        .http()
        .get(decodeHtml(downloads[0][1]))
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(receipt.headers['content-type']).toBe('application/pdf');
      expect(receipt.headers['content-disposition']).toContain('attachment');
      expect((receipt.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

      // Without ?ontvangen=1: the plain case page.
      const plain = (await t.http().get(location.split('?')[0]).expect(200)).text;
      expect(plain).not.toContain('panel__title');
      expect(plain).toContain(`Uw bezwaar ${ref}`);
    });

    it('answers an unknown case link with a friendly 404 page', async () => {
      const response = await t
        .http()
        .get(`/rivierstad/zaak/${'x'.repeat(43)}`)
        .expect(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.text).toContain('Dit bezwaar bestaat niet (of de link is niet juist).');
      expect(response.text).toContain('href="/rivierstad"');
      await t
        .http()
        .get(`/rivierstad/zaak/${'x'.repeat(43)}/documenten/123`)
        .expect(404);
    });
  });
});
