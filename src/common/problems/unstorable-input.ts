/**
 * SQLSTATEs of input PostgreSQL cannot take as given: a NUL character (U+0000) in text (22021), a \u0000 escape
 * in JSON (22P05), and a value that is not valid for its type (22P02: half of a surrogate pair escaped in JSON,
 * an id that is no UUID). Only what a client sent gets there, so it is the client's to correct.
 */
const UNSTORABLE_INPUT_SQLSTATES = new Set(['22021', '22P05', '22P02']);

/** True when `error` (or the driver error TypeORM wraps) says the request held such input. */
export function isUnstorableInput(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  if (typeof code === 'string' && UNSTORABLE_INPUT_SQLSTATES.has(code)) return true;
  return driverError !== error && isUnstorableInput(driverError);
}
