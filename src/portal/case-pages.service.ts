import { Injectable, StreamableFile } from '@nestjs/common';
import { downloadOf } from '../documents/documents.controller';
import { DocumentsService } from '../documents/documents.service';
import { CaseViewService } from '../objections/case-view.service';
import { TenantContext } from '../tenancy/tenant-context';
import { casePageView } from './case-page';
import { PortalPagesService } from './portal-pages.service';

/** The citizen's case page and its downloads, reached with the secret link (no login). */
@Injectable()
export class CasePagesService {
  constructor(
    private readonly cases: CaseViewService,
    private readonly documents: DocumentsService,
    private readonly pages: PortalPagesService,
  ) {}

  async page(tenant: TenantContext, token: string, received: boolean): Promise<string> {
    const file = await this.cases.byCaseToken(tenant.id, token);
    const entity = await this.pages.tenant(tenant.slug);
    const view = casePageView(file, {
      caseHref: `/${encodeURIComponent(tenant.slug)}/zaak/${encodeURIComponent(token)}`,
      received,
      firstContactWorkingDays: entity.profile.settings.firstContactWorkingDays,
    });
    const title = received ? 'Uw bezwaar is ontvangen' : `Uw bezwaar ${view.reference}`;
    return this.pages.render(entity, 'case', title, view);
  }

  async document(tenant: TenantContext, token: string, id: string): Promise<StreamableFile> {
    const { objection } = await this.cases.byCaseToken(tenant.id, token);
    return downloadOf(await this.documents.getWithContent(tenant.id, id, objection.id));
  }
}
