import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobBatch } from './job-batch.entity';
import { Job } from './job.entity';
import { JobQueue } from './job-queue.service';
import { JOB_WORKER_OPTIONS, JobWorker, JobWorkerOptions } from './job-worker.service';

/**
 * Background work on a PostgreSQL-backed queue (jobs, job_batches): JobQueue puts work on it inside a unit of
 * work, JobWorker runs it on every replica. Modules with work to do import this one and register a handler
 * per job kind with JobWorker.register.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Job, JobBatch])],
  providers: [
    JobQueue,
    JobWorker,
    {
      provide: JOB_WORKER_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): JobWorkerOptions => ({
        pollMs: config.outboxPollMs,
        // Letters are rendered on this process's event loop; two at a time keeps requests answered quickly.
        concurrency: 2,
        // Far longer than any one job should take (a decision letter takes well under a second).
        leaseMs: 300_000,
        maxAttempts: 3,
        pollFromStart: config.backgroundWork,
      }),
    },
  ],
  exports: [JobQueue, JobWorker],
})
export class JobsModule {}
