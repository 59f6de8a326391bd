import { Body, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentOperator, Operator, OperatorPrincipal } from '../operators/operator.guard';
import { AdminInviteDto, OnboardTenantDto } from './dto/onboard-tenant.dto';
import {
  OffboardTenantDto,
  TenantDetailsDto,
  tenantDetailsDto,
  TenantSummaryDto,
  tenantSummaryDto,
} from './dto/platform-tenant.dto';
import { PlatformTenantsService } from './platform-tenants.service';
import { TenantAdminsService } from './tenant-admins.service';
import { exportDownload } from './tenant-export-download';
import { TenantExportService } from './tenant-export.service';
import { TenantOffboardingService } from './tenant-offboarding.service';
import { TenantOnboardingService } from './tenant-onboarding.service';

/** The platform operator's API for municipalities: onboard, list, inspect, export and offboard. */
@ApiTags('platform')
@ApiController('platform/tenants')
@Operator()
export class PlatformTenantsController {
  constructor(
    private readonly tenants: PlatformTenantsService,
    private readonly onboarding: TenantOnboardingService,
    private readonly exports: TenantExportService,
    private readonly offboarding: TenantOffboardingService,
    private readonly admins: TenantAdminsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: TenantDetailsDto })
  async onboard(
    @CurrentOperator() operator: OperatorPrincipal,
    @Body() body: OnboardTenantDto,
  ): Promise<TenantDetailsDto> {
    await this.onboarding.onboard(body, operator);
    return tenantDetailsDto(await this.tenants.details(body.slug));
  }

  @Get()
  @ApiOkResponse({ type: TenantSummaryDto, isArray: true })
  async list(): Promise<TenantSummaryDto[]> {
    return (await this.tenants.list()).map(tenantSummaryDto);
  }

  @Get(':slug')
  @ApiOkResponse({ type: TenantDetailsDto })
  async details(@Param('slug') slug: string): Promise<TenantDetailsDto> {
    return tenantDetailsDto(await this.tenants.details(slug));
  }

  @Get(':slug/export')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces('application/gzip')
  @ApiOkResponse({ description: "Every row of the municipality's data as gzipped JSON" })
  async export(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
  ): Promise<StreamableFile> {
    return exportDownload(await this.exports.export(slug, operator));
  }

  @Post(':slug/admins')
  @ApiCreatedResponse({ type: TenantDetailsDto, description: 'The admin is invited by e-mail' })
  async inviteAdmin(@Param('slug') slug: string, @Body() body: AdminInviteDto): Promise<TenantDetailsDto> {
    await this.admins.invite(slug, body);
    return tenantDetailsDto(await this.tenants.details(slug));
  }

  @Post(':slug/offboard')
  @HttpCode(200)
  @ApiOkResponse({ type: TenantDetailsDto })
  async offboard(
    @CurrentOperator() operator: OperatorPrincipal,
    @Param('slug') slug: string,
    @Body() body: OffboardTenantDto,
  ): Promise<TenantDetailsDto> {
    await this.offboarding.offboard(slug, body.confirm, operator);
    return tenantDetailsDto(await this.tenants.details(slug));
  }
}
