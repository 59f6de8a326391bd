import { Controller, Get, Header, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CitizenSessionService } from '../citizens/citizen-session.service';
import { CitizensService } from '../citizens/citizens.service';
import type { ObjectionStatus } from '../objections/case-status';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { STATUS, writtenDate } from './case-page';
import { PortalErrorFilter } from './portal-error.filter';
import { HTML, PortalPagesService } from './portal-pages.service';
import { Audited } from '../audit/audited.decorator';

/** "Mijn bezwaren": every case of a citizen logged in with DigiD; without a login, first to DigiD. */
@ApiExcludeController()
@Controller(':tenant/mijn-bezwaren')
@UseFilters(PortalErrorFilter)
export class PortalMyCasesController {
  constructor(
    private readonly sessions: CitizenSessionService,
    private readonly citizens: CitizensService,
    private readonly pages: PortalPagesService,
  ) {}

  @Get()
  @Audited('case.list')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  async page(
    @CurrentTenant() tenant: TenantContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const home = `/${encodeURIComponent(tenant.slug)}`;
    const citizen = await this.sessions.currentCitizen(request, tenant.id);
    if (!citizen) {
      reply
        .status(303)
        .header('location', `${home}/inloggen?terug=${encodeURIComponent(`${home}/mijn-bezwaren`)}`);
      return '';
    }
    const cases = (await this.citizens.cases(tenant, citizen.subject)).map((c) => ({
      reference: c.reference,
      regulation: c.regulation,
      status: STATUS[c.status as ObjectionStatus]?.label ?? c.status,
      receivedOn: writtenDate(c.receivedAt.slice(0, 10)),
      decisionTermEnds: c.decisionTermEnds ? writtenDate(c.decisionTermEnds) : null,
      href: new URL(c.caseUrl).pathname,
    }));
    return this.pages.render(tenant.slug, 'my-cases', 'Mijn bezwaren', {
      name: citizen.name,
      cases,
      logoutAction: `${home}/uitloggen`,
    });
  }
}
