import { Injectable, Logger } from '@nestjs/common';
import { Database } from '../database/database.service';
import { LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import {
  isDue,
  RegulationForRetention,
  RetentionBasis,
  retentionClassOf,
  retentionTerm,
} from './retention-rule';

/** What one run of the retention job did: counts and case references, never anything about a person. */
export interface RetentionRunReport {
  id: string;
  runOn: string;
  trigger: 'schedule' | 'manual';
  startedAt: string;
  finishedAt: string | null;
  anonymised: number;
  held: number;
  failed: number;
  anonymisedReferences: string[];
  heldReferences: string[];
  failedReferences: string[];
}

/** A closed case whose retention term is over. */
export interface DueCase {
  id: string;
  reference: string;
  basis: RetentionBasis;
  destroyAfter: LocalDate;
  held: boolean;
}

interface ClosedRow {
  id: string;
  reference: string;
  status: string;
  outcome: string | null;
  costs_cents: number | null;
  closed_on: string;
  held: boolean;
  code: string;
  definition: Omit<RegulationForRetention, 'code'>;
}

interface RunRow {
  id: string;
  run_on: string;
  trigger: 'schedule' | 'manual';
  started_at: Date | string;
  finished_at: Date | string | null;
  anonymised: number;
  held: number;
  failed: number;
  anonymised_references: string[];
  held_references: string[];
  failed_references: string[];
}

/** Cases looked at in one run; a daily run gets through a backlog over a few days. */
const RUN_LIMIT = 1000;

/**
 * Days a sent e-mail stays in the outbox (recipients and text: personal data) for questions about its delivery;
 * what it carried (receipt, letters) stays with the case as documents, under the case's own term.
 */
const SENT_MAIL_KEPT_DAYS = 30;

const RUN_COLUMNS = `id, to_char(run_on, 'YYYY-MM-DD') AS run_on, trigger, started_at, finished_at, anonymised, held,
  failed, anonymised_references, held_references, failed_references`;

/**
 * The retention job of one municipality: finds closed cases past their term (retention-rule.ts), skips and
 * reports those under legal hold, and has the database anonymise the others, each in its own unit of work
 * through retention_anonymise_case, which checks hold and term again itself. Running it again changes nothing.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(private readonly database: Database) {}

  /** Closed cases whose term ended before `today`, held ones included (they are reported, not touched). */
  async dueCases(tenantId: string, today: LocalDate = todayInAmsterdam()): Promise<DueCase[]> {
    const rows = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `SELECT o.id, o.reference, o.status, o.outcome, o.costs_cents,
                to_char((o.closed_at AT TIME ZONE 'Europe/Amsterdam')::date, 'YYYY-MM-DD') AS closed_on,
                o.legal_hold_since IS NOT NULL AS held, r.code, v.definition
           FROM objections o
           JOIN regulations r ON r.tenant_id = o.tenant_id AND r.id = o.regulation_id
           JOIN regulation_versions v ON v.tenant_id = o.tenant_id AND v.regulation_id = o.regulation_id
                                     AND v.version = o.regulation_version
          WHERE o.tenant_id = $1 AND o.anonymised_at IS NULL AND o.closed_at IS NOT NULL
            -- No term is shorter than a year.
            AND o.closed_at < $2::date - interval '364 days'
          -- Held cases last, so that many of them can never crowd out the work.
          ORDER BY o.legal_hold_since IS NOT NULL, o.closed_at, o.id
          LIMIT $3`,
        [tenantId, today, RUN_LIMIT],
      ),
    )) as ClosedRow[];
    return rows.flatMap((row) => {
      const term = retentionTerm({
        status: row.status,
        outcome: row.outcome,
        costsCents: row.costs_cents,
        retentionClass: retentionClassOf({ ...row.definition, code: row.code }),
        closedOn: row.closed_on as LocalDate,
      });
      if (!isDue(term.destroyAfter, today)) return [];
      return [
        {
          id: row.id,
          reference: row.reference,
          basis: term.basis,
          destroyAfter: term.destroyAfter,
          held: row.held,
        },
      ];
    });
  }

  /** Starts a run on request (a tenant admin), now, whatever ran today. */
  async runNow(tenantId: string, startedBy: string | null): Promise<RetentionRunReport> {
    const [{ id }] = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `INSERT INTO retention_runs (tenant_id, run_on, trigger, started_by) VALUES ($1, $2, 'manual', $3) RETURNING id`,
        [tenantId, todayInAmsterdam(), startedBy],
      ),
    )) as { id: string }[];
    return this.execute(tenantId, id);
  }

  /** Does the work of a run that exists (scheduled or on request) and fills in its report. */
  async execute(tenantId: string, runId: string): Promise<RetentionRunReport> {
    const anonymised: string[] = [];
    const held: string[] = [];
    const failed: string[] = [];
    for (const kase of await this.dueCases(tenantId)) {
      if (kase.held) {
        held.push(kase.reference);
        continue;
      }
      try {
        const [{ result }] = (await this.database.forTenant(tenantId, (db) =>
          db.query(`SELECT retention_anonymise_case($1, $2) AS result`, [tenantId, kase.id]),
        )) as { result: string }[];
        if (result === 'anonymised') anonymised.push(kase.reference);
      } catch (error) {
        // Held or not due after all (the database decides), or a failure: reported, tried again next run.
        failed.push(kase.reference);
        this.logger.warn(
          { tenantId, reference: kase.reference, reason: (error as Error).message },
          'A case due for retention was not anonymised',
        );
      }
    }
    await this.deleteSentMail(tenantId);
    const [row] = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `WITH done AS (
           UPDATE retention_runs SET finished_at = now(),
             anonymised = $3, held = $4, failed = $5,
             anonymised_references = $6, held_references = $7, failed_references = $8
           WHERE tenant_id = $1 AND id = $2
           RETURNING *
         )
         SELECT ${RUN_COLUMNS} FROM done`,
        [tenantId, runId, anonymised.length, held.length, failed.length, anonymised, held, failed],
      ),
    )) as RunRow[];
    return toReport(row);
  }

  /** Deletes the municipality's e-mails sent more than SENT_MAIL_KEPT_DAYS ago; unsent ones wait to be sent. */
  private async deleteSentMail(tenantId: string): Promise<void> {
    const [{ deleted }] = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `WITH gone AS (
           DELETE FROM outbox_messages
            WHERE tenant_id = $1 AND sent_at < now() - make_interval(days => $2)
           RETURNING 1
         )
         SELECT count(*)::int AS deleted FROM gone`,
        [tenantId, SENT_MAIL_KEPT_DAYS],
      ),
    )) as { deleted: number }[];
    if (deleted) this.logger.log({ tenantId, deleted }, 'Deleted e-mails sent longer ago than they are kept');
  }

  /** The latest runs, newest first. */
  async runs(tenantId: string, limit = 20): Promise<RetentionRunReport[]> {
    const rows = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `SELECT ${RUN_COLUMNS} FROM retention_runs WHERE tenant_id = $1 ORDER BY started_at DESC, id LIMIT $2`,
        [tenantId, limit],
      ),
    )) as RunRow[];
    return rows.map(toReport);
  }
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function toReport(row: RunRow): RetentionRunReport {
  return {
    id: row.id,
    runOn: row.run_on,
    trigger: row.trigger,
    startedAt: iso(row.started_at)!,
    finishedAt: iso(row.finished_at),
    anonymised: row.anonymised,
    held: row.held,
    failed: row.failed,
    anonymisedReferences: row.anonymised_references,
    heldReferences: row.held_references,
    failedReferences: row.failed_references,
  };
}
