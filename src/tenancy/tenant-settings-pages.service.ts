import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { FieldError, ProblemError } from '../common/problems/problem.error';
import { AA, contrastRatio, WHITE } from '../portal/brand-colors';
import { adminHome } from '../staff-pages/request-checks';
import { ADMIN_SECTIONS, PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from './tenant-context';
import { readSettingsForm, settingsFormView } from './tenant-settings-form';
import { logoUrl, MAX_LOGO_SIDE, MIN_LOGO_SIDE } from './tenant-settings-logo';
import { formatContrast } from './tenant-settings.schema';
import { settingsOf, TenantSettingsService } from './tenant-settings.service';
import { TenantsService } from './tenants.service';

const DONE: Record<string, string> = {
  opgeslagen:
    'De instellingen zijn opgeslagen. Het portaal, de medewerkerspagina’s en nieuwe brieven gebruiken ze meteen.',
  logo: 'Het logo is opgeslagen. Het staat meteen op het portaal en op nieuwe brieven.',
  'logo-verwijderd': 'Het logo is verwijderd.',
};

/** Where a form came back with problems: the settings form (with what was typed) or the logo form. */
type Problem =
  | { form: 'settings'; typed: Record<string, unknown>; errors: FieldError[] }
  | { form: 'logo'; error: string };

/**
 * The admin's page `/:tenant/behandelaar/beheer/instellingen`: name, colour (with its contrast), logo,
 * contact details, court and working settings, in forms that work without JavaScript.
 */
@Injectable()
export class TenantSettingsPagesService {
  constructor(
    private readonly pages: StaffPagesService,
    private readonly settings: TenantSettingsService,
    private readonly tenants: TenantsService,
  ) {}

  async page(
    tenant: TenantContext,
    staff: StaffPrincipal,
    done?: unknown,
    problem?: Problem,
  ): Promise<string> {
    const entity = await this.tenants.requireBySlug(tenant.slug);
    const current = settingsOf(entity);
    const form =
      problem?.form === 'settings'
        ? settingsFormView(current, problem.errors, problem.typed)
        : settingsFormView(current);
    const logoError = problem?.form === 'logo' ? problem.error : undefined;
    const color = current.branding.primaryColor;
    const home = `${adminHome(tenant.slug)}${ADMIN_SECTIONS.settings.path}`;
    return this.pages.renderAdmin(
      tenant,
      'settings',
      'admin/settings',
      ADMIN_SECTIONS.settings.label,
      {
        done: typeof done === 'string' ? DONE[done] : undefined,
        errors: logoError ? [{ href: '#logo', message: logoError }] : form.errors,
        sections: form.sections,
        action: home,
        contrast: `Het contrast van de kleur ${color} met wit is ${formatContrast(contrastRatio(color, WHITE))}. De norm is minstens ${formatContrast(AA)}.`,
        logo: {
          current: logoUrl(entity),
          alt: `Het huidige logo van ${entity.name}`,
          field: { id: 'logo', name: 'logo', error: logoError },
          hint: `Een PNG- of JPEG-bestand van hoogstens 256 kB, tussen ${MIN_LOGO_SIDE} × ${MIN_LOGO_SIDE} en ${MAX_LOGO_SIDE} × ${MAX_LOGO_SIDE} beeldpunten. Het logo staat op het portaal en rechtsboven op elke brief.`,
          action: `${home}/logo`,
          removeAction: `${home}/logo/verwijderen`,
        },
      },
      { viewer: staff, hasErrors: Boolean(problem) },
    );
  }

  async save(tenant: TenantContext, staff: StaffPrincipal, body: unknown): Promise<PageOutcome> {
    try {
      await this.settings.update(tenant.id, staff.userId, readSettingsForm(body));
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status !== 400) throw error;
      const typed = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const errors = error.errors?.length ? error.errors : [{ field: '', message: error.detail }];
      return {
        status: 400,
        html: await this.page(tenant, staff, undefined, { form: 'settings', typed, errors }),
      };
    }
    return { redirect: `${adminHome(tenant.slug)}${ADMIN_SECTIONS.settings.path}?gedaan=opgeslagen` };
  }

  /** Stores an uploaded logo; `read` reads the file (it may itself refuse one that is too large). */
  async setLogo(
    tenant: TenantContext,
    staff: StaffPrincipal,
    read: () => Promise<Buffer>,
  ): Promise<PageOutcome> {
    try {
      await this.settings.setLogo(tenant.id, staff.userId, await read());
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status !== 400) throw error;
      const message = error.errors?.[0]?.message ?? error.detail;
      return {
        status: 400,
        html: await this.page(tenant, staff, undefined, { form: 'logo', error: message }),
      };
    }
    return { redirect: `${adminHome(tenant.slug)}${ADMIN_SECTIONS.settings.path}?gedaan=logo` };
  }

  async removeLogo(tenant: TenantContext): Promise<PageOutcome> {
    await this.settings.removeLogo(tenant.id);
    return { redirect: `${adminHome(tenant.slug)}${ADMIN_SECTIONS.settings.path}?gedaan=logo-verwijderd` };
  }
}
