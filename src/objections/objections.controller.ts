import { ApiController } from '../common/api-controller.decorator';
import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff } from '../auth/staff.guard';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { CaseViewService, staffCaseJson } from './case-view.service';
import { Audited } from '../audit/audited.decorator';

@ApiTags('staff')
@ApiController('tenants/:tenant/objections')
@Staff('handler', 'tenant_admin')
export class ObjectionsController {
  constructor(private readonly cases: CaseViewService) {}

  /** The whole case, with flags, timeline and documents. */
  @Get(':reference')
  @Audited('case.read')
  @ApiOkResponse({ description: 'The case' })
  async get(@CurrentTenant() tenant: TenantContext, @Param('reference') reference: string) {
    return staffCaseJson(await this.cases.byReference(tenant.id, reference));
  }
}
