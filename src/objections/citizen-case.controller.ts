import { ApiController } from '../common/api-controller.decorator';
import { Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { downloadOf } from '../documents/documents.controller';
import { DocumentsService } from '../documents/documents.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { CaseViewService, documentJson } from './case-view.service';
import { MISSING_ELEMENT_LABELS, MissingElement } from './filing-rules';

/** The citizen's view of a case, reached with the secret link from the filing (no login needed). */
@ApiTags('citizens')
@ApiController('tenants/:tenant/cases/:token')
export class CitizenCaseController {
  constructor(
    private readonly cases: CaseViewService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'Status, deadlines, documents and timeline of the case' })
  async get(@CurrentTenant() tenant: TenantContext, @Param('token') token: string) {
    const { objection, regulation, documents, events } = await this.cases.byCaseToken(tenant.id, token);
    return {
      reference: objection.reference,
      status: objection.status,
      regulation: regulation.name,
      receivedAt: objection.receivedAt.toISOString(),
      timely: objection.timely,
      objectionTermEnds: objection.objectionTermEnds,
      decisionTermEnds: objection.decisionTermEnds,
      missingElements: objection.missingElements.map((c) => MISSING_ELEMENT_LABELS[c as MissingElement] ?? c),
      documents: documents.map(documentJson),
      events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind })),
    };
  }

  @Get('documents/:id')
  @Header('cache-control', 'no-store')
  async document(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    const { objection } = await this.cases.byCaseToken(tenant.id, token);
    return downloadOf(await this.documents.getWithContent(tenant.id, id, objection.id));
  }
}
