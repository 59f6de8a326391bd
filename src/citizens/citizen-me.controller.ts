import { Get, Header, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { CitizenSessionService, SESSION_COOKIE } from './citizen-session.service';
import { CitizenCase, CitizensService } from './citizens.service';
import { Audited } from '../audit/audited.decorator';

/** The logged-in citizen (DigiD session cookie): their details and all their cases. Never the BSN. */
@ApiTags('citizens')
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ description: 'Not logged in (401), or logged in at another municipality (403)' })
@ApiController('tenants/:tenant/me')
export class CitizenMeController {
  constructor(
    private readonly sessions: CitizenSessionService,
    private readonly citizens: CitizensService,
  ) {}

  @Get()
  @Audited('citizen.read')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'Name and address as the login gave them' })
  async me(@CurrentTenant() tenant: TenantContext, @Req() request: FastifyRequest) {
    const citizen = await this.sessions.requireCitizen(request, tenant.id);
    return { name: citizen.name, address: citizen.address };
  }

  @Get('cases')
  @Audited('case.list')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'Every objection filed while logged in, newest first' })
  async cases(
    @CurrentTenant() tenant: TenantContext,
    @Req() request: FastifyRequest,
  ): Promise<CitizenCase[]> {
    const citizen = await this.sessions.requireCitizen(request, tenant.id);
    return this.citizens.cases(tenant, citizen.subject);
  }
}
