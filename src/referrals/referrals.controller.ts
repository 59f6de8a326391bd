import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { ReferDto, ReferralDto, ReferralPartnerDto, ReferralPartnersQueryDto } from './dto/referral.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('staff')
@ApiController('tenants/:tenant')
@Staff('handler', 'tenant_admin')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  /** The tenant's active partners; with ?regulation=CODE that regulation's partners first. */
  @Get('referral-partners')
  @ApiOkResponse({ type: [ReferralPartnerDto] })
  async partners(
    @CurrentTenant() tenant: TenantContext,
    @Query() query: ReferralPartnersQueryDto,
  ): Promise<ReferralPartnerDto[]> {
    const partners = query.regulation
      ? await this.referrals.partnersForRegulationCode(tenant.id, query.regulation)
      : await this.referrals.partners(tenant.id);
    return partners.map(ReferralPartnerDto.from);
  }

  /** Refers the citizen to a partner: on the case's timeline and, where there is an address, by e-mail. */
  @Post('objections/:reference/referrals')
  @ApiCreatedResponse({ type: ReferralDto })
  @ApiConflictResponse({ description: 'The case is no longer open' })
  async refer(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: ReferDto,
  ): Promise<ReferralDto> {
    const partner = await this.referrals.refer(tenant.id, reference, body.partner, staff, body.note);
    return { reference, partner };
  }
}
