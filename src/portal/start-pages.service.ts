import { Injectable } from '@nestjs/common';
import { RegulationsService } from '../regulations/regulations.service';
import { TenantContext } from '../tenancy/tenant-context';
import { PortalPagesService } from './portal-pages.service';

/** The municipality's start page and the "direct bezwaar maken" choice of regulation. */
@Injectable()
export class StartPagesService {
  constructor(
    private readonly regulations: RegulationsService,
    private readonly pages: PortalPagesService,
  ) {}

  async start(tenant: TenantContext): Promise<string> {
    return this.pages.render(tenant.slug, 'start', undefined, {
      regulations: await this.regulationLinks(tenant),
    });
  }

  async chooseRegulation(tenant: TenantContext): Promise<string> {
    return this.pages.render(tenant.slug, 'choose-regulation', 'Waar gaat uw bezwaar over?', {
      regulations: await this.regulationLinks(tenant),
    });
  }

  async brandStylesheet(tenant: TenantContext): Promise<string> {
    return this.pages.brandStylesheet(await this.pages.tenant(tenant.slug));
  }

  private async regulationLinks(tenant: TenantContext) {
    const home = `/${encodeURIComponent(tenant.slug)}`;
    return (await this.regulations.listActive(tenant.id)).map((regulation) => ({
      name: regulation.name,
      description: regulation.definition.description,
      diagnosisHref: regulation.definition.diagnosis
        ? `${home}/keuzehulp/${encodeURIComponent(regulation.code)}`
        : undefined,
      fileHref: `${home}/bezwaar/${encodeURIComponent(regulation.code)}`,
    }));
  }
}
