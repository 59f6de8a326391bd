import { LoggerService } from '@nestjs/common';

/** Nest's own start-up lines (one per module and route) that drown what an operator needs to see. */
const BOOT_CHATTER = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** The app logger, with Nest's start-up chatter moved from info to debug. */
export function withoutBootChatter(logger: LoggerService): LoggerService {
  const isChatter = (params: unknown[]) => BOOT_CHATTER.has(String(params[params.length - 1]));
  return {
    log: (message: unknown, ...params: unknown[]) =>
      isChatter(params) ? logger.debug?.(message, ...params) : logger.log(message, ...params),
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal?.(message, ...params),
  };
}
