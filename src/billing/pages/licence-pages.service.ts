import { Inject, Injectable } from '@nestjs/common';
import { ProblemError } from '../../common/problems/problem.error';
import { addDays, isLocalDate, todayInAmsterdam } from '../../deadlines/local-date';
import type { OperatorPrincipal } from '../../operators/operator.guard';
import { platformNav } from '../../platform/platform-nav';
import { field, FormFields } from '../../portal/form-body';
import { PageOutcome, StaffPagesService } from '../../staff-pages/staff-pages.service';
import { Tenant } from '../../tenancy/tenant.entity';
import { TenantsService } from '../../tenancy/tenants.service';
import { PLATFORM_CONFIG } from '../billing-config';
import { formErrors, FormState, readLicenceForm } from '../billing-forms';
import {
  dateText,
  errorSummary,
  formFields,
  invoiceRow,
  LICENCE_STATE_LABELS,
  licenceRow,
  momentText,
  selectOptions,
  usageRows,
} from '../billing-view';
import { InvoiceGenerationService } from '../invoice-generation.service';
import { formatCount } from '../licence-plan';
import { LicencesService } from '../licences.service';
import { LicenceStateService } from '../licence-state.service';
import type { PlatformConfig } from '../platform-config';
import { PlansService } from '../plans.service';
import { TenantBillingService } from '../tenant-billing.service';
import { invoicePath, licencePath } from './platform-billing-paths';

const DONE: Record<string, string> = {
  toegekend: 'De licentie is toegekend.',
  opgeschort: 'De licentie is opgeschort.',
  geactiveerd: 'De licentie is weer actief.',
};

/** The form names on the licence page: what each action posts to (`…/licentie/<action>`). */
export const LICENCE_ACTIONS = ['toekennen', 'opschorten', 'activeren', 'factureren'] as const;
export type LicenceAction = (typeof LICENCE_ACTIONS)[number];

/**
 * `/platform/gemeenten/<slug>/licentie`: a municipality's licence state (and the operator's hand on it), its
 * licences, its usage per month and its invoices, with the forms that change them.
 */
@Injectable()
export class LicencePagesService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly billing: TenantBillingService,
    private readonly plans: PlansService,
    private readonly licences: LicencesService,
    private readonly licenceStates: LicenceStateService,
    private readonly generation: InvoiceGenerationService,
    private readonly pages: StaffPagesService,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {}

  async page(
    operator: OperatorPrincipal,
    slug: string,
    options: { year?: number; done?: string; state?: FormState } = {},
  ): Promise<string> {
    const tenant = await this.tenants.requireBySlug(slug);
    const overview = await this.billing.overview(tenant, options.year);
    const plans = (await this.plans.list()).filter((p) => p.active);
    const today = todayInAmsterdam();
    const home = licencePath(tenant.slug);
    const state = options.state;
    const latest = overview.state.history[0];
    const thisYear = Number(today.slice(0, 4));
    const assign = formFields('toekennen', state, { begin: today, korting: '0' });
    const suspend = formFields('opschorten', state);
    const activate = formFields('activeren', state, { tot: addDays(today, 30) });
    const generate = formFields('factureren', state, { jaar: String(thisYear) });
    const years = Array.from({ length: 6 }, (_, i) => String(thisYear - 4 + i));

    return this.pages.renderPlatform(
      'platform/licence',
      `Licentie ${tenant.name}`,
      {
        tenant: { name: tenant.name, tenantHref: `/platform/gemeenten/${encodeURIComponent(tenant.slug)}` },
        done: options.done ? DONE[options.done] : undefined,
        errors: errorSummary(state),
        openForms: state ? { [state.form]: true } : {},
        policy: this.platform.licenceStates,
        state: {
          label: LICENCE_STATE_LABELS[tenant.licenceState],
          modifier: tenant.licenceState,
          since: momentText(tenant.licenceStateSince),
          reason: latest?.to === tenant.licenceState ? latest.reason : undefined,
          suspended: tenant.licenceState === 'suspended',
          history: overview.state.history.map((c) => ({
            at: momentText(new Date(c.at)),
            change: `${LICENCE_STATE_LABELS[c.from]} → ${LICENCE_STATE_LABELS[c.to]}`,
            reason: c.reason,
            by: c.manual
              ? `Platformbeheerder${c.holdUntil ? `, tot en met ${dateText(c.holdUntil)}` : ''}`
              : 'Automatisch',
          })),
        },
        suspendForm: { action: `${home}/opschorten`, reason: suspend('reden') },
        activateForm: { action: `${home}/activeren`, reason: activate('reden'), until: activate('tot') },
        licences: overview.licences.map(licenceRow),
        assignForm: {
          action: `${home}/toekennen`,
          noPlans: plans.length === 0,
          plan: {
            field: assign('plan'),
            options: selectOptions(
              [
                { value: '', label: 'Kies een plan' },
                ...plans.map((p) => ({ value: p.code, label: p.name })),
              ],
              assign('plan').value,
            ),
          },
          begin: assign('begin'),
          einde: assign('einde'),
          korting: assign('korting'),
          reden: assign('reden'),
        },
        usage: {
          year: overview.year,
          rows: usageRows(overview.usage),
          total: formatCount(overview.usage.total),
          included: overview.included ? formatCount(overview.included.thisYear) : undefined,
          previousHref: `${home}?jaar=${overview.year - 1}`,
          nextHref: overview.year < thisYear ? `${home}?jaar=${overview.year + 1}` : undefined,
        },
        invoices: overview.invoices.map((i) =>
          invoiceRow(i, {
            href: invoicePath(tenant.slug, i.id),
            pdfHref: `${invoicePath(tenant.slug, i.id)}/pdf`,
          }),
        ),
        generateForm: {
          action: `${home}/factureren`,
          year: {
            field: generate('jaar'),
            options: selectOptions(
              years.map((y) => ({ value: y, label: y })),
              generate('jaar').value,
            ),
          },
        },
      },
      { viewerName: operator.name, nav: platformNav('tenants'), hasErrors: Boolean(state) },
    );
  }

  async act(
    operator: OperatorPrincipal,
    slug: string,
    action: LicenceAction,
    fields: FormFields,
  ): Promise<PageOutcome> {
    const tenant = await this.tenants.requireBySlug(slug);
    const values = Object.fromEntries(
      ['plan', 'begin', 'einde', 'korting', 'reden', 'tot', 'jaar'].map((name) => [
        name,
        field(fields, name).trim(),
      ]),
    );
    const retry = async (errors: Record<string, string>) => ({
      status: 400,
      html: await this.page(operator, slug, { state: { form: action, values, errors } }),
    });
    try {
      return await this.perform(operator, tenant, action, values, retry);
    } catch (error) {
      if (!(error instanceof ProblemError) || ![400, 409].includes(error.status)) throw error;
      const names = {
        planCode: 'plan',
        startsOn: 'begin',
        endsOn: 'einde',
        discountBasisPoints: 'korting',
        discountReason: 'reden',
        reason: 'reden',
        holdUntil: 'tot',
        year: 'jaar',
      };
      const first = { toekennen: 'begin', opschorten: 'reden', activeren: 'reden', factureren: 'jaar' }[
        action
      ];
      return retry(error.errors?.length ? formErrors(error.errors, names, first) : { [first]: error.detail });
    }
  }

  private async perform(
    operator: OperatorPrincipal,
    tenant: Tenant,
    action: LicenceAction,
    values: Record<string, string>,
    retry: (errors: Record<string, string>) => Promise<PageOutcome>,
  ): Promise<PageOutcome> {
    const home = licencePath(tenant.slug);
    switch (action) {
      case 'toekennen': {
        const read = readLicenceForm(values);
        if ('errors' in read) return retry(read.errors);
        await this.licences.assign(tenant.id, read.ok);
        return { redirect: `${home}?gedaan=toegekend` };
      }
      case 'opschorten':
        await this.licenceStates.setByOperator(tenant.id, operator.operatorId, {
          state: 'suspended',
          reason: values.reden,
        });
        return { redirect: `${home}?gedaan=opgeschort` };
      case 'activeren': {
        const until = values.tot;
        if (!isLocalDate(until))
          return retry({ tot: 'Vul een datum in tot wanneer de licentie actief blijft.' });
        await this.licenceStates.setByOperator(tenant.id, operator.operatorId, {
          state: 'active',
          reason: values.reden,
          holdUntil: until,
        });
        return { redirect: `${home}?gedaan=geactiveerd` };
      }
      case 'factureren': {
        const drafts = await this.generation.generate(tenant.id, Number(values.jaar));
        return {
          redirect:
            drafts.length === 1
              ? `${invoicePath(tenant.slug, drafts[0].id)}?gedaan=gemaakt`
              : `${home}#facturen`,
        };
      }
    }
  }
}
