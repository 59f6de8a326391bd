import { Injectable } from '@nestjs/common';
import { ProblemError } from '../../common/problems/problem.error';
import type { OperatorPrincipal } from '../../operators/operator.guard';
import { platformNav } from '../../platform/platform-nav';
import { FormFields } from '../../portal/form-body';
import { PageOutcome, StaffPagesService } from '../../staff-pages/staff-pages.service';
import { BAND_ROWS, formErrors, FormState, planFormOf, planFormValues, readPlanForm } from '../billing-forms';
import { errorSummary, formFields, planRow } from '../billing-view';
import { planProblems } from '../licence-plan';
import { PlansService } from '../plans.service';
import { NEW_PLAN_PATH, planPath, PLANS_PATH } from './platform-billing-paths';

/** `/platform/plannen`: the plans, a new plan, and changing or retiring one. */
@Injectable()
export class PlanPagesService {
  constructor(
    private readonly plans: PlansService,
    private readonly pages: StaffPagesService,
  ) {}

  async list(operator: OperatorPrincipal, saved?: string): Promise<string> {
    const plans = await this.plans.list();
    return this.pages.renderPlatform(
      'platform/plans',
      'Licentieplannen',
      {
        saved: plans.find((p) => p.code === saved)?.name,
        plans: plans.map((plan) => planRow(plan, planPath(plan.code))),
        newHref: NEW_PLAN_PATH,
      },
      { viewerName: operator.name, nav: platformNav('plans') },
    );
  }

  async form(operator: OperatorPrincipal, code?: string, state?: FormState): Promise<string> {
    const plan = code ? await this.plans.get(code) : undefined;
    const proposed = plan ? planFormOf(plan) : { actief: 'ja' };
    const input = formFields('plan', state, proposed);
    const title = plan ? `Plan ${plan.name}` : 'Nieuw licentieplan';
    return this.pages.renderPlatform(
      'platform/plan-form',
      title,
      {
        heading: title,
        isNew: !plan,
        code: plan?.code,
        action: plan ? planPath(plan.code) : NEW_PLAN_PATH,
        backHref: PLANS_PATH,
        errors: errorSummary(state),
        fields: {
          code: input('code'),
          naam: input('naam'),
          implementatie: input('implementatie'),
          inbegrepen: input('inbegrepen'),
          extra: input('extra'),
        },
        bandRows: Array.from({ length: BAND_ROWS }, (_, i) => ({
          upToLabel: `Staffel ${i + 1}: tot en met hoeveel inwoners`,
          feeLabel: `Staffel ${i + 1}: jaarbedrag in euro`,
          upTo: input(`staffel-${i + 1}-inwoners`),
          fee: input(`staffel-${i + 1}-bedrag`),
        })),
        active: {
          id: 'plan-actief',
          name: 'actief',
          options: [
            {
              id: 'plan-actief',
              value: 'ja',
              label: 'Aanbieden voor nieuwe licenties',
              checked: input('actief').value === 'ja',
            },
          ],
        },
      },
      { viewerName: operator.name, nav: platformNav('plans'), hasErrors: Boolean(state) },
    );
  }

  /** Saves a new plan (no code) or a changed one; back to the list, or the form again with what is wrong. */
  async save(
    operator: OperatorPrincipal,
    code: string | undefined,
    fields: FormFields,
  ): Promise<PageOutcome> {
    const values = planFormValues(fields);
    if (code) values.code = code;
    const read = readPlanForm(values, planProblems);
    const retry = async (errors: Record<string, string>) => ({
      status: 400,
      html: await this.form(operator, code, { form: 'plan', values, errors }),
    });
    if ('errors' in read) return retry(read.errors);
    const { active, ...terms } = read.ok;
    try {
      if (code) await this.plans.update(code, terms, active);
      else await this.plans.create(terms);
    } catch (error) {
      if (!(error instanceof ProblemError && error.status === 400)) throw error;
      return retry(formErrors(error.errors ?? [], { code: 'code', name: 'naam' }, 'naam'));
    }
    return { redirect: `${PLANS_PATH}?opgeslagen=${encodeURIComponent(terms.code)}` };
  }
}
