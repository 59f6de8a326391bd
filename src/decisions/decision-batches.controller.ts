import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DecisionBatchesService } from './decision-batches.service';
import { DecisionBatchDto, DecisionBatchStartedDto, StartDecisionBatchDto } from './dto/batch-decision.dto';

@ApiTags('staff')
@ApiController('tenants/:tenant/decision-batches')
@Staff('handler', 'tenant_admin')
export class DecisionBatchesController {
  constructor(private readonly batches: DecisionBatchesService) {}

  /** Decides many cases alike, in the background; answers at once with where to follow the progress. */
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DecisionBatchStartedDto })
  @ApiBadRequestResponse({
    description: 'Invalid body, or references listed twice, unknown or not open (each named)',
  })
  @ApiConflictResponse({
    description: 'Some cases are already in a run still going (problem code already-in-batch)',
  })
  start(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: StartDecisionBatchDto,
  ): Promise<DecisionBatchStartedDto> {
    return this.batches.start(tenant, staff, body);
  }

  @Get(':batchId')
  @ApiOkResponse({ type: DecisionBatchDto })
  @ApiNotFoundResponse({ description: 'No such run in this tenant' })
  progress(
    @CurrentTenant() tenant: TenantContext,
    @Param('batchId') batchId: string,
  ): Promise<DecisionBatchDto> {
    return this.batches.progress(tenant.id, batchId);
  }
}
