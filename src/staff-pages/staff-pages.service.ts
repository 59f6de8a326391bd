import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TenantContext } from '../tenancy/tenant-context';
import { staffHome } from './request-checks';
import { StaffContext, StaffPage, StaffRenderer } from './staff-renderer';

export const HTML = 'text/html; charset=utf-8';
export const STAFF_SERVICE_NAME = 'Bezwaren behandelen';
/**
 * Not the site-wide no-referrer: under it a browser sends `Origin: null` with a form post, and the staff pages
 * check that Origin. same-origin still never sends a staff address (with its case reference) to another site.
 */
export const REFERRER_POLICY = 'same-origin';

/** What a form post ends in: a 303 to another page, or a page of its own (with errors) and its status. */
export type PageOutcome = { redirect: string } | { status: number; html: string };

/**
 * Renders staff pages in the staff layout. The title reads "page – service – municipality" (WCAG 2.4.2), with
 * "Fout: " in front when the page shows a form's errors.
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
    options: { viewerName?: string; hasErrors?: boolean } = {},
  ): string {
    const home = staffHome(tenant.slug);
    return this.renderer.render(page, {
      ...context,
      layout: {
        title: `${options.hasErrors ? 'Fout: ' : ''}${[title, STAFF_SERVICE_NAME, tenant.name].join(' – ')}`,
        stylesheet: `/assets/staff.css?v=${this.renderer.stylesheet().version}`,
        tenantName: tenant.name,
        home,
        viewer: options.viewerName
          ? {
              name: options.viewerName,
              logout: `${home}/uitloggen`,
              onInbox: page === 'inbox',
              onReports: page === 'reports',
            }
          : undefined,
      },
    });
  }
}
