import { Body, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { validateInput } from '../common/problems/validation';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import {
  AdminRegulationDto,
  RegulationSummaryDto,
  RegulationVersionDto,
  RegulationVersionSummaryDto,
  RollbackDto,
  SaveOptionsDto,
  SaveRegulationDto,
  SaveResultDto,
} from './dto/regulation-admin.dto';
import { RegulationAdminService } from './regulation-admin.service';

/** A tenant admin's regulations: every change validated and kept as a new version. */
@ApiTags('admin')
@ApiController('tenants/:tenant/admin/regulations')
@Staff('tenant_admin')
export class RegulationAdminController {
  constructor(private readonly regulations: RegulationAdminService) {}

  /** All regulations of the municipality, retired ones too, with their current version. */
  @Get()
  @ApiOkResponse({ type: [RegulationSummaryDto] })
  async list(@CurrentTenant() tenant: TenantContext): Promise<RegulationSummaryDto[]> {
    return (await this.regulations.list(tenant.id)).map(RegulationSummaryDto.from);
  }

  @Get(':code')
  @ApiOkResponse({ type: AdminRegulationDto })
  @ApiNotFoundResponse({ description: 'No regulation with this code' })
  async get(
    @CurrentTenant() tenant: TenantContext,
    @Param('code') code: string,
  ): Promise<AdminRegulationDto> {
    return AdminRegulationDto.fromState(await this.regulations.get(tenant.id, code));
  }

  /** Creates (expectedVersion 0) or changes a regulation; an unchanged body adds no version. */
  @Put(':code')
  @ApiBody({ type: SaveRegulationDto })
  @ApiOkResponse({ type: SaveResultDto, description: 'Changed (or unchanged: changed false)' })
  @ApiCreatedResponse({ type: SaveResultDto, description: 'Created as version 1' })
  @ApiBadRequestResponse({
    description: 'Field errors with their path, e.g. diagnosis.questions.2.next.1.goto',
  })
  @ApiConflictResponse({ description: 'Someone else saved in between, or the code exists already' })
  async save(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    // Read whole: the regulation's own fields are checked by regulationProblems, not by a class.
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SaveResultDto> {
    const { expectedVersion, note, ...regulation } = (body ?? {}) as Record<string, unknown>;
    const options = await validateInput(SaveOptionsDto, { expectedVersion, note });
    const result = await this.regulations.save(tenant.id, staff.userId, code, regulation, {
      expectedVersion: options.expectedVersion,
      note: options.note ?? '',
    });
    reply.status(result.created ? 201 : 200);
    return result;
  }

  /** Citizens no longer see it and cannot file under it; cases filed under it carry on. */
  @Post(':code/retire')
  @HttpCode(200)
  @ApiOkResponse({ type: SaveResultDto })
  retire(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
  ): Promise<SaveResultDto> {
    return this.regulations.setActive(tenant.id, staff.userId, code, false);
  }

  @Post(':code/activate')
  @HttpCode(200)
  @ApiOkResponse({ type: SaveResultDto })
  activate(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
  ): Promise<SaveResultDto> {
    return this.regulations.setActive(tenant.id, staff.userId, code, true);
  }

  /** Newest first: who saved each version, when, and why. */
  @Get(':code/versions')
  @ApiOkResponse({ type: [RegulationVersionSummaryDto] })
  async versions(
    @CurrentTenant() tenant: TenantContext,
    @Param('code') code: string,
  ): Promise<RegulationVersionSummaryDto[]> {
    return (await this.regulations.versions(tenant.id, code)).map(RegulationVersionSummaryDto.from);
  }

  @Get(':code/versions/:version')
  @ApiOkResponse({ type: RegulationVersionDto })
  @ApiNotFoundResponse({ description: 'No such regulation or version' })
  async version(
    @CurrentTenant() tenant: TenantContext,
    @Param('code') code: string,
    @Param('version') version: string,
  ): Promise<RegulationVersionDto> {
    return RegulationVersionDto.fromState(await this.regulations.version(tenant.id, code, Number(version)));
  }

  /** A new version with the content of version {version}; history is never rewritten. */
  @Post(':code/versions/:version/rollback')
  @HttpCode(200)
  @ApiOkResponse({ type: SaveResultDto })
  @ApiBadRequestResponse({
    description: 'That version no longer passes validation (e.g. a partner was removed)',
  })
  @ApiConflictResponse({ description: 'expectedVersion given and someone else saved in between' })
  rollback(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Param('version') version: string,
    @Body() body: RollbackDto,
  ): Promise<SaveResultDto> {
    return this.regulations.rollback(tenant.id, staff.userId, code, Number(version), body);
  }
}
