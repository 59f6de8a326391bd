import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DecisionTermService } from './decision-term.service';
import {
  DecisionTermDto,
  DocumentCreatedDto,
  ExtendedDto,
  ExtensionDto,
  HearingPlannedDto,
  HearingReportDto,
  HearingWaivedDto,
  NoticeOfDefaultDto,
  NoticeRegisteredDto,
  PenaltyDto,
  PenaltyFixedDto,
  PlanHearingDto,
  PostponementDto,
  RepairReceivedDto,
  RepairRecordedDto,
  RepairRequestDto,
  RepairRequestedDto,
  WaiveHearingDto,
} from './dto/procedure.dto';
import { HearingService } from './hearing.service';
import { RepairService } from './repair.service';

/** The formal procedure on a case: repair, hearing, decision term and penalty. Every step is on the timeline. */
@ApiTags('staff')
@ApiController('tenants/:tenant/objections/:reference')
@Staff('handler', 'tenant_admin')
@ApiConflictResponse({
  description: "The case is closed ('case-closed') or the step does not fit where it stands",
})
export class ProcedureController {
  constructor(
    private readonly repair: RepairService,
    private readonly hearing: HearingService,
    private readonly term: DecisionTermService,
  ) {}

  /** Asks the objector to repair what the filing lacks (6:6), with a letter and its own term. */
  @Post('repair-request')
  @ApiCreatedResponse({ type: RepairRequestedDto })
  requestRepair(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: RepairRequestDto,
  ): Promise<RepairRequestedDto> {
    return this.repair.request(tenant.id, reference, body, staff);
  }

  /** Records what came in; the decision term pauses for the repair period (7:10 lid 2). */
  @Post('repair-received')
  @HttpCode(200)
  @ApiOkResponse({ type: RepairRecordedDto })
  repairReceived(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: RepairReceivedDto,
  ): Promise<RepairRecordedDto> {
    return this.repair.received(tenant.id, reference, body, staff);
  }

  /** Plans the hearing and sends the invitation with the 7:4 dates; the hearer did not take the decision (7:5). */
  @Post('hearing')
  @ApiCreatedResponse({ type: HearingPlannedDto })
  planHearing(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: PlanHearingDto,
  ): Promise<HearingPlannedDto> {
    return this.hearing.plan(tenant.id, reference, body, staff);
  }

  /** No hearing, on a 7:3 ground. */
  @Post('hearing/waiver')
  @HttpCode(200)
  @ApiOkResponse({ type: HearingWaivedDto })
  waiveHearing(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: WaiveHearingDto,
  ): Promise<HearingWaivedDto> {
    return this.hearing.waive(tenant.id, reference, body.ground, staff);
  }

  /** The report of the hearing (7:7), issued as a document. */
  @Post('hearing/report')
  @ApiCreatedResponse({ type: DocumentCreatedDto })
  hearingReport(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: HearingReportDto,
  ): Promise<DocumentCreatedDto> {
    return this.hearing.report(tenant.id, reference, body, staff);
  }

  /** The one extension of the decision term (7:10 lid 3), with a notice letter. */
  @Post('extension')
  @ApiCreatedResponse({ type: ExtendedDto })
  extend(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: ExtensionDto,
  ): Promise<ExtendedDto> {
    return this.term.extend(tenant.id, reference, body, staff);
  }

  /** Further delay with the objector's recorded consent (7:10 lid 4). */
  @Post('postponement')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionTermDto })
  postpone(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: PostponementDto,
  ): Promise<DecisionTermDto> {
    return this.term.postpone(tenant.id, reference, body, staff);
  }

  /** Registers a notice of default received after the decision term passed (4:17). */
  @Post('notice-of-default')
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeRegisteredDto })
  noticeOfDefault(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: NoticeOfDefaultDto,
  ): Promise<NoticeRegisteredDto> {
    return this.term.registerNoticeOfDefault(tenant.id, reference, body, staff);
  }

  /** Records the penalty as fixed (4:18); by default what the exposure says. */
  @Post('penalty')
  @HttpCode(200)
  @ApiOkResponse({ type: PenaltyFixedDto })
  fixPenalty(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: PenaltyDto,
  ): Promise<PenaltyFixedDto> {
    return this.term.fixPenalty(tenant.id, reference, body, staff);
  }
}
