import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { StaffDirectoryService, StaffMember } from './staff-directory.service';
import { Staff } from './staff.guard';

@ApiTags('staff')
@ApiController('tenants/:tenant/staff')
@Staff('handler', 'tenant_admin')
export class StaffDirectoryController {
  constructor(private readonly directory: StaffDirectoryService) {}

  /** The handlers a case can be assigned to. */
  @Get()
  @ApiOkResponse({ description: 'Active handlers of the tenant: id, name, email, roles' })
  handlers(@CurrentTenant() tenant: TenantContext): Promise<StaffMember[]> {
    return this.directory.handlers(tenant.id);
  }
}
