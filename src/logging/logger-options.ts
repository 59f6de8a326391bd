import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

const ERROR_VALUES = [
  'parameters',
  'detail',
  'driverError.parameters',
  'driverError.detail',
  'driverError.where',
];
const QUIET_PATHS = new Set(['/api/v1/health', '/api/v1/health/live', '/api/v1/health/ready']);

/**
 * Structured logs: request id, method, path (never the query string, which may hold a name or a search), status,
 * time and the tenant (assigned once resolved). Never bodies, tokens, cookies, BSN or letter text.
 */
export function loggerOptions(config: AppConfig): Params {
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return {
    pinoHttp: {
      level: config.logLevel,
      autoLogging: {
        ignore: (req: IncomingMessage & { originalUrl?: string }) =>
          QUIET_PATHS.has(pathOf(req.originalUrl ?? req.url)),
      },
      serializers: {
        req: (req: { id: string; method: string; url: string; originalUrl?: string }) => ({
          id: req.id,
          method: req.method,
          path: pathOf(req.originalUrl ?? req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Headers carry tokens and cookies; a database error carries the values of its query (names, BSN) and
      // of the constraint it broke.
      redact: {
        paths: [
          'req.headers',
          'res.headers',
          ...ERROR_VALUES.flatMap((path) => [`err.${path}`, `error.${path}`]),
        ],
        remove: true,
      },
      ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
    },
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}

/** The path without query string, and without the citizen's secret case link token. */
export function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0].replace(/\/(zaak|cases)\/[^/]+/, '/$1/[token]');
}
