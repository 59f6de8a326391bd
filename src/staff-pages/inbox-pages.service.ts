import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { StaffDirectoryService } from '../auth/staff-directory.service';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { DecisionBatchesService } from '../decisions/decision-batches.service';
import { InboxPage } from '../inbox/inbox-query';
import { InboxService } from '../inbox/inbox.service';
import { RegulationsService } from '../regulations/regulations.service';
import { TenantContext } from '../tenancy/tenant-context';
import { bulkProblem, BulkProblem, bulkValues, readBulkDecision } from './bulk-decision-form';
import { inboxQueryOf, readInboxFilters } from './inbox-filters';
import { inboxView } from './inbox-view';
import { PageOutcome, StaffPagesService } from './staff-pages.service';

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The handler's inbox page, and its bulk form that starts a run of decisions. */
@Injectable()
export class InboxPagesService {
  constructor(
    private readonly inbox: InboxService,
    private readonly directory: StaffDirectoryService,
    private readonly regulations: RegulationsService,
    private readonly pages: StaffPagesService,
    private readonly modules: ModuleRef,
  ) {}

  page(tenant: TenantContext, staff: StaffPrincipal, params: Record<string, unknown>): Promise<string> {
    return this.render(tenant, staff, params);
  }

  /**
   * The bulk form: a run of decisions for the ticked cases, on the job queue. Started: 303 to its progress page.
   * Refused (by the form's own checks or the run's: a case closed meanwhile, already in a run): the inbox again,
   * on the same list, with the messages beside the cases and inputs and everything as the handler left it.
   */
  async startBatch(tenant: TenantContext, staff: StaffPrincipal, body: unknown): Promise<PageOutcome> {
    const values = bulkValues(body);
    const decision = readBulkDecision(values);
    let problem: BulkProblem;
    let status = 400;
    let running: string[] = [];
    if (Array.isArray(decision)) {
      problem = bulkProblem(values, decision, '');
    } else {
      try {
        const started = await this.batches().start(tenant, staff, decision);
        return { redirect: started.pageUrl };
      } catch (error) {
        if (!(error instanceof ProblemError) || error.status >= 500 || error.status === 403) throw error;
        status = error.status;
        let detail = error.detail;
        if (error.code === 'already-in-batch') {
          // The run's own message points at the API; the page links the runs' progress pages instead.
          running = [...new Set(error.detail.match(UUIDS) ?? [])];
          detail =
            'Een deel van deze zaken wordt al besloten in een reeks die nog loopt. Er is niets gestart.';
        }
        problem = bulkProblem(values, error.errors, detail);
      }
    }
    const params = Object.fromEntries(new URLSearchParams(values.lijst));
    return { status, html: await this.render(tenant, staff, params, problem, running) };
  }

  private async render(
    tenant: TenantContext,
    staff: StaffPrincipal,
    params: Record<string, unknown>,
    bulk?: BulkProblem,
    runningBatches?: string[],
  ): Promise<string> {
    const { filters, cursor } = readInboxFilters(params);
    let page: InboxPage;
    let notice: string | undefined;
    let shownCursor = cursor;
    try {
      page = await this.inbox.list(tenant, staff.userId, inboxQueryOf(filters, cursor));
    } catch (error) {
      // A stale or edited page cursor: start again at the first page rather than end on an error.
      if (!(error instanceof ProblemError) || error.status !== 400 || !cursor) throw error;
      page = await this.inbox.list(tenant, staff.userId, inboxQueryOf(filters));
      notice = 'Die pagina van de lijst bestaat niet meer. U ziet hieronder weer het begin van de lijst.';
      shownCursor = undefined;
    }
    // One after the other: each is its own unit of work.
    const handlers = await this.directory.handlers(tenant.id);
    const regulations = await this.regulations.listActive(tenant.id);
    const view = inboxView(page, {
      tenantSlug: tenant.slug,
      filters,
      handlers,
      regulations,
      cursor: shownCursor,
      bulk,
      runningBatches,
    });
    return this.pages.render(
      tenant,
      'inbox',
      'Inbox',
      { ...view, notice },
      {
        viewer: staff,
        hasErrors: Boolean(bulk),
      },
    );
  }

  /**
   * The decision runs' service lives in DecisionBatchesModule, which itself imports this module (for the
   * progress page's layout), so it is looked up when a run is started rather than injected.
   */
  private batches(): DecisionBatchesService {
    return this.modules.get(DecisionBatchesService, { strict: false });
  }
}
