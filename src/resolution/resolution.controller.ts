import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import {
  CaseEndedDto,
  ContactAttemptDto,
  ContactLoggedDto,
  ConversationDto,
  ConversationRecordedDto,
  CorrectionDto,
  WithdrawalDto,
} from './dto/resolution.dto';
import { InformalResolutionService } from './informal-resolution.service';

const CLOSED = 'The case is no longer open (problem code case-closed)';

/** The informal approach on a case: contacts, conversations and the informal endings. */
@ApiTags('staff')
@ApiController('tenants/:tenant/objections/:reference')
@Staff('handler', 'tenant_admin')
export class ResolutionController {
  constructor(private readonly resolution: InformalResolutionService) {}

  /** A contact attempt, reached or not; the first one that reached the objector is first contact. */
  @Post('contacts')
  @ApiCreatedResponse({ type: ContactLoggedDto })
  @ApiConflictResponse({ description: CLOSED })
  logContact(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: ContactAttemptDto,
  ): Promise<ContactLoggedDto> {
    return this.resolution.logContact(tenant.id, reference, body, staff);
  }

  /** A conversation and the route agreed; by default the objector gets a letter confirming it. */
  @Post('conversations')
  @ApiCreatedResponse({ type: ConversationRecordedDto })
  @ApiConflictResponse({ description: CLOSED })
  recordConversation(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: ConversationDto,
  ): Promise<ConversationRecordedDto> {
    return this.resolution.recordConversation(tenant.id, reference, body, staff);
  }

  /** The objector withdrew: the case ends without a decision. */
  @Post('withdrawal')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseEndedDto })
  @ApiConflictResponse({ description: CLOSED })
  withdraw(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: WithdrawalDto,
  ): Promise<CaseEndedDto> {
    return this.resolution.withdraw(tenant.id, reference, body, staff);
  }

  /** The contested decision was corrected: the case closes, resolved informally. */
  @Post('correction')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseEndedDto })
  @ApiConflictResponse({ description: CLOSED })
  recordCorrection(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: CorrectionDto,
  ): Promise<CaseEndedDto> {
    return this.resolution.recordCorrection(tenant.id, reference, body, staff);
  }
}
