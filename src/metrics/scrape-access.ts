import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may read /metrics: with METRICS_TOKEN set, only a request bearing it (Prometheus'
 * `authorization.credentials`); without it, nobody in production (the endpoint is off) and anybody elsewhere.
 */
export function mayScrape(
  authorization: string | undefined,
  token: string | undefined,
  isProduction: boolean,
): boolean {
  if (!token) return !isProduction;
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!match) return false;
  // Equal-length digests: the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** The route label of a request: its template (`/api/v1/tenants/:tenant/inbox`), never the raw URL. */
export function routeLabel(template: string | undefined): string {
  return template || 'unmatched';
}
