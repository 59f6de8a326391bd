import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/staff-principal';
import { adminHome } from '../../staff-pages/request-checks';
import { StaffPagesService } from '../../staff-pages/staff-pages.service';
import { TenantContext } from '../../tenancy/tenant-context';
import { TenantsService } from '../../tenancy/tenants.service';
import { invoiceRow, LICENCE_STATE_LABELS, licenceRow, momentText, usageRows } from '../billing-view';
import { formatCount } from '../licence-plan';
import { TenantBillingService } from '../tenant-billing.service';

const STATE_TEXT = {
  active: 'Alles is in orde.',
  grace:
    'Er staat een betaling te lang open, of de licentie is afgelopen. U kunt nog gewoon werken. Blijft het zo, dan wordt de licentie opgeschort: dan kunnen medewerkers alleen nog lezen en exporteren.',
  suspended:
    'Medewerkers kunnen zaken inzien en exporteren, maar niets wijzigen. Inwoners kunnen wel bezwaar blijven maken en hun zaak inzien.',
} as const;

/** `/:tenant/behandelaar/beheer/licentie`: the municipality's own licence, usage and invoices, read only. */
@Injectable()
export class AdminLicencePagesService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly billing: TenantBillingService,
    private readonly pages: StaffPagesService,
  ) {}

  async page(context: TenantContext, staff: StaffPrincipal): Promise<string> {
    const tenant = await this.tenants.requireBySlug(context.slug);
    const overview = await this.billing.overview(tenant);
    const latest = overview.state.history[0];
    const base = `${adminHome(tenant.slug)}/licentie/facturen`;
    return this.pages.renderAdmin(
      context,
      'licence',
      'admin/licence',
      'Licentie en facturen',
      {
        state: {
          label: LICENCE_STATE_LABELS[tenant.licenceState],
          since: momentText(tenant.licenceStateSince),
          text: STATE_TEXT[tenant.licenceState],
          reason:
            tenant.licenceState !== 'active' && latest?.to === tenant.licenceState
              ? latest.reason
              : undefined,
        },
        current: overview.current ? licenceRow(overview.current) : undefined,
        usage: {
          year: overview.year,
          total: formatCount(overview.usage.total),
          included: overview.included ? formatCount(overview.included.thisYear) : undefined,
          above:
            overview.included && overview.usage.total > overview.included.thisYear
              ? formatCount(overview.usage.total - overview.included.thisYear)
              : undefined,
          rows: usageRows(overview.usage),
        },
        invoices: overview.invoices
          .filter((i) => i.status !== 'draft')
          .map((i) => invoiceRow(i, { pdfHref: `${base}/${i.id}/pdf` })),
      },
      { viewer: staff },
    );
  }
}
