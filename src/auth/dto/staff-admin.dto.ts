import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
} from 'class-validator';
import { TENANT_STAFF_ROLES, TenantStaffRole } from '../staff-account-rules';
import type { StaffAccountView } from '../staff-account-rows';
import { STAFF_ROLES, StaffRole } from '../staff-user.entity';

const ROLES_MESSAGE =
  'Kies minstens één rol: handler (behandelaar) en/of tenant_admin (functioneel beheerder).';

export class SetStaffRolesDto {
  @ApiProperty({ enum: TENANT_STAFF_ROLES, isArray: true, example: ['handler'] })
  @IsArray({ message: ROLES_MESSAGE })
  @ArrayNotEmpty({ message: ROLES_MESSAGE })
  @ArrayUnique({ message: 'Noem elke rol één keer.' })
  @IsIn(TENANT_STAFF_ROLES, { each: true, message: ROLES_MESSAGE })
  roles!: TenantStaffRole[];
}

export class InviteStaffDto extends SetStaffRolesDto {
  @ApiProperty({ example: 'Noor de Wit' })
  @IsString({ message: 'Vul de naam van de medewerker in.' })
  @IsNotEmpty({ message: 'Vul de naam van de medewerker in.' })
  @MaxLength(200, { message: 'De naam is te lang (hoogstens 200 tekens).' })
  name!: string;

  @ApiProperty({ example: 'noor.dewit@rivierstad.example' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.' })
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  email!: string;
}

export class StaffAccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: StaffRole[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'A demo account (not in production)' }) demo!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) invitedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt!: string | null;
  @ApiProperty({
    enum: ['accepted', 'pending', 'expired'],
    description:
      'accepted: a password is set; pending: the link still works; expired: a new invitation is needed',
  })
  invitation!: 'accepted' | 'pending' | 'expired';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) invitationExpiresAt!: string | null;

  static from(account: StaffAccountView): StaffAccountDto {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      ...account,
      lastLoginAt: iso(account.lastLoginAt),
      invitedAt: iso(account.invitedAt),
      deactivatedAt: iso(account.deactivatedAt),
      invitationExpiresAt: iso(account.invitationExpiresAt),
    };
  }
}

export class InvitedStaffDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
