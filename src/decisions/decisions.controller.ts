import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DecisionsService } from './decisions.service';
import { DecisionDto, DecisionRecordedDto } from './dto/decision.dto';

@ApiTags('staff')
@ApiController('tenants/:tenant/objections/:reference/decision')
@Staff('handler', 'tenant_admin')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  /** Records the decision on the objection and issues its letter; the case is decided from then on. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: DecisionRecordedDto })
  @ApiBadRequestResponse({
    description: 'Invalid body, or no hearing and no Awb 7:3 ground for not holding one',
  })
  @ApiConflictResponse({ description: 'The case is no longer open (problem code case-closed)' })
  decide(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: DecisionDto,
  ): Promise<DecisionRecordedDto> {
    return this.decisions.record(tenant.id, reference, body, staff);
  }
}
