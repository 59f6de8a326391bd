import { Body, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { InvitedStaffDto, InviteStaffDto, SetStaffRolesDto, StaffAccountDto } from './dto/staff-admin.dto';
import { StaffAccountsService } from './staff-accounts.service';
import { CurrentStaff, StaffPrincipal } from './staff-principal';
import { Staff } from './staff.guard';

/** The tenant admin's staff administration: invitations, roles, deactivation. */
@ApiTags('admin')
@ApiController('tenants/:tenant/admin/staff')
@Staff('tenant_admin')
export class StaffAdminController {
  constructor(private readonly accounts: StaffAccountsService) {}

  @Get()
  @ApiOkResponse({ type: [StaffAccountDto] })
  async list(@CurrentTenant() tenant: TenantContext): Promise<StaffAccountDto[]> {
    return (await this.accounts.list(tenant.id)).map(StaffAccountDto.from);
  }

  /** Creates the account and e-mails a link to set a password (valid 7 days). */
  @Post()
  @ApiCreatedResponse({ type: InvitedStaffDto })
  @ApiConflictResponse({ description: 'The e-mail address already has an account' })
  invite(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: InviteStaffDto,
  ): Promise<InvitedStaffDto> {
    return this.accounts.invite(tenant.id, body, staff.userId);
  }

  @Put(':id/roles')
  @ApiOkResponse({ type: StaffAccountDto })
  @ApiNotFoundResponse({ description: 'No such account' })
  @ApiConflictResponse({ description: 'It would leave the municipality without an active tenant admin' })
  async setRoles(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: SetStaffRolesDto,
  ): Promise<StaffAccountDto> {
    return StaffAccountDto.from(await this.accounts.setRoles(tenant.id, staff.userId, id, body.roles));
  }

  /** The account's token and cookie stop working with their next request. */
  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAccountDto })
  @ApiConflictResponse({ description: 'It would leave the municipality without an active tenant admin' })
  async deactivate(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
  ): Promise<StaffAccountDto> {
    return StaffAccountDto.from(await this.accounts.deactivate(tenant.id, staff.userId, id));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAccountDto })
  async activate(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
  ): Promise<StaffAccountDto> {
    return StaffAccountDto.from(await this.accounts.activate(tenant.id, staff.userId, id));
  }

  /** A new invitation link (the previous one stops working), for an account without a password. */
  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAccountDto })
  @ApiConflictResponse({ description: 'The account already has a password, or is deactivated' })
  async resendInvitation(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
  ): Promise<StaffAccountDto> {
    return StaffAccountDto.from(await this.accounts.resendInvitation(tenant.id, staff.userId, id));
  }
}
