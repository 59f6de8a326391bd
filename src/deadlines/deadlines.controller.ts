import { ApiController } from '../common/api-controller.decorator';
import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DeadlinesService } from './deadlines.service';
import { DeadlinesDto, DeadlinesQueryDto } from './dto/deadlines-query.dto';
import { LocalDate } from './local-date';

@ApiTags('citizens')
@ApiController('tenants/:tenant/deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  /** The objection and decision terms for a decision sent on a given day (Awb + Algemene termijnenwet). */
  @Get()
  @ApiOkResponse({ type: DeadlinesDto })
  forDecision(
    @CurrentTenant() tenant: TenantContext,
    @Query() query: DeadlinesQueryDto,
  ): Promise<DeadlinesDto> {
    return this.deadlines.forDecision(tenant.id, {
      decisionDate: query.decisionDate as LocalDate,
      regulation: query.regulation,
      advisoryCommittee: query.advisoryCommittee,
      receivedDate: query.receivedDate as LocalDate | undefined,
    });
  }
}
