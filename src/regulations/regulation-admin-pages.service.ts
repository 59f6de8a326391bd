import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { ReferralsService } from '../referrals/referrals.service';
import { dateTimeText } from '../staff-pages/case-text';
import { adminHome } from '../staff-pages/request-checks';
import { ADMIN_SECTIONS, PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from '../tenancy/tenant-context';
import { RegulationAdminService, RegulationState } from './regulation-admin.service';
import type { SaveResult } from './regulation-versions';
import {
  FormError,
  formErrors,
  newRegulationForm,
  readRegulationForm,
  RegulationForm,
  regulationForm,
  regulationFormView,
  regulationInput,
} from './regulation-form';
import { toYaml } from './regulation-yaml';

/** What a form post did, said on the page it leads to (`?gedaan=…`). */
const DONE = {
  aangemaakt: () => 'De regeling is aangemaakt als versie 1. Burgers kunnen haar meteen kiezen.',
  opgeslagen: (version: number) =>
    `Opgeslagen als versie ${version}. De keuzehulp en nieuwe bezwaren gebruiken deze versie; eerdere bezwaren houden de versie waaronder ze zijn ingediend.`,
  ongewijzigd: () => 'Er was niets veranderd, dus er is geen nieuwe versie gemaakt.',
  uitgezet: () =>
    'De regeling is buiten gebruik. Burgers zien haar niet meer en kunnen er geen bezwaar meer onder maken; lopende bezwaren gaan gewoon door.',
  aangezet: () => 'De regeling is weer in gebruik. Burgers kunnen haar weer kiezen.',
  teruggezet: (version: number) => `Teruggezet: versie ${version} heeft de inhoud van de gekozen versie.`,
} as const;
type Done = keyof typeof DONE;

/** The path segment of the form for a new regulation (next to the regulations' own codes). */
export const NEW = 'nieuw';

const isDone = (value: unknown): value is Done => typeof value === 'string' && Object.hasOwn(DONE, value);

/**
 * The tenant admin's regulation pages under `/:tenant/behandelaar/beheer/regelingen`: the list, a form per
 * regulation (and one for a new one), its versions with a rollback per version. Forms post, then redirect.
 */
@Injectable()
export class RegulationAdminPagesService {
  constructor(
    private readonly regulations: RegulationAdminService,
    private readonly referrals: ReferralsService,
    private readonly pages: StaffPagesService,
  ) {}

  async list(tenant: TenantContext, staff: StaffPrincipal, done: unknown): Promise<string> {
    const home = regulationsHome(tenant);
    const rows = (await this.regulations.list(tenant.id)).map((r) => ({
      name: r.name,
      code: r.code,
      href: `${home}/${encodeURIComponent(r.code)}`,
      versionsHref: `${home}/${encodeURIComponent(r.code)}/versies`,
      active: r.active,
      version: r.version,
      origin: r.origin === 'admin' ? 'Gewijzigd in beheer' : 'Uit het configuratiebestand',
      updated: dateTimeText(r.updatedAt.toISOString()),
    }));
    return this.pages.renderAdmin(
      tenant,
      'regulations',
      'admin/regulations',
      'Regelingen',
      { rows, newHref: `${home}/${NEW}`, done: isDone(done) ? DONE[done](0) : undefined },
      { viewer: staff },
    );
  }

  newForm(tenant: TenantContext, staff: StaffPrincipal): Promise<string> {
    return this.formPage(tenant, staff, undefined, newRegulationForm(), []);
  }

  async create(tenant: TenantContext, staff: StaffPrincipal, body: unknown): Promise<PageOutcome> {
    const form: RegulationForm = { ...readRegulationForm(body), expectedVersion: 0 };
    if (form.code === NEW) {
      // Its page would be this form's address.
      const errors = formErrors([
        { field: 'code', message: `De code "${NEW}" is hier niet mogelijk: kies een andere.` },
      ]);
      return { status: 400, html: await this.formPage(tenant, staff, undefined, form, errors) };
    }
    return this.submit(tenant, staff, form, undefined);
  }

  async editForm(tenant: TenantContext, staff: StaffPrincipal, code: string, done: unknown): Promise<string> {
    const state = await this.regulations.get(tenant.id, code);
    const notice = isDone(done) ? DONE[done](state.version) : undefined;
    return this.formPage(tenant, staff, state, regulationForm(state.regulation, state.version), [], notice);
  }

  async update(
    tenant: TenantContext,
    staff: StaffPrincipal,
    code: string,
    body: unknown,
  ): Promise<PageOutcome> {
    const state = await this.regulations.get(tenant.id, code);
    return this.submit(tenant, staff, { ...readRegulationForm(body), code: state.code }, state);
  }

  async setActive(
    tenant: TenantContext,
    staff: StaffPrincipal,
    code: string,
    active: boolean,
  ): Promise<PageOutcome> {
    const result = await this.regulations.setActive(tenant.id, staff.userId, code, active);
    return { redirect: `${regulationHome(tenant, result.code)}?gedaan=${active ? 'aangezet' : 'uitgezet'}` };
  }

  async versions(
    tenant: TenantContext,
    staff: StaffPrincipal,
    code: string,
    done: unknown,
    problem?: { status: number; errors: FormError[] },
  ): Promise<string> {
    const state = await this.regulations.get(tenant.id, code);
    const versions = await this.regulations.versions(tenant.id, code);
    const base = regulationHome(tenant, state.code);
    const rows = versions.map((v) => ({
      version: v.version,
      href: `${base}/versies/${v.version}`,
      created: dateTimeText(v.createdAt.toISOString()),
      by: v.createdBy?.name ?? 'Configuratiebestand',
      note: v.note === 'seed' ? 'Uit het configuratiebestand' : v.note || '–',
      status: v.active ? 'In gebruik' : 'Buiten gebruik',
      current: v.current,
      rollback: v.current ? undefined : `${base}/versies/${v.version}/terugzetten`,
    }));
    return this.pages.renderAdmin(
      tenant,
      'regulations',
      'admin/regulation-versions',
      `Versies van ${state.name}`,
      {
        regulation: { name: state.name, href: base, version: state.version },
        backHref: regulationsHome(tenant),
        rows,
        errors: problem?.errors.map((e) => ({ message: e.summary })) ?? [],
        done: isDone(done) ? DONE[done](state.version) : undefined,
      },
      { viewer: staff, hasErrors: Boolean(problem) },
    );
  }

  async version(tenant: TenantContext, staff: StaffPrincipal, code: string, n: number): Promise<string> {
    const state = await this.regulations.get(tenant.id, code);
    const version = await this.regulations.version(tenant.id, code, n);
    const base = regulationHome(tenant, state.code);
    return this.pages.renderAdmin(
      tenant,
      'regulations',
      'admin/regulation-version',
      `Versie ${version.version} van ${state.name}`,
      {
        heading: `Versie ${version.version}`,
        regulationName: state.name,
        backHref: `${base}/versies`,
        summary: [
          { label: 'Opgeslagen', value: dateTimeText(version.createdAt.toISOString()) },
          { label: 'Door', value: version.createdBy?.name ?? 'Configuratiebestand' },
          {
            label: 'Toelichting',
            value: version.note === 'seed' ? 'Uit het configuratiebestand' : version.note || '–',
          },
          { label: 'Status', value: version.active ? 'In gebruik' : 'Buiten gebruik' },
        ],
        current: version.current,
        yaml: toYaml(version.regulation),
        rollback: version.current
          ? undefined
          : { action: `${base}/versies/${version.version}/terugzetten`, expectedVersion: state.version },
      },
      { viewer: staff },
    );
  }

  async rollback(
    tenant: TenantContext,
    staff: StaffPrincipal,
    code: string,
    n: number,
    body: unknown,
  ): Promise<PageOutcome> {
    const { expectedVersion } = readRegulationForm(body);
    try {
      const result = await this.regulations.rollback(tenant.id, staff.userId, code, n, { expectedVersion });
      return { redirect: `${regulationHome(tenant, code)}/versies?gedaan=${doneOf(result, 'teruggezet')}` };
    } catch (error) {
      const problem = formProblem(error);
      if (!problem) throw error;
      return { status: problem.status, html: await this.versions(tenant, staff, code, undefined, problem) };
    }
  }

  /** Validates and saves; a problem shows the form again with what the admin typed. */
  private async submit(
    tenant: TenantContext,
    staff: StaffPrincipal,
    form: RegulationForm,
    state: RegulationState | undefined,
  ): Promise<PageOutcome> {
    const input = regulationInput(form);
    if (!input.ok)
      return { status: 400, html: await this.formPage(tenant, staff, state, form, input.errors) };
    try {
      const result = await this.regulations.save(tenant.id, staff.userId, form.code, input.input, {
        expectedVersion: form.expectedVersion,
        note: form.note,
      });
      return { redirect: `${regulationHome(tenant, result.code)}?gedaan=${doneOf(result, 'opgeslagen')}` };
    } catch (error) {
      const problem = formProblem(error, input.lines);
      if (!problem) throw error;
      return {
        status: problem.status,
        html: await this.formPage(tenant, staff, state, form, problem.errors),
      };
    }
  }

  private async formPage(
    tenant: TenantContext,
    staff: StaffPrincipal,
    state: RegulationState | undefined,
    form: RegulationForm,
    errors: FormError[],
    done?: string,
  ): Promise<string> {
    const partners = (await this.referrals.partners(tenant.id)).map((p) => ({ code: p.code, name: p.name }));
    const view = regulationFormView(form, errors, partners);
    const base = state ? regulationHome(tenant, state.code) : undefined;
    return this.pages.renderAdmin(
      tenant,
      'regulations',
      'admin/regulation-edit',
      state ? `Regeling ${state.name}` : 'Nieuwe regeling',
      {
        ...view,
        isNew: !state,
        done,
        backHref: regulationsHome(tenant),
        action: base ?? `${regulationsHome(tenant)}/${NEW}`,
        current: state && {
          code: state.code,
          name: state.name,
          version: state.version,
          active: state.active,
          origin: state.origin === 'admin' ? 'Gewijzigd in beheer' : 'Uit het configuratiebestand',
          updated: dateTimeText(state.updatedAt.toISOString()),
          versionsHref: `${base}/versies`,
          activeAction: `${base}/${state.active ? 'uitzetten' : 'aanzetten'}`,
        },
      },
      { viewer: staff, hasErrors: errors.length > 0 },
    );
  }
}

function regulationsHome(tenant: TenantContext): string {
  return `${adminHome(tenant.slug)}${ADMIN_SECTIONS.regulations.path}`;
}

function regulationHome(tenant: TenantContext, code: string): string {
  return `${regulationsHome(tenant)}/${encodeURIComponent(code)}`;
}

function doneOf(result: SaveResult, changed: Done): Done {
  return result.created ? 'aangemaakt' : result.changed ? changed : 'ongewijzigd';
}

/** A refusal the admin can act on (invalid input, someone else saved first) as errors on the page. */
function formProblem(
  error: unknown,
  lines?: Parameters<typeof formErrors>[1],
): { status: number; errors: FormError[] } | undefined {
  if (!(error instanceof ProblemError) || (error.status !== 400 && error.status !== 409)) return undefined;
  const errors = error.errors?.length
    ? formErrors(error.errors, lines)
    : formErrors([{ field: error.code === 'regulation-exists' ? 'code' : '', message: error.detail }]);
  return { status: error.status, errors };
}
