import { HttpException, HttpStatus } from '@nestjs/common';
import { isDatabaseUnavailable } from './database-unavailable';
import { ProblemError } from './problem.error';
import { isUnstorableInput } from './unstorable-input';

/**
 * The HTTP status any exception answers with, for the API's problems and the pages alike: its own; a 4xx the
 * HTTP layer raised (malformed JSON, a body too large); 400 for a value PostgreSQL cannot store (a NUL); 503
 * while the database is away (temporary, and a transaction is all or nothing); else 500.
 */
export function httpStatusOf(exception: unknown): number {
  if (exception instanceof ProblemError) return exception.status;
  if (exception instanceof HttpException) return exception.getStatus();
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return statusCode;
  if (isUnstorableInput(exception)) return HttpStatus.BAD_REQUEST;
  if (isDatabaseUnavailable(exception)) return HttpStatus.SERVICE_UNAVAILABLE;
  return HttpStatus.INTERNAL_SERVER_ERROR;
}
