import { readFileSync } from 'node:fs';
import type { Browser, FileChooser, Page } from 'playwright-core';
import {
  auditPage,
  describeFocus,
  focusIsVisible,
  launchChromium,
  navigation,
  newWatchedPage,
  tabTo,
} from '../support/browser';
import { daysAgo, FILES } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Bo's journey from DESIGN.md in a real browser (Debian's chromium): the keuzehulp, the objection with an
 * attachment, the receipt and the case page. axe-core checks every page against WCAG 2.1 AA; a second run does
 * it all with the keyboard only.
 */
describe("Bo's journey in the portal (chromium)", () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const audited: string[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ OUTBOX_POLL_MS: '600000' }), launchChromium()]);
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const decisionDate = daysAgo(10);
  const [year, month, day] = decisionDate.split('-');

  const newPage = () => newWatchedPage(browser, { width: 1024, height: 800 });
  const audit = (page: Page, name: string) => auditPage(page, name, audited);

  it('runs the diagnosis, files with an attachment, shows the receipt and the case page; axe on every page', async () => {
    const { context, page } = await newPage();

    await page.goto(`${base}/rivierstad`);
    expect(await page.title()).toBe('Bezwaar maken – Gemeente Rivierstad');
    // The stylesheets load under the real CSP.
    expect(
      await page.evaluate(
        () => (globalThis as any).getComputedStyle((globalThis as any).document.body).marginTop,
      ),
    ).toBe('0px');
    await audit(page, 'start');
    await page.screenshot({ path: '/tmp/portal-start.png', fullPage: true });

    await navigation(page, () =>
      page.getByRole('link', { name: 'Bijstandsuitkering (Participatiewet)' }).click(),
    );
    expect(await page.title()).toBe('Vraag 1 – Bezwaar maken – Gemeente Rivierstad');
    await audit(page, 'vraag 1');

    // An answer forgotten: the question again, with the error summary.
    await navigation(page, () => page.getByRole('button', { name: 'Verder' }).click());
    expect(await page.title()).toBe('Fout: Vraag 1 – Bezwaar maken – Gemeente Rivierstad');
    expect(await page.getByRole('alert').textContent()).toContain('Kies een antwoord.');
    await audit(page, 'vraag 1 met fout');

    await page.getByLabel('Ja', { exact: true }).check();
    await navigation(page, () => page.getByRole('button', { name: 'Verder' }).click());
    expect(await page.locator('h1').textContent()).toBe('Wat staat er in de brief?');
    await audit(page, 'vraag 2');

    await page.getByLabel('Mijn uitkering stopt en ik moet geld terugbetalen').check();
    await navigation(page, () => page.getByRole('button', { name: 'Verder' }).click());
    await audit(page, 'vraag 3 (datum)');
    await page.screenshot({ path: '/tmp/portal-question.png' });
    await page.getByLabel('Dag').fill(String(Number(day)));
    await page.getByLabel('Maand').fill(month);
    await page.getByLabel('Jaar').fill(year);
    await navigation(page, () => page.getByRole('button', { name: 'Verder' }).click());

    expect(await page.locator('h1').textContent()).toBe(
      'Wilt u eerst met de gemeente praten over het besluit?',
    );
    await audit(page, 'vraag 4');
    await page.getByLabel('Nee, ik wil meteen bezwaar maken').check();
    await navigation(page, () => page.getByRole('button', { name: 'Verder' }).click());

    expect(await page.locator('h1').textContent()).toBe('Heeft u op dit moment geldzorgen of schulden?');
    await audit(page, 'vraag 5');
    await page.getByLabel('Ja', { exact: true }).check();
    await navigation(page, () => page.getByRole('button', { name: 'Verder' }).click());

    // The outcome: Bo can object, which arguments fit, and help with her money problems.
    expect(await page.title()).toBe('Uitkomst van de keuzehulp – Bezwaar maken – Gemeente Rivierstad');
    expect(await page.locator('h1').textContent()).toBe(
      'U kunt bezwaar maken tegen het stoppen en het terugbetalen',
    );
    const outcome = await page.locator('main').innerText();
    expect(outcome).toContain('Bezwaar maken kan tot en met');
    expect(outcome).toContain('Ik heb alles op tijd doorgegeven');
    expect(outcome).toContain('Terugbetalen brengt mij in grote problemen');
    expect(outcome).toContain('Schuldhulpverlening Rivierstad');
    await audit(page, 'uitkomst');
    await page.screenshot({ path: '/tmp/portal-outcome.png', fullPage: true });

    await navigation(page, () => page.getByRole('link', { name: 'Bezwaar maken', exact: true }).click());
    expect(await page.title()).toBe('Bezwaarformulier – Bezwaar maken – Gemeente Rivierstad');
    expect(await page.getByLabel('Dag').inputValue()).toBe(String(Number(day)));
    expect(await page.getByLabel('Jaar').inputValue()).toBe(year);
    await audit(page, 'formulier');

    // Sent too soon: the error summary at the top, each message beside its field, what was typed kept.
    await page.getByLabel('Uw naam').fill('Bo de Vries');
    await page.getByLabel('Postcode').fill('12');
    await navigation(page, () => page.getByRole('button', { name: 'Bezwaar versturen' }).click());
    expect(await page.title()).toBe('Fout: Bezwaarformulier – Bezwaar maken – Gemeente Rivierstad');
    const summary = page.getByRole('alert');
    // Without any script, the summary takes the focus, so that it is read out first.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.className)).toBe(
      'error-summary',
    );
    expect(await summary.getByRole('heading').textContent()).toBe('Er is een probleem');
    expect(await summary.getByRole('link').allTextContents()).toContain('Vul een postcode in zoals 1234 AB.');
    expect(await page.getByLabel('Uw naam').inputValue()).toBe('Bo de Vries');
    expect(await page.getByLabel('Postcode').getAttribute('aria-invalid')).toBe('true');
    await audit(page, 'formulier met fouten');
    await page.screenshot({ path: '/tmp/portal-form-errors.png', fullPage: true });
    // The summary's link takes you to the field.
    await summary.getByRole('link', { name: 'Vul een postcode in zoals 1234 AB.' }).click();
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe(
      'objector-address-postalCode',
    );

    await page.getByLabel('Straat').fill('Dijkstraat');
    await page.getByLabel('Huisnummer').fill('12a');
    await page.getByLabel('Postcode').fill('4101 AB');
    await page.getByLabel('Woonplaats').fill('Rivierstad');
    await page.getByLabel('E-mailadres (niet verplicht)', { exact: true }).fill('bo.devries@example.nl');
    await page.getByLabel('Telefoonnummer').fill('06 12345678');
    await page.getByLabel('Kenmerk van de brief').fill('PW-2026-0042');
    await page.getByLabel('Ik heb alles op tijd doorgegeven').check();
    await page.getByLabel('Terugbetalen brengt mij in grote problemen').check();
    await page
      .getByLabel('In uw eigen woorden')
      .fill(
        'Ik heb alles gemeld. Nu moet ik geld terugbetalen dat ik niet heb. De deurwaarder staat al voor de deur.',
      );
    await page.getByLabel('Bestanden meesturen').setInputFiles({
      name: 'besluit.pdf',
      mimeType: 'application/pdf',
      buffer: FILES.pdf,
    });
    await page.getByLabel('Ja, ik wil het graag uitleggen').check();
    await page.getByLabel('Telefoon', { exact: true }).check();
    await page.getByLabel('Ik onderteken dit bezwaar').check();
    await navigation(page, () => page.getByRole('button', { name: 'Bezwaar versturen' }).click());

    // The receipt on screen and the case page.
    expect(page.url()).toMatch(/\/rivierstad\/zaak\/[A-Za-z0-9_-]{43}\?ontvangen=1$/);
    expect(await page.locator('h1').textContent()).toBe('Uw bezwaar is ontvangen');
    const reference = await page.locator('.panel__reference').textContent();
    expect(reference).toMatch(/^RIV-\d{4}-\d{5}$/);
    const caseText = await page.locator('main').innerText();
    expect(caseText).toContain('Wat gebeurt er nu?');
    expect(caseText).toContain('Ontvangen');
    expect(caseText).toContain('Uw bijlage: besluit.pdf');
    await audit(page, 'zaak (ontvangen)');
    await page.screenshot({ path: '/tmp/portal-case.png', fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Ontvangstbevestiging/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ontvangstbevestiging-${reference}.pdf`);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await context.close();
    console.log(`axe (WCAG 2.1 A/AA) per page, all impacts:\n  ${audited.join('\n  ')}`);
  });

  it('reflows on a small screen (320 CSS pixels) without scrolling sideways', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 320, height: 640 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    (page as Page & { problems: string[] }).problems = [];
    for (const path of [
      '/rivierstad',
      '/rivierstad/keuzehulp/participatiewet',
      `/rivierstad/bezwaar/participatiewet?besluitdatum=${decisionDate}`,
    ]) {
      await page.goto(`${base}${path}`);
      const sideways = await page.evaluate(() => {
        const root = (globalThis as any).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect({ path, sideways }).toEqual({ path, sideways: 0 });
      await audit(page, `${path} (320px)`);
    }
    await page.screenshot({ path: '/tmp/portal-mobile-form.png', fullPage: true });
    await context.close();
  });

  it('can be done with the keyboard only', async () => {
    const { context, page } = await newPage();
    // Listening from the start makes the browser hand every file dialog to the test; a listener added only while
    // pressing Space can come too late, and the dialog then opens unseen.
    let chooserOpened: (chooser: FileChooser) => void = () => undefined;
    const nextChooser = new Promise<FileChooser>((resolve) => (chooserOpened = resolve));
    page.on('filechooser', (chooser) => chooserOpened(chooser));
    const press = async (key: string) => page.keyboard.press(key);
    const focusOn = async (selector: string) => {
      await tabTo(page, selector);
      if (!(await focusIsVisible(page))) throw new Error(`no visible focus on ${await describeFocus(page)}`);
    };
    const isChecked = (selector: string) => page.locator(selector).isChecked();

    await page.goto(`${base}/rivierstad`);
    // The skip link comes first and leads to the content.
    await focusOn('a.skip-link');
    expect(await page.locator('a.skip-link').isVisible()).toBe(true);
    await press('Enter');
    await focusOn('a[href="/rivierstad/keuzehulp/participatiewet"]');
    await navigation(page, () => press('Enter'));

    // Question 1: the first option with Space, then the button.
    await focusOn('input[name="answer"]');
    await press('Space');
    expect(await isChecked('input[value="yes"]')).toBe(true);
    await focusOn('button[value="next"]');
    await navigation(page, () => press('Enter'));

    // Question 2: arrow keys move through the radio group.
    expect(await page.locator('h1').textContent()).toBe('Wat staat er in de brief?');
    await focusOn('input[name="answer"]');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(await isChecked('input[value="stopAndReclaim"]')).toBe(true);
    await focusOn('button[value="next"]');
    await navigation(page, () => press('Enter'));

    // Question 3: typing the date; Enter in a field submits with "Verder".
    await focusOn('#answer-day');
    await page.keyboard.type(String(Number(day)));
    await press('Tab');
    await page.keyboard.type(month);
    await press('Tab');
    await page.keyboard.type(year);
    await navigation(page, () => press('Enter'));

    // Question 4: "Nee" is the second option.
    expect(await page.locator('h1').textContent()).toBe(
      'Wilt u eerst met de gemeente praten over het besluit?',
    );
    await focusOn('input[name="answer"]');
    await press('ArrowDown');
    expect(await isChecked('input[value="no"]')).toBe(true);
    await focusOn('button[value="next"]');
    await navigation(page, () => press('Enter'));

    // Question 5, then "Vorige vraag" and forward again.
    await focusOn('input[name="answer"]');
    await press('Space');
    await focusOn('button[value="next"]');
    await navigation(page, () => press('Enter'));
    expect(await page.locator('h1').textContent()).toBe(
      'U kunt bezwaar maken tegen het stoppen en het terugbetalen',
    );
    await focusOn('a.button--start');
    await navigation(page, () => press('Enter'));

    // The form: every field reached with Tab, in the order of the page.
    expect(await page.title()).toBe('Bezwaarformulier – Bezwaar maken – Gemeente Rivierstad');
    const typeInto = async (selector: string, text: string) => {
      await focusOn(selector);
      await page.keyboard.type(text);
    };
    await typeInto('#decision-reference', 'PW-2026-0042');
    await typeInto('#objector-name', 'Bo de Vries');
    await typeInto('#objector-address-street', 'Dijkstraat');
    await typeInto('#objector-address-houseNumber', '12a');
    await typeInto('#objector-address-postalCode', '4101 AB');
    await typeInto('#objector-address-city', 'Rivierstad');
    await typeInto('#objector-email', 'bo.devries@example.nl');
    await typeInto('#objector-phone', '06 12345678');
    // The representative section opens with Enter, and closes again.
    await focusOn('summary.details__summary');
    await press('Enter');
    expect(await page.locator('details.details').getAttribute('open')).not.toBeNull();
    await press('Enter');
    await focusOn('input[value="inlichtingenplicht_niet_geschonden"]');
    await press('Space');
    await focusOn('input[value="dringende_redenen_afzien_terugvordering"]');
    await press('Space');
    await typeInto('#grounds-text', 'Ik heb alles gemeld. Ik kan dit geld niet terugbetalen.');
    await focusOn('#attachments');
    await press('Space');
    const chooser = await nextChooser;
    await chooser.setFiles({ name: 'besluit.pdf', mimeType: 'application/pdf', buffer: FILES.pdf });
    await focusOn('#wantsHearing-yes');
    await press('Space');
    await focusOn('#contactPreference-phone');
    await press('Space');
    await focusOn('#signed');
    await press('Space');
    expect(await isChecked('#signed')).toBe(true);
    await focusOn('button[type="submit"]');
    await navigation(page, () => press('Enter'));

    expect(await page.locator('h1').textContent()).toBe('Uw bezwaar is ontvangen');
    expect(await page.locator('main').innerText()).toContain('Uw bijlage: besluit.pdf');
    const receiptHref = await page.getByRole('link', { name: /^Ontvangstbevestiging/ }).getAttribute('href');
    await focusOn(`a[href="${receiptHref}"]`);
    const [download] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await context.close();
  });
});
