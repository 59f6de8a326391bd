import { Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { ProblemError } from '../common/problems/problem.error';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { readAuditFilters } from './audit-search';
import { AuditPage, AuditSearchService } from './audit-search.service';

/** The municipality's audit trail, read only, for its tenant admins. */
@ApiTags('admin')
@ApiController('tenants/:tenant/admin/audit')
@Staff('tenant_admin')
export class AuditController {
  constructor(private readonly search: AuditSearchService) {}

  /** Events newest first, 50 a page; every filter optional. */
  @Get()
  @ApiQuery({ name: 'actor', required: false, description: "A staff member's e-mail address or an actor id" })
  @ApiQuery({ name: 'action', required: false, description: 'An action (case.read) or object type (case)' })
  @ApiQuery({ name: 'object', required: false, description: 'A case reference or object id' })
  @ApiQuery({ name: 'result', required: false, enum: ['success', 'refused', 'failed'] })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (Amsterdam), inclusive' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD (Amsterdam), inclusive' })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiOkResponse({ description: '{ events, page, hasMore }' })
  @ApiBadRequestResponse({ description: 'A filter is not valid (problem+json naming each field)' })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: Record<string, unknown>): Promise<AuditPage> {
    const { filters, errors } = readAuditFilters(query);
    if (errors.length) throw ProblemError.invalid(errors);
    return this.search.search(tenant.id, filters);
  }
}
