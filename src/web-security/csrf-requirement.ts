/** The session cookies a browser sends on its own: any request carrying one is cookie-authenticated. */
export const SESSION_COOKIES = ['bp_staff', 'bp_operator', 'bp_citizen'] as const;

/** Where a browser form puts the token, and where a script (or a test) may put it instead. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfCandidate {
  method: string;
  /** The request path (query string may be included). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined> | null;
}

/**
 * Whether a request must carry a CSRF token. Every state-changing request a browser may send on its own must:
 * those with a session cookie (the cookie is what another site would borrow) and every page form, logins
 * included (login CSRF), also without a session. Exempt are safe methods, requests with a bearer token (no
 * other site can make a browser add one; a browser does resend Basic credentials by itself, so those count as
 * ambient) and cookieless calls to the JSON API (nothing to borrow).
 */
export function needsCsrfToken(request: CsrfCandidate): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && /^Bearer\s+\S/i.test(authorization)) return false;
  const cookies = request.cookies ?? {};
  if (SESSION_COOKIES.some((name) => Boolean(cookies[name]))) return true;
  return !isApiPath(request.url);
}

function isApiPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0];
  return path === '/api' || path.startsWith('/api/');
}
