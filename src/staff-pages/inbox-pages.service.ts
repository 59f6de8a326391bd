import { Injectable } from '@nestjs/common';
import { StaffDirectoryService } from '../auth/staff-directory.service';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { InboxPage } from '../inbox/inbox-query';
import { InboxService } from '../inbox/inbox.service';
import { RegulationsService } from '../regulations/regulations.service';
import { TenantContext } from '../tenancy/tenant-context';
import { inboxQueryOf, readInboxFilters } from './inbox-filters';
import { inboxView } from './inbox-view';
import { StaffPagesService } from './staff-pages.service';

/** The handler's inbox page. */
@Injectable()
export class InboxPagesService {
  constructor(
    private readonly inbox: InboxService,
    private readonly directory: StaffDirectoryService,
    private readonly regulations: RegulationsService,
    private readonly pages: StaffPagesService,
  ) {}

  async page(tenant: TenantContext, staff: StaffPrincipal, params: Record<string, unknown>): Promise<string> {
    const { filters, cursor } = readInboxFilters(params);
    let page: InboxPage;
    let notice: string | undefined;
    try {
      page = await this.inbox.list(tenant, staff.userId, inboxQueryOf(filters, cursor));
    } catch (error) {
      // A stale or edited page cursor: start again at the first page rather than end on an error.
      if (!(error instanceof ProblemError) || error.status !== 400 || !cursor) throw error;
      page = await this.inbox.list(tenant, staff.userId, inboxQueryOf(filters));
      notice = 'Die pagina van de lijst bestaat niet meer. U ziet hieronder weer het begin van de lijst.';
    }
    // One after the other: each is its own unit of work.
    const handlers = await this.directory.handlers(tenant.id);
    const regulations = await this.regulations.listActive(tenant.id);
    const view = inboxView(page, { tenantSlug: tenant.slug, filters, handlers, regulations });
    return this.pages.render(
      tenant,
      'inbox',
      'Inbox',
      { ...view, notice },
      { viewerName: handlers.find((h) => h.id === staff.userId)?.name ?? 'Medewerker' },
    );
  }
}
