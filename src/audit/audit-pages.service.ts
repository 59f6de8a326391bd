import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { adminHome } from '../staff-pages/request-checks';
import { ADMIN_SECTIONS, PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from '../tenancy/tenant-context';
import { readAuditFilters } from './audit-search';
import { AuditSearchService } from './audit-search.service';
import { auditView } from './audit-view';

/** `/rivierstad/behandelaar/beheer/audit`: the audit trail with its filters; wrong filters show the form (400). */
@Injectable()
export class AuditPagesService {
  constructor(
    private readonly search: AuditSearchService,
    private readonly pages: StaffPagesService,
  ) {}

  async page(
    tenant: TenantContext,
    staff: StaffPrincipal,
    query: Record<string, unknown>,
  ): Promise<PageOutcome> {
    const { filters, errors } = readAuditFilters(query);
    const found = errors.length ? null : await this.search.search(tenant.id, filters);
    const path = `${adminHome(tenant.slug)}${ADMIN_SECTIONS.audit.path}`;
    const html = this.pages.renderAdmin(
      tenant,
      'audit',
      'admin/audit',
      ADMIN_SECTIONS.audit.label,
      auditView(path, query, errors, filters, found),
      { viewer: staff, hasErrors: errors.length > 0 },
    );
    return { status: errors.length ? 400 : 200, html };
  }
}
