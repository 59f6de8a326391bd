import { Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { InboxPageDto, InboxQueryDto } from './dto/inbox.dto';
import { parseInboxQuery } from './inbox-query';
import { InboxService } from './inbox.service';
import { Audited } from '../audit/audited.decorator';

@ApiTags('staff')
@ApiController('tenants/:tenant/inbox')
@Staff('handler', 'tenant_admin')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  /** Open cases, nearest legal deadline first, with filters, search, counts and keyset pages. */
  @Get()
  @Audited('case.list')
  @ApiOkResponse({ type: InboxPageDto })
  @ApiBadRequestResponse({ description: 'A parameter is not valid (problem+json naming each field)' })
  list(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: InboxQueryDto,
  ): Promise<InboxPageDto> {
    return this.inbox.list(tenant, staff.userId, parseInboxQuery(query));
  }
}
