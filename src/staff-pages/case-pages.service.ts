import { Injectable, StreamableFile } from '@nestjs/common';
import { StaffDirectoryService } from '../auth/staff-directory.service';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { LegalCalendarService } from '../deadlines/legal-calendar.service';
import { todayInAmsterdam } from '../deadlines/local-date';
import { firstContactOf } from '../inbox/first-contact';
import { isOpen } from '../objections/case-status';
import { downloadOf } from '../documents/documents.controller';
import { DocumentsService } from '../documents/documents.service';
import { CaseMessagesService } from '../messaging/case-messages.service';
import { CaseViewService, staffCaseJson } from '../objections/case-view.service';
import { CaseWorkService } from '../objections/case-work.service';
import { ReferralsService } from '../referrals/referrals.service';
import { TenantContext } from '../tenancy/tenant-context';
import { TenantsService } from '../tenancy/tenants.service';
import { CaseAction, CaseCommand, formProblem, FormProblem, formValues, readCaseCommand } from './case-forms';
import { deadlineState } from './deadline-text';
import { ProcedureActionsService } from './procedure-actions.service';
import { staffHome } from './request-checks';
import { staffCaseView } from './staff-case-view';
import { PageOutcome, StaffPagesService } from './staff-pages.service';

/**
 * A case as a handler works it: the page, its forms (post, then redirect back) and its documents. The forms of
 * the informal approach, the formal procedure and the decision run through ProcedureActionsService.
 */
@Injectable()
export class CasePagesService {
  constructor(
    private readonly cases: CaseViewService,
    private readonly work: CaseWorkService,
    private readonly messages: CaseMessagesService,
    private readonly referrals: ReferralsService,
    private readonly directory: StaffDirectoryService,
    private readonly documents: DocumentsService,
    private readonly calendar: LegalCalendarService,
    private readonly tenants: TenantsService,
    private readonly pages: StaffPagesService,
    private readonly procedure: ProcedureActionsService,
  ) {}

  async page(
    tenant: TenantContext,
    staff: StaffPrincipal,
    reference: string,
    done?: CaseAction,
    problem?: FormProblem,
  ): Promise<string> {
    // One unit of work after the other (never concurrently on the embedded database).
    const file = await this.cases.byReference(tenant.id, reference);
    const handlers = await this.directory.handlers(tenant.id);
    const staffMembers = await this.directory.active(tenant.id);
    const partners = await this.referrals.partners(tenant.id, file.regulation.id);
    const { profile } = await this.tenants.requireBySlug(tenant.slug);
    const calendar = await this.calendar.current();
    const kase = staffCaseJson(file);
    const today = todayInAmsterdam();
    const view = staffCaseView(kase, {
      tenantSlug: tenant.slug,
      viewerId: staff.userId,
      hints: file.regulation.definition.argumentHints ?? [],
      documents: file.documents,
      nextDeadline: deadlineState(kase.nextDeadline, today, calendar, profile.settings.atRiskWorkingDays),
      handlers,
      staff: staffMembers,
      partners,
      today,
      firstContact: firstContactOf({
        calendar,
        receivedAt: file.objection.receivedAt,
        firstContactAt: file.objection.firstContactAt,
        open: isOpen(file.objection.status),
        workingDays: profile.settings.firstContactWorkingDays,
        today,
      }),
      done,
      problem,
    });
    return this.pages.render(tenant, 'case', `Bezwaar ${kase.reference}`, view, {
      viewer: staff,
      hasErrors: Boolean(problem),
    });
  }

  /**
   * Runs one form. Done: 303 back to the case page with a confirmation. Refused (by the form's own checks or
   * by a service's 400/404/409 problem): the page again with the error summary, the message beside the field
   * and everything the handler typed.
   */
  async act(
    tenant: TenantContext,
    staff: StaffPrincipal,
    reference: string,
    action: CaseAction,
    body: unknown,
  ): Promise<PageOutcome> {
    const values = formValues(action, body);
    const command = readCaseCommand(action, values);
    let problem: FormProblem;
    let status = 400;
    if (Array.isArray(command)) {
      problem = formProblem(action, values, command, '');
    } else {
      try {
        await this.run(tenant.id, staff, reference, command);
        return { redirect: `${this.caseHref(tenant, reference)}?gedaan=${action}` };
      } catch (error) {
        if (!(error instanceof ProblemError) || error.status >= 500 || error.status === 403) throw error;
        problem = formProblem(action, values, error.errors, error.detail, error.code);
        status = error.status;
      }
    }
    // A case that does not exist ends on the error page (404) here.
    return { status, html: await this.page(tenant, staff, reference, undefined, problem) };
  }

  async document(tenant: TenantContext, reference: string, id: string): Promise<StreamableFile> {
    const { objection } = await this.cases.byReference(tenant.id, reference);
    return downloadOf(await this.documents.getWithContent(tenant.id, id, objection.id));
  }

  private async run(
    tenantId: string,
    staff: StaffPrincipal,
    reference: string,
    command: CaseCommand,
  ): Promise<unknown> {
    switch (command.action) {
      case 'toewijzen':
        return this.work.assign(tenantId, reference, command.assigneeId, staff);
      case 'status':
        return this.work.moveTo(tenantId, reference, command.to, staff, command.note);
      case 'bericht':
        return this.messages.sendToCitizen(tenantId, reference, command.body, staff);
      case 'doorverwijzen':
        return this.referrals.refer(tenantId, reference, command.partnerCode, staff, command.note);
      default:
        return this.procedure.run(tenantId, staff, reference, command);
    }
  }

  private caseHref(tenant: TenantContext, reference: string): string {
    return `${staffHome(tenant.slug)}/zaken/${encodeURIComponent(reference)}`;
  }
}
