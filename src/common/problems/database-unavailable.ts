/** How long a client should wait before retrying while the database is away (a restart or fail-over). */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** SQLSTATEs of a server that is going away or not there yet; class 08 is every connection exception. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up / shutting down / in recovery
  '53300', // too_many_connections
]);

/** Socket errors on the way to the server. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres, its pool and TypeORM say when a connection is lost, cannot be made or was dropped. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /^Query runner already released/i,
];

/**
 * True when `error` means the database cannot be reached right now (refused, cut off, shutting down, starting
 * up) rather than that the request or the code is wrong: such a request may be retried and should answer 503.
 * Looks through TypeORM's wrapper (`driverError`), `cause` and the several attempts of an AggregateError. A
 * socket error on the way to another backing service is as temporary, and answers the same.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, name, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (
      UNAVAILABLE_SOCKET_CODES.has(code) ||
      UNAVAILABLE_SQLSTATES.has(code) ||
      /^08[0-9A-Z]{3}$/.test(code)
    ) {
      return true;
    }
  }
  if (name === 'QueryRunnerAlreadyReleasedError') return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)))
    return true;
  return (
    isDatabaseUnavailable(driverError, depth + 1) ||
    isDatabaseUnavailable(cause, depth + 1) ||
    (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
  );
}
