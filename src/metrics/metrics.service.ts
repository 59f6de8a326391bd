import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { TenantsService } from '../tenancy/tenants.service';
import { onAppEvent } from './app-events';
import { routeLabel } from './scrape-access';

/**
 * The application's Prometheus metrics, in a registry of its own (not prom-client's global one, so several
 * apps in one process, as in the tests, each count their own). Counters come from the domain's announcements
 * (app-events.ts) and a Fastify onResponse hook; gauges are read from the database when Prometheus scrapes.
 */
@Injectable()
export class Metrics implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly unsubscribe: (() => void)[] = [];

  private readonly requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request durations by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly objectionsFiled = new Counter({
    name: 'bezwaar_objections_filed_total',
    help: 'Objections filed (idempotent replays not counted), by tenant',
    labelNames: ['tenant'] as const,
    registers: [this.registry],
  });
  private readonly lettersRendered = new Counter({
    name: 'bezwaar_letters_rendered_total',
    help: 'Letter PDFs rendered, by letter kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly emails = new Counter({
    name: 'bezwaar_emails_total',
    help: 'E-mails handed to the mail server (outcome "sent") or failed attempts (outcome "failed")',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly jobs = new Gauge({
    name: 'bezwaar_jobs',
    help: 'Background jobs waiting (queued) or being worked on (running), all tenants',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  private readonly outboxPending = new Gauge({
    name: 'bezwaar_outbox_pending',
    help: 'E-mails in the outbox not yet sent, all tenants',
    registers: [this.registry],
  });
  private readonly pool = new Gauge({
    name: 'bezwaar_db_pool_connections',
    help: 'PostgreSQL connection pool of this replica: total, idle, and requests waiting for a connection',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly database: Database,
    private readonly tenants: TenantsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    collectDefaultMetrics({ register: this.registry });
  }

  onModuleInit(): void {
    this.unsubscribe.push(
      onAppEvent('objectionFiled', ({ tenant }) => this.objectionsFiled.inc({ tenant })),
      onAppEvent('letterRendered', ({ kind }) => this.lettersRendered.inc({ kind })),
      onAppEvent('emailAttempted', ({ outcome }) => this.emails.inc({ outcome })),
    );
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', async (request, reply) => {
      this.requestDuration.observe(
        { method: request.method, route: routeLabel(request.routeOptions.url), status: reply.statusCode },
        reply.elapsedTime / 1000,
      );
    });
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
  }

  /** The exposition text, with the gauges read now. */
  async scrape(): Promise<string> {
    await this.readQueues();
    this.readPool();
    return this.registry.metrics();
  }

  /** One short query per tenant (row-level security: a unit of work sees one tenant), on partial indexes. */
  private async readQueues(): Promise<void> {
    let queued = 0;
    let running = 0;
    let pending = 0;
    for (const tenant of await this.tenants.list()) {
      const [row] = (await this.database.forTenant(tenant.id, (db) =>
        db.query(
          `SELECT
             (SELECT count(*)::int FROM jobs WHERE tenant_id = $1 AND state = 'queued') AS queued,
             (SELECT count(*)::int FROM jobs WHERE tenant_id = $1 AND state = 'running') AS running,
             (SELECT count(*)::int FROM outbox_messages WHERE tenant_id = $1 AND sent_at IS NULL) AS pending`,
          [tenant.id],
        ),
      )) as { queued: number; running: number; pending: number }[];
      queued += row.queued;
      running += row.running;
      pending += row.pending;
    }
    this.jobs.set({ state: 'queued' }, queued);
    this.jobs.set({ state: 'running' }, running);
    this.outboxPending.set(pending);
  }

  private readPool(): void {
    if (this.config.embedded) return;
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) return;
    this.pool.set({ state: 'total' }, pool.totalCount);
    this.pool.set({ state: 'idle' }, pool.idleCount);
    this.pool.set({ state: 'waiting' }, pool.waitingCount);
  }
}
