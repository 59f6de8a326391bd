import { ApiController } from '../common/api-controller.decorator';
import { Body, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { downloadOf } from '../documents/documents.controller';
import { DocumentsService } from '../documents/documents.service';
import { caseMessages, CITIZEN_EVENT_KINDS, sentReferrals } from '../messaging/case-conversation';
import { CaseMessagesService } from '../messaging/case-messages.service';
import { CaseMessageDto, MessageSentDto } from '../messaging/dto/case-message.dto';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { CaseViewService, documentJson } from './case-view.service';
import { MISSING_ELEMENT_LABELS, MissingElement } from './filing-rules';
import { Audited } from '../audit/audited.decorator';

/** The citizen's view of a case, reached with the secret link from the filing (no login needed). */
@ApiTags('citizens')
@ApiController('tenants/:tenant/cases/:token')
export class CitizenCaseController {
  constructor(
    private readonly cases: CaseViewService,
    private readonly documents: DocumentsService,
    // Provided by the global MessagingModule: this module need not import it.
    private readonly messages: CaseMessagesService,
  ) {}

  @Get()
  @Audited('case.read')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({
    description: 'Status, deadlines, documents, messages, referrals and the timeline of the case',
  })
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
      messages: caseMessages(events).map((m) => ({ at: m.at.toISOString(), from: m.from, body: m.body })),
      referrals: sentReferrals(events).map((r) => ({
        at: r.at.toISOString(),
        name: r.name,
        description: r.description,
        phone: r.phone,
        email: r.email,
        website: r.website,
        note: r.note,
      })),
      // Only what concerns the citizen; assignments and signals stay inside the municipality.
      events: events
        .filter((e) => CITIZEN_EVENT_KINDS.includes(e.kind))
        .map((e) => ({ at: e.at.toISOString(), kind: e.kind })),
    };
  }

  /** A message to the handler; the case's signals are read again with it. */
  @Post('messages')
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: MessageSentDto })
  @ApiConflictResponse({ description: 'The case is closed (problem code case-closed)' })
  async sendMessage(
    @CurrentTenant() tenant: TenantContext,
    @Param('token') token: string,
    @Body() message: CaseMessageDto,
  ): Promise<MessageSentDto> {
    const at = new Date();
    await this.messages.fromCitizen(tenant.id, token, message.body, at);
    return { at: at.toISOString() };
  }

  @Get('documents/:id')
  @Audited('document.read')
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
