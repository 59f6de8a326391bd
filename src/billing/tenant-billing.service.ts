import { Injectable } from '@nestjs/common';
import { todayInAmsterdam } from '../deadlines/local-date';
import { Tenant } from '../tenancy/tenant.entity';
import type { LicenceStateDto } from './dto/licence.dto';
import { Invoice } from './entities/invoice.entity';
import { billingPeriod, includedObjections } from './invoice-lines';
import { InvoicesService } from './invoices.service';
import { LicenceRecord, LicencesService } from './licences.service';
import { covers } from './licence-terms';
import { LicenceStateService } from './licence-state.service';
import { PlansService } from './plans.service';
import { UsageService, YearUsage } from './usage.service';

/** A municipality's billing at a glance: what its admin sees, and the top of the operator's licence page. */
export interface BillingOverview {
  state: LicenceStateDto;
  licences: LicenceRecord[];
  /** The licence covering today, if any. */
  current: LicenceRecord | null;
  year: number;
  usage: YearUsage;
  /** Objections included this year under the current licence: the yearly number, and pro rata for its days. */
  included: { perYear: number; thisYear: number } | null;
  invoices: Invoice[];
}

/** Reads a municipality's licences, state, usage and invoices together (several units of work, none nested). */
@Injectable()
export class TenantBillingService {
  constructor(
    private readonly licences: LicencesService,
    private readonly licenceStates: LicenceStateService,
    private readonly usage: UsageService,
    private readonly invoices: InvoicesService,
    private readonly plans: PlansService,
  ) {}

  async state(tenant: Tenant): Promise<LicenceStateDto> {
    const history = await this.licenceStates.history(tenant.id);
    return {
      state: tenant.licenceState,
      since: tenant.licenceStateSince.toISOString(),
      history: history.map((c) => ({
        from: c.fromState,
        to: c.toState,
        reason: c.reason,
        manual: c.operatorId !== null,
        holdUntil: c.holdUntil,
        at: c.createdAt.toISOString(),
      })),
    };
  }

  async overview(tenant: Tenant, year = Number(todayInAmsterdam().slice(0, 4))): Promise<BillingOverview> {
    const today = todayInAmsterdam();
    const licences = await this.licences.history(tenant.id);
    const current = licences.find((l) => covers(l, today)) ?? null;
    return {
      state: await this.state(tenant),
      licences,
      current,
      year,
      usage: await this.usage.year(tenant.id, year),
      included: current ? await this.included(current, year) : null,
      invoices: await this.invoices.list(tenant.id),
    };
  }

  private async included(licence: LicenceRecord, year: number): Promise<BillingOverview['included']> {
    const plan = await this.plans.get(licence.planCode);
    const period = billingPeriod(licence, year);
    return {
      perYear: plan.includedObjections,
      thisYear: period ? includedObjections(plan, period) : 0,
    };
  }
}
