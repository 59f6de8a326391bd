import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { IsLocalDateConstraint } from '../../deadlines/dto/is-local-date';

export class AddressDto {
  @ApiProperty({ example: 'Dijkstraat' })
  @IsString({ message: 'Vul de straat in.' })
  @IsNotEmpty({ message: 'Vul de straat in.' })
  @MaxLength(120, { message: 'De straatnaam is te lang.' })
  street!: string;

  @ApiProperty({ example: '12a' })
  @IsString({ message: 'Vul het huisnummer in.' })
  @Matches(/^[0-9]{1,5}\s?[a-zA-Z0-9 -]{0,10}$/, {
    message: 'Vul een huisnummer in, bijvoorbeeld 12 of 12a.',
  })
  houseNumber!: string;

  @ApiProperty({ example: '4101 AB' })
  @IsString({ message: 'Vul de postcode in.' })
  @Matches(/^[1-9][0-9]{3}\s?[A-Za-z]{2}$/, { message: 'Vul een postcode in zoals 1234 AB.' })
  postalCode!: string;

  @ApiProperty({ example: 'Rivierstad' })
  @IsString({ message: 'Vul de woonplaats in.' })
  @IsNotEmpty({ message: 'Vul de woonplaats in.' })
  @MaxLength(80, { message: 'De woonplaats is te lang.' })
  city!: string;
}

export class ContestedDecisionDto {
  @ApiPropertyOptional({ example: 'PW-2026-0042', description: 'Kenmerk of zaaknummer in de brief' })
  @IsOptional()
  @IsString({ message: 'Het kenmerk moet tekst zijn.' })
  @MaxLength(100, { message: 'Het kenmerk is te lang.' })
  reference?: string;

  @ApiProperty({ example: '2026-11-02', description: 'Datum waarop het besluit is verstuurd (YYYY-MM-DD)' })
  @Validate(IsLocalDateConstraint, { message: 'Vul de datum van de brief in, bijvoorbeeld 2026-11-02.' })
  date!: string;

  @ApiPropertyOptional({ example: 'Stopzetting en terugvordering bijstand' })
  @IsOptional()
  @IsString({ message: 'De omschrijving moet tekst zijn.' })
  @MaxLength(2000, { message: 'De omschrijving is te lang (hoogstens 2000 tekens).' })
  description?: string;
}

export class ObjectorDto {
  @ApiProperty({ example: 'Bo de Vries' })
  @IsString({ message: 'Vul uw naam in.' })
  @IsNotEmpty({ message: 'Vul uw naam in.' })
  @MaxLength(200, { message: 'De naam is te lang.' })
  name!: string;

  @ApiPropertyOptional({ example: 'bo@example.nl' })
  @IsOptional()
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.' })
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  email?: string;

  @ApiPropertyOptional({ example: '06 12345678' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{8,20}$/, { message: 'Vul een telefoonnummer in, bijvoorbeeld 06 12345678.' })
  phone?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @IsObject({ message: 'Vul uw adres in met straat, huisnummer, postcode en plaats.' })
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

export class RepresentativeDto {
  @ApiProperty({ example: 'mr. A. Jansen' })
  @IsString({ message: 'Vul de naam van de gemachtigde in.' })
  @IsNotEmpty({ message: 'Vul de naam van de gemachtigde in.' })
  @MaxLength(200, { message: 'De naam is te lang.' })
  name!: string;

  @ApiPropertyOptional({ example: 'Het Juridisch Loket' })
  @IsOptional()
  @IsString({ message: 'De organisatie moet tekst zijn.' })
  @MaxLength(200, { message: 'De naam van de organisatie is te lang.' })
  organisation?: string;

  @ApiPropertyOptional({ example: 'a.jansen@juridischloket.example' })
  @IsOptional()
  @IsEmail({}, { message: 'Vul een geldig e-mailadres van de gemachtigde in.' })
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{8,20}$/, { message: 'Vul een telefoonnummer in, bijvoorbeeld 030 1234567.' })
  phone?: string;
}

export class GroundsDto {
  @ApiPropertyOptional({ type: [String], description: 'Codes of the regulation’s argument hints' })
  @IsOptional()
  @IsArray({ message: 'Kies de redenen uit de lijst.' })
  @ArrayMaxSize(30, { message: 'Kies hoogstens 30 redenen.' })
  @IsString({ each: true, message: 'Kies de redenen uit de lijst.' })
  hints: string[] = [];

  @ApiPropertyOptional({ description: 'In the objector’s own words' })
  @IsOptional()
  @IsString({ message: 'Uw uitleg moet tekst zijn.' })
  @MaxLength(20_000, {
    message: 'Uw uitleg is te lang (hoogstens 20.000 tekens). Stuur de rest als bijlage.',
  })
  text?: string;
}

export const CONTACT_PREFERENCES = ['phone', 'email', 'letter', 'portal'] as const;

export class FileObjectionDto {
  @ApiProperty({ example: 'participatiewet' })
  @IsString({ message: 'Kies de regeling.' })
  @IsNotEmpty({ message: 'Kies de regeling.' })
  @MaxLength(64, { message: 'Kies de regeling.' })
  regulation!: string;

  @ApiProperty({ type: ContestedDecisionDto })
  @IsObject({ message: 'Vul de gegevens van het besluit in.' })
  @ValidateNested()
  @Type(() => ContestedDecisionDto)
  @IsNotEmpty({ message: 'Vul de gegevens van het besluit in.' })
  decision!: ContestedDecisionDto;

  @ApiProperty({ type: ObjectorDto })
  @IsObject({ message: 'Vul uw gegevens in.' })
  @ValidateNested()
  @Type(() => ObjectorDto)
  @IsNotEmpty({ message: 'Vul uw gegevens in.' })
  objector!: ObjectorDto;

  @ApiPropertyOptional({ type: RepresentativeDto })
  @IsOptional()
  @IsObject({ message: 'Vul de gegevens van de gemachtigde in.' })
  @ValidateNested()
  @Type(() => RepresentativeDto)
  representative?: RepresentativeDto;

  @ApiPropertyOptional({ type: GroundsDto })
  @IsOptional()
  @IsObject({ message: 'Vul de redenen van uw bezwaar in.' })
  @ValidateNested()
  @Type(() => GroundsDto)
  grounds?: GroundsDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'Geef aan of u gehoord wilt worden (ja of nee).' })
  wantsHearing?: boolean;

  @ApiPropertyOptional({ enum: CONTACT_PREFERENCES })
  @IsOptional()
  @IsIn(CONTACT_PREFERENCES, {
    message: 'Kies hoe wij u het beste kunnen bereiken: telefoon, e-mail, brief of portaal.',
  })
  contactPreference?: (typeof CONTACT_PREFERENCES)[number];

  @ApiPropertyOptional({
    description: 'The objector signed the filing (Awb 6:5); DigiD login counts as signed',
  })
  @IsOptional()
  @IsBoolean({ message: 'Geef aan of u het bezwaar ondertekent (ja of nee).' })
  signed?: boolean;
}

export class FilingResponseDto {
  @ApiProperty({ example: 'RIV-2026-00042' }) reference!: string;
  @ApiProperty() timely!: boolean;
  @ApiProperty({ example: '2026-12-14' }) objectionTermEnds!: string;
  @ApiProperty({ example: '2027-01-25' }) decisionTermEnds!: string;
  @ApiProperty({ description: "The citizen's secret link to the case page" }) caseUrl!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ description: 'Awb 6:5 elements still missing (repair will be asked)' })
  missingElements!: { code: string; label: string }[];
  @ApiProperty() receiptDocumentId!: string;
}
