import { setTimeout as sleep } from 'node:timers/promises';
import { formatDutchDate } from '../src/deadlines/dutch-dates';
import { addDays, LocalDate, todayInAmsterdam } from '../src/deadlines/local-date';
import { JobWorker } from '../src/jobs/job-worker.service';
import { bosObjection, daysAgo } from './support/fixtures';
import { decodeHtml } from './support/pages';
import { startTestApp, TestApp } from './support/test-app';

const BO = bosObjection();

/**
 * The handler's pages for issue 5 over HTTP with the staff cookie: the informal approach, the formal procedure
 * and the decision on the case page, the inbox's marks and its bulk form. Every form is posted as a browser
 * would (urlencoded, POST-redirect-GET); each result is read back from the page and its timeline.
 */
describe('staff pages: informal approach, formal procedure, decisions (/:tenant/behandelaar)', () => {
  let t: TestApp;
  let cookie: string;
  let today: LocalDate;
  const staff = {} as Record<'handler' | 'admin', string>;

  const written = (date: string) => formatDutchDate(date as LocalDate, { weekday: false });
  const casePath = (reference: string) => `/rivierstad/behandelaar/zaken/${reference}`;
  const get = (path: string) => t.page(path, cookie);
  const post = (path: string, fields: Record<string, string | string[]>) => t.postForm(path, cookie, fields);
  /** Posts a case form; expects the redirect back with its confirmation and returns the page it leads to. */
  const act = async (reference: string, action: string, fields: Record<string, string | string[]>) => {
    const response = await post(`${casePath(reference)}/${action}`, fields);
    if (response.status !== 303)
      throw new Error(`${action}: ${response.status} ${errorsOf(response.text).join(' | ')}`);
    expect(response.headers.location).toBe(`${casePath(reference)}?gedaan=${action}`);
    return decodeHtml((await get(response.headers.location).expect(200)).text);
  };
  /** The error summary's messages. */
  const errorsOf = (html: string) => {
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    return [...summary.matchAll(/<li>(?:<a href="[^"]*">)?([^<]*)(?:<\/a>)?<\/li>/g)].map((m) =>
      decodeHtml(m[1]),
    );
  };
  const confirmation = (html: string) =>
    /<div class="notice notice--success" role="status">\s*<p>([^<]*)<\/p>/.exec(html)?.[1];
  const timelineOf = (html: string) => html.slice(html.indexOf('id="tijdlijn"'));
  /** The forms a page offers, by the last part of their action (the layout's logout form included). */
  const formsOn = (html: string) =>
    [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1].split('/').pop());

  const setCase = (reference: string, assignments: string, params: unknown[] = []) =>
    t.asOwner(`UPDATE objections SET ${assignments} WHERE reference = $1`, [reference, ...params]);

  let keys = 0;
  const file = async (overrides: Record<string, unknown> = {}) => {
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `staff-procedure-${Date.now()}-${++keys}`)
      .send(bosObjection(overrides));
    if (response.status !== 201) throw new Error(`filing failed: ${JSON.stringify(response.body)}`);
    return (response.body as { reference: string }).reference;
  };

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    today = todayInAmsterdam();
    cookie = await t.staffCookie('rivierstad');
    const rows = await t.asOwner<{ id: string; email: string }>(
      `SELECT id, email FROM staff_users WHERE email IN ('behandelaar@rivierstad.example', 'beheer@rivierstad.example')`,
    );
    staff.handler = rows.find((r) => r.email.startsWith('behandelaar'))!.id;
    staff.admin = rows.find((r) => r.email.startsWith('beheer'))!.id;
  }, 60_000);
  afterAll(() => t?.close());

  describe('informal contact', () => {
    let bo: string;

    beforeAll(async () => {
      bo = await file({ decision: { ...BO.decision, date: daysAgo(12) } });
    });

    it('shows the groups of steps, first contact against its norm, and logs a contact attempt', async () => {
      const page = decodeHtml((await get(casePath(bo)).expect(200)).text);
      expect(page).toMatch(
        /<dt class="summary-list__key">Eerste contact<\/dt>\s*<dd class="summary-list__value">\s*nog geen contact; norm: \d{1,2} [a-z]+ \d{4}/,
      );
      for (const heading of ['Informeel contact', 'Formele procedure', 'Beslissen']) {
        expect(page).toContain(`<h2 class="heading-l">${heading}</h2>`);
      }
      expect(page).toContain('<summary class="details__summary">Gesprek en afspraak</summary>');
      // The confirmation letter is ticked by default.
      expect(page).toMatch(/id="gesprek-bevestigen" name="bevestigen" type="checkbox" value="ja" checked/);
      expect(page).toMatch(/<h2 class="heading-l" id="beslistermijn">Beslistermijn<\/h2>/);

      const html = await act(bo, 'contactpoging', {
        kanaal: 'phone',
        bereikt: 'nee',
        moment: '',
        notitie: 'Voicemail ingesproken.',
      });
      expect(confirmation(html)).toBe('De contactpoging is vastgelegd: de indiener is niet bereikt.');
      expect(timelineOf(html)).toContain('Contactpoging telefonisch: niet bereikt');
      expect(timelineOf(html)).toContain('Voicemail ingesproken.');
      expect(html).toContain('nog geen contact; norm:');
    });

    it('refuses a contact attempt in the future with the service’s words, keeping what was typed', async () => {
      const response = await post(`${casePath(bo)}/contactpoging`, {
        kanaal: 'email',
        bereikt: 'ja',
        moment: `${addDays(today, 2)}T10:30`,
        notitie: 'Mijn notitie',
      }).expect(400);
      const html = decodeHtml(response.text);
      expect(errorsOf(response.text)).toEqual([
        'Dit moment ligt in de toekomst. Vul in wanneer het contact was.',
      ]);
      expect(html).toContain('<a href="#contact-moment">');
      expect(html).toMatch(
        /<details class="details action-details" open>\s*<summary class="details__summary">Contactpoging<\/summary>/,
      );
      expect(html).toContain(`value="${addDays(today, 2)}T10:30"`);
      expect(html).toMatch(/id="contact-kanaal-email" name="kanaal" type="radio" value="email" checked/);
      expect(html).toContain('>Mijn notitie</textarea>');
    });

    it('records a conversation: first contact, informal contact, the confirmation letter, all on the timeline', async () => {
      // Refused first: no channel and no route chosen (the page's own check), the report kept.
      let response = await post(`${casePath(bo)}/gesprek`, {
        verslag: 'Bo gebeld over de terugvordering.',
        bevestigen: 'ja',
      }).expect(400);
      expect(errorsOf(response.text)).toEqual([
        'Kies hoe het gesprek was.',
        'Kies wat u met de indiener heeft afgesproken.',
      ]);
      expect(decodeHtml(response.text)).toContain('>Bo gebeld over de terugvordering.</textarea>');

      // Refused by the service: a route other than the formal procedure needs the agreement written down.
      response = await post(`${casePath(bo)}/gesprek`, {
        kanaal: 'phone',
        verslag: 'Bo gebeld over de terugvordering.',
        route: 'referral',
        afspraak: '',
      }).expect(400);
      let html = decodeHtml(response.text);
      expect(errorsOf(response.text)).toEqual([
        'Schrijf op wat u met de indiener heeft afgesproken. Dit komt in de brief die de indiener krijgt.',
      ]);
      expect(html).toContain('<p class="error-message" id="gesprek-afspraak-error">');
      // Not ticked when posted: stays unticked.
      expect(html).toMatch(/id="gesprek-bevestigen" name="bevestigen" type="checkbox" value="ja">/);

      html = await act(bo, 'gesprek', {
        kanaal: 'phone',
        moment: '',
        verslag: 'Bo gebeld over de terugvordering.',
        speelt: 'Schulden; de deurwaarder staat voor de deur.',
        route: 'referral',
        afspraak: 'Schuldhulpverlening neemt deze week contact met u op.',
        bevestigen: 'ja',
      });
      expect(confirmation(html)).toBe(
        'Het gesprek is vastgelegd. De status is nu: Informeel contact. De bevestigingsbrief staat bij de documenten.',
      );
      expect(html).toMatch(
        /<dt class="summary-list__key">Eerste contact<\/dt>\s*<dd class="summary-list__value">\s*\d{1,2} [a-z]+ \d{4} om \d\d:\d\d/,
      );
      expect(html).toMatch(
        /De beslistermijn loopt door tijdens informeel contact: beslis uiterlijk \d{1,2} [a-z]+ \d{4}\./,
      );
      const timeline = timelineOf(html);
      expect(timeline).toContain('Gesprek telefonisch; afgesproken: verwijzing naar hulp');
      expect(timeline).toContain('Wat er echt speelt: Schulden; de deurwaarder staat voor de deur.');
      expect(timeline).toContain('Afspraak bevestigd per brief (verwijzing naar hulp)');
      expect(timeline).toContain('Status: Ontvangen → Informeel contact');
      const letter = /<a class="documents__link" href="([^"]+)" download>Brief: [^<]+\.pdf/.exec(html);
      expect(letter).not.toBeNull();
      expect((await get(letter![1]).expect(200)).headers['content-type']).toBe('application/pdf');
    });

    it('records an informal correction, which closes the case', async () => {
      const corrected = await file({ decision: { ...BO.decision, reference: 'PW-2026-0777' } });
      const response = await post(`${casePath(corrected)}/correctie`, {
        kenmerk: ' ',
        notitie: 'Nieuw besluit.',
      }).expect(400);
      expect(errorsOf(response.text)).toEqual(['Vul het kenmerk van het nieuwe (aangepaste) besluit in.']);
      expect(decodeHtml(response.text)).toContain('>Nieuw besluit.</textarea>');

      const html = await act(corrected, 'correctie', { kenmerk: 'PW-2026-0778', notitie: 'Nieuw besluit.' });
      expect(confirmation(html)).toBe(
        'Het aangepaste besluit is vastgelegd. Het bezwaar is informeel opgelost en afgesloten.',
      );
      expect(html).toContain('informeel opgelost: het besluit is aangepast (nieuw besluit PW-2026-0778)');
      expect(timelineOf(html)).toContain('Besluit informeel gecorrigeerd (nieuw besluit PW-2026-0778)');
    });

    it('records a withdrawal; the closed case is then only read, and a stale form is refused in words', async () => {
      const withdrawn = await file();
      let response = await post(`${casePath(withdrawn)}/intrekken`, {
        hoe: 'confirmed_by_objector',
        notitie: '',
      }).expect(400);
      expect(errorsOf(response.text)[0]).toMatch(/^Schrijf op hoe de indiener het intrekken heeft bevestigd/);
      expect(decodeHtml(response.text)).toMatch(/value="confirmed_by_objector" checked/);

      const html = await act(withdrawn, 'intrekken', {
        hoe: 'confirmed_by_objector',
        notitie: 'Telefonisch, daarna per e-mail bevestigd.',
      });
      expect(confirmation(html)).toBe(
        'De intrekking is vastgelegd. Het bezwaar is afgehandeld zonder beslissing.',
      );
      expect(timelineOf(html)).toContain('Intrekking bevestigd door de indiener');
      expect(timelineOf(html)).toContain('Telefonisch, daarna per e-mail bevestigd.');
      expect(html).toContain('Dit bezwaar is afgehandeld (Ingetrokken). U kunt het alleen nog lezen.');
      // Nothing to post but the logout.
      expect(formsOn(html)).toEqual(['uitloggen']);

      response = await post(`${casePath(withdrawn)}/gesprek`, {
        kanaal: 'phone',
        verslag: 'Nog een gesprek.',
        route: 'explanation',
        afspraak: 'Uitleg.',
      }).expect(409);
      const [message] = errorsOf(response.text);
      expect(message).toMatch(/^Dit bezwaar is niet meer in behandeling \(status Ingetrokken\)\./);
      // The form is not on the page any more: the message stands on its own, without a link to nowhere.
      expect(decodeHtml(response.text)).toMatch(/<li>Dit bezwaar is niet meer in behandeling/);
      expect(formsOn(decodeHtml(response.text))).toEqual(['uitloggen']);
    });
  });

  describe('the formal procedure and the decision', () => {
    let kase: string;

    beforeAll(async () => {
      // No address: the repair request has it to ask for.
      kase = await file({
        decision: { ...BO.decision, reference: 'PW-2026-0500', date: daysAgo(12) },
        objector: { name: 'Sanne Smit', email: 'sanne@example.nl', phone: '06 98765432' },
      });
    });

    it('asks for repair with the missing element preselected, and records what came in', async () => {
      let page = decodeHtml((await get(casePath(kase)).expect(200)).text);
      expect(page).toMatch(
        /id="herstel-onderdelen-address" name="onderdelen" type="checkbox" value="address" checked/,
      );
      expect(page).not.toMatch(
        /id="herstel-onderdelen" name="onderdelen" type="checkbox" value="signature" checked/,
      );
      expect(formsOn(page)).not.toContain('herstel-ontvangen');

      let response = await post(`${casePath(kase)}/herstel-vragen`, { termijn: '30' }).expect(400);
      expect(errorsOf(response.text)).toEqual([
        'Kies wat de indiener moet aanvullen.',
        'Geef de hersteltermijn in hele dagen, van 7 tot en met 28.',
      ]);
      expect(decodeHtml(response.text)).toMatch(/id="herstel-termijn" name="termijn" type="text" value="30"/);

      page = await act(kase, 'herstel-vragen', { onderdelen: ['address'], termijn: '14' });
      expect(confirmation(page)).toMatch(
        /^Het verzoek om aan te vullen is verstuurd, met een termijn tot en met \d{1,2} [a-z]+ \d{4}\. De brief staat bij de documenten/,
      );
      expect(timelineOf(page)).toMatch(
        /Om herstel gevraagd: uw adres; termijn tot en met \d{1,2} [a-z]+ \d{4}/,
      );
      expect(page).toMatch(/<a class="documents__link" href="[^"]+" download>Brief: herstelverzoek-/);
      expect(formsOn(page)).toContain('herstel-ontvangen');
      expect(formsOn(page)).not.toContain('herstel-vragen');

      // A stale page asks again: the service refuses, in words.
      response = await post(`${casePath(kase)}/herstel-vragen`, {
        onderdelen: ['address'],
        termijn: '14',
      }).expect(409);
      expect(errorsOf(response.text)[0]).toMatch(/^Er loopt al een verzoek om aan te vullen/);

      // Asked six days ago: the decision term stood still from the day after until today.
      await setCase(kase, `repair_requested_on = $2`, [addDays(today, -6)]);
      page = await act(kase, 'herstel-ontvangen', { onderdelen: ['address'] });
      expect(confirmation(page)).toMatch(
        /^Het herstel is vastgelegd\. De beslistermijn loopt nu tot en met \d{1,2} [a-z]+ \d{4}\.$/,
      );
      expect(page).toContain(
        `<dd class="summary-list__value">${written(addDays(today, -5))} tot en met ${written(today)} (hersteltermijn)</dd>`,
      );
      expect(timelineOf(page)).toMatch(/Herstel ontvangen: uw adres; beslistermijn nu tot en met/);
      expect(formsOn(page)).toContain('herstel-vragen');
    });

    it('plans a hearing: never heard by who took the decision, invitation sent, case in the formal procedure', async () => {
      const at = `${addDays(today, 21)}T10:00`;
      let response = await post(`${casePath(kase)}/hoorzitting`, {
        moment: at,
        plaats: 'Stadhuis, zaal 2',
        videolink: '',
        hoorder: staff.handler,
        besluitnemer: staff.handler,
      }).expect(409);
      let html = decodeHtml(response.text);
      expect(errorsOf(response.text)[0]).toMatch(
        /^Jeroen Bakker nam het besluit waartegen het bezwaar gericht is en mag daarom niet horen/,
      );
      expect(html).toContain('<p class="error-message" id="hoorzitting-hoorder-error">');
      expect(html).toContain('value="Stadhuis, zaal 2"');
      expect(html).toContain(`value="${at}"`);

      response = await post(`${casePath(kase)}/hoorzitting`, {
        moment: `${addDays(today, 3)}T10:00`,
        plaats: 'Stadhuis',
        videolink: 'http://niet-veilig.example',
        hoorder: staff.handler,
        besluitnemer: staff.admin,
      }).expect(400);
      expect(errorsOf(response.text)).toEqual(['Geef een videolink die begint met https://.']);

      html = await act(kase, 'hoorzitting', {
        moment: at,
        plaats: 'Stadhuis, zaal 2',
        videolink: '',
        hoorder: staff.handler,
        besluitnemer: staff.admin,
      });
      expect(confirmation(html)).toMatch(
        /^De hoorzitting is gepland op \d{1,2} [a-z]+ \d{4} om 10:00\. De uitnodiging staat bij de documenten/,
      );
      expect(html).toMatch(
        /<dt class="summary-list__key">Hoorzitting gepland<\/dt>\s*<dd class="summary-list__value">[^<]+ om 10:00, Stadhuis, zaal 2<\/dd>/,
      );
      expect(timelineOf(html)).toMatch(
        /Hoorzitting gepland op [^<]+ \(Stadhuis, zaal 2\), hoorder Jeroen Bakker/,
      );
      expect(timelineOf(html)).toContain('Status: Ontvangen → Formele procedure');
      expect(html).toMatch(
        /<a class="documents__link" href="[^"]+" download>Brief: uitnodiging-hoorzitting-/,
      );
      // Re-planning: the hearer list leaves out who took the decision.
      expect(html).toContain('<summary class="details__summary">Hoorzitting opnieuw plannen</summary>');
      const hearers = /<select[^>]*id="hoorzitting-hoorder"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1];
      expect(hearers).toContain('Jeroen Bakker');
      expect(hearers).not.toContain('Fatima El Amrani');
    });

    it('records the hearing report, refusing a moment still to come', async () => {
      const response = await post(`${casePath(kase)}/verslag`, {
        gehouden: `${addDays(today, 21)}T10:00`,
        aanwezigen: 'Sanne Smit (indiener)\nJeroen Bakker (hoorder)',
        verslag: 'Mevrouw Smit lichtte haar bezwaar toe.',
      }).expect(400);
      expect(errorsOf(response.text)).toEqual(['De hoorzitting kan niet in de toekomst gehouden zijn.']);
      expect(decodeHtml(response.text)).toContain('>Mevrouw Smit lichtte haar bezwaar toe.</textarea>');

      const html = await act(kase, 'verslag', {
        gehouden: `${addDays(today, -1)}T10:00`,
        aanwezigen: 'Sanne Smit (indiener)\nJeroen Bakker (hoorder)',
        verslag: 'Mevrouw Smit lichtte haar bezwaar toe.',
      });
      expect(confirmation(html)).toMatch(/^Het verslag van de hoorzitting is vastgelegd\./);
      expect(html).toMatch(/<dt class="summary-list__key">Hoorzitting gehouden<\/dt>/);
      expect(timelineOf(html)).toMatch(/Hoorzitting gehouden op [^;]+; verslag gemaakt/);
      for (const gone of ['hoorzitting', 'afzien-horen', 'verslag'])
        expect(formsOn(html)).not.toContain(gone);
    });

    it('extends the decision term once, with a letter; a second time is refused', async () => {
      let response = await post(`${casePath(kase)}/verdagen`, { weken: '6', reden: ' ' }).expect(400);
      expect(errorsOf(response.text)).toEqual([
        'Schrijf waarom de beslissing later komt; dat staat in de brief.',
      ]);
      expect(decodeHtml(response.text)).toMatch(/<option value="6" selected>6 weken<\/option>/);

      const html = await act(kase, 'verdagen', { weken: '4', reden: 'Wij wachten op een taxatierapport.' });
      expect(confirmation(html)).toMatch(
        /^De beslistermijn is verdaagd tot en met \d{1,2} [a-z]+ \d{4}\. De brief staat bij de documenten/,
      );
      expect(html).toContain('<dd class="summary-list__value">met 4 weken</dd>');
      expect(timelineOf(html)).toMatch(/Beslistermijn verdaagd met 4 weken: tot en met/);
      expect(timelineOf(html)).toContain('Reden: Wij wachten op een taxatierapport.');
      expect(html).toMatch(/<a class="documents__link" href="[^"]+" download>Brief: verdaging-/);
      expect(formsOn(html)).not.toContain('verdagen');

      response = await post(`${casePath(kase)}/verdagen`, { weken: '2', reden: 'Nog meer tijd.' }).expect(
        409,
      );
      expect(errorsOf(response.text)[0]).toMatch(/^De beslistermijn is al een keer verdaagd \(met 4 weken\)/);
    });

    it('records a postponement with consent after the current end', async () => {
      const response = await post(`${casePath(kase)}/uitstel`, { tot: today, instemming: 'Akkoord.' }).expect(
        400,
      );
      expect(errorsOf(response.text)[0]).toMatch(/^Kies een datum na de huidige beslistermijn/);
      expect(decodeHtml(response.text)).toContain(`value="${today}"`);

      const until = addDays(today, 250);
      const html = await act(kase, 'uitstel', {
        tot: until,
        instemming: 'Telefonisch akkoord van mevrouw Smit, bevestigd per e-mail.',
      });
      expect(confirmation(html)).toBe(
        `Het uitstel is vastgelegd. De beslistermijn loopt nu tot en met ${written(until)}.`,
      );
      expect(html).toContain(`<dd class="summary-list__value">tot en met ${written(until)}</dd>`);
      expect(timelineOf(html)).toContain(
        'Instemming: Telefonisch akkoord van mevrouw Smit, bevestigd per e-mail.',
      );
    });

    it('decides: refusals in the form’s words, then the decision, its letter, and a case that is only read', async () => {
      let response = await post(`${casePath(kase)}/beslissen`, { motivering: 'Mijn motivering' }).expect(400);
      expect(errorsOf(response.text)).toEqual(['Kies de beslissing op het bezwaar.']);
      expect(decodeHtml(response.text)).toContain('>Mijn motivering</textarea>');

      response = await post(`${casePath(kase)}/beslissen`, {
        uitkomst: 'unfounded',
        motivering: 'Mijn motivering',
        hoorzitting: 'fully_granted',
        herroepen: 'Iets anders.',
        verzenddatum: today,
      }).expect(400);
      const html400 = decodeHtml(response.text);
      expect(errorsOf(response.text)).toEqual([
        'De grond "bezwaar volledig toegewezen (7:3 onder e)" past niet bij een ongegrond bezwaar. Kies "De indiener is gehoord" of: ' +
          'kennelijk ongegrond (7:3 onder b); indiener wil niet gehoord worden (7:3 onder c); indiener reageerde niet op tijd (7:3 onder d).',
        expect.stringMatching(/^Bij een ongegrond bezwaar blijft het besluit staan/),
      ]);
      expect(html400).toContain('<a href="#beslissen-hoorzitting">');
      expect(html400).toContain('<a href="#beslissen-herroepen">');
      expect(html400).toMatch(/value="fully_granted" checked/);

      // The hearing held is proposed.
      const page = decodeHtml((await get(casePath(kase)).expect(200)).text);
      expect(page).toMatch(
        /id="beslissen-hoorzitting" name="hoorzitting" type="radio" value="gehouden" checked/,
      );

      const html = await act(kase, 'beslissen', {
        uitkomst: 'partially_founded',
        motivering: 'De terugvordering vervalt; de beëindiging blijft.',
        hoorzitting: 'gehouden',
        'kosten-gevraagd': 'ja',
        'kosten-vergoed': '',
        herroepen: 'Er wordt niets teruggevorderd.',
        verzenddatum: today,
      });
      expect(confirmation(html)).toMatch(/^De beslissing is vastgelegd: gedeeltelijk gegrond\./);
      expect(html).toContain('<dd class="summary-list__value">gedeeltelijk gegrond</dd>');
      expect(html).toMatch(
        /<dt class="summary-list__key">Kostenvergoeding<\/dt>\s*<dd class="summary-list__value">€ [\d.]+(,\d\d)?<\/dd>/,
      );
      expect(timelineOf(html)).toContain('Beslist: gedeeltelijk gegrond');
      expect(timelineOf(html)).toContain('Herroepen en vervangen door: Er wordt niets teruggevorderd.');
      expect(html).toMatch(/<a class="documents__link" href="[^"]+" download>Brief: beslissing-op-bezwaar-/);
      expect(formsOn(html)).toEqual(['uitloggen']);
    });
  });

  describe('notice of default and penalty', () => {
    let late: string;

    beforeAll(async () => {
      late = await file({ decision: { ...BO.decision, reference: 'PW-2026-0600' } });
      await setCase(late, `decision_term_base = $2, decision_term_ends = $2`, [addDays(today, -30)]);
    });

    it('offers the notice once the term has passed, and shows the penalty exposure prominently', async () => {
      let page = decodeHtml((await get(casePath(late)).expect(200)).text);
      expect(formsOn(page)).toContain('ingebrekestelling');
      expect(formsOn(page)).not.toContain('verdagen');

      const premature = addDays(today, -40);
      const response = await post(`${casePath(late)}/ingebrekestelling`, { ontvangen: premature }).expect(
        409,
      );
      expect(errorsOf(response.text)[0]).toMatch(
        /Een ingebrekestelling heeft pas gevolgen als zij binnenkomt nadat de beslistermijn is verstreken/,
      );
      expect(decodeHtml(response.text)).toContain(`value="${premature}"`);

      page = await act(late, 'ingebrekestelling', { ontvangen: addDays(today, -20) });
      expect(confirmation(page)).toBe(
        `De ingebrekestelling is geregistreerd. De dwangsom loopt vanaf ${written(addDays(today, -6))} als er dan nog geen beslissing is.`,
      );
      expect(page).toContain(
        `<p><strong>Dwangsom loopt sinds ${written(addDays(today, -6))}: € 161 tot nu, maximaal € 1.442 (op ${written(addDays(today, 35))}).</strong></p>`,
      );
      expect(timelineOf(page)).toContain(`Ingebrekestelling ontvangen op ${written(addDays(today, -20))}`);
      expect(formsOn(page)).not.toContain('ingebrekestelling');
      expect(formsOn(page)).not.toContain('uitstel');

      const inbox = decodeHtml((await get('/rivierstad/behandelaar?zoek=' + late).expect(200)).text);
      expect(inbox).toContain('<strong class="status-tag status-tag--penalty">dwangsom loopt</strong>');
    });

    it('fixes the penalty as computed, once', async () => {
      const response = await post(`${casePath(late)}/dwangsom`, { dagen: '50', bedrag: '' }).expect(400);
      expect(errorsOf(response.text)).toEqual(['Geef het aantal dagen als heel getal van 0 tot en met 42.']);
      expect(decodeHtml(response.text)).toContain('value="50"');

      const html = await act(late, 'dwangsom', { dagen: '', bedrag: '' });
      expect(confirmation(html)).toBe('De dwangsom is vastgesteld op € 161.');
      expect(timelineOf(html)).toContain('Dwangsom vastgesteld: € 161,00 (7 dagen)');
      expect(formsOn(html)).not.toContain('dwangsom');
    });
  });

  describe('the inbox', () => {
    let silent: string;
    let informal: string;

    beforeAll(async () => {
      silent = await file({
        decision: { ...BO.decision, reference: 'PW-2026-0700' },
        objector: { ...BO.objector, name: 'Stille Sam' },
      });
      // Received two weeks ago, never reached: first contact is late.
      await setCase(silent, `received_at = now() - interval '14 days'`);
      informal = await file({ objector: { ...BO.objector, name: 'Ingrid Informeel' } });
      await act(informal, 'gesprek', {
        kanaal: 'visit',
        verslag: 'Langsgeweest.',
        route: 'explanation',
        afspraak: 'Uitleg gegeven over de berekening.',
      });
    });

    const rowOf = (html: string, reference: string) => {
      const start = html.indexOf(`>${reference}</a>`);
      return html.slice(html.lastIndexOf('<tr>', start), html.indexOf('</tr>', start));
    };

    it('marks a late first contact and informal contact, counts and filters them, and sorts by contact', async () => {
      const html = decodeHtml((await get('/rivierstad/behandelaar').expect(200)).text);
      expect(rowOf(html, silent)).toContain(
        '<strong class="status-tag status-tag--overdue">nog geen contact (te laat)</strong>',
      );
      expect(rowOf(html, informal)).toContain('beslistermijn loopt door');
      expect(rowOf(html, informal)).not.toContain('nog geen contact');
      expect(html).toMatch(
        /<a class="count" href="\/rivierstad\/behandelaar\?geencontact=1"><span class="count__number">\d+<\/span> <span class="count__label">Nog geen contact \(te laat\)<\/span><\/a>/,
      );
      expect(html).toContain('<option value="contact">Eerste contact: te laat eerst</option>');

      const filtered = decodeHtml((await get('/rivierstad/behandelaar?geencontact=1').expect(200)).text);
      expect(filtered).toContain(`>${silent}</a>`);
      expect(filtered).not.toContain(`>${informal}</a>`);
      expect(filtered).toMatch(
        /id="filter-geencontact" name="geencontact" type="checkbox" value="1" checked/,
      );

      const sorted = decodeHtml((await get('/rivierstad/behandelaar?sorteer=contact').expect(200)).text);
      const first = /<th scope="row" class="table__reference">\s*<a href="[^"]+">([^<]+)<\/a>/.exec(
        sorted,
      )![1];
      expect(first).toBe(silent);
      expect(sorted).toContain('<option value="contact" selected>');
    });

    it('gives each open case a labelled checkbox for the bulk form, and none to a closed one', async () => {
      const html = decodeHtml(
        (await get('/rivierstad/behandelaar?status=received&status=decided').expect(200)).text,
      );
      expect(html).toMatch(
        new RegExp(
          `<input class="choice__input" id="kies-${silent}" name="zaak" type="checkbox" value="${silent}">\\s*<label class="choice__label" for="kies-${silent}"><span class="visually-hidden">Kies ${silent} van Stille Sam</span></label>`,
        ),
      );
      const decided = /<tr>(?:(?!<\/tr>)[\s\S])*Besloten(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(html)![0];
      expect(decided).not.toContain('type="checkbox"');
      expect(html).toContain(
        '<form class="form bulk-form" method="post" action="/rivierstad/behandelaar/bulk" novalidate>',
      );
      expect(html).toContain('<input type="hidden" name="lijst" value="status=received&status=decided">');
    });

    it('refuses a bulk run in words, keeping the choices, and starts one that goes to its progress page', async () => {
      let response = await post('/rivierstad/behandelaar/bulk', {
        uitkomst: 'unfounded',
        motivering: 'De WOZ-waarde is goed vastgesteld.',
        hoorzitting: 'clearly_unfounded',
        lijst: '',
      }).expect(400);
      expect(errorsOf(response.text)).toEqual(['Kies in de tabel de zaken waarover u wilt beslissen.']);
      let html = decodeHtml(response.text);
      expect(html).toMatch(/<title>Fout: Inbox – /);
      expect(html).toContain('>De WOZ-waarde is goed vastgesteld.</textarea>');
      expect(html).toMatch(/<details class="details bulk-form__details" open>/);

      const woz = [
        await file({ regulation: 'woz', decision: { ...BO.decision, reference: 'WOZ-2026-1' } }),
        await file({ regulation: 'woz', decision: { ...BO.decision, reference: 'WOZ-2026-2' } }),
      ];
      // A case decided meanwhile (stale page): nothing starts; the case says why beside its checkbox.
      const [closed] = (
        await t.asOwner<{ reference: string }>(
          `SELECT reference FROM objections WHERE status = 'decided' LIMIT 1`,
        )
      ).map((r) => r.reference);
      response = await post('/rivierstad/behandelaar/bulk', {
        zaak: [woz[0], closed],
        uitkomst: 'unfounded',
        motivering: 'De WOZ-waarde is goed vastgesteld.',
        hoorzitting: 'clearly_unfounded',
        lijst: 'status=received',
      }).expect(400);
      html = decodeHtml(response.text);
      expect(errorsOf(response.text)).toEqual([
        expect.stringMatching(
          /^1 van de 2 zaken kunnen niet in deze reeks\..* is al afgehandeld \(status Besloten\)\.$/,
        ),
      ]);
      expect(html).toMatch(
        new RegExp(`id="kies-${woz[0]}" name="zaak" type="checkbox" value="${woz[0]}" checked`),
      );
      expect(html).toMatch(/name="uitkomst" type="radio" value="unfounded" checked/);
      expect(html).toMatch(/<option value="clearly_unfounded" selected>/);

      response = await post('/rivierstad/behandelaar/bulk', {
        zaak: woz,
        uitkomst: 'unfounded',
        motivering: 'De WOZ-waarde is goed vastgesteld.',
        hoorzitting: 'clearly_unfounded',
        lijst: '',
      }).expect(303);
      expect(response.headers.location).toMatch(/^\/rivierstad\/behandelaar\/bulk\/[0-9a-f-]{36}$/);
      const progress = decodeHtml((await get(response.headers.location).expect(200)).text);
      expect(progress).toContain('Beslissingen in bulk');
      expect(progress).toContain('2 zaken: ongegrond');

      // The queue's worker decides both; the progress page and the cases say so.
      await t.app.get(JobWorker).poll();
      let done = '';
      for (let i = 0; i < 200 && !done.includes('Klaar'); i++) {
        done = decodeHtml((await get(response.headers.location).expect(200)).text);
        if (!done.includes('Klaar')) await sleep(50);
      }
      expect(done).toContain('Klaar: alle 2 zaken zijn besloten.');
      for (const reference of woz) {
        expect(timelineOf(decodeHtml((await get(casePath(reference)).expect(200)).text))).toContain(
          'Beslist: ongegrond',
        );
      }
    });

    it('starts nothing from another site', async () => {
      await post('/rivierstad/behandelaar/bulk', { zaak: silent, uitkomst: 'unfounded', motivering: 'x' })
        .set('Origin', 'https://evil.example')
        .expect(403);
      expect(timelineOf(decodeHtml((await get(casePath(silent)).expect(200)).text))).not.toContain('Beslist');
    });
  });
});
