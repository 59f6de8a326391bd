import { Injectable, StreamableFile } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { downloadOf } from '../documents/documents.controller';
import { DocumentsService } from '../documents/documents.service';
import { messageBodyError } from '../messaging/case-conversation';
import { CaseMessagesService } from '../messaging/case-messages.service';
import { CaseViewService } from '../objections/case-view.service';
import { TenantContext } from '../tenancy/tenant-context';
import { casePageView, ReplyForm } from './case-page';
import { field } from './form-body';
import { readPortalForm } from './portal-form.reader';
import { PortalPagesService } from './portal-pages.service';

export type ReplyOutcome = { status: 303; location: string } | { status: 400; html: string };

/** The citizen's case page, its downloads and the reply form, reached with the secret link (no login). */
@Injectable()
export class CasePagesService {
  constructor(
    private readonly cases: CaseViewService,
    private readonly documents: DocumentsService,
    private readonly pages: PortalPagesService,
    private readonly messages: CaseMessagesService,
  ) {}

  async page(
    tenant: TenantContext,
    token: string,
    received: boolean,
    state: { messageSent?: boolean; reply?: ReplyForm } = {},
  ): Promise<string> {
    const file = await this.cases.byCaseToken(tenant.id, token);
    const entity = await this.pages.tenant(tenant.slug);
    const view = casePageView(file, {
      caseHref: caseHref(tenant, token),
      received,
      firstContactWorkingDays: entity.profile.settings.firstContactWorkingDays,
      tenantName: entity.name,
      ...state,
    });
    const title = received ? 'Uw bezwaar is ontvangen' : `Uw bezwaar ${view.reference}`;
    return this.pages.render(entity, 'case', `${view.errors.length ? 'Fout: ' : ''}${title}`, view);
  }

  /**
   * The reply form: sent, then back to the page (POST-redirect-GET) with a confirmation; or the page again with
   * the error beside the field and the text as typed. A closed case or a wrong link is the error page's.
   */
  async reply(tenant: TenantContext, token: string, request: FastifyRequest): Promise<ReplyOutcome> {
    const { fields } = await readPortalForm(request);
    const body = field(fields, 'body');
    const error = messageBodyError(body);
    if (error) {
      return { status: 400, html: await this.page(tenant, token, false, { reply: { value: body, error } }) };
    }
    await this.messages.fromCitizen(tenant.id, token, body);
    return { status: 303, location: `${caseHref(tenant, token)}?bericht=verstuurd#berichten` };
  }

  async document(tenant: TenantContext, token: string, id: string): Promise<StreamableFile> {
    const { objection } = await this.cases.byCaseToken(tenant.id, token);
    return downloadOf(await this.documents.getWithContent(tenant.id, id, objection.id));
  }
}

function caseHref(tenant: TenantContext, token: string): string {
  return `/${encodeURIComponent(tenant.slug)}/zaak/${encodeURIComponent(token)}`;
}
