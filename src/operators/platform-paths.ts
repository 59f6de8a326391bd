import { safeReturnPath } from '../citizens/return-path';

/** The operator's pages all live under this path (and the operator's cookie is sent only there). */
export const PLATFORM_HOME = '/platform';
export const PLATFORM_LOGIN = `${PLATFORM_HOME}/inloggen`;
export const PLATFORM_LOGOUT = `${PLATFORM_HOME}/uitloggen`;

/**
 * Where to go after logging in: only a relative path inside the platform pages, never the login page itself,
 * a municipality's pages or another site. Anything else goes to the platform's start page. No open redirects.
 */
export function safePlatformReturnPath(candidate: unknown): string {
  const path = safeReturnPath(candidate, PLATFORM_HOME.slice(1));
  const bare = path.split(/[?#]/, 1)[0];
  if (bare === PLATFORM_LOGIN || bare.startsWith(`${PLATFORM_LOGIN}/`)) return PLATFORM_HOME;
  return path;
}

/** The login page that brings the operator back to `returnTo` afterwards. */
export function platformLoginUrl(returnTo?: string): string {
  const back = safePlatformReturnPath(returnTo);
  return back === PLATFORM_HOME ? PLATFORM_LOGIN : `${PLATFORM_LOGIN}?terug=${encodeURIComponent(back)}`;
}
