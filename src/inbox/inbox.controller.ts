import { ApiController } from '../common/api-controller.decorator';
import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff } from '../auth/staff.guard';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { InboxPageDto, InboxItemDto, InboxQueryDto } from './dto/inbox.dto';
import { InboxService } from './inbox.service';

@ApiTags('staff')
@ApiController('tenants/:tenant/inbox')
@Staff('handler', 'tenant_admin')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOkResponse({ type: InboxPageDto })
  async list(@CurrentTenant() tenant: TenantContext, @Query() query: InboxQueryDto): Promise<InboxPageDto> {
    return { items: (await this.inbox.list(tenant.id, query.limit)).map(InboxItemDto.from) };
  }
}
