import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import { SIMPLE_PAGE_STYLE } from '../citizens/citizen-pages';
import { plainErrorPage } from '../common/plain-error-page';
import { PROBLEM_CONTENT_TYPE, problemType } from '../common/problems/problem-details.filter';
import { AppConfig } from '../config/app-config';
import { MAX_UPLOAD_REQUEST_BYTES } from '../documents/attachment-policy';
import { apiDocsPolicy, inlineHash, isApiDocsPath, pagePolicy } from './content-security-policy';
import { CSRF_FIELD, CSRF_HEADER } from './csrf-requirement';
import { CsrfGuard } from './csrf.guard';

export { CSRF_HEADER } from './csrf-requirement';

/**
 * What templates write where a form's CSRF token goes (templates/<portal|staff>/partials/csrf-field.hbs, and
 * `?_csrf=` in the action of a multipart form). Escaped output can never contain a raw `<`, so only a template
 * can produce it. Each HTML response gets the token of its browser's CSRF cookie (made when it has none) in its
 * place just before it leaves.
 */
export const CSRF_TOKEN_MARKER = '<csrf-token>';

/** The CSRF cookie: `__Host-` where the service runs on https (Secure, path /, no domain: no subdomain sets it). */
export function csrfCookieName(config: Pick<AppConfig, 'publicUrl'>): string {
  return isHttps(config) ? '__Host-bp_csrf' : 'bp_csrf';
}

/**
 * Security headers (helmet, with our own Content-Security-Policy), cookies (signing key derived from
 * TOKEN_SECRET), CSRF protection (signed double-submit cookie, checked by CsrfGuard on every cookie-authenticated
 * or page form request) and the early refusal of oversized uploads.
 */
export async function registerWebSecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const https = isHttps(config);
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(helmet, { contentSecurityPolicy: false, frameguard: { action: 'deny' } });
  const pages = pagePolicy({ styleHashes: [inlineHash(SIMPLE_PAGE_STYLE)], https });
  const docs = apiDocsPolicy({ https });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('content-security-policy', isApiDocsPath(request.url) ? docs : pages);
    if (refusedAsTooLarge(request, reply)) return;
    done();
  });

  await app.register(cookie, {
    secret: createHmac('sha256', config.tokenSecret)
      .update('bezwaarplatform:cookie-signing')
      .digest('base64url'),
  });
  await app.register(csrfProtection, {
    cookieKey: csrfCookieName(config),
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: https, signed: true },
    getToken: tokenOf,
    // CsrfGuard logs each refusal with the route.
    logLevel: 'debug',
  });
  const tokens = new TokenMemo();
  fastify.addHook('onSend', (request, reply, payload: unknown, done) => {
    if (typeof payload !== 'string' || !payload.includes(CSRF_TOKEN_MARKER)) return done(null, payload);
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return done(null, payload);
    const cookie = request.cookies?.[csrfCookieName(config)];
    const secret = cookie ? reply.unsignCookie(cookie) : undefined;
    const token =
      secret?.valid && secret.value ? tokens.of(secret.value, () => reply.generateCsrf()) : undefined;
    done(null, payload.replaceAll(CSRF_TOKEN_MARKER, token ?? reply.generateCsrf()));
  });
  app.useGlobalGuards(new CsrfGuard(fastify));
}

/** From the header (scripts, tests), else the form field, else the query of a multipart form. */
function tokenOf(request: FastifyRequest): string | void {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  if (typeof field === 'string') return field;
  // A multipart body is read by the route itself, after the check: its form carries the token in the action URL.
  const query = (request.query as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  if (request.isMultipart() && typeof query === 'string') return query;
}

/**
 * A body larger than any upload may be (all attachments of a filing plus the form) is refused from its
 * Content-Length before a byte of it is read; Node discards the rest as it arrives, nothing is buffered.
 */
function refusedAsTooLarge(request: FastifyRequest, reply: FastifyReply): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  if (!(length > MAX_UPLOAD_REQUEST_BYTES)) return false;
  const detail =
    'Wat u verstuurt is te groot. Elke bijlage mag hoogstens 10 MB zijn, en alle bijlagen samen hoogstens 25 MB.';
  request.log.warn({ contentLength: length }, 'Refused an oversized request body');
  reply.code(413).header('cache-control', 'no-store');
  if (String(request.headers.accept ?? '').includes('text/html')) {
    void reply
      .type('text/html; charset=utf-8')
      .send(
        plainErrorPage({ title: 'Te groot', heading: 'Uw bestanden zijn te groot', paragraphs: [detail] }),
      );
  } else {
    void reply.type(PROBLEM_CONTENT_TYPE).send(
      JSON.stringify({
        type: problemType('too-large'),
        title: 'Te groot',
        status: 413,
        detail,
        instance: request.url.split('?')[0],
        correlationId: String(request.id ?? ''),
      }),
    );
  }
  return true;
}

/**
 * One token per CSRF secret, kept for a while: the same browser gets the same page twice byte for byte (a
 * login page that answers a wrong password and an unknown address alike stays alike). Bounded; any token made
 * for the secret stays valid.
 */
class TokenMemo {
  private readonly tokens = new Map<string, string>();

  of(secret: string, make: () => string): string {
    let token = this.tokens.get(secret);
    if (!token) {
      if (this.tokens.size >= 10_000) this.tokens.delete(this.tokens.keys().next().value as string);
      token = make();
      this.tokens.set(secret, token);
    }
    return token;
  }
}

function isHttps(config: Pick<AppConfig, 'publicUrl'>): boolean {
  return config.publicUrl.startsWith('https:');
}
