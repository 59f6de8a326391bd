import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { staffActor } from '../objections/timeline';
import { adminHome, staffHome } from '../staff-pages/request-checks';
import { ADMIN_SECTIONS, PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from '../tenancy/tenant-context';
import { LegalHoldService, LegalHoldState } from './legal-hold.service';
import { BASIS_LABELS } from './retention-rule';
import { RetentionService } from './retention.service';

export const HOLD_ACTIONS = { plaatsen: 'place', opheffen: 'lift' } as const;
export type HoldAction = keyof typeof HOLD_ACTIONS;

const MAX_REASON = 500;

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});
const written = (iso: string | null) => (iso ? DATE_TIME.format(new Date(iso)) : '');

/**
 * The pages of retention: a case's legal hold (handlers and admins, linked from the case page) and the tenant
 * admin's overview of the retention job's runs, held cases and what is due.
 */
@Injectable()
export class RetentionPagesService {
  constructor(
    private readonly holds: LegalHoldService,
    private readonly retention: RetentionService,
    private readonly pages: StaffPagesService,
  ) {}

  isHoldAction(action: string): action is HoldAction {
    return action in HOLD_ACTIONS;
  }

  async holdPage(
    tenant: TenantContext,
    staff: StaffPrincipal,
    reference: string,
    done: unknown,
    problem?: { reason: string; error: string },
  ): Promise<string> {
    const state = await this.holds.state(tenant.id, reference);
    return this.renderHold(tenant, staff, state, done === '1', problem);
  }

  async holdAction(
    tenant: TenantContext,
    staff: StaffPrincipal,
    reference: string,
    action: HoldAction,
    body: unknown,
  ): Promise<PageOutcome> {
    const raw = (body as Record<string, unknown> | null)?.reden;
    const reason = typeof raw === 'string' ? raw.trim() : '';
    const refuse = async (error: string, status = 400): Promise<PageOutcome> => ({
      status,
      html: await this.holdPage(tenant, staff, reference, undefined, { reason, error }),
    });
    if (!reason) return refuse('Geef een reden.');
    if (reason.length > MAX_REASON) return refuse(`Gebruik hooguit ${MAX_REASON} tekens.`);
    try {
      if (HOLD_ACTIONS[action] === 'place') {
        await this.holds.place(tenant.id, reference, staffActor(staff.userId), reason);
      } else {
        await this.holds.lift(tenant.id, reference, staffActor(staff.userId), reason);
      }
    } catch (error) {
      if (error instanceof ProblemError && error.status === 409) return refuse(error.detail, 409);
      throw error;
    }
    return { redirect: `${holdPath(tenant.slug, reference)}?gedaan=1` };
  }

  async adminPage(tenant: TenantContext, staff: StaffPrincipal, done: unknown): Promise<string> {
    // One unit of work after the other (never concurrently on the embedded database).
    const runs = await this.retention.runs(tenant.id);
    const held = await this.holds.heldCases(tenant.id);
    const due = await this.retention.dueCases(tenant.id);
    const caseHref = (reference: string) =>
      `${staffHome(tenant.slug)}/zaken/${encodeURIComponent(reference)}`;
    return this.pages.renderAdmin(
      tenant,
      'retention',
      'admin/retention',
      'Bewaartermijnen',
      {
        done: done === '1' ? 'De bewaartermijnen zijn nagelopen. Het verslag staat bovenaan.' : null,
        runAction: `${adminHome(tenant.slug)}${ADMIN_SECTIONS.retention.path}/uitvoeren`,
        runs: runs.map((run) => ({
          when: written(run.startedAt),
          trigger: run.trigger === 'schedule' ? 'Dagelijks' : 'Op verzoek',
          finished: run.finishedAt !== null,
          anonymised: run.anonymised,
          held: run.held,
          failed: run.failed,
          anonymisedReferences: run.anonymisedReferences.join(', '),
          heldReferences: run.heldReferences.join(', '),
          failedReferences: run.failedReferences.join(', '),
        })),
        held: held.map((h) => ({
          reference: h.reference,
          href: holdPath(tenant.slug, h.reference),
          reason: h.reason,
          since: written(h.since),
        })),
        due: due.map((d) => ({
          reference: d.reference,
          href: caseHref(d.reference),
          basis: BASIS_LABELS[d.basis],
          destroyAfter: d.destroyAfter,
          held: d.held,
        })),
      },
      { viewer: staff },
    );
  }

  async runNow(tenant: TenantContext, staff: StaffPrincipal): Promise<PageOutcome> {
    await this.retention.runNow(tenant.id, staff.userId);
    return { redirect: `${adminHome(tenant.slug)}${ADMIN_SECTIONS.retention.path}?gedaan=1` };
  }

  private renderHold(
    tenant: TenantContext,
    staff: StaffPrincipal,
    state: LegalHoldState,
    done: boolean,
    problem?: { reason: string; error: string },
  ): string {
    const path = holdPath(tenant.slug, state.reference);
    const action: HoldAction = state.held ? 'opheffen' : 'plaatsen';
    return this.pages.render(
      tenant,
      'legal-hold',
      `Bewaarplicht ${state.reference}`,
      {
        reference: state.reference,
        caseHref: `${staffHome(tenant.slug)}/zaken/${encodeURIComponent(state.reference)}`,
        held: state.held,
        reason: state.reason,
        since: written(state.since),
        anonymised: state.anonymised,
        done: done ? (state.held ? 'De bewaarplicht is vastgelegd.' : 'De bewaarplicht is opgeheven.') : null,
        errors: problem ? [{ href: '#reden', message: problem.error }] : [],
        form: {
          action: `${path}/${action}`,
          button: state.held ? 'Bewaarplicht opheffen' : 'Bewaarplicht vastleggen',
          field: { id: 'reden', name: 'reden', value: problem?.reason ?? '', error: problem?.error },
        },
      },
      { viewer: staff, hasErrors: Boolean(problem) },
    );
  }
}

export function holdPath(tenantSlug: string, reference: string): string {
  return `${staffHome(tenantSlug)}/bewaarplicht/${encodeURIComponent(reference)}`;
}
