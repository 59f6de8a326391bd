import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Tenant } from '../tenancy/tenant.entity';
import { logoUrl } from '../tenancy/tenant-settings-logo';
import { TenantsService } from '../tenancy/tenants.service';
import { brandColors, brandCss } from './brand-colors';
import { phoneHref, safeWebsite, websiteLabel } from './contact-links';
import { PortalContext, PortalPage, PortalRenderer } from './portal-renderer';

export const SERVICE_NAME = 'Bezwaar maken';
export const HTML = 'text/html; charset=utf-8';

/** What the layout shows of the municipality: name, contact and where its colours come from. */
export interface TenantView {
  slug: string;
  name: string;
  home: string;
  phone: string;
  phoneHref: string;
  email: string;
  website?: string;
  websiteLabel: string;
  /** The uploaded logo's address, if there is one. */
  logo?: string;
}

/**
 * Renders portal pages inside the municipality's layout. The title follows "page – service – municipality"
 * (WCAG 2.4.2), e.g. "Vraag 2 – Bezwaar maken – Gemeente Rivierstad".
 */
@Injectable()
export class PortalPagesService {
  readonly renderer: PortalRenderer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tenants: TenantsService,
  ) {
    this.renderer = new PortalRenderer(config.templatesDir, config.tenantsDir);
  }

  tenant(slug: string): Promise<Tenant> {
    return this.tenants.requireBySlug(slug);
  }

  /** A page of a municipality; `title` is the page's own part of the title (none for the start page). */
  async render(
    tenant: Tenant | string,
    page: PortalPage,
    title: string | undefined,
    context: PortalContext,
  ): Promise<string> {
    const entity = typeof tenant === 'string' ? await this.tenants.requireBySlug(tenant) : tenant;
    const view = tenantView(entity);
    return this.renderer.render(entity.slug, page, {
      ...context,
      tenant: view,
      layout: {
        title: [title, SERVICE_NAME, entity.name].filter(Boolean).join(' – '),
        stylesheet: `/assets/portal.css?v=${this.renderer.stylesheet().version}`,
        brandStylesheet: `${view.home}/huisstijl.css?v=${brandVersion(entity)}`,
      },
    });
  }

  /** A page outside any municipality (e.g. an unknown one), in the platform's neutral colours. */
  renderNeutral(page: PortalPage, title: string, context: PortalContext): string {
    return this.renderer.render(undefined, page, {
      ...context,
      layout: {
        title: [title, SERVICE_NAME].join(' – '),
        stylesheet: `/assets/portal.css?v=${this.renderer.stylesheet().version}`,
      },
    });
  }

  /** The per-tenant stylesheet: only the colours. */
  brandStylesheet(tenant: Tenant): string {
    return brandCss(brandColors(tenant.profile.branding.primaryColor));
  }
}

export function tenantView(tenant: Tenant): TenantView {
  const { contact } = tenant.profile;
  return {
    slug: tenant.slug,
    name: tenant.name,
    home: `/${encodeURIComponent(tenant.slug)}`,
    phone: contact.phone,
    phoneHref: phoneHref(contact.phone),
    email: contact.email,
    website: safeWebsite(contact.website),
    websiteLabel: websiteLabel(contact.website),
    logo: logoUrl(tenant),
  };
}

function brandVersion(tenant: Tenant): string {
  return createHash('sha256').update(tenant.profile.branding.primaryColor).digest('hex').slice(0, 8);
}
