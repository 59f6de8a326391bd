import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobState } from './job.entity';

export interface NewJob<P = unknown> {
  kind: string;
  payload: P;
  batchId?: string;
}

export type JobCounts = Record<JobState, number>;

/** One job of a batch as its progress shows it. */
export interface BatchItem<P = unknown> {
  jobId: string;
  payload: P;
  state: JobState;
  attempts: number;
  result: unknown;
  error: string | null;
}

export interface BatchProgress<P = unknown> {
  id: string;
  kind: string;
  createdBy: string;
  createdAt: Date;
  total: number;
  counts: JobCounts;
  /** True when no job of the batch is queued or running any more. */
  finished: boolean;
  items: BatchItem<P>[];
}

/**
 * Puts work on the PostgreSQL-backed queue. Every method works inside the caller's unit of work
 * (Database.forTenant), so jobs exist exactly when the change that asked for them commits; JobWorker runs them.
 */
@Injectable()
export class JobQueue {
  /** Queues one job; returns its id. */
  async enqueue<P>(db: EntityManager, tenantId: string, job: NewJob<P>): Promise<string> {
    const [row] = (await db.query(
      `INSERT INTO jobs (tenant_id, batch_id, kind, payload) VALUES ($1, $2, $3, $4::jsonb) RETURNING id`,
      [tenantId, job.batchId ?? null, job.kind, JSON.stringify(job.payload)],
    )) as { id: string }[];
    return row.id;
  }

  /** Queues many jobs of one kind in one statement (a bulk run of 10,000 cases is one round trip). */
  async enqueueMany<P>(
    db: EntityManager,
    tenantId: string,
    jobs: { kind: string; payloads: P[]; batchId?: string },
  ): Promise<void> {
    if (!jobs.payloads.length) return;
    await db.query(
      `INSERT INTO jobs (tenant_id, batch_id, kind, payload)
       SELECT $1, $2, $3, p::jsonb FROM unnest($4::text[]) AS p`,
      [tenantId, jobs.batchId ?? null, jobs.kind, jobs.payloads.map((p) => JSON.stringify(p))],
    );
  }

  /** A batch to hang jobs on (their `batchId`); returns its id. */
  async createBatch(
    db: EntityManager,
    tenantId: string,
    batch: { kind: string; createdBy: string; total: number },
  ): Promise<string> {
    const [row] = (await db.query(
      `INSERT INTO job_batches (tenant_id, kind, created_by, total) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenantId, batch.kind, batch.createdBy, batch.total],
    )) as { id: string }[];
    return row.id;
  }

  /**
   * Where a batch stands, with each of its jobs (or only those in `onlyState`); null when there is none.
   * `payloadKeys` keeps only those top-level keys of each payload, so a progress page need not read what the
   * jobs carry for their work.
   */
  async batchProgress<P = unknown>(
    db: EntityManager,
    tenantId: string,
    batchId: string,
    options: { onlyState?: JobState; payloadKeys?: string[] } = {},
  ): Promise<BatchProgress<P> | null> {
    const [batch] = (await db.query(
      `SELECT id, kind, created_by, created_at, total FROM job_batches WHERE tenant_id = $1 AND id = $2`,
      [tenantId, batchId],
    )) as { id: string; kind: string; created_by: string; created_at: Date; total: number }[];
    if (!batch) return null;
    const counted = (await db.query(
      `SELECT state, count(*)::int AS n FROM jobs WHERE tenant_id = $1 AND batch_id = $2 GROUP BY state`,
      [tenantId, batchId],
    )) as { state: JobState; n: number }[];
    const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const { state, n } of counted) counts[state] = n;
    const rows = (await db.query(
      `SELECT id, state, attempts, result, error,
         CASE WHEN $4::text[] IS NULL THEN payload
           ELSE (SELECT coalesce(jsonb_object_agg(k, payload -> k), '{}') FROM unnest($4::text[]) AS k WHERE payload ? k)
         END AS payload
       FROM jobs
       WHERE tenant_id = $1 AND batch_id = $2 AND ($3::text IS NULL OR state = $3)
       ORDER BY created_at, id`,
      [tenantId, batchId, options.onlyState ?? null, options.payloadKeys ?? null],
    )) as {
      id: string;
      payload: P;
      state: JobState;
      attempts: number;
      result: unknown;
      error: string | null;
    }[];
    return {
      id: batch.id,
      kind: batch.kind,
      createdBy: batch.created_by,
      createdAt: new Date(batch.created_at),
      total: batch.total,
      counts,
      finished: counts.queued === 0 && counts.running === 0,
      items: rows.map((r) => ({
        jobId: r.id,
        payload: r.payload,
        state: r.state,
        attempts: r.attempts,
        result: r.result,
        error: r.error,
      })),
    };
  }
}
