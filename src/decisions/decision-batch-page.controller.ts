import { Get, Param } from '@nestjs/common';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { HtmlPage, StaffPages } from '../staff-pages/page-decorators';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DecisionBatchesService } from './decision-batches.service';

/** `/rivierstad/behandelaar/bulk/<run>`: how far a bulk decision run is, refreshing itself until it is done. */
@StaffPages(':tenant/behandelaar/bulk')
export class DecisionBatchPageController {
  constructor(private readonly batches: DecisionBatchesService) {}

  @Get(':batchId')
  @HtmlPage()
  page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('batchId') batchId: string,
  ): Promise<string> {
    return this.batches.page(tenant, staff, batchId);
  }
}
