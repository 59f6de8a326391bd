import { Get, Param, StreamableFile } from '@nestjs/common';
import { CurrentStaff, StaffPrincipal } from '../../auth/staff-principal';
import { AdminPages, Download, HtmlPage } from '../../staff-pages/page-decorators';
import { CurrentTenant, TenantContext } from '../../tenancy/tenant-context';
import { pdfDownload } from '../billing-http';
import { InvoicesService } from '../invoices.service';
import { AdminLicencePagesService } from './admin-licence-pages.service';

/** `/rivierstad/behandelaar/beheer/licentie` and its invoices' PDFs: read only, also under a suspended licence. */
@AdminPages(':tenant/behandelaar/beheer/licentie')
export class AdminLicenceController {
  constructor(
    private readonly pages: AdminLicencePagesService,
    private readonly invoices: InvoicesService,
  ) {}

  @Get()
  @HtmlPage()
  page(@CurrentTenant() tenant: TenantContext, @CurrentStaff() staff: StaffPrincipal): Promise<string> {
    return this.pages.page(tenant, staff);
  }

  @Get('facturen/:id/pdf')
  @Download()
  async pdf(@CurrentTenant() tenant: TenantContext, @Param('id') id: string): Promise<StreamableFile> {
    return pdfDownload(await this.invoices.pdf(tenant.id, id));
  }
}
