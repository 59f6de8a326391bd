import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
} from 'class-validator';
import { IsLocalDateConstraint } from '../../deadlines/dto/is-local-date';
import { AddressDto } from '../../objections/dto/file-objection.dto';
import { DISTRICT_COURTS } from '../district-courts';
import { SLUG_PATTERN } from '../onboarding-rules';

export class MunicipalityContactDto {
  @ApiProperty({ example: '010 123 45 67' })
  @IsString({ message: 'Vul het telefoonnummer van de gemeente in.' })
  @Matches(/^\+?[0-9][0-9 -]{7,18}$/, { message: 'Vul een telefoonnummer in, bijvoorbeeld 010 123 45 67.' })
  phone!: string;

  @ApiProperty({ example: 'gemeente@zeestad.example' })
  @IsEmail({}, { message: 'Vul het e-mailadres van de gemeente in, bijvoorbeeld gemeente@zeestad.nl.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'https://www.zeestad.example' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'Vul het adres van de website in, beginnend met https://.' },
  )
  @MaxLength(200, { message: 'Het adres van de website is te lang.' })
  website!: string;

  @ApiProperty({ type: AddressDto, description: 'The postal address (a Postbus is fine: street "Postbus")' })
  @IsObject({ message: 'Vul het postadres van de gemeente in.' })
  @ValidateNested()
  @Type(() => AddressDto)
  postalAddress!: AddressDto;
}

export class LicenceChoiceDto {
  @ApiProperty({ example: 'standaard', description: 'Code of an active licence plan' })
  @IsString({ message: 'Kies een licentieplan.' })
  @IsNotEmpty({ message: 'Kies een licentieplan.' })
  planCode!: string;

  @ApiProperty({ example: '2027-01-01', description: 'First day of the licence (YYYY-MM-DD)' })
  @Validate(IsLocalDateConstraint, {
    message: 'Vul de ingangsdatum van de licentie in, bijvoorbeeld 2027-01-01.',
  })
  startsOn!: string;
}

export class AdminInviteDto {
  @ApiProperty({ example: 'Fatima Yilmaz' })
  @IsString({ message: 'Vul de naam van de beheerder in.' })
  @IsNotEmpty({ message: 'Vul de naam van de beheerder in.' })
  @MaxLength(120, { message: 'De naam is te lang (hoogstens 120 tekens).' })
  name!: string;

  @ApiProperty({ example: 'f.yilmaz@zeestad.example' })
  @IsEmail({}, { message: 'Vul het e-mailadres van de beheerder in.' })
  @MaxLength(254)
  email!: string;
}

/** Onboarding a municipality: its profile, its licence and the first tenant admin, who is invited by e-mail. */
export class OnboardTenantDto {
  @ApiProperty({ example: 'zeestad', description: 'The municipality in every address: /zeestad' })
  @IsString({ message: 'Vul de korte naam voor het webadres in.' })
  @Matches(SLUG_PATTERN, {
    message:
      'De korte naam mag alleen kleine letters, cijfers en streepjes bevatten, begint met een letter of cijfer en is 2 tot 63 tekens lang.',
  })
  slug!: string;

  @ApiProperty({ example: 'Gemeente Zeestad' })
  @IsString({ message: 'Vul de naam van de gemeente in.' })
  @IsNotEmpty({ message: 'Vul de naam van de gemeente in.' })
  @MaxLength(120, { message: 'De naam is te lang (hoogstens 120 tekens).' })
  name!: string;

  @ApiProperty({ example: 45000 })
  // Checked bottom-up: first whether it is a whole number at all.
  @Max(10_000_000, { message: 'Dat aantal inwoners is te groot.' })
  @Min(1, { message: 'Vul het aantal inwoners in als een heel getal.' })
  @IsInt({ message: 'Vul het aantal inwoners in als een heel getal.' })
  inhabitants!: number;

  @ApiProperty({ example: 'het college van burgemeester en wethouders van Zeestad' })
  @IsString({ message: 'Vul het bestuursorgaan in dat de besluiten neemt.' })
  @IsNotEmpty({ message: 'Vul het bestuursorgaan in dat de besluiten neemt.' })
  @MaxLength(200, { message: 'Het bestuursorgaan is te lang (hoogstens 200 tekens).' })
  governingBody!: string;

  @ApiProperty({ enum: DISTRICT_COURTS.map((c) => c.code), example: 'rotterdam' })
  @IsIn(DISTRICT_COURTS.map((c) => c.code), { message: 'Kies de rechtbank waar inwoners in beroep gaan.' })
  court!: string;

  @ApiProperty({ type: MunicipalityContactDto })
  @IsObject({ message: 'Vul de contactgegevens van de gemeente in.' })
  @ValidateNested()
  @Type(() => MunicipalityContactDto)
  contact!: MunicipalityContactDto;

  @ApiPropertyOptional({ example: '#005A9C', description: 'House colour; white text on it must be readable' })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'Vul een kleur in zoals #005A9C.' })
  primaryColor?: string;

  @ApiProperty({ type: LicenceChoiceDto })
  @IsObject({ message: 'Kies een licentieplan en de ingangsdatum.' })
  @ValidateNested()
  @Type(() => LicenceChoiceDto)
  licence!: LicenceChoiceDto;

  @ApiProperty({ type: AdminInviteDto })
  @IsObject({ message: 'Vul de naam en het e-mailadres van de eerste beheerder in.' })
  @ValidateNested()
  @Type(() => AdminInviteDto)
  admin!: AdminInviteDto;
}
