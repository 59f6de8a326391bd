import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { CaseMessagesService } from './case-messages.service';
import { CaseMessageDto, MessageSentDto } from './dto/case-message.dto';

@ApiTags('staff')
@ApiController('tenants/:tenant/objections/:reference/messages')
@Staff('handler', 'tenant_admin')
export class CaseMessagesController {
  constructor(private readonly messages: CaseMessagesService) {}

  /** A message to the citizen on the case page; the citizen gets an e-mail that it is there (without the text). */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: MessageSentDto })
  @ApiNotFoundResponse({ description: 'No case with this reference' })
  @ApiConflictResponse({ description: 'The case is closed (problem code case-closed)' })
  async send(
    @CurrentTenant() tenant: TenantContext,
    @Param('reference') reference: string,
    @Body() message: CaseMessageDto,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<MessageSentDto> {
    const at = new Date();
    await this.messages.sendToCitizen(tenant.id, reference, message.body, staff, at);
    return { at: at.toISOString() };
  }
}
