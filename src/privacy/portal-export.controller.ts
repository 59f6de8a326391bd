import { Controller, Get, Header, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CitizenSessionService } from '../citizens/citizen-session.service';
import { PortalErrorFilter } from '../portal/portal-error.filter';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { zipDownload } from './export-download';
import { PrivacyExportService } from './privacy-export.service';
import { Audited } from '../audit/audited.decorator';

/** `/rivierstad/mijn-gegevens`: the button on "Mijn bezwaren" downloads the export; without a login, DigiD first. */
@ApiExcludeController()
@Controller(':tenant/mijn-gegevens')
@UseFilters(PortalErrorFilter)
export class PortalExportController {
  constructor(
    private readonly sessions: CitizenSessionService,
    private readonly exports: PrivacyExportService,
  ) {}

  @Get()
  @Audited('citizen.export')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  async download(
    @CurrentTenant() tenant: TenantContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | string> {
    const citizen = await this.sessions.currentCitizen(request, tenant.id);
    if (!citizen) {
      const home = `/${encodeURIComponent(tenant.slug)}`;
      reply
        .status(303)
        .header('location', `${home}/inloggen?terug=${encodeURIComponent(`${home}/mijn-bezwaren`)}`);
      return '';
    }
    return zipDownload(await this.exports.forCitizen(tenant, citizen.citizenId));
  }
}
