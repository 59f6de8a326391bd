import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { todayInAmsterdam } from '../deadlines/local-date';
import { JobQueue } from '../jobs/job-queue.service';
import { JobWorker } from '../jobs/job-worker.service';
import { TenantsService } from '../tenancy/tenants.service';
import { RetentionService } from './retention.service';

export const RETENTION_JOB = 'retention.run';

/** How often each replica asks whether today's runs are queued; the first replica to ask queues them. */
const CHECK_MS = 60 * 60 * 1000;

/**
 * Once a day per municipality, the retention job. Every replica checks every hour; the run of the day is a row
 * with a unique (tenant, day), inserted with its job in one unit of work, so only one replica queues it, and the
 * job queue (SKIP LOCKED) lets only one worker run it.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    worker: JobWorker,
    retention: RetentionService,
  ) {
    worker.register<{ runId: string }>(RETENTION_JOB, (job) =>
      retention.execute(job.tenantId, job.payload.runId).then((report) => ({
        anonymised: report.anonymised,
        held: report.held,
        failed: report.failed,
      })),
    );
  }

  onApplicationBootstrap(): void {
    if (!this.config.backgroundWork) return;
    this.timer = setInterval(
      () =>
        void this.queueToday().catch((error: unknown) =>
          this.logger.warn({ err: error }, 'Could not queue the retention runs; trying again later'),
        ),
      CHECK_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Queues today's run for every active municipality that has none yet; returns how many it queued. */
  async queueToday(): Promise<number> {
    let queued = 0;
    const today = todayInAmsterdam();
    for (const tenant of await this.tenants.list()) {
      queued += await this.database.forTenant(tenant.id, async (db) => {
        const rows = (await db.query(
          `INSERT INTO retention_runs (tenant_id, run_on, trigger) VALUES ($1, $2, 'schedule')
           ON CONFLICT (tenant_id, run_on) WHERE trigger = 'schedule' DO NOTHING
           RETURNING id`,
          [tenant.id, today],
        )) as { id: string }[];
        if (!rows.length) return 0;
        await this.queue.enqueue(db, tenant.id, { kind: RETENTION_JOB, payload: { runId: rows[0].id } });
        return 1;
      });
    }
    return queued;
  }
}
