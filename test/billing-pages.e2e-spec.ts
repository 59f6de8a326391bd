import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { todayInAmsterdam } from '../src/deadlines/local-date';
import { auditPage, launchChromium, navigation, newWatchedPage } from './support/browser';
import { bosObjection } from './support/fixtures';
import { pdfText } from './support/pdf-text';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

/**
 * The operator's billing pages and the municipality's licence page, as an operator and an admin use them in a
 * real browser (chromium), with axe-core (WCAG 2.1 A/AA) on every page; and who may see them.
 */
describe('billing pages', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const audited: string[] = [];
  const year = todayInAmsterdam().slice(0, 4);

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ OUTBOX_POLL_MS: '600000' }), launchChromium()]);
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    for (let i = 0; i < 3; i++) {
      await t
        .http()
        .post('/api/v1/tenants/heuveldorp/objections')
        .set('Idempotency-Key', `billing-pages-${i}`)
        .send(bosObjection())
        .expect(201);
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const audit = (page: Page, name: string) => auditPage(page, name, audited);
  const tableText = (page: Page, captionId: string) => page.locator(`table:has(#${captionId})`).innerText();

  it('sends whoever is not an operator to the platform login, also a municipality’s admin', async () => {
    for (const path of [
      '/platform/plannen',
      '/platform/facturen',
      '/platform/gebruik',
      '/platform/gemeenten/heuveldorp/licentie',
    ]) {
      const anonymous = await t.http().get(path).expect(303);
      expect(anonymous.headers.location).toBe(`/platform/inloggen?terug=${encodeURIComponent(path)}`);
      const admin = await t
        .page(path, await t.staffCookie('heuveldorp', 'beheer@heuveldorp.example'))
        .expect(303);
      expect(admin.headers.location).toMatch(/^\/platform\/inloggen/);
    }
    const post = await t.http().post('/platform/plannen/nieuw').type('form').send('code=x').expect(303);
    expect(post.headers.location).toMatch(/^\/platform\/inloggen/);
  });

  it('lets an operator keep plans, licences and invoices from the pages; axe on every page', async () => {
    const { context, page } = await newWatchedPage(browser, { width: 1280, height: 900 });
    await page.goto(`${base}/platform/inloggen?terug=${encodeURIComponent('/platform/plannen')}`);
    await page.getByLabel('E-mailadres').fill('operator@bezwaarplatform.example');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await navigation(page, () => page.getByRole('button', { name: 'Inloggen' }).click());

    // Plans
    expect(await page.title()).toBe('Licentieplannen – Platformbeheer');
    expect(await page.locator('table').innerText()).toContain('Standaard');
    await audit(page, 'plannen');
    await page.screenshot({ path: '/tmp/billing-plans.png', fullPage: true });
    await navigation(page, () => page.getByRole('link', { name: 'Nieuw licentieplan' }).click());
    await audit(page, 'nieuw plan');
    await page.getByLabel('Code').fill('gemeente-xl');
    await page.getByLabel('Naam').fill('Gemeente XL');
    await page.getByLabel('Eenmalige implementatiekosten in euro').fill('12.000');
    await page.getByLabel('Staffel 1: tot en met hoeveel inwoners').fill('50000');
    await page.getByLabel('Staffel 1: jaarbedrag in euro').fill('20.000');
    await page.getByLabel('Staffel 2: tot en met hoeveel inwoners').fill('40000');
    await page.getByLabel('Staffel 2: jaarbedrag in euro').fill('30.000,00');
    await page.getByLabel('Bezwaren per jaar inbegrepen').fill('veel');
    await page.getByLabel('Prijs per bezwaar boven het inbegrepen aantal, in euro').fill('20');
    await navigation(page, () => page.getByRole('button', { name: 'Plan opslaan' }).click());
    expect(await page.title()).toBe('Fout: Nieuw licentieplan – Platformbeheer');
    const summary = await page.getByRole('alert').innerText();
    expect(summary).toContain('Vul het aantal inbegrepen bezwaren per jaar in als heel getal');
    expect(summary).toContain('De laatste staffel geldt voor alle grotere gemeenten');
    expect(await page.getByLabel('Staffel 2: tot en met hoeveel inwoners').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.getByLabel('Naam').inputValue()).toBe('Gemeente XL');
    await audit(page, 'nieuw plan met fouten');
    await page.screenshot({ path: '/tmp/billing-plan-errors.png', fullPage: true });
    await page.getByLabel('Staffel 2: tot en met hoeveel inwoners').fill('');
    await page.getByLabel('Bezwaren per jaar inbegrepen').fill('2');
    await navigation(page, () => page.getByRole('button', { name: 'Plan opslaan' }).click());
    expect(await page.getByRole('status').innerText()).toContain('Het plan Gemeente XL is opgeslagen');
    await navigation(page, () => page.getByRole('link', { name: 'Gemeente XL' }).click());
    expect(await page.getByLabel('Staffel 2: jaarbedrag in euro').inputValue()).toBe('30.000,00');
    await audit(page, 'plan wijzigen');

    // A municipality's licence: a new licence from the first of January, then a draft for this year
    await page.goto(`${base}/platform/gemeenten/heuveldorp/licentie`);
    expect(await page.title()).toBe('Licentie Gemeente Heuveldorp – Platformbeheer');
    expect(await tableText(page, 'tabel-licenties')).toContain('Klein');
    await audit(page, 'licentie');
    await page.getByText('Licentie toekennen of wijzigen').click();
    await page.getByLabel('Licentieplan').selectOption('gemeente-xl');
    await page.getByLabel('Vanaf').fill(`${Number(year) + 1}-01-01`);
    await page.getByLabel('Korting in procenten').fill('5');
    await navigation(page, () => page.getByRole('button', { name: 'Licentie toekennen' }).click());
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByRole('alert').innerText()).toContain(
      'Schrijf op waarom de gemeente korting krijgt.',
    );
    await audit(page, 'licentie met fout');
    await page.getByLabel('Reden van de korting').fill('Meerjarig contract');
    await navigation(page, () => page.getByRole('button', { name: 'Licentie toekennen' }).click());
    expect(await page.getByRole('status').innerText()).toBe('De licentie is toegekend.');
    expect(await tableText(page, 'tabel-licenties')).toContain('Gemeente XL');
    expect(await tableText(page, 'tabel-gebruik')).toMatch(/Totaal\s+3/);

    await page.getByLabel('Licentiejaar factureren').selectOption(year);
    await navigation(page, () => page.getByRole('button', { name: 'Concept maken' }).click());
    expect(await page.title()).toBe('Factuur (concept) – Platformbeheer');
    const lines = await tableText(page, 'tabel-regels');
    expect(lines).toContain('Eenmalige implementatiekosten (plan Klein)');
    expect(lines).toContain('Btw 21%');
    await audit(page, 'conceptfactuur');
    await navigation(page, () => page.getByRole('button', { name: 'Factuur uitreiken' }).click());
    expect(await page.title()).toBe(`Factuur ${year}-000001 – Platformbeheer`);
    expect(await page.getByRole('status').innerText()).toContain('De factuur is uitgereikt');
    await audit(page, 'factuur');
    await page.screenshot({ path: '/tmp/billing-invoice.png', fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de PDF zoals die is uitgereikt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`factuur-${year}-000001.pdf`);
    expect(await pdfText(readFileSync(await download.path()))).toContain(`Factuurnummer: ${year}-000001`);

    // Credit without a reason: the form says so; with one, the credit note
    await page.getByText('Crediteren', { exact: true }).click();
    await navigation(page, () => page.getByRole('button', { name: 'Creditnota uitreiken' }).click());
    expect(await page.getByRole('alert').innerText()).toContain(
      'Schrijf op waarom de factuur wordt gecrediteerd',
    );
    await audit(page, 'factuur met fout');
    await page.getByLabel('Reden').fill('Verkeerd plan');
    await navigation(page, () => page.getByRole('button', { name: 'Creditnota uitreiken' }).click());
    expect(await page.title()).toBe(`Creditnota ${year}-000002 – Platformbeheer`);
    await audit(page, 'creditnota');

    // All invoices, and the usage of every municipality
    await page.goto(`${base}/platform/facturen`);
    const table = await tableText(page, 'tabel-facturen');
    expect(table).toContain(`${year}-000002`);
    expect(table).toContain('Gecrediteerd');
    await audit(page, 'facturen');
    await page.getByLabel('Gemeente', { exact: true }).selectOption('heuveldorp');
    await page.getByLabel('Te factureren licentiejaar').selectOption('2025');
    await navigation(page, () => page.getByRole('button', { name: 'Concept maken' }).click());
    expect(await page.getByRole('alert').innerText()).toContain(
      'Gemeente Heuveldorp had in 2025 geen licentie',
    );
    await audit(page, 'facturen met fout');
    await navigation(page, () => page.getByRole('link', { name: 'Gebruik per gemeente en maand' }).click());
    expect(await tableText(page, 'tabel-gebruik')).toMatch(/Gemeente Heuveldorp(\s+\d+){12}\s+3/);
    await audit(page, 'gebruik');

    // Suspend by hand, from the licence page
    await page.goto(`${base}/platform/gemeenten/heuveldorp/licentie`);
    await page.getByText('Opschorten', { exact: true }).click();
    await page.locator('#opschorten-reden').fill('Proef: opschorten');
    await navigation(page, () => page.getByRole('button', { name: 'Licentie opschorten' }).click());
    expect(await page.getByRole('status').innerText()).toBe('De licentie is opgeschort.');
    expect(await tableText(page, 'tabel-statussen')).toContain('Proef: opschorten');
    await audit(page, 'licentie opgeschort');
    await page.screenshot({ path: '/tmp/billing-licence.png', fullPage: true });
    await context.close();
  }, 120_000);

  it('shows the municipality’s admin its licence and invoices, read only and also while suspended; axe', async () => {
    const { context, page } = await newWatchedPage(browser, { width: 1280, height: 900 });
    await page.goto(
      `${base}/heuveldorp/behandelaar/inloggen?terug=${encodeURIComponent('/heuveldorp/behandelaar/beheer/licentie')}`,
    );
    await page.getByLabel('E-mailadres').fill('beheer@heuveldorp.example');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await navigation(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
    expect(await page.title()).toBe('Licentie en facturen – Bezwaren behandelen – Gemeente Heuveldorp');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Opgeschort');
    expect(main).toContain('Proef: opschorten');
    expect(main).toContain('Klein');
    expect(main).toContain('Ingediende bezwaren dit jaar: 3');
    expect(await page.getByRole('status').innerText()).toContain('De licentie is opgeschort');
    await audit(page, 'beheer: licentie');
    await page.screenshot({ path: '/tmp/billing-admin-licence.png', fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `${year}-000001 (PDF)` }).click(),
    ]);
    expect(await pdfText(readFileSync(await download.path()))).toContain('Gemeente Heuveldorp');
    await context.close();

    // A handler of the municipality does not get the admin's page.
    await t.page('/heuveldorp/behandelaar/beheer/licentie', await t.staffCookie('heuveldorp')).expect(403);
    console.log(`axe (WCAG 2.1 A/AA) per page, all impacts:\n  ${audited.join('\n  ')}`);
  }, 60_000);
});
