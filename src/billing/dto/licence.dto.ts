import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import type { LocalDate } from '../../deadlines/local-date';
import { LICENCE_STATES, type LicenceState } from '../../tenancy/tenant.entity';
import type { LicenceRecord } from '../licences.service';

export class AssignLicenceDto {
  @ApiProperty({ example: 'standaard' })
  @IsString({ message: 'Kies een licentieplan (de code, zoals "standaard").' })
  planCode!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-01-01',
    description: 'A licence running then ends the day before',
  })
  @IsString({ message: 'Vul een geldige begindatum in, zoals 2026-01-01.' })
  startsOn!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Absent: open-ended' })
  @IsOptional()
  @IsString({ message: 'Vul een geldige einddatum in, zoals 2026-12-31.' })
  endsOn?: string;

  @ApiPropertyOptional({
    example: 1000,
    description: 'Discount in basis points (1000 = 10%) on every invoice line',
  })
  @IsOptional()
  @IsInt({
    message: 'Een korting is 0 tot en met 10000 basispunten (0% tot en met 100%), in hele basispunten.',
  })
  discountBasisPoints?: number;

  @ApiPropertyOptional({ example: 'Pilotgemeente 2026' })
  @IsOptional()
  @IsString({ message: 'Schrijf op waarom de gemeente korting krijgt.' })
  @MaxLength(200, { message: 'De reden van de korting is hoogstens 200 tekens.' })
  discountReason?: string;
}

export class AssignedLicenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class LicenceDto implements LicenceRecord {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() planCode!: string;
  @ApiProperty() planName!: string;
  @ApiProperty({ type: String, format: 'date' }) startsOn!: LocalDate;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn!: LocalDate | null;
  @ApiProperty() discountBasisPoints!: number;
  @ApiProperty({ type: String, nullable: true }) discountReason!: string | null;
}

export class LicenceStateChangeDto {
  @ApiProperty({ enum: LICENCE_STATES }) from!: LicenceState;
  @ApiProperty({ enum: LICENCE_STATES }) to!: LicenceState;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'Set by an operator (a hold) rather than by the evaluation' }) manual!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) holdUntil!: LocalDate | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class LicenceStateDto {
  @ApiProperty({ enum: LICENCE_STATES }) state!: LicenceState;
  @ApiProperty({ type: String, format: 'date-time' }) since!: string;
  @ApiProperty({ type: [LicenceStateChangeDto] }) history!: LicenceStateChangeDto[];
}

export class TenantLicencesDto {
  @ApiProperty({ type: [LicenceDto], description: 'Oldest first' }) licences!: LicenceDto[];
  @ApiProperty({ type: LicenceStateDto }) licenceState!: LicenceStateDto;
}

export class SetLicenceStateDto {
  @ApiProperty({
    enum: ['suspended', 'active'],
    description: 'suspended: until lifted by hand; active: until holdUntil',
  })
  @IsIn(['suspended', 'active'], { message: 'Kies suspended (opschorten) of active (weer actief maken).' })
  state!: 'suspended' | 'active';

  @ApiProperty({
    example: 'Betalingsregeling afgesproken',
    description: 'Shown to the municipality’s admins',
  })
  @IsString({ message: 'Schrijf de reden op: de beheerders van de gemeente krijgen die te lezen.' })
  @MaxLength(500, { message: 'De reden is hoogstens 500 tekens.' })
  reason!: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'For active: the evaluation leaves the state alone until then',
  })
  @IsOptional()
  @IsString({ message: 'Vul een datum in, zoals 2026-12-31.' })
  holdUntil?: string;
}

export class UsageMonthDto {
  @ApiProperty({ minimum: 1, maximum: 12 }) month!: number;
  @ApiProperty() objections!: number;
}

export class YearUsageDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [UsageMonthDto] }) months!: UsageMonthDto[];
  @ApiProperty() total!: number;
}

class UsageTenantDto {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class TenantUsageDto extends YearUsageDto {
  @ApiProperty({ type: UsageTenantDto }) tenant!: UsageTenantDto;
}

export class UsageQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Default: this year' })
  @IsOptional()
  @IsString()
  year?: string;
}

export class IncludedObjectionsDto {
  @ApiProperty() perYear!: number;
  @ApiProperty({ description: 'Pro rata for the days of this year the current licence covers' })
  thisYear!: number;
}

export class MunicipalityLicenceDto {
  @ApiProperty({ type: LicenceStateDto }) licenceState!: LicenceStateDto;
  @ApiProperty({ type: LicenceDto, nullable: true, description: 'The licence covering today' })
  current!: LicenceDto | null;
  @ApiProperty({ type: YearUsageDto }) usage!: YearUsageDto;
  @ApiProperty({ type: IncludedObjectionsDto, nullable: true }) included!: IncludedObjectionsDto | null;
}
