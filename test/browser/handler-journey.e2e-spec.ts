import type { Browser, Page } from 'playwright-core';
import {
  auditPage,
  describeFocus,
  focusIsVisible,
  launchChromium,
  navigation,
  newWatchedPage,
  tabTo,
} from '../support/browser';
import { addDays, todayInAmsterdam } from '../../src/deadlines/local-date';
import { bosObjection, daysAgo } from '../support/fixtures';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

const BO = bosObjection();
const MESSAGE = 'Beste Bo, ik heb u net gebeld. Hieronder staat wie u gratis helpt met de schulden.';
const REFERRAL_NOTE = 'Zij nemen binnen een week contact met u op.';

/**
 * The handler's side of Bo's story (DESIGN.md) in a real browser: log in, find Bo first in the inbox because her
 * deadline is nearest, see why she is flagged, take the case, phone her (informal contact), send a message and
 * a referral to debt counselling, and find both on Bo's own case page. axe-core checks each page.
 */
describe("a handler works Bo's case (chromium)", () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let boReference: string;
  let boCasePath: string;
  const audited: string[] = [];

  let keys = 0;
  const file = async (body: object) => {
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `handler-journey-${Date.now()}-${++keys}`)
      .send(body);
    if (response.status !== 201) throw new Error(`filing failed: ${JSON.stringify(response.body)}`);
    return response.body as { reference: string; caseUrl: string };
  };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ OUTBOX_POLL_MS: '600000' }), launchChromium()]);
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    // Two cases with later deadlines, filed first, then Bo's with the earliest decision date.
    await file(
      bosObjection({
        decision: { reference: 'PW-2026-0101', date: daysAgo(3) },
        objector: { ...BO.objector, name: 'Sanne Smit' },
        grounds: { hints: [], text: 'Het bedrag klopt niet. Graag een nieuwe berekening.' },
      }),
    );
    await file(
      bosObjection({
        regulation: 'wmo',
        decision: { reference: 'WMO-2026-0007', date: daysAgo(8) },
        objector: { ...BO.objector, name: 'Ahmed Yilmaz' },
        grounds: { hints: [], text: 'Ik heb meer uren hulp nodig dan is toegekend.' },
      }),
    );
    const bo = await file(bosObjection({ decision: { ...BO.decision, date: daysAgo(30) } }));
    boReference = bo.reference;
    boCasePath = new URL(bo.caseUrl).pathname;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = () => newWatchedPage(browser, { width: 1280, height: 900 });
  const audit = (page: Page, name: string) => auditPage(page, name, audited);

  const focusOn = async (page: Page, selector: string) => {
    await tabTo(page, selector);
    if (!(await focusIsVisible(page))) throw new Error(`no visible focus on ${await describeFocus(page)}`);
  };

  it('logs in with the keyboard, finds Bo first, works her case, and Bo sees the message and the referral', async () => {
    const { context, page } = await newPage();

    // Not logged in: the inbox sends the handler to the login form.
    await page.goto(`${base}/rivierstad/behandelaar`);
    expect(new URL(page.url()).pathname).toBe('/rivierstad/behandelaar/inloggen');
    expect(await page.title()).toBe('Inloggen – Bezwaren behandelen – Gemeente Rivierstad');
    await audit(page, 'inloggen');

    // A wrong password: one message, the address kept.
    await page.getByLabel('E-mailadres').fill('behandelaar@rivierstad.example');
    await page.getByLabel('Wachtwoord').fill('fout');
    await navigation(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
    expect(await page.getByRole('alert').textContent()).toContain(
      'Het e-mailadres of het wachtwoord is niet juist.',
    );
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe('behandelaar@rivierstad.example');
    await audit(page, 'inloggen met fout');

    // The login form with the keyboard only, each field with a visible focus.
    await page.goto(`${base}/rivierstad/behandelaar/inloggen`);
    await focusOn(page, 'a.skip-link');
    await focusOn(page, '#email');
    await page.keyboard.type('behandelaar@rivierstad.example');
    await focusOn(page, '#wachtwoord');
    await page.keyboard.type(DEMO_PASSWORD);
    await focusOn(page, 'button[type="submit"]');
    await navigation(page, () => page.keyboard.press('Enter'));

    // The inbox: Bo's case first, with her flags and life domains in words.
    expect(await page.title()).toBe('Inbox – Bezwaren behandelen – Gemeente Rivierstad');
    const firstRow = page.locator('table tbody tr').first();
    expect(await firstRow.locator('th a').textContent()).toBe(boReference);
    const rowText = await firstRow.innerText();
    expect(rowText).toContain('Bo de Vries');
    expect(rowText).toContain('boos');
    expect(rowText).toContain('financiën');
    expect(rowText).toContain('huisvesting');
    expect(rowText).toMatch(/over \d+ werkdagen/);
    expect(await page.locator('table tbody tr').count()).toBe(3);
    await audit(page, 'inbox');
    await page.screenshot({ path: '/tmp/staff-inbox.png', fullPage: true });

    // The first case link is reached with Tab, with a visible focus, and opens with Enter.
    await page.goto(`${base}/rivierstad/behandelaar`);
    await focusOn(page, 'table tbody tr:first-child th a');
    await navigation(page, () => page.keyboard.press('Enter'));

    // The case: the phrases behind the flags.
    expect(await page.title()).toBe(`Bezwaar ${boReference} – Bezwaren behandelen – Gemeente Rivierstad`);
    const signals = await page.locator('main').innerText();
    expect(signals).toContain('Toon: boos');
    expect(signals).toContain('woedend');
    expect(signals).toContain('Leefgebieden: financiën, huisvesting');
    expect(signals).toContain('deurwaarder');
    expect(signals).toContain('ontruiming');
    await audit(page, 'zaak');
    await page.screenshot({ path: '/tmp/staff-case.png', fullPage: true });

    // Take the case.
    await navigation(page, () => page.getByRole('button', { name: 'Aan mij toewijzen' }).click());
    expect(await page.getByRole('status').textContent()).toContain('De zaak is toegewezen aan');

    // She was phoned: informal contact.
    await page.getByLabel('Informeel contact').check();
    await page
      .getByLabel('Toelichting (niet verplicht)')
      .first()
      .fill('Bo gebeld; zij wil hulp bij de schulden.');
    await navigation(page, () => page.getByRole('button', { name: 'Status wijzigen' }).click());
    expect(await page.getByRole('status').textContent()).toContain('De status is nu: Informeel contact.');

    // A message sent empty comes back with the error summary; then the real one.
    await navigation(page, () => page.getByRole('button', { name: 'Bericht versturen' }).click());
    expect(await page.title()).toMatch(/^Fout: Bezwaar /);
    expect(await page.getByRole('alert').getByRole('link').count()).toBe(1);
    await audit(page, 'zaak met fout');
    await page.getByLabel('Bericht', { exact: true }).fill(MESSAGE);
    await navigation(page, () => page.getByRole('button', { name: 'Bericht versturen' }).click());
    expect(await page.getByRole('status').textContent()).toContain('Uw bericht is verstuurd.');

    // A referral to debt counselling.
    await page.getByLabel('Organisatie').selectOption('schuldhulpverlening');
    await page.getByLabel('Toelichting voor de indiener (niet verplicht)').fill(REFERRAL_NOTE);
    await navigation(page, () => page.getByRole('button', { name: 'Doorverwijzing versturen' }).click());
    expect(await page.getByRole('status').textContent()).toContain('De doorverwijzing is verstuurd.');
    const timeline = await page
      .locator('table', { has: page.locator('caption#tijdlijn-caption') })
      .innerText();
    expect(timeline).toContain('Toegewezen aan');
    expect(timeline).toContain('Status: Ontvangen → Informeel contact');
    expect(timeline).toContain(MESSAGE);
    expect(timeline).toContain('Doorverwezen naar Schuldhulpverlening Rivierstad');
    await audit(page, 'zaak na het werk');
    await page.screenshot({ path: '/tmp/staff-case-done.png', fullPage: true });

    // "Mijn zaken" in the inbox: her case, now in informal contact; the filter form open and checked by axe.
    await navigation(page, () => page.getByRole('link', { name: 'Inbox', exact: true }).click());
    await navigation(page, () => page.getByRole('link', { name: /Mijn zaken/ }).click());
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await page.locator('table tbody tr').first().innerText()).toContain('Informeel contact');
    expect(await page.locator('#filter-behandelaar').inputValue()).toBe('mij');
    await audit(page, 'inbox: mijn zaken');
    await page.screenshot({ path: '/tmp/staff-inbox-mine.png', fullPage: true });

    // Bo's own case page (her secret link): the message and the referral are there.
    const citizen = await context.newPage();
    (citizen as Page & { problems: string[] }).problems = [];
    await citizen.goto(`${base}${boCasePath}`);
    const boSees = await citizen.locator('main').innerText();
    expect(boSees).toContain(MESSAGE);
    expect(boSees).toContain('Schuldhulpverlening Rivierstad');
    await citizen.screenshot({ path: '/tmp/staff-citizen-case.png', fullPage: true });

    await context.close();
    console.log(`axe (WCAG 2.1 A/AA) per staff page, all impacts:\n  ${audited.join('\n  ')}`);
  });

  it('works the informal approach, the formal procedure and a bulk decision; every section open passes axe', async () => {
    const { context, page } = await newPage();
    const auditedBefore = audited.length;
    const noAddress = await file(
      bosObjection({
        decision: { reference: 'PW-2026-0555', date: daysAgo(5) },
        objector: { name: 'Noor Jansen', email: 'noor@example.nl', phone: '06 11122233' },
        grounds: { hints: [], text: 'De berekening klopt niet.' },
      }),
    );
    const woz = await file(
      bosObjection({
        regulation: 'woz',
        decision: { reference: 'WOZ-2026-0042', date: daysAgo(4) },
        objector: { ...BO.objector, name: 'Willem de Waard' },
        grounds: { hints: [], text: 'De WOZ-waarde is te hoog.' },
      }),
    );

    await page.goto(`${base}/rivierstad/behandelaar/inloggen`);
    await page.getByLabel('E-mailadres').fill('behandelaar@rivierstad.example');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await navigation(page, () => page.getByRole('button', { name: 'Inloggen' }).click());

    // The case page with every step open: informal contact, the formal procedure and the decision.
    const casePage = `${base}/rivierstad/behandelaar/zaken/${noAddress.reference}`;
    const openEverySection = () =>
      page.evaluate(() =>
        (
          globalThis as unknown as { document: { querySelectorAll: (s: string) => { open: boolean }[] } }
        ).document
          .querySelectorAll('details')
          .forEach((d) => (d.open = true)),
      );
    await page.goto(casePage);
    expect(await page.locator('details.action-details').count()).toBe(10);
    await openEverySection();
    expect(await page.locator('details:not([open])').count()).toBe(0);
    expect(await page.getByText('nog geen contact; norm:').count()).toBe(1);
    await audit(page, 'zaak: alle stappen open');
    await page.screenshot({ path: '/tmp/staff-case-procedure.png', fullPage: true });

    // A conversation: the confirmation letter is ticked already.
    await page.goto(casePage);
    await page.locator('summary', { hasText: 'Gesprek en afspraak' }).click();
    await page.locator('#gesprek-kanaal').check();
    await page.locator('#gesprek-verslag').fill('Noor gebeld; zij begrijpt de berekening nu.');
    await page.locator('#gesprek-route').check();
    await page.locator('#gesprek-afspraak').fill('U krijgt de berekening nog een keer op papier.');
    expect(await page.locator('#gesprek-bevestigen').isChecked()).toBe(true);
    await navigation(page, () => page.getByRole('button', { name: 'Gesprek vastleggen' }).click());
    expect(await page.getByRole('status').textContent()).toContain(
      'De bevestigingsbrief staat bij de documenten.',
    );
    expect(await page.locator('main').innerText()).toContain(
      'De beslistermijn loopt door tijdens informeel contact',
    );

    // Ask for the missing address (preselected), then plan the hearing: the hearer did not take the decision.
    await page.goto(casePage);
    await page.locator('summary', { hasText: 'Om aanvulling vragen' }).click();
    expect(await page.getByLabel('adres', { exact: true }).isChecked()).toBe(true);
    await navigation(page, () => page.getByRole('button', { name: 'Herstelverzoek versturen' }).click());
    expect(await page.getByRole('status').textContent()).toContain(
      'Het verzoek om aan te vullen is verstuurd',
    );
    await page.locator('summary', { hasText: 'Hoorzitting plannen' }).click();
    await page.getByLabel('Datum en tijd').fill(`${addDays(todayInAmsterdam(), 21)}T10:00`);
    await page.getByLabel('Plaats (niet verplicht)').fill('Stadhuis, zaal 2');
    await page.getByLabel('Hoorder').selectOption({ label: 'Jeroen Bakker' });
    await page.getByLabel('Wie nam het bestreden besluit?').selectOption({ label: 'Fatima El Amrani' });
    await navigation(page, () => page.getByRole('button', { name: 'Uitnodiging versturen' }).click());
    expect(await page.getByRole('status').textContent()).toContain('De hoorzitting is gepland op');
    // Now also: repair received and the hearing report.
    expect(await page.locator('details.action-details').count()).toBe(11);
    await openEverySection();
    await audit(page, 'zaak: herstel en hoorzitting, alle stappen open');

    // A decision posted without its choices comes back with the error summary and the section open.
    await page.goto(casePage);
    await page.locator('summary', { hasText: 'Beslissing op bezwaar' }).click();
    await page.locator('#beslissen-motivering').fill('Mijn motivering.');
    await navigation(page, () => page.getByRole('button', { name: 'Beslissing vastleggen' }).click());
    expect(await page.title()).toMatch(/^Fout: Bezwaar /);
    expect(await page.getByRole('alert').textContent()).toContain('Kies de beslissing op het bezwaar.');
    expect(await page.locator('#beslissen-motivering').inputValue()).toBe('Mijn motivering.');
    await audit(page, 'zaak: beslissing met fout');

    // The inbox with the bulk form open; a run of one WOZ decision goes to its progress page.
    await page.goto(`${base}/rivierstad/behandelaar`);
    await page.locator('summary', { hasText: 'Beslissen in bulk' }).click();
    await audit(page, 'inbox: bulkformulier open');
    await navigation(page, () => page.getByRole('button', { name: 'Beslissingen starten' }).click());
    expect(await page.getByRole('alert').textContent()).toContain('Kies in de tabel de zaken');
    await audit(page, 'inbox: bulkformulier met fout');
    await page.getByLabel(`Kies ${woz.reference} van Willem de Waard`).check();
    await page.getByLabel('Ongegrond').check();
    await page.getByLabel('Motivering voor alle gekozen zaken').fill('De WOZ-waarde is goed vastgesteld.');
    await page
      .getByLabel('Hoorzitting of grond om niet te horen (artikel 7:3 Awb)')
      .selectOption('clearly_unfounded');
    await page.screenshot({ path: '/tmp/staff-inbox-bulk.png', fullPage: true });
    await navigation(page, () => page.getByRole('button', { name: 'Beslissingen starten' }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/rivierstad\/behandelaar\/bulk\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').innerText()).toContain('Beslissingen in bulk');

    await context.close();
    console.log(
      `axe (WCAG 2.1 A/AA) per procedure page, all impacts:\n  ${audited.slice(auditedBefore).join('\n  ')}`,
    );
  });
});
