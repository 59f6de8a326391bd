import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Database } from '../database/database.service';
import { TenantsService } from '../tenancy/tenants.service';
import { abandonedText, afterFailure, failureText, isPermanentFailure, jobRetryDelayMs } from './job-failure';

export const JOB_WORKER_OPTIONS = Symbol('JOB_WORKER_OPTIONS');

export interface JobWorkerOptions {
  /** How often every tenant's queue is looked at (a finished job also looks again at once). */
  pollMs: number;
  /** Jobs this process runs at the same time. */
  concurrency: number;
  /** How long a claimed job is reserved for this worker; a crashed worker's jobs are claimed again after it. */
  leaseMs: number;
  /** Attempts (claims) before a job fails for good. */
  maxAttempts: number;
  retryDelayMs?: (attempts: number) => number;
  /** False: no timer from start-up (BACKGROUND_WORK=off, a serving pod); `poll` still claims when called. */
  pollFromStart?: boolean;
}

/** A job as its handler gets it: claimed by this worker, `attempts` including this one. */
export interface ClaimedJob<P = unknown> {
  tenantId: string;
  id: string;
  kind: string;
  batchId: string | null;
  payload: P;
  attempts: number;
  createdAt: Date;
}

/** Does the work of one job; what it returns (JSON) is kept as the job's result. Throwing fails the attempt. */
export type JobHandler<P = unknown> = (job: ClaimedJob<P>) => Promise<unknown>;

type Finish =
  | { state: 'done'; result: unknown }
  | { state: 'failed'; error: string }
  | { state: 'queued'; error: string; delayMs: number };

/**
 * Runs queued jobs, safely with any number of replicas on one database. A job is claimed in a short
 * transaction (SELECT … FOR UPDATE SKIP LOCKED, so two workers never take the same one) with a lease, run
 * outside that transaction, then marked done, retried with back-off, or failed. A worker that dies mid-run
 * leaves its lease to run out, and the job is claimed again (the attempt counts). A worker that finishes after
 * its job was claimed again is ignored (the claim's attempt number fences it off), so a job is marked once.
 * Handlers should be safe to run again after a crash between their own commit and the job's: that window is
 * the only way a job runs twice.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly active = new Set<Promise<void>>();
  private readonly retryDelayMs: (attempts: number) => number;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private stopping?: Promise<void>;
  private claiming?: Promise<number>;
  /** Tenants to look at on the next claiming round: all of them (the timer) or the ones that just had work. */
  private wanted: Set<string> | 'all' = new Set();
  private firstTenant = 0;

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    @Inject(JOB_WORKER_OPTIONS) private readonly options: JobWorkerOptions,
  ) {
    this.retryDelayMs = options.retryDelayMs ?? jobRetryDelayMs;
  }

  /** Makes this worker run jobs of `kind`; a worker only ever claims kinds it has a handler for. */
  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for job kind "${kind}" is already registered`);
    this.handlers.set(kind, handler as JobHandler);
  }

  onApplicationBootstrap(): void {
    if (this.options.pollFromStart !== false) this.start();
  }

  /** Before any module shuts down, so running jobs still have their database connection. */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  /** Claims nothing more and resolves once every running job is finished. */
  stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopping ??= (async () => {
      await this.claiming;
      while (this.active.size) await Promise.allSettled([...this.active]);
    })();
    return this.stopping;
  }

  /**
   * Claims due jobs of every tenant (or of one) up to the free slots and starts them; resolves with how many
   * it started. One claiming round at a time: a call during a round asks for another round after it.
   */
  poll(tenantId?: string): Promise<number> {
    if (tenantId === undefined) this.wanted = 'all';
    else if (this.wanted !== 'all') this.wanted.add(tenantId);
    return this.claimRound();
  }

  private claimRound(): Promise<number> {
    this.claiming ??= this.claimWanted().then(
      (started) => {
        this.claiming = undefined;
        // Asked for between the round's last look and its end.
        if (this.workWanted()) void this.claimRound();
        return started;
      },
      (error: unknown) => {
        this.claiming = undefined;
        // The database away for a moment: the next poll tries again (a rejection here would end the process).
        this.logger.warn({ err: error }, 'Could not claim jobs; trying again at the next poll');
        return 0;
      },
    );
    return this.claiming;
  }

  private free(): number {
    return this.options.concurrency - this.active.size;
  }

  private workWanted(): boolean {
    return (
      !this.stopped &&
      this.handlers.size > 0 &&
      this.free() > 0 &&
      (this.wanted === 'all' || this.wanted.size > 0)
    );
  }

  private async claimWanted(): Promise<number> {
    let started = 0;
    while (this.workWanted()) {
      const wanted = this.wanted;
      this.wanted = new Set();
      for (const tenantId of wanted === 'all' ? await this.tenantsInTurn() : wanted) {
        if (this.stopped || this.free() <= 0) break;
        for (const job of await this.claim(tenantId, this.free())) {
          this.launch(job);
          started++;
        }
      }
    }
    return started;
  }

  /** Every tenant, starting one further each round, so one busy tenant cannot starve the others. */
  private async tenantsInTurn(): Promise<string[]> {
    const ids = (await this.tenants.list()).map((t) => t.id);
    if (!ids.length) return ids;
    const first = this.firstTenant++ % ids.length;
    return [...ids.slice(first), ...ids.slice(0, first)];
  }

  private async claim(tenantId: string, limit: number): Promise<ClaimedJob[]> {
    // A statement that returns rows on both drivers (pg reports UPDATE … RETURNING differently from PGlite).
    const rows = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `WITH due AS (
           SELECT id FROM jobs
           WHERE tenant_id = $1 AND kind = ANY($2::text[])
             AND ((state = 'queued' AND run_after <= now()) OR (state = 'running' AND locked_until < now()))
           ORDER BY run_after
           LIMIT $3
           FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE jobs j
           SET state = 'running', attempts = j.attempts + 1,
               locked_until = clock_timestamp() + make_interval(secs => $4::double precision / 1000)
           FROM due WHERE j.tenant_id = $1 AND j.id = due.id
           RETURNING j.id, j.kind, j.batch_id, j.payload, j.attempts, j.created_at
         )
         SELECT * FROM claimed`,
        [tenantId, [...this.handlers.keys()], limit, this.options.leaseMs],
      ),
    )) as {
      id: string;
      kind: string;
      batch_id: string | null;
      payload: unknown;
      attempts: number;
      created_at: Date;
    }[];
    return rows.map((r) => ({
      tenantId,
      id: r.id,
      kind: r.kind,
      batchId: r.batch_id,
      payload: r.payload,
      attempts: r.attempts,
      createdAt: new Date(r.created_at),
    }));
  }

  private launch(job: ClaimedJob): void {
    const running: Promise<void> = this.run(job)
      .catch((error: unknown) =>
        // Marking the job failed: its lease runs out and it is claimed again.
        this.logger.error({ err: error, jobId: job.id }, `Job ${job.id} could not be marked`),
      )
      .finally(() => {
        this.active.delete(running);
        if (!this.stopped) void this.poll(job.tenantId);
      });
    this.active.add(running);
  }

  private async run(job: ClaimedJob): Promise<void> {
    if (job.attempts > this.options.maxAttempts) {
      await this.finish(job, { state: 'failed', error: abandonedText(job.attempts - 1) });
      return;
    }
    let outcome: Finish;
    try {
      const result = await this.handlers.get(job.kind)!(job);
      outcome = { state: 'done', result: result ?? null };
    } catch (error) {
      const next = afterFailure(
        job.attempts,
        this.options.maxAttempts,
        isPermanentFailure(error),
        this.retryDelayMs,
      );
      const text = failureText(error);
      if (!isPermanentFailure(error)) {
        this.logger.warn(
          { err: error, jobId: job.id },
          `Job ${job.id} (${job.kind}) failed, attempt ${job.attempts}`,
        );
      }
      outcome = next.retry
        ? { state: 'queued', error: text, delayMs: next.delayMs }
        : { state: 'failed', error: text };
    }
    await this.finish(job, outcome);
  }

  /** Marks the outcome of this claim; ignored when the job was claimed again meanwhile (our lease ran out). */
  private async finish(job: ClaimedJob, outcome: Finish): Promise<void> {
    const [{ n }] = (await this.database.forTenant(job.tenantId, (db) =>
      db.query(
        `WITH marked AS (
           UPDATE jobs SET
             state = $4,
             result = $5::jsonb,
             error = $6,
             locked_until = NULL,
             run_after = CASE WHEN $4 = 'queued'
               THEN clock_timestamp() + make_interval(secs => $7::double precision / 1000) ELSE run_after END,
             finished_at = CASE WHEN $4 = 'queued' THEN NULL ELSE clock_timestamp() END
           WHERE tenant_id = $1 AND id = $2 AND state = 'running' AND attempts = $3
           RETURNING id
         )
         SELECT count(*)::int AS n FROM marked`,
        [
          job.tenantId,
          job.id,
          job.attempts,
          outcome.state,
          outcome.state === 'done' ? JSON.stringify(outcome.result) : null,
          outcome.state === 'done' ? null : outcome.error,
          outcome.state === 'queued' ? outcome.delayMs : 0,
        ],
      ),
    )) as { n: number }[];
    if (n === 0) {
      this.logger.warn(`Job ${job.id} was claimed again while it ran here; this run's outcome is dropped`);
    }
  }
}
