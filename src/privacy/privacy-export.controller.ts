import { Body, Get, Header, HttpCode, Post, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Staff } from '../auth/staff.guard';
import { isValidBsn } from '../citizens/bsn';
import { CitizenSessionService, SESSION_COOKIE } from '../citizens/citizen-session.service';
import { ApiController } from '../common/api-controller.decorator';
import { ProblemError } from '../common/problems/problem.error';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { ExportRequestDto } from './dto/export-request.dto';
import { zipDownload, ZIP_MEDIA_TYPE } from './export-download';
import { PrivacyExportService } from './privacy-export.service';
import { Audited } from '../audit/audited.decorator';

/** The logged-in citizen downloads everything the municipality holds about them. */
@ApiTags('citizens')
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ description: 'Not logged in (401), or logged in at another municipality (403)' })
@ApiController('tenants/:tenant/me/export')
export class CitizenExportController {
  constructor(
    private readonly sessions: CitizenSessionService,
    private readonly exports: PrivacyExportService,
  ) {}

  @Get()
  @Audited('citizen.export')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces(ZIP_MEDIA_TYPE)
  @ApiOkResponse({ description: 'A zip: gegevens.json and the documents of every case' })
  async download(
    @CurrentTenant() tenant: TenantContext,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    const citizen = await this.sessions.requireCitizen(request, tenant.id);
    return zipDownload(await this.exports.forCitizen(tenant, citizen.citizenId));
  }
}

/** A tenant admin answers a request for access (AVG art. 15) received by letter or at the desk. */
@ApiTags('admin')
@ApiController('tenants/:tenant/admin/privacy/exports')
@Staff('tenant_admin')
export class StaffExportController {
  constructor(private readonly exports: PrivacyExportService) {}

  @Post()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces(ZIP_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The same zip the citizen would download' })
  @ApiBadRequestResponse({
    description: 'Neither or both of bsn and reference, or a BSN that fails the elfproef',
  })
  @ApiNotFoundResponse({ description: 'Nothing is known about this person or case' })
  async export(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: ExportRequestDto,
  ): Promise<StreamableFile> {
    if (Boolean(body.bsn) === Boolean(body.reference)) {
      throw ProblemError.invalid([], 'Geef een BSN of het kenmerk van een bezwaar (één van beide).');
    }
    if (body.bsn && !isValidBsn(body.bsn)) {
      throw ProblemError.invalid([{ field: 'bsn', message: 'Dit BSN klopt niet (elfproef).' }]);
    }
    return zipDownload(await this.exports.requested(tenant, body));
  }
}
