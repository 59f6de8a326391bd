import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { loggerOptions } from './logger-options';

describe('log redaction (no personal data in application logs)', () => {
  it("drops a failed query's values and the database's detail from a logged error", () => {
    const options = loggerOptions(loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace' }))
      .pinoHttp as pino.LoggerOptions;
    const lines: string[] = [];
    const logger = pino(
      { redact: options.redact, level: 'trace' },
      { write: (line: string) => lines.push(line) },
    );
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      detail: 'Key (tenant_id, bsn_index)=(x, 111222333) already exists.',
      parameters: ['Xanthippe Zonderland', '111222333'],
    });
    const error = new QueryFailedError(
      'INSERT INTO citizens (name, bsn) VALUES ($1, $2)',
      ['Xanthippe Zonderland', '111222333'],
      driverError,
    );
    logger.error({ err: error, correlationId: 'c-1' });
    logger.error({ error: driverError }, 'failed');

    const log = lines.join('');
    expect(log).toContain('INSERT INTO citizens');
    expect(log).toContain('duplicate key value');
    expect(log).not.toContain('Zonderland');
    expect(log).not.toContain('111222333');
  });
});
