import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Metrics } from './metrics.service';
import { mayScrape } from './scrape-access';

/** Prometheus scrapes this, with `Authorization: Bearer $METRICS_TOKEN` (see scrape-access.ts). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (!mayScrape(authorization, this.config.metricsToken, this.config.isProduction)) {
      // Not found rather than unauthorised: the endpoint does not advertise itself.
      throw ProblemError.notFound('Deze pagina bestaat niet.');
    }
    return this.metrics.scrape();
  }
}
