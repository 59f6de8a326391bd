import { AppUnderTest, startApp } from './app-under-test';
import type { LoadResult } from './load';
import { ScratchDatabase } from './scratch-database';

/**
 * What the benchmarks of one run share, made when first needed: a scratch database on the real server and the
 * whole app serving from it. `close` undoes all of it, also after a failure.
 */
export class Stage {
  /** Benchmark 1's pipeline run, reused by benchmark 5 so both sides come from the same run. */
  filingOnPostgres?: LoadResult;
  private scratch?: ScratchDatabase;
  private app?: AppUnderTest;

  constructor(private readonly adminUrl: string) {}

  /** Call once before `database()` or `postgresApp()`. */
  async prepare(): Promise<void> {
    this.scratch ??= await ScratchDatabase.create(this.adminUrl, 'run');
  }

  database(): ScratchDatabase {
    if (!this.scratch) throw new Error('Stage.prepare() was not called');
    return this.scratch;
  }

  /** The app as a serving pod beside worker pods runs (BACKGROUND_WORK=off); see `receiptsDrained`. */
  async postgresApp(): Promise<AppUnderTest> {
    this.app ??= await startApp(this.database().appUrl, 'fastify', false);
    return this.app;
  }

  async close(): Promise<void> {
    await this.app?.close();
    await this.scratch?.drop();
  }
}
