import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

/** An error as node-postgres raises it: a message and a SQLSTATE or socket code. */
function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', pgError('read ECONNRESET', 'ECONNRESET')],
    ['an immediate shutdown', pgError('terminating connection due to administrator command', '57P01')],
    [
      'a crashed server',
      pgError('terminating connection because of crash of another server process', '57P02'),
    ],
    ['a server starting up', pgError('the database system is starting up', '57P03')],
    ['a server without free connections', pgError('sorry, too many clients already', '53300')],
    ['a connection exception', pgError('connection failure', '08006')],
    ['a connection cut mid-query', pgError('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', pgError('timeout exceeded when trying to connect')],
    [
      'a client that lost its connection',
      pgError('Client has encountered a connection error and is not queryable'),
    ],
    [
      'a transaction whose connection was dropped',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
    ],
  ])('recognises %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('looks inside TypeORM query errors, causes and the attempts of an AggregateError', () => {
    const shutdown = pgError('terminating connection due to administrator command', '57P01');
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], shutdown))).toBe(true);
    expect(isDatabaseUnavailable(new Error('could not file', { cause: shutdown }))).toBe(true);
    const refused = new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], '');
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('duplicate key', '23505'))],
    ['a syntax error', new QueryFailedError('SELEC', [], pgError('syntax error', '42601'))],
    ['a row-level security refusal', pgError('new row violates row-level security policy', '42501')],
    ['a serialisation failure', pgError('could not serialize access', '40001')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('leaves %s to be an error of its own', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops at errors that cause each other in a circle', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = new Error('b', { cause: a });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
