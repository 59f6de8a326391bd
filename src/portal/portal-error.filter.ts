import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/problems/database-unavailable';
import { httpStatusOf } from '../common/problems/http-status';
import { ProblemError } from '../common/problems/problem.error';
import { RequestWithTenant } from '../tenancy/tenant-context';
import { HTML, PortalPagesService } from './portal-pages.service';
import { plainErrorPage } from '../common/plain-error-page';

type ErrorPage = {
  title: string;
  heading: string;
  paragraphs: string[];
};

/**
 * The portal's errors as friendly HTML pages in the municipality's layout (the API keeps problem+json). Bound
 * with @UseFilters to the portal controllers only. Never throws: a failing error page falls back to plain HTML.
 */
@Catch()
@Injectable()
export class PortalErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Portal');

  constructor(private readonly pages: PortalPagesService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & RequestWithTenant>();
    const reply = http.getResponse<FastifyReply>();
    const status = httpStatusOf(exception);
    if (status === 503) reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    const correlationId = String(request.id ?? '');
    if (status >= 500) this.logger.error({ err: exception, correlationId });
    const page = errorPage(status, exception, Boolean(request.tenant), correlationId);
    let html: string;
    try {
      html = request.tenant
        ? await this.pages.render(request.tenant.slug, 'error', page.title, page)
        : this.pages.renderNeutral('error', page.title, page);
    } catch (error) {
      this.logger.error({ err: error, correlationId }, 'error page failed');
      html = plainErrorPage(page);
    }
    if (reply.sent) return;
    reply.status(status).header('content-type', HTML).header('cache-control', 'no-store').send(html);
  }
}

export function errorPage(
  status: number,
  exception: unknown,
  tenantKnown: boolean,
  correlationId: string,
): ErrorPage {
  const detail = exception instanceof ProblemError ? exception.detail : undefined;
  if (status === 404 && !tenantKnown) {
    return {
      title: 'Gemeente niet gevonden',
      heading: 'Deze gemeente kennen wij niet',
      paragraphs: [
        detail ?? 'Deze pagina bestaat niet.',
        'Controleer het adres van de pagina. Of ga naar de website van uw gemeente en zoek daar naar "bezwaar maken".',
      ],
    };
  }
  if (status === 404) {
    return {
      title: 'Pagina niet gevonden',
      heading: 'Deze pagina bestaat niet',
      paragraphs: [
        detail ?? 'Misschien is de link niet goed, of is de pagina verplaatst.',
        'Heeft u de link uit een e-mail of brief? Controleer dan of u de hele link heeft gebruikt.',
      ],
    };
  }
  if (status === 410) {
    // The municipality left the platform; the detail says how to reach it (see TenantGuard).
    return {
      title: 'Niet meer via deze website',
      heading: 'Bezwaar maken gaat nu rechtstreeks bij de gemeente',
      paragraphs: [detail ?? 'Deze gemeente behandelt bezwaren niet meer via deze website.'],
    };
  }
  if (status < 500) {
    return {
      title: 'Er ging iets mis',
      heading: 'Dat lukte niet',
      paragraphs: [detail ?? 'Wij konden uw verzoek niet lezen.', 'Ga terug en probeer het opnieuw.'],
    };
  }
  if (status === 503) {
    return {
      title: 'Even niet bereikbaar',
      heading: 'Even niet bereikbaar',
      paragraphs: [
        'Deze website is heel even niet bereikbaar. Wat u al had verstuurd en wat wij al hadden ontvangen, is niet verloren gegaan.',
        'Probeer het over een paar seconden opnieuw.',
      ],
    };
  }
  return {
    title: 'Er ging iets mis',
    heading: 'Er ging iets mis aan onze kant',
    paragraphs: [
      'Wat u al had verstuurd en wat wij al hadden ontvangen, is niet verloren gegaan. Probeer het later opnieuw.',
      ...(correlationId ? [`Neemt u contact op? Noem dan deze code: ${correlationId}.`] : []),
    ],
  };
}
