import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { staffActor } from '../objections/timeline';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { LegalHoldReasonDto } from './dto/legal-hold.dto';
import { LegalHoldService, LegalHoldState } from './legal-hold.service';
import { RetentionRunReport, RetentionService } from './retention.service';

/** A case's legal hold: handlers and tenant admins place and lift it, with a reason kept in the timeline. */
@ApiTags('retention')
@ApiController('tenants/:tenant/objections/:reference/legal-hold')
@Staff('handler', 'tenant_admin')
export class LegalHoldController {
  constructor(private readonly holds: LegalHoldService) {}

  @Get()
  @ApiOkResponse({ description: 'Whether the case is under legal hold, since when and why' })
  @ApiNotFoundResponse({ description: 'No case with this reference' })
  state(
    @CurrentTenant() tenant: TenantContext,
    @Param('reference') reference: string,
  ): Promise<LegalHoldState> {
    return this.holds.state(tenant.id, reference);
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: 'The hold is placed' })
  @ApiConflictResponse({ description: 'Already held, or already anonymised' })
  place(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: LegalHoldReasonDto,
  ): Promise<LegalHoldState> {
    return this.holds.place(tenant.id, reference, staffActor(staff.userId), body.reason);
  }

  @Post('lift')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The hold is lifted' })
  @ApiConflictResponse({ description: 'The case is not held' })
  lift(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: LegalHoldReasonDto,
  ): Promise<LegalHoldState> {
    return this.holds.lift(tenant.id, reference, staffActor(staff.userId), body.reason);
  }
}

/** The retention job's reports for tenant admins, and a run on request. */
@ApiTags('retention')
@ApiController('tenants/:tenant/admin/retention')
@Staff('tenant_admin')
export class RetentionAdminController {
  constructor(
    private readonly retention: RetentionService,
    private readonly holds: LegalHoldService,
  ) {}

  @Get('runs')
  @ApiOkResponse({ description: 'The latest runs, newest first: counts and case references' })
  runs(@CurrentTenant() tenant: TenantContext): Promise<RetentionRunReport[]> {
    return this.retention.runs(tenant.id);
  }

  @Post('runs')
  @ApiCreatedResponse({ description: 'A run done now; its report' })
  run(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<RetentionRunReport> {
    return this.retention.runNow(tenant.id, staff.userId);
  }

  @Get('holds')
  @ApiOkResponse({ description: 'Every case under legal hold' })
  held(@CurrentTenant() tenant: TenantContext): Promise<LegalHoldState[]> {
    return this.holds.heldCases(tenant.id);
  }
}
