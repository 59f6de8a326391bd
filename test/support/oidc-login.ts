import type TestAgent from 'supertest/lib/agent';
import { cookieFrom } from './pages';

/**
 * The citizen login (OpenID Connect authorization code flow) driven over real HTTP, as a browser would: the
 * platform through supertest, the in-process DigiD simulation (its own loopback port) through fetch, with the
 * redirects followed by hand so that every step can be inspected or tampered with.
 */

export interface LoginApp {
  http: () => TestAgent;
  config: { publicUrl: string };
}

/** Step 1: `GET /<tenant>/inloggen?terug=…` answers with a redirect to the provider and a login cookie. */
export async function startCitizenLogin(
  app: LoginApp,
  tenant: string,
  returnTo?: string,
): Promise<{ authorizationUrl: string; loginCookie: string }> {
  const request = app.http().get(`/${tenant}/inloggen`);
  const response = await (returnTo === undefined ? request : request.query({ terug: returnTo }));
  if (response.status !== 302) throw new Error(`login start answered ${response.status}: ${response.text}`);
  const loginCookie = cookieFrom(response.headers['set-cookie'], 'bp_login');
  if (!loginCookie) throw new Error('login start set no bp_login cookie');
  return { authorizationUrl: response.headers.location, loginCookie };
}

/** A browser's cookies for one site (by name; enough for the provider's few cookies). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const expired = attributes.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
      );
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair);
    }
  }

  header(): string {
    return [...this.cookies.values()].join('; ');
  }
}

export interface ProviderOutcome {
  /** Where the provider sends the browser back to: the platform's callback with code and state (or an error). */
  callbackUrl: string;
  /** Every URL the browser visited at the provider, in order. */
  visited: string[];
  /** The simulation's login page, as HTML. */
  loginPage: string;
}

/**
 * Step 2: at the DigiD simulation, choose a test person by name (or cancel) and follow the provider's redirects
 * until they lead back to the platform.
 */
export async function authenticateAtProvider(
  authorizationUrl: string,
  options: { person?: string; cancel?: boolean } = {},
): Promise<ProviderOutcome> {
  const jar = new CookieJar();
  const origin = new URL(authorizationUrl).origin;
  const visited: string[] = [];
  const send = async (url: string, init: RequestInit = {}): Promise<Response> => {
    visited.push(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.keep(response);
    return response;
  };
  /** Follows redirects while they stay at the provider; returns the last response there, or the way out. */
  const follow = async (first: Response, from: string): Promise<Response | string> => {
    let response = first;
    let url = from;
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', url).toString();
      if (new URL(next).origin !== origin) return next;
      url = next;
      response = await send(url);
    }
    return response;
  };

  const atLoginPage = await follow(await send(authorizationUrl), authorizationUrl);
  if (typeof atLoginPage === 'string')
    throw new Error(`the provider sent the browser back at once: ${atLoginPage}`);
  const loginPage = await atLoginPage.text();
  if (atLoginPage.status !== 200) throw new Error(`provider answered ${atLoginPage.status}: ${loginPage}`);
  const pageUrl = visited[visited.length - 1];

  const forms = [...loginPage.matchAll(/<form method="post" action="([^"]+)">/g)].map((m) => m[1]);
  const action = forms.find((a) => a.endsWith(options.cancel ? '/abort' : '/login'));
  if (!action) throw new Error(`no ${options.cancel ? 'cancel' : 'login'} form on the provider page`);
  let body = '';
  if (!options.cancel) {
    const person = options.person ?? 'Bo de Vries';
    const label = [...loginPage.matchAll(/<label for="person-([a-z0-9-]+)">([\s\S]*?)<\/label>/g)].find((m) =>
      m[2].includes(person),
    );
    if (!label) throw new Error(`no test person "${person}" on the provider page`);
    body = new URLSearchParams({ person: label[1] }).toString();
  }
  const actionUrl = new URL(action, pageUrl).toString();
  const submitted = await send(actionUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const out = await follow(submitted, actionUrl);
  if (typeof out !== 'string') throw new Error(`provider answered ${out.status}: ${await out.text()}`);
  return { callbackUrl: out, visited, loginPage };
}

export interface CallbackResult {
  status: number;
  location: string;
  /** `bp_citizen=<jwt>`, when the login succeeded. */
  sessionCookie?: string;
  setCookie: string[];
}

/** Step 3: the browser arrives at the platform's callback with the login cookie of step 1. */
export async function finishCitizenLogin(
  app: LoginApp,
  callbackUrl: string,
  loginCookie?: string,
): Promise<CallbackResult> {
  if (!callbackUrl.startsWith(`${app.config.publicUrl}/`)) {
    throw new Error(`the provider sent the browser to ${callbackUrl}, not to the platform`);
  }
  const request = app.http().get(callbackUrl.slice(app.config.publicUrl.length));
  const response = await (loginCookie ? request.set('Cookie', loginCookie) : request);
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return {
    status: response.status,
    location: response.headers.location,
    sessionCookie: cookieFrom(setCookie, 'bp_citizen'),
    setCookie,
  };
}

/** The whole flow for a test person; throws unless it ends with a session. */
export async function loginAsCitizen(
  app: LoginApp,
  tenant: string,
  options: { person?: string; returnTo?: string } = {},
): Promise<CallbackResult & { sessionCookie: string; provider: ProviderOutcome }> {
  const { authorizationUrl, loginCookie } = await startCitizenLogin(app, tenant, options.returnTo);
  const provider = await authenticateAtProvider(authorizationUrl, { person: options.person });
  const result = await finishCitizenLogin(app, provider.callbackUrl, loginCookie);
  if (!result.sessionCookie) {
    throw new Error(`login ended without a session: ${result.status} ${result.location}`);
  }
  return { ...result, sessionCookie: result.sessionCookie, provider };
}
