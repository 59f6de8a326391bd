/** Characters a path with query and fragment may hold (RFC 3986), minus the backslash and whitespace. */
const SAFE_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;
const MAX_LENGTH = 512;

/**
 * Where to send the citizen after logging in or out: only a relative path inside the municipality's own portal
 * (`/<tenant>` or `/<tenant>/…`). Anything else — another site (`https://…`, `//host`, `/\host`), another
 * municipality, a `..` segment, control characters, also when percent-encoded — goes to the portal's start page.
 * No open redirects.
 */
export function safeReturnPath(candidate: unknown, tenantSlug: string): string {
  const home = `/${tenantSlug}`;
  if (typeof candidate !== 'string' || !candidate || candidate.length > MAX_LENGTH) return home;
  if (!SAFE_PATH.test(candidate)) return home;
  const path = candidate.split(/[?#]/, 1)[0];
  if (path !== home && !path.startsWith(`${home}/`)) return home;
  if (path.includes('//')) return home;
  if (path.split('/').some((segment) => isDotSegment(segment))) return home;
  return candidate;
}

function isDotSegment(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return true;
  }
  return (
    decoded === '.' ||
    decoded === '..' ||
    decoded.includes('/') ||
    decoded.includes('\\') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(decoded)
  );
}
