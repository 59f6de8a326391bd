import { existsSync, readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Browser tests drive Debian's chromium (`apt-get install chromium`, done by .ci/run) through playwright-core.
 * No test tool ever downloads a browser.
 */
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Debian's chromium is missing: apt-get install chromium (looked for ${CHROMIUM})`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** WCAG 2.1 A and AA, as EN 301 549 asks of government sites. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core on the page. The source goes in through the DevTools protocol (page.evaluate), not as a
 * <script>, so the page's own Content-Security-Policy stays in force during the test.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) =>
      (
        globalThis as unknown as {
          axe: { run: (options: object) => Promise<{ violations: AxeViolation[] }> };
        }
      ).axe.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  );
  return result.violations;
}

/** The violations that must never ship: impact serious or critical. */
export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(page: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${page}] ${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .map((n) => `    ${n.target.join(' ')}: ${n.html}\n      ${n.failureSummary ?? ''}`)
          .join('\n'),
    )
    .join('\n');
}

/** Waits for the page that an action (click, key press) loads. */
export async function navigation(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
}

/** Presses Tab until the element matching `selector` has focus; fails when it is not reached. */
export async function tabTo(page: Page, selector: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(
      (s) =>
        (
          globalThis as unknown as { document: { activeElement: { matches: (s: string) => boolean } | null } }
        ).document.activeElement?.matches(s) ?? false,
      selector,
    );
    if (reached) return;
  }
  throw new Error(`Tab never reached ${selector} (now on ${await describeFocus(page)})`);
}

export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: { outerHTML: string } | null } })
      .document.activeElement;
    return el ? el.outerHTML.slice(0, 160) : 'nothing';
  });
}

/** True when the focused element shows a focus indicator (outline, box-shadow or the yellow focus background). */
export function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { activeElement: object | null };
      getComputedStyle: (el: object) => {
        outlineStyle: string;
        outlineWidth: string;
        outlineColor: string;
        boxShadow: string;
        backgroundColor: string;
      };
    };
    const el = g.document.activeElement;
    if (!el) return false;
    const style = g.getComputedStyle(el);
    const outline =
      style.outlineStyle !== 'none' && style.outlineWidth !== '0px' && !style.outlineColor.endsWith(', 0)');
    return outline || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
  });
}

type WatchedPage = Page & { problems: string[] };

/**
 * A fresh page whose console errors, script errors and failed subresources are collected: anything the CSP
 * blocks (an inline style or script) shows up there and fails auditPage. (A page answered 400, such as a form
 * with errors, is reported as a failed resource: only its subresources count.)
 */
export async function newWatchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport });
  context.setDefaultTimeout(10_000);
  const page = (await context.newPage()) as WatchedPage;
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.problems = problems;
  return { context, page };
}

/**
 * axe-core on a page from newWatchedPage as it is: no serious or critical violation of WCAG 2.1 A/AA, nothing
 * blocked or failed, one h1, lang nl. Every violation of any impact is added to `audited` for the test's report.
 */
export async function auditPage(page: Page, name: string, audited: string[]): Promise<void> {
  const violations = await axeViolations(page);
  const blocking = seriousOrCritical(violations);
  if (blocking.length) console.error(describeViolations(name, blocking));
  expect(blocking).toEqual([]);
  expect((page as WatchedPage).problems).toEqual([]);
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.getAttribute('html', 'lang')).toBe('nl');
  audited.push(
    `${name}: ${violations.length ? violations.map((v) => `${v.id} (${v.impact})`).join(', ') : 'none'}`,
  );
}

/** The browser of one describe block's tests, on the test app: see browserOnApp. */
export interface AppBrowser {
  /** Debian's chromium, started before the block's tests and closed after them. */
  readonly browser: Browser;
  /** The test app on a real port, e.g. `http://127.0.0.1:40123`. */
  readonly base: string;
  /** Every page's axe result (auditPage), printed after the block's tests. */
  readonly audited: string[];
  /** auditPage, adding to `audited`. */
  audit(page: Page, name: string): Promise<void>;
  /** A page from newWatchedPage (1280×900 unless said), with a session cookie (`name=value`) when given. */
  newPage(options?: {
    cookie?: string;
    viewport?: { width: number; height: number };
  }): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Call inside a describe block: before its tests the app listens on a real port and chromium starts; after them
 * the browser closes and the axe results are printed under `report`.
 */
export function browserOnApp(app: () => INestApplication, report: string): AppBrowser {
  let browser: Browser | undefined;
  let base = '';
  const audited: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    await app().listen(0, '127.0.0.1');
    base = (await app().getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    console.log(`axe (WCAG 2.1 A/AA) on ${report}, all impacts:\n  ${audited.join('\n  ')}`);
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll: use it inside a test');
      return browser;
    },
    get base() {
      return base;
    },
    audited,
    audit: (page, name) => auditPage(page, name, audited),
    async newPage({ cookie, viewport = { width: 1280, height: 900 } } = {}) {
      const opened = await newWatchedPage(this.browser, viewport);
      if (cookie) {
        const [name, value] = cookie.split('=');
        await opened.context.addCookies([{ name, value, url: base }]);
      }
      return opened;
    },
  };
}
