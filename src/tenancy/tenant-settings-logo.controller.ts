import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemError } from '../common/problems/problem.error';
import { CurrentTenant, TenantContext } from './tenant-context';
import { TenantSettingsService } from './tenant-settings.service';

/**
 * The municipality's logo, public like its portal: `/rivierstad/logo?v=<hash>`. Served with the type it was
 * checked as on upload and nosniff, so a browser never takes it for anything else; a link with the current
 * hash may be cached for good (a new logo has a new hash).
 */
@ApiExcludeController()
@Controller(':tenant/logo')
export class TenantSettingsLogoController {
  constructor(private readonly settings: TenantSettingsService) {}

  @Get()
  async logo(
    @CurrentTenant() tenant: TenantContext,
    @Query('v') version: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const logo = await this.settings.logo(tenant.id);
    if (!logo) throw ProblemError.notFound(`${tenant.name} heeft geen logo.`);
    const current = typeof version === 'string' && logo.sha256.startsWith(version) && version.length >= 16;
    reply
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    return new StreamableFile(logo.content, {
      type: logo.mediaType,
      disposition: `inline; filename="logo.${logo.mediaType === 'image/png' ? 'png' : 'jpg'}"`,
      length: logo.content.length,
    });
  }
}
