import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TenantContext } from '../tenancy/tenant-context';
import { StaffRole } from '../auth/staff-user.entity';
import type { LicenceState } from '../tenancy/tenant.entity';
import { adminHome, staffHome } from './request-checks';
import { StaffContext, StaffPage, StaffRenderer } from './staff-renderer';

export const HTML = 'text/html; charset=utf-8';
export const STAFF_SERVICE_NAME = 'Bezwaren behandelen';
export const PLATFORM_SERVICE_NAME = 'Platformbeheer';
/**
 * Not the site-wide no-referrer: under it a browser sends `Origin: null` with a form post, and the staff pages
 * check that Origin. same-origin still never sends a staff address (with its case reference) to another site.
 */
export const REFERRER_POLICY = 'same-origin';

/** What a form post ends in: a 303 to another page, or a page of its own (with errors) and its status. */
export type PageOutcome = { redirect: string } | { status: number; html: string };

/** A form post's outcome as the reply: a 303 to the next page, or the page again with its status. */
export function respond(reply: FastifyReply, outcome: PageOutcome): string {
  if ('redirect' in outcome) {
    reply.status(303).header('location', outcome.redirect);
    return '';
  }
  reply.status(outcome.status);
  return outcome.html;
}

/** One link of a navigation bar. */
export interface NavLink {
  href: string;
  label: string;
  current?: boolean;
}

/** Who is looking at a staff page: their name in the header, their roles deciding the menu. */
export interface PageViewer {
  name: string;
  roles: readonly StaffRole[];
}

/** The tenant admin's sections, in menu order; each module with admin pages renders under one of them. */
export const ADMIN_SECTIONS = {
  overview: { path: '', label: 'Overzicht' },
  regulations: { path: '/regelingen', label: 'Regelingen' },
  letters: { path: '/brieven', label: 'Brieven' },
  settings: { path: '/instellingen', label: 'Huisstijl en instellingen' },
  staff: { path: '/medewerkers', label: 'Medewerkers' },
  configuration: { path: '/configuratie', label: 'Configuratie' },
  licence: { path: '/licentie', label: 'Licentie en facturen' },
  retention: { path: '/bewaartermijnen', label: 'Bewaartermijnen' },
  audit: { path: '/audit', label: 'Audittrail' },
} as const;
export type AdminSection = keyof typeof ADMIN_SECTIONS;

const LICENCE_NOTICES: Partial<Record<LicenceState, { level: string; title: string; text: string }>> = {
  grace: {
    level: 'warning',
    title: 'De licentie loopt af',
    text: 'De licentie van uw gemeente is in de respijtperiode. Na die periode kunt u alleen nog lezen en exporteren. Burgers kunnen altijd bezwaar blijven maken.',
  },
  suspended: {
    level: 'error',
    title: 'De licentie is opgeschort',
    text: 'U kunt zaken inzien en exporteren, maar niets wijzigen. Burgers kunnen wel bezwaar blijven maken en hun zaak inzien.',
  },
};

/**
 * Renders staff pages in the staff layout. The title reads "page – service – municipality" (WCAG 2.4.2), with
 * "Fout: " in front when the page shows a form's errors. Every page of a municipality whose licence is in
 * grace or suspended says so.
 */
@Injectable()
export class StaffPagesService {
  readonly renderer: StaffRenderer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.renderer = new StaffRenderer(config.templatesDir);
  }

  render(
    tenant: TenantContext,
    page: StaffPage,
    title: string,
    context: StaffContext,
    options: { viewer?: PageViewer; hasErrors?: boolean } = {},
  ): string {
    const home = staffHome(tenant.slug);
    const viewer = options.viewer;
    const nav: NavLink[] = [
      { href: home, label: 'Inbox', current: page === 'inbox' || page === 'case' },
      { href: `${home}/rapportages`, label: 'Rapportages', current: page === 'reports' },
    ];
    if (viewer?.roles.includes('tenant_admin')) {
      nav.push({ href: adminHome(tenant.slug), label: 'Beheer', current: page.startsWith('admin/') });
    }
    return this.renderer.render(page, {
      ...context,
      layout: {
        title: `${options.hasErrors ? 'Fout: ' : ''}${[title, STAFF_SERVICE_NAME, tenant.name].join(' – ')}`,
        stylesheet: this.stylesheetUrl(),
        headerName: tenant.name,
        service: STAFF_SERVICE_NAME,
        nav,
        notice: LICENCE_NOTICES[tenant.licenceState],
        viewer: viewer ? { name: viewer.name, logout: `${home}/uitloggen` } : undefined,
      },
    });
  }

  /**
   * A tenant admin's page (`templates/staff/pages/admin/<page>.hbs`): the staff layout with the admin sections
   * as a second menu (the page includes `{{> admin-nav}}`).
   */
  renderAdmin(
    tenant: TenantContext,
    section: AdminSection,
    page: `admin/${string}`,
    title: string,
    context: StaffContext,
    options: { viewer: PageViewer; hasErrors?: boolean },
  ): string {
    const home = adminHome(tenant.slug);
    const adminNav = Object.entries(ADMIN_SECTIONS).map(([key, { path, label }]) => ({
      href: `${home}${path}`,
      label,
      current: key === section,
    }));
    return this.render(tenant, page, title, { ...context, adminNav }, options);
  }

  /** A platform operator's page (`templates/staff/pages/platform/<page>.hbs`), outside any municipality. */
  renderPlatform(
    page: `platform/${string}`,
    title: string,
    context: StaffContext,
    options: { viewerName?: string; nav?: NavLink[]; logout?: string; hasErrors?: boolean } = {},
  ): string {
    return this.renderer.render(page, {
      ...context,
      layout: {
        title: `${options.hasErrors ? 'Fout: ' : ''}${[title, PLATFORM_SERVICE_NAME].join(' – ')}`,
        stylesheet: this.stylesheetUrl(),
        headerName: 'Bezwaarplatform',
        service: PLATFORM_SERVICE_NAME,
        nav: options.nav ?? [],
        viewer: options.viewerName
          ? { name: options.viewerName, logout: options.logout ?? '/platform/uitloggen' }
          : undefined,
      },
    });
  }

  private stylesheetUrl(): string {
    return `/assets/staff.css?v=${this.renderer.stylesheet().version}`;
  }
}
