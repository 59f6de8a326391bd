import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/problems/database-unavailable';
import { httpStatusOf } from '../common/problems/http-status';
import { ProblemError } from '../common/problems/problem.error';
import { loginPath, staffHome } from './request-checks';
import { StaffLoginRequired, StaffPageRequest } from './staff-page.guards';
import { HTML, REFERRER_POLICY, StaffPagesService } from './staff-pages.service';
import { plainErrorPage } from '../common/plain-error-page';

/**
 * The errors of server-rendered pages: no session → 303 to the login page; anything else → an HTML page (never
 * a stack trace or problem+json), which each kind of page renders in its own layout. Bound with @UseFilters to
 * the page controllers only (see page-decorators).
 */
export abstract class PageErrorFilter<R extends FastifyRequest> implements ExceptionFilter {
  private readonly logger: Logger;

  protected constructor(loggerContext: string) {
    this.logger = new Logger(loggerContext);
  }

  /** The error page in this kind of page's layout. */
  protected abstract renderError(request: R, page: ErrorPage): string;

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<R>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) return;
    reply.header('cache-control', 'no-store').header('referrer-policy', REFERRER_POLICY);
    if (exception instanceof StaffLoginRequired) {
      reply.status(303).header('location', exception.location).send();
      return;
    }
    const status = httpStatusOf(exception);
    if (status === 503) reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    const correlationId = String(request.id ?? '');
    if (status >= 500) this.logger.error({ err: exception, correlationId });
    const page = errorPage(status, exception, correlationId);
    let html: string;
    try {
      html = this.renderError(request, page);
    } catch (error) {
      this.logger.error({ err: error, correlationId }, 'error page failed');
      html = plainErrorPage(page);
    }
    reply.status(status).header('content-type', HTML).send(html);
  }
}

/** The staff pages' errors, in the staff layout of the path's municipality (plain HTML without one). */
@Catch()
@Injectable()
export class StaffErrorFilter extends PageErrorFilter<StaffPageRequest> {
  constructor(private readonly pages: StaffPagesService) {
    super('StaffPages');
  }

  protected renderError(request: StaffPageRequest, page: ErrorPage): string {
    if (!request.tenant) return plainErrorPage(page);
    return this.pages.render(request.tenant, 'error', page.heading, {
      ...page,
      home: request.user ? staffHome(request.tenant.slug) : loginPath(request.tenant.slug),
    });
  }
}

export interface ErrorPage {
  heading: string;
  paragraphs: string[];
}

export function errorPage(status: number, exception: unknown, correlationId: string): ErrorPage {
  const detail = exception instanceof ProblemError ? exception.detail : undefined;
  if (status === 404) {
    return { heading: 'Niet gevonden', paragraphs: [detail ?? 'Deze pagina bestaat niet.'] };
  }
  if (status === 403) {
    return { heading: 'Geen toegang', paragraphs: [detail ?? 'U heeft geen toegang tot deze pagina.'] };
  }
  if (status === 410) {
    return {
      heading: 'Niet meer via dit platform',
      paragraphs: [detail ?? 'Deze gemeente behandelt bezwaren niet meer via dit platform.'],
    };
  }
  if (status < 500) {
    return {
      heading: 'Dat lukte niet',
      paragraphs: [detail ?? 'Dit verzoek konden wij niet lezen.', 'Ga terug en probeer het opnieuw.'],
    };
  }
  if (status === 503) {
    return {
      heading: 'Even niet bereikbaar',
      paragraphs: [
        'Deze dienst is heel even niet bereikbaar. Wat al was opgeslagen, blijft bewaard.',
        'Probeer het over een paar seconden opnieuw.',
      ],
    };
  }
  return {
    heading: 'Er ging iets mis',
    paragraphs: [
      'Er ging iets mis aan onze kant. Wat al was opgeslagen, blijft bewaard. Probeer het zo opnieuw.',
      ...(correlationId ? [`Meldt u dit? Noem dan deze code: ${correlationId}.`] : []),
    ],
  };
}
