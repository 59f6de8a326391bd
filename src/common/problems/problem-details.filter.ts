import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DATABASE_RETRY_AFTER_SECONDS } from './database-unavailable';
import { httpStatusOf } from './http-status';
import { FieldError, ProblemError } from './problem.error';
import { isUnstorableInput } from './unstorable-input';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  correlationId: string;
  errors?: FieldError[];
}

const TITLES: Record<number, [code: string, title: string, detail: string]> = {
  400: ['bad-request', 'Ongeldig verzoek', 'Het verzoek kon niet worden gelezen.'],
  401: ['unauthenticated', 'Niet ingelogd', 'Log in om verder te gaan.'],
  403: ['forbidden', 'Geen toegang', 'U heeft geen toegang tot deze gegevens.'],
  404: ['not-found', 'Niet gevonden', 'Deze pagina of dit gegeven bestaat niet.'],
  405: ['method-not-allowed', 'Niet toegestaan', 'Deze bewerking is hier niet mogelijk.'],
  413: ['too-large', 'Te groot', 'Het verzoek is te groot.'],
  415: ['unsupported-media-type', 'Onbekend formaat', 'Dit formaat wordt niet ondersteund.'],
  429: [
    'too-many-requests',
    'Te veel verzoeken',
    'U heeft te veel verzoeken gedaan. Probeer het zo opnieuw.',
  ],
  503: [
    'unavailable',
    'Tijdelijk niet beschikbaar',
    'De dienst is tijdelijk niet beschikbaar. Probeer het zo opnieuw.',
  ],
};
const INTERNAL: [string, string, string] = [
  'internal',
  'Er ging iets mis',
  'Er ging iets mis aan onze kant. Er is niets verloren gegaan wat al was ontvangen; probeer het later opnieuw.',
];

/** Every error leaves as application/problem+json (RFC 9457) with a correlation id; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ id?: string; url: string }>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) this.logger.error({ err: exception, correlationId: problem.correlationId });
    const adapter = this.adapterHost.httpAdapter;
    const response = http.getResponse<unknown>();
    adapter.setHeader(response, 'content-type', PROBLEM_CONTENT_TYPE);
    // 503 is temporary by definition: say when to try again (unless whoever raised it already did).
    if (problem.status === 503 && !hasHeader(response, 'retry-after')) {
      adapter.setHeader(response, 'retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    adapter.reply(response, problem, problem.status);
  }

  private toProblem(exception: unknown, request: { id?: string; url: string }): ProblemDetails {
    const base = { instance: request.url.split('?')[0], correlationId: String(request.id ?? '') };
    if (exception instanceof ProblemError) {
      return {
        type: problemType(exception.code),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        ...base,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    if (isUnstorableInput(exception)) {
      return {
        type: problemType('invalid-input'),
        title: 'Ongeldige invoer',
        status: HttpStatus.BAD_REQUEST,
        detail:
          'Het verzoek bevat een teken of waarde die niet kan worden verwerkt (zoals een nul-teken). Pas het aan en probeer het opnieuw.',
        ...base,
      };
    }
    const status = httpStatusOf(exception);
    const [code, title, detail] = TITLES[status] ?? (status >= 500 ? INTERNAL : TITLES[400]);
    return { type: problemType(code), title, status, detail, ...base };
  }
}

/** Whether a header is already on the reply (Fastify's reply, or Node's response). */
function hasHeader(response: unknown, name: string): boolean {
  const reply = response as { hasHeader?: (name: string) => boolean; getHeader?: (name: string) => unknown };
  if (typeof reply.hasHeader === 'function') return reply.hasHeader(name);
  return reply.getHeader?.(name) !== undefined;
}

export function problemType(code: string): string {
  return `urn:bezwaarplatform:problem:${code}`;
}
