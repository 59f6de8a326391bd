import { Body, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { allowedNextStatuses, CaseWorkService } from './case-work.service';
import { AssignDto, AssignmentDto, StatusChangeDto, StatusDto } from './dto/case-work.dto';

@ApiTags('staff')
@ApiController('tenants/:tenant/objections/:reference')
@Staff('handler', 'tenant_admin')
export class CaseWorkController {
  constructor(private readonly caseWork: CaseWorkService) {}

  /** Assigns the case to a handler, or to nobody (null). */
  @Put('assignee')
  @ApiOkResponse({ type: AssignmentDto })
  async assign(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: AssignDto,
  ): Promise<AssignmentDto> {
    const assignee = await this.caseWork.assign(tenant.id, reference, body.assigneeId, staff);
    return { reference, assignee };
  }

  /** Moves the case to another status; an illegal move is a 409 naming what is possible. */
  @Post('status')
  @HttpCode(200)
  @ApiOkResponse({ type: StatusDto })
  @ApiConflictResponse({ description: 'The status model does not allow this move (or it needs a decision)' })
  async moveTo(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: StatusChangeDto,
  ): Promise<StatusDto> {
    await this.caseWork.moveTo(tenant.id, reference, body.status, staff, body.note);
    return { reference, status: body.status, allowedNext: allowedNextStatuses(body.status) };
  }
}
