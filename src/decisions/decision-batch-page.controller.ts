import { Controller, Get, Header, Param, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { StaffErrorFilter } from '../staff-pages/staff-error.filter';
import { StaffSessionGuard } from '../staff-pages/staff-page.guards';
import { HTML, REFERRER_POLICY } from '../staff-pages/staff-pages.service';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DecisionBatchesService } from './decision-batches.service';

/** `/rivierstad/behandelaar/bulk/<run>`: how far a bulk decision run is, refreshing itself until it is done. */
@ApiExcludeController()
@Controller(':tenant/behandelaar/bulk')
@UseGuards(StaffSessionGuard)
@UseFilters(StaffErrorFilter)
export class DecisionBatchPageController {
  constructor(private readonly batches: DecisionBatchesService) {}

  @Get(':batchId')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', REFERRER_POLICY)
  page(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('batchId') batchId: string,
  ): Promise<string> {
    return this.batches.page(tenant, staff, batchId);
  }
}
