import { Injectable, OnModuleInit } from '@nestjs/common';
import { StaffDirectoryService } from '../auth/staff-directory.service';
import { StaffPrincipal } from '../auth/staff-principal';
import { FieldError, ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { JobState } from '../jobs/job.entity';
import { writtenDateTime } from '../letters/addressee';
import { BatchProgress, JobQueue } from '../jobs/job-queue.service';
import { ClaimedJob, JobWorker } from '../jobs/job-worker.service';
import { isOpen, ObjectionStatus, STATUS_LABELS } from '../objections/case-status';
import { staffActor } from '../objections/timeline';
import { staffHome } from '../staff-pages/request-checks';
import { StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from '../tenancy/tenant-context';
import { DecisionsService } from './decisions.service';
import { OUTCOME_WORDS } from './decision-outcome';
import {
  DecisionBatchDto,
  DecisionBatchItemDto,
  DecisionBatchStartedDto,
  StartDecisionBatchDto,
} from './dto/batch-decision.dto';
import { DecisionInput } from './dto/decision.dto';

/** The job kind of one case of a bulk decision run. */
export const DECISION_JOB = 'decision';

type BatchDecision = Pick<DecisionInput, 'outcome' | 'reasoning' | 'hearing' | 'costs'>;

/** What one job carries: the case, the decision, and who took it (the staff member who started the run). */
export interface DecisionJobPayload extends BatchDecision {
  position: number;
  reference: string;
  by: StaffPrincipal;
}

/** The progress page reads only these of each job, never the reasoning it carries. */
const PROGRESS_KEYS = ['position', 'reference', 'outcome'];

/**
 * Bulk decisions (e.g. after a WOZ round): one request checks the cases and queues one job per case in one
 * unit of work; the job queue's workers, on any replica, decide each case through DecisionsService as the
 * staff member who started the run. A case that fails (already decided meanwhile, a missing 7:3 ground) is
 * reported with its reason and does not stop the others.
 */
@Injectable()
export class DecisionBatchesService implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly queue: JobQueue,
    private readonly worker: JobWorker,
    private readonly decisions: DecisionsService,
    private readonly pages: StaffPagesService,
  ) {}

  onModuleInit(): void {
    this.worker.register<DecisionJobPayload>(DECISION_JOB, (job) => this.decideOne(job));
  }

  /**
   * Starts a run. Refused as a whole (nothing queued) when a reference is listed twice, unknown or not open
   * (400, each named), or already in a run that is still going (409, naming the run): so repeating the same
   * request never decides a case twice.
   */
  async start(
    tenant: TenantContext,
    staff: StaffPrincipal,
    dto: StartDecisionBatchDto,
  ): Promise<DecisionBatchStartedDto> {
    const references = dto.references.map((r) => r.trim());
    const duplicates = duplicateErrors(references);
    if (duplicates.length)
      throw ProblemError.invalid(duplicates, 'Sommige zaken staan meer dan eens in de lijst.');
    const decision: BatchDecision = {
      outcome: dto.outcome,
      reasoning: dto.reasoning,
      ...(dto.hearing ? { hearing: { ...dto.hearing } } : {}),
      ...(dto.costs ? { costs: { ...dto.costs } } : {}),
    };
    // Each case is decided in the name of whoever started the run.
    const by: StaffPrincipal = {
      userId: staff.userId,
      tenantId: staff.tenantId,
      tenantSlug: staff.tenantSlug,
      name: staff.name,
      roles: staff.roles,
    };
    const batchId = await this.database.forTenant(tenant.id, async (db) => {
      // Locked, in one order, so that two runs over the same cases start one after the other and the second
      // sees the first's jobs.
      const cases = (await db.query(
        `SELECT reference, status FROM objections WHERE tenant_id = $1 AND reference = ANY($2::text[])
         ORDER BY id FOR UPDATE`,
        [tenant.id, references],
      )) as { reference: string; status: ObjectionStatus }[];
      const unusable = caseErrors(references, new Map(cases.map((c) => [c.reference, c.status])));
      if (unusable.length) {
        throw ProblemError.invalid(
          unusable,
          `${unusable.length} van de ${references.length} zaken kunnen niet in deze reeks. Haal ze uit de lijst en probeer het opnieuw; er is nog niets gestart.`,
        );
      }
      const busy = (await db.query(
        `SELECT payload ->> 'reference' AS reference, batch_id FROM jobs
         WHERE tenant_id = $1 AND kind = $2 AND state IN ('queued', 'running')
           AND payload ->> 'reference' = ANY($3::text[])`,
        [tenant.id, DECISION_JOB, references],
      )) as { reference: string; batch_id: string | null }[];
      if (busy.length) throw alreadyRunning(tenant.slug, references, busy);

      const id = await this.queue.createBatch(db, tenant.id, {
        kind: DECISION_JOB,
        createdBy: staff.userId,
        total: references.length,
      });
      await this.queue.enqueueMany<DecisionJobPayload>(db, tenant.id, {
        kind: DECISION_JOB,
        batchId: id,
        payloads: references.map((reference, position) => ({ position, reference, ...decision, by })),
      });
      return id;
    });
    return {
      batchId,
      total: references.length,
      statusUrl: statusUrl(tenant.slug, batchId),
      pageUrl: pageUrl(tenant.slug, batchId),
    };
  }

  async progress(tenantId: string, batchId: string): Promise<DecisionBatchDto> {
    return batchJson((await this.load(tenantId, batchId)).progress);
  }

  /** The handlers' progress page: counts, a progress bar and the failed cases, refreshing until done. */
  async page(tenant: TenantContext, staff: StaffPrincipal, batchId: string): Promise<string> {
    const { progress, names } = await this.load(tenant.id, batchId);
    const view = batchPageView(tenant.slug, progress, names.get(progress.createdBy));
    return this.pages.render(tenant, 'decision-batch', view.title, view, {
      viewer: staff,
    });
  }

  /** The run with what its jobs say, and the names of the staff ids asked for and of whoever started it. */
  private async load(
    tenantId: string,
    batchId: string,
  ): Promise<{ progress: BatchProgress<DecisionJobPayload>; names: Map<string, string> }> {
    const found = UUID.test(batchId)
      ? await this.database.forTenant(tenantId, async (db) => {
          const progress = await this.queue.batchProgress<DecisionJobPayload>(db, tenantId, batchId, {
            payloadKeys: PROGRESS_KEYS,
          });
          const names = progress
            ? await StaffDirectoryService.namesIn(db, tenantId, [progress.createdBy])
            : new Map<string, string>();
          return progress && { progress, names };
        })
      : null;
    if (!found || found.progress.kind !== DECISION_JOB) {
      throw ProblemError.notFound('Deze reeks beslissingen bestaat niet (meer).');
    }
    return found;
  }

  private async decideOne(job: ClaimedJob<DecisionJobPayload>): Promise<{ documentId: string }> {
    const { reference, outcome, reasoning, hearing, costs, by } = job.payload;
    const input = { outcome, reasoning, ...(hearing ? { hearing } : {}), ...(costs ? { costs } : {}) };
    try {
      const { documentId } = await this.decisions.decide(job.tenantId, reference, input as DecisionInput, by);
      return { documentId };
    } catch (error) {
      // An earlier attempt may have decided the case and then lost its worker before the job was marked done.
      if (job.attempts > 1 && error instanceof ProblemError && error.status === 409) {
        const earlier = await this.decidedSince(job);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  /** This run's own decision on the case: by the same staff member, since the job was queued. */
  private async decidedSince(job: ClaimedJob<DecisionJobPayload>): Promise<{ documentId: string } | null> {
    const [row] = (await this.database.forTenant(job.tenantId, (db) =>
      db.query(
        `SELECT e.data ->> 'documentId' AS document_id
         FROM objection_events e
         JOIN objections o ON o.tenant_id = e.tenant_id AND o.id = e.objection_id
         WHERE e.tenant_id = $1 AND o.reference = $2 AND e.kind = 'decided' AND e.actor = $3 AND e.at >= $4
         ORDER BY e.at DESC LIMIT 1`,
        [job.tenantId, job.payload.reference, staffActor(job.payload.by.userId), job.createdAt.toISOString()],
      ),
    )) as { document_id: string | null }[];
    return row?.document_id ? { documentId: row.document_id } : null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function statusUrl(tenantSlug: string, batchId: string): string {
  return `/api/v1/tenants/${encodeURIComponent(tenantSlug)}/decision-batches/${batchId}`;
}

export function pageUrl(tenantSlug: string, batchId: string): string {
  return `${staffHome(tenantSlug)}/bulk/${batchId}`;
}

/** Every repeat of a reference after its first mention. */
export function duplicateErrors(references: string[]): FieldError[] {
  const seen = new Set<string>();
  return references.flatMap((reference, i) => {
    if (!seen.has(reference)) {
      seen.add(reference);
      return [];
    }
    return [{ field: `references[${i}]`, message: `${reference} staat al eerder in de lijst.` }];
  });
}

/** References without a case, or whose case is no longer open. */
export function caseErrors(references: string[], statuses: Map<string, ObjectionStatus>): FieldError[] {
  return references.flatMap((reference, i) => {
    const status = statuses.get(reference);
    const field = `references[${i}]`;
    if (!status) return [{ field, message: `Er is geen bezwaar met kenmerk ${reference}.` }];
    if (!isOpen(status)) {
      return [{ field, message: `${reference} is al afgehandeld (status ${STATUS_LABELS[status]}).` }];
    }
    return [];
  });
}

function alreadyRunning(
  tenantSlug: string,
  references: string[],
  busy: { reference: string; batch_id: string | null }[],
): ProblemError {
  const batchOf = new Map(busy.map((b) => [b.reference, b.batch_id]));
  const batches = [...new Set(busy.map((b) => b.batch_id).filter((id): id is string => Boolean(id)))];
  return new ProblemError(
    409,
    'already-in-batch',
    'Al bezig',
    `${busy.length} van deze zaken worden al besloten in een reeks die nog loopt; er is niets opnieuw gestart. ` +
      `Volg die reeks: ${batches.map((id) => statusUrl(tenantSlug, id)).join(', ')}.`,
    references.flatMap((reference, i) =>
      batchOf.has(reference)
        ? [
            {
              field: `references[${i}]`,
              message: `${reference} wordt al besloten (reeks ${batchOf.get(reference)}).`,
            },
          ]
        : [],
    ),
  );
}

export function batchJson(progress: BatchProgress<DecisionJobPayload>): DecisionBatchDto {
  return {
    batchId: progress.id,
    total: progress.total,
    ...progress.counts,
    finished: progress.finished,
    startedAt: progress.createdAt.toISOString(),
    items: [...progress.items]
      .sort((a, b) => a.payload.position - b.payload.position)
      .map((item): DecisionBatchItemDto => {
        const documentId = (item.result as { documentId?: unknown } | null)?.documentId;
        return {
          reference: item.payload.reference,
          state: item.state,
          ...(item.state === 'done' && typeof documentId === 'string' ? { documentId } : {}),
          ...(item.state === 'failed' && item.error ? { error: item.error } : {}),
        };
      }),
  };
}

const STATE_LABELS: Record<JobState, string> = {
  queued: 'Wachtend',
  running: 'Bezig',
  done: 'Besloten',
  failed: 'Niet gelukt',
};

/** What the progress page shows; the page refreshes itself (every 2 s, no script) until the run is finished. */
export function batchPageView(
  tenantSlug: string,
  progress: BatchProgress<DecisionJobPayload>,
  startedBy: string | undefined,
) {
  const { total, counts } = progress;
  const handled = counts.done + counts.failed;
  const percent = total ? Math.floor((handled / total) * 100) : 100;
  const outcome = progress.items[0]?.payload.outcome;
  const status = progress.finished
    ? counts.failed
      ? `Klaar: ${counts.done} van de ${total} zaken zijn besloten, ${counts.failed} niet.`
      : total === 1
        ? 'Klaar: de zaak is besloten.'
        : `Klaar: alle ${total} zaken zijn besloten.`
    : `Bezig: ${handled} van de ${total} zaken verwerkt (${percent}%).`;
  return {
    title: progress.finished ? 'Beslissingen in bulk – klaar' : `Beslissingen in bulk – ${percent}%`,
    refreshSeconds: progress.finished ? undefined : 2,
    inboxHref: staffHome(tenantSlug),
    outcome: outcome ? OUTCOME_WORDS[outcome] : undefined,
    startedBy: startedBy ?? 'een medewerker',
    startedAt: writtenDateTime(progress.createdAt),
    total,
    handled,
    percent,
    status,
    finished: progress.finished,
    counts: (['queued', 'running', 'done', 'failed'] as const).map((state) => ({
      label: STATE_LABELS[state],
      count: counts[state],
    })),
    failed: progress.items
      .filter((item) => item.state === 'failed')
      .sort((a, b) => a.payload.position - b.payload.position)
      .map((item) => ({
        reference: item.payload.reference,
        href: `${staffHome(tenantSlug)}/zaken/${encodeURIComponent(item.payload.reference)}`,
        error: item.error ?? '',
      })),
  };
}
