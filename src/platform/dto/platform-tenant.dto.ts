import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import type { TenantAdmin, TenantDetails, TenantSummary } from '../platform-tenants.service';

export class OffboardTenantDto {
  @ApiProperty({ example: 'zeestad', description: "The municipality's slug, typed again as confirmation" })
  @IsString({ message: 'Typ de korte naam van de gemeente over om te bevestigen.' })
  confirm!: string;
}

export class TenantLicenceDto {
  @ApiProperty() planCode!: string;
  @ApiProperty() planName!: string;
  @ApiProperty({ example: '2027-01-01' }) startsOn!: string;
  @ApiProperty({ type: String, nullable: true }) endsOn!: string | null;
}

export class TenantSummaryDto {
  @ApiProperty({ example: 'zeestad' }) slug!: string;
  @ApiProperty({ example: 'Gemeente Zeestad' }) name!: string;
  @ApiProperty({ example: 45000 }) inhabitants!: number;
  @ApiProperty({ enum: ['active', 'offboarded'] }) status!: string;
  @ApiProperty({ enum: ['active', 'grace', 'suspended'] }) licenceState!: string;
  @ApiProperty({ type: TenantLicenceDto, nullable: true, description: 'The licence running today' })
  licence!: TenantLicenceDto | null;
  @ApiProperty({ description: 'Objections received since 1 January' }) objectionsThisYear!: number;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) offboardedAt!: string | null;
}

export class TenantAdminDto {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: ['accepted', 'pending', 'expired'] }) invitation!: string;
  @ApiProperty({ type: String, nullable: true }) invitedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastLoginAt!: string | null;
}

export class TenantDetailsDto extends TenantSummaryDto {
  @ApiProperty({ description: 'Contact details, court, branding and settings' }) profile!: object;
  @ApiProperty({ type: TenantAdminDto, isArray: true }) admins!: TenantAdminDto[];
  @ApiProperty({ type: TenantLicenceDto, isArray: true }) licences!: TenantLicenceDto[];
  @ApiProperty({ type: String, nullable: true, description: 'When the data export was last downloaded' })
  exportedAt!: string | null;
}

export function tenantSummaryDto(summary: TenantSummary): TenantSummaryDto {
  return {
    slug: summary.slug,
    name: summary.name,
    inhabitants: summary.inhabitants,
    status: summary.status,
    licenceState: summary.licenceState,
    licence: summary.licence && {
      planCode: summary.licence.planCode,
      planName: summary.licence.planName,
      startsOn: summary.licence.startsOn,
      endsOn: summary.licence.endsOn,
    },
    objectionsThisYear: summary.objectionsThisYear,
    createdAt: summary.createdAt.toISOString(),
    offboardedAt: summary.offboardedAt?.toISOString() ?? null,
  };
}

export function tenantDetailsDto(details: TenantDetails): TenantDetailsDto {
  return {
    ...tenantSummaryDto(details),
    profile: details.profile,
    admins: details.admins.map(adminDto),
    licences: details.licences.map(({ planCode, planName, startsOn, endsOn }) => ({
      planCode,
      planName,
      startsOn,
      endsOn,
    })),
    exportedAt: details.exportedAt?.toISOString() ?? null,
  };
}

function adminDto(admin: TenantAdmin): TenantAdminDto {
  return {
    name: admin.name,
    email: admin.email,
    active: admin.active,
    invitation: admin.invitation,
    invitedAt: admin.invitedAt?.toISOString() ?? null,
    lastLoginAt: admin.lastLoginAt?.toISOString() ?? null,
  };
}
