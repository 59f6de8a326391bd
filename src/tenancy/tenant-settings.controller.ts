import { Body, Delete, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from './tenant-context';
import { readLogoUpload } from './tenant-settings-upload';
import { TenantSettings, tenantSettingsSchema } from './tenant-settings.schema';
import { TenantSettingsService } from './tenant-settings.service';

/** The OpenAPI description of the settings comes from their one definition. */
const { $schema: _dialect, ...SETTINGS_SCHEMA } = z.toJSONSchema(tenantSettingsSchema, {
  io: 'input',
  unrepresentable: 'any',
}) as Record<string, unknown>;

/** The municipality's name, contact details, colour, logo and working settings, for its functioneel beheerders. */
@ApiTags('admin')
@ApiController('tenants/:tenant/admin/settings')
@Staff('tenant_admin')
export class TenantSettingsController {
  constructor(private readonly settings: TenantSettingsService) {}

  @Get()
  @ApiOkResponse({ schema: SETTINGS_SCHEMA })
  get(@CurrentTenant() tenant: TenantContext): Promise<TenantSettings> {
    return this.settings.get(tenant.id);
  }

  /** The whole editable profile; checked first (400 naming every field), then in use at once. */
  @Put()
  @ApiBody({ schema: SETTINGS_SCHEMA })
  @ApiOkResponse({ schema: SETTINGS_SCHEMA })
  async update(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
  ): Promise<TenantSettings> {
    await this.settings.update(tenant.id, staff.userId, body);
    return this.settings.get(tenant.id);
  }

  /** A PNG or JPEG in the multipart field `logo` (at most 256 kB); shown at `/{tenant}/logo`. */
  @Put('logo')
  @HttpCode(204)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { logo: { type: 'string', format: 'binary' } } } })
  @ApiNoContentResponse()
  async setLogo(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.settings.setLogo(tenant.id, staff.userId, await readLogoUpload(request));
  }

  @Delete('logo')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeLogo(@CurrentTenant() tenant: TenantContext): Promise<void> {
    await this.settings.removeLogo(tenant.id);
  }
}
