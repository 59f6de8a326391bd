import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../common/problems/problem.error';
import { CSRF_FIELD, needsCsrfToken } from './csrf-requirement';

export function csrfRefused(): ProblemError {
  return new ProblemError(
    403,
    'csrf',
    'Formulier verlopen',
    'Dit formulier is verlopen of kwam niet van deze website. Ga terug, laad de pagina opnieuw en verstuur het formulier nog een keer.',
  );
}

/**
 * Global: refuses (403) every state-changing request a browser may send on its own (see needsCsrfToken) that
 * carries no valid token. The token is checked by @fastify/csrf-protection against the secret in the signed
 * CSRF cookie; the error surfaces as the route's own error page, or problem+json on the API.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  private readonly logger = new Logger('Csrf');

  constructor(private readonly fastify: FastifyInstance) {}

  canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (!needsCsrfToken(request)) return withoutTokenField(request);
    return new Promise((resolve, reject) => {
      // The plugin answers a failure with reply.send(error); here that becomes the route's own error response.
      const checker = {
        unsignCookie: (value: string) => reply.unsignCookie(value),
        send: () => {
          this.logger.warn(
            `Refused ${request.method} ${request.url.split('?')[0]}: missing or invalid CSRF token`,
          );
          reject(csrfRefused());
        },
      } as unknown as FastifyReply;
      this.fastify.csrfProtection(request, checker, () => resolve(withoutTokenField(request)));
    });
  }
}

/** The token field is the check's, not the route's: a form DTO never sees it (forbidNonWhitelisted). */
function withoutTokenField(request: FastifyRequest): true {
  const body = request.body as Record<string, unknown> | null | undefined;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) delete body[CSRF_FIELD];
  return true;
}
