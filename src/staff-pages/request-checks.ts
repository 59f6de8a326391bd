import { safeReturnPath } from '../citizens/return-path';

/** The staff pages of a municipality all live under this path. */
export function staffHome(tenantSlug: string): string {
  return `/${encodeURIComponent(tenantSlug)}/behandelaar`;
}

/** The tenant admin's pages: inside the staff pages, so that the login brings an admin back to them. */
export function adminHome(tenantSlug: string): string {
  return `${staffHome(tenantSlug)}/beheer`;
}

export function loginPath(tenantSlug: string): string {
  return `${staffHome(tenantSlug)}/inloggen`;
}

/**
 * Where to go after logging in: only a relative path inside this municipality's staff pages (never the login
 * page itself, another municipality or another site). Anything else goes to the inbox. No open redirects.
 */
export function safeStaffReturnPath(candidate: unknown, tenantSlug: string): string {
  const home = staffHome(tenantSlug);
  const path = safeReturnPath(candidate, tenantSlug);
  const bare = path.split(/[?#]/, 1)[0];
  if (bare !== home && !bare.startsWith(`${home}/`)) return home;
  if (bare === loginPath(tenantSlug) || bare.startsWith(`${loginPath(tenantSlug)}/`)) return home;
  return path;
}

/** The login page that brings the handler back to `returnTo` afterwards. */
export function loginUrl(tenantSlug: string, returnTo?: string): string {
  const back = returnTo ? safeStaffReturnPath(returnTo, tenantSlug) : staffHome(tenantSlug);
  return back === staffHome(tenantSlug)
    ? loginPath(tenantSlug)
    : `${loginPath(tenantSlug)}?terug=${encodeURIComponent(back)}`;
}

export interface OriginFacts {
  /** The Sec-Fetch-Site header, if the browser sent one. */
  secFetchSite?: string;
  /** The Origin header, if sent. */
  origin?: string;
  /** The Host header. */
  host?: string;
  /** PUBLIC_URL: where the service is reached from outside. */
  publicUrl: string;
}

/**
 * A form post may only come from our own pages: Sec-Fetch-Site, when sent, must say same-origin (or none: typed
 * by the user), and Origin, when sent, must be our own origin (PUBLIC_URL's, or the Host the request came to).
 * Together with the SameSite=Strict cookie this keeps other sites from acting in a handler's name.
 */
export function isSameOriginPost(facts: OriginFacts): boolean {
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site && site !== 'same-origin' && site !== 'none') return false;
  if (facts.origin === undefined) return true;
  const origin = facts.origin.trim().toLowerCase();
  if (origin === originOf(facts.publicUrl)) return true;
  const host = facts.host?.trim().toLowerCase();
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return undefined;
  }
}
