import { Injectable } from '@nestjs/common';
import { INVITATION_VALID_DAYS } from '../auth/staff-account-rules';
import { PlansService } from '../billing/plans.service';
import { FieldError, ProblemError } from '../common/problems/problem.error';
import { validateInput } from '../common/problems/validation';
import { todayInAmsterdam } from '../deadlines/local-date';
import type { OperatorPrincipal } from '../operators/operator.guard';
import { FormFields, field } from '../portal/form-body';
import { FieldView } from '../staff-pages/form-fields';
import { PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { DISTRICT_COURTS } from './district-courts';
import { AdminInviteDto, OnboardTenantDto } from './dto/onboard-tenant.dto';
import {
  ONBOARDING_FORM_FIELDS,
  OnboardingFormField,
  onboardingFormErrors,
  onboardingFormValues,
  OnboardingFormValues,
  onboardingRequest,
  placeFieldErrors,
} from './onboarding-form';
import { platformNav } from './platform-nav';
import { PlatformTenantsService } from './platform-tenants.service';
import {
  adminRow,
  dutchDay,
  LICENCE_STATE_LABELS,
  profileRows,
  tenantPath,
  tenantRow,
} from './platform-tenant-view';
import { TenantAdminsService } from './tenant-admins.service';
import { TenantOffboardingService } from './tenant-offboarding.service';
import { TenantOnboardingService } from './tenant-onboarding.service';

export const ONBOARD_PATH = '/platform/gemeenten/nieuw';

type Notice = 'onboarded' | 'offboarded' | 'invited';

/** A form of the details page that came back: its values, its errors per input, and errors of no input. */
interface DetailsProblem {
  values: Record<string, string>;
  fields: Record<string, string>;
  other: string[];
}

/** The operator's pages about municipalities: the list, the onboarding form and one municipality. */
@Injectable()
export class PlatformTenantPagesService {
  constructor(
    private readonly pages: StaffPagesService,
    private readonly tenants: PlatformTenantsService,
    private readonly plans: PlansService,
    private readonly onboarding: TenantOnboardingService,
    private readonly offboarding: TenantOffboardingService,
    private readonly admins: TenantAdminsService,
  ) {}

  async list(operator: OperatorPrincipal): Promise<string> {
    const rows = (await this.tenants.list()).map(tenantRow);
    return this.pages.renderPlatform(
      'platform/tenants',
      'Gemeenten',
      { rows, onboardHref: ONBOARD_PATH },
      { viewerName: operator.name, nav: platformNav('tenants') },
    );
  }

  async form(operator: OperatorPrincipal): Promise<string> {
    const values = Object.fromEntries(
      ONBOARDING_FORM_FIELDS.map(([name]) => [name, '']),
    ) as OnboardingFormValues;
    values.ingangsdatum = todayInAmsterdam();
    return this.renderForm(operator, values, {}, []);
  }

  async onboard(operator: OperatorPrincipal, fields: FormFields): Promise<PageOutcome> {
    const values = onboardingFormValues(fields);
    try {
      const input = await validateInput(OnboardTenantDto, onboardingRequest(values));
      await this.onboarding.onboard(input, operator);
      return { redirect: `${tenantPath(input.slug)}?aangemeld=1` };
    } catch (error) {
      const errors = formErrorsOf(error);
      if (!errors) throw error;
      const placed = onboardingFormErrors(errors);
      return { status: 400, html: await this.renderForm(operator, values, placed.fields, placed.other) };
    }
  }

  async details(
    operator: OperatorPrincipal,
    slug: string,
    notice?: Notice,
    problem?: DetailsProblem,
  ): Promise<string> {
    const details = await this.tenants.details(slug);
    const home = tenantPath(details.slug);
    const input = (name: string, value = ''): FieldView => ({
      id: name,
      name,
      value: problem?.values[name] ?? value,
      error: problem?.fields[name],
    });
    const errors = problem
      ? [
          ...Object.entries(problem.fields).map(([name, message]) => ({ href: `#${name}`, message })),
          ...problem.other.map((message) => ({ message })),
        ]
      : [];
    return this.pages.renderPlatform(
      'platform/tenant',
      details.name,
      {
        name: details.name,
        slug: details.slug,
        active: details.status === 'active',
        onboarded: notice === 'onboarded',
        offboardedNow: notice === 'offboarded',
        invited: notice === 'invited',
        invitedAdmin: notice === 'onboarded' ? details.admins[0]?.email : undefined,
        admins: details.admins.map(adminRow),
        rows: profileRows(details),
        licenceState: LICENCE_STATE_LABELS[details.licenceState],
        plan: details.licence?.planName,
        licenceHref: `${home}/licentie`,
        exportHref: `${home}/export`,
        exportedAt: details.exportedAt ? dutchDay(details.exportedAt) : undefined,
        invite: {
          action: `${home}/beheerders`,
          name: input('beheerder-naam'),
          email: input('beheerder-email'),
          hint: `De beheerder krijgt een e-mail met een link om een wachtwoord te kiezen. De link werkt ${INVITATION_VALID_DAYS} dagen.`,
        },
        offboard: {
          action: `${home}/van-platform`,
          confirm: input('confirm'),
          label: `Typ ter bevestiging de korte naam: ${details.slug}`,
        },
        errors,
      },
      { viewerName: operator.name, nav: platformNav('tenants'), hasErrors: errors.length > 0 },
    );
  }

  async inviteAdmin(operator: OperatorPrincipal, slug: string, fields: FormFields): Promise<PageOutcome> {
    const values = {
      'beheerder-naam': field(fields, 'beheerder-naam').trim(),
      'beheerder-email': field(fields, 'beheerder-email').trim(),
    };
    try {
      const admin = await validateInput(AdminInviteDto, {
        name: values['beheerder-naam'],
        email: values['beheerder-email'],
      });
      await this.admins.invite(slug, admin);
      return { redirect: `${tenantPath(slug)}?uitgenodigd=1` };
    } catch (error) {
      if (!(error instanceof ProblemError) || (error.status !== 400 && error.status !== 409)) throw error;
      const names: Record<string, string> = { name: 'beheerder-naam', email: 'beheerder-email' };
      return {
        status: 400,
        html: await this.details(operator, slug, undefined, detailsProblem(error, names, values)),
      };
    }
  }

  async offboard(operator: OperatorPrincipal, slug: string, fields: FormFields): Promise<PageOutcome> {
    try {
      await this.offboarding.offboard(slug, field(fields, 'confirm'), operator);
      return { redirect: `${tenantPath(slug)}?van-platform=1` };
    } catch (error) {
      if (!(error instanceof ProblemError) || (error.status !== 400 && error.status !== 409)) throw error;
      return {
        status: 400,
        html: await this.details(
          operator,
          slug,
          undefined,
          detailsProblem(error, { confirm: 'confirm' }, {}),
        ),
      };
    }
  }

  private async renderForm(
    operator: OperatorPrincipal,
    values: OnboardingFormValues,
    fieldErrors: Partial<Record<OnboardingFormField, string>>,
    otherErrors: string[],
  ): Promise<string> {
    const input = (name: OnboardingFormField): FieldView => ({
      id: name,
      name,
      value: values[name],
      error: fieldErrors[name],
    });
    const select = (
      name: OnboardingFormField,
      choices: { value: string; label: string }[],
      prompt: string,
    ) => ({
      field: input(name),
      options: [{ value: '', label: prompt }, ...choices].map((choice) => ({
        ...choice,
        selected: choice.value === values[name],
      })),
    });
    const plans = (await this.plans.list()).filter((plan) => plan.active);
    const errors = [
      ...ONBOARDING_FORM_FIELDS.flatMap(([name]) =>
        fieldErrors[name] ? [{ href: `#${name}`, message: fieldErrors[name] }] : [],
      ),
      ...otherErrors.map((message) => ({ message })),
    ];
    const fields = Object.fromEntries(ONBOARDING_FORM_FIELDS.map(([name]) => [name, input(name)]));
    return this.pages.renderPlatform(
      'platform/onboard',
      'Gemeente aanmelden',
      {
        action: ONBOARD_PATH,
        errors,
        fields,
        court: select(
          'rechtbank',
          DISTRICT_COURTS.map((c) => ({ value: c.code, label: c.name })),
          'Kies de rechtbank',
        ),
        plan: select(
          'plan',
          plans.map((p) => ({ value: p.code, label: p.name })),
          'Kies een licentieplan',
        ),
        noPlans: plans.length === 0,
        invitationHint: `Hierheen gaat de uitnodiging. De link werkt ${INVITATION_VALID_DAYS} dagen.`,
      },
      { viewerName: operator.name, nav: platformNav('tenants'), hasErrors: errors.length > 0 },
    );
  }
}

/** The field errors a failed onboarding can show on its form; undefined for an error that is not the operator's. */
function formErrorsOf(error: unknown): readonly FieldError[] | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  if (error.status === 400)
    return error.errors?.length ? error.errors : [{ field: '', message: error.detail }];
  if (error.code === 'tenant-exists') return [{ field: 'slug', message: error.detail }];
  return undefined;
}

/** A refused form post of the details page, its field errors on the inputs (`inputs`: API field → input). */
function detailsProblem(
  error: ProblemError,
  inputs: Record<string, string>,
  values: Record<string, string>,
): DetailsProblem {
  const { fields, other } = placeFieldErrors(error.errors ?? [], inputs);
  if (!error.errors?.length) other.push(error.detail);
  return { values, fields: fields as Record<string, string>, other };
}
