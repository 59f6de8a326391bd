import { Database } from '../database/database.service';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';

describe('PostgresThrottlerStorage', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps one pruning timer when Nest bootstraps it under both of its tokens, and stops it on shutdown', () => {
    const storage = new PostgresThrottlerStorage({} as Database);
    storage.onApplicationBootstrap();
    storage.onApplicationBootstrap();
    expect(jest.getTimerCount()).toBe(1);
    storage.onApplicationShutdown();
    storage.onApplicationShutdown();
    expect(jest.getTimerCount()).toBe(0);
  });
});
