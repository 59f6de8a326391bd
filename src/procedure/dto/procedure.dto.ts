import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
} from 'class-validator';
import { IsLocalDateConstraint } from '../../deadlines/dto/is-local-date';
import { PENALTY_MAX_CENTS, PENALTY_MAX_DAYS } from '../../deadlines/penalty';
import { MISSING_ELEMENT_LABELS } from '../../objections/filing-rules';
import { HEARING_WAIVER_GROUNDS, HearingWaiverGround } from '../hearing-grounds';
import { REPAIR_TERM_DAYS } from '../procedure-dates';

const MISSING_ELEMENTS = Object.keys(MISSING_ELEMENT_LABELS);
/** An instant with its zone: 2027-01-14T10:00:00+01:00 or …Z. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_EXAMPLE = '2027-01-14T10:00:00+01:00';
/** Text with something in it: blanks alone are no reason, consent or report. */
const NOT_BLANK = /\S/;

// ----------------------------------------------------------------------------------------------------------
// Repair (herstel verzuim, 6:6)
// ----------------------------------------------------------------------------------------------------------

export class RepairRequestDto {
  @ApiPropertyOptional({
    enum: MISSING_ELEMENTS,
    isArray: true,
    description: "What the objector must add; default: the case's missing elements",
  })
  @IsOptional()
  @IsArray({ message: 'Geef een lijst van wat ontbreekt.' })
  @ArrayMaxSize(MISSING_ELEMENTS.length, { message: 'Noem elk onderdeel één keer.' })
  @IsIn(MISSING_ELEMENTS, { each: true, message: `Kies uit: ${MISSING_ELEMENTS.join(', ')}.` })
  elements?: string[];

  @ApiPropertyOptional({ minimum: 7, maximum: 28, default: REPAIR_TERM_DAYS.default })
  @IsOptional()
  @IsInt({ message: 'Geef de hersteltermijn in hele dagen.' })
  @Min(REPAIR_TERM_DAYS.min, { message: 'De hersteltermijn is minstens 7 dagen.' })
  @Max(REPAIR_TERM_DAYS.max, { message: 'De hersteltermijn is hoogstens 28 dagen.' })
  termDays?: number;
}

export class RepairRequestedDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ example: '2027-01-18' }) repairTermEnds!: string;
}

export class RepairReceivedDto {
  @ApiPropertyOptional({
    enum: MISSING_ELEMENTS,
    isArray: true,
    description: 'What came in; default: everything that was asked for. An empty list: nothing came in.',
  })
  @IsOptional()
  @IsArray({ message: 'Geef een lijst van wat is aangevuld.' })
  @ArrayMaxSize(MISSING_ELEMENTS.length, { message: 'Noem elk onderdeel één keer.' })
  @IsIn(MISSING_ELEMENTS, { each: true, message: `Kies uit: ${MISSING_ELEMENTS.join(', ')}.` })
  elements?: string[];
}

class PauseDto {
  @ApiProperty({ example: '2027-01-05' }) from!: string;
  @ApiProperty({ example: '2027-01-12' }) to!: string;
}

export class RepairRecordedDto {
  @ApiProperty({
    type: PauseDto,
    nullable: true,
    description: 'Null when the repair came in the day it was asked',
  })
  pause!: PauseDto | null;
  @ApiProperty({ type: String, nullable: true }) decisionTermEnds!: string | null;
  @ApiProperty({ enum: MISSING_ELEMENTS, isArray: true }) missingElements!: string[];
}

// ----------------------------------------------------------------------------------------------------------
// Hearing (7:2-7:7)
// ----------------------------------------------------------------------------------------------------------

export class PlanHearingDto {
  @ApiProperty({ example: DATE_TIME_EXAMPLE, description: 'Date and time of the hearing, with its zone' })
  @IsString({ message: `Geef datum en tijd van de hoorzitting, bijvoorbeeld ${DATE_TIME_EXAMPLE}.` })
  @Matches(DATE_TIME, {
    message: `Geef datum en tijd van de hoorzitting, bijvoorbeeld ${DATE_TIME_EXAMPLE}.`,
  })
  at!: string;

  @ApiPropertyOptional({
    example: 'Stadhuis, Markt 1, Rivierstad, zaal 2',
    description: 'Either this or videoLink',
  })
  @IsOptional()
  @IsString({ message: 'De plaats moet tekst zijn.' })
  @Matches(NOT_BLANK, { message: 'Vul de plaats van de hoorzitting in.' })
  @MaxLength(300, { message: 'De plaats is te lang (hoogstens 300 tekens).' })
  location?: string;

  @ApiPropertyOptional({
    example: 'https://video.rivierstad.nl/hoorzitting/abc',
    description: 'Either this or location',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'Geef een videolink die begint met https://.' },
  )
  @MaxLength(500, { message: 'De videolink is te lang.' })
  videoLink?: string;

  @ApiProperty({
    format: 'uuid',
    description: 'An active staff member who did not take the contested decision',
  })
  @IsUUID('all', { message: 'Kies een hoorder uit de medewerkers van de gemeente.' })
  hearerId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The staff member who took the contested decision; required when the case does not know it yet',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Kies de medewerker die het bestreden besluit nam.' })
  primaryDecisionBy?: string;
}

export class HearingPlannedDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ example: '2027-01-04' }) documentsUntil!: string;
  @ApiProperty({ example: '2027-01-07' }) fileOpenFrom!: string;
}

export class WaiveHearingDto {
  @ApiProperty({ enum: HEARING_WAIVER_GROUNDS, description: 'Awb 7:3' })
  @IsIn(HEARING_WAIVER_GROUNDS, {
    message: `Kies de grond om niet te horen (artikel 7:3 Awb): ${HEARING_WAIVER_GROUNDS.join(', ')}.`,
  })
  ground!: HearingWaiverGround;
}

export class HearingWaivedDto {
  @ApiProperty({ enum: HEARING_WAIVER_GROUNDS }) ground!: HearingWaiverGround;
}

export class HearingReportDto {
  @ApiPropertyOptional({ example: DATE_TIME_EXAMPLE, description: 'Default: the planned moment' })
  @IsOptional()
  @IsString({ message: `Geef datum en tijd van de hoorzitting, bijvoorbeeld ${DATE_TIME_EXAMPLE}.` })
  @Matches(DATE_TIME, {
    message: `Geef datum en tijd van de hoorzitting, bijvoorbeeld ${DATE_TIME_EXAMPLE}.`,
  })
  heldAt?: string;

  @ApiProperty({ example: ['Bo de Vries (indiener)', 'Jeroen Bakker (hoorder)'] })
  @IsArray({ message: 'Geef een lijst van de aanwezigen.' })
  @ArrayMinSize(1, { message: 'Noem wie er aanwezig waren.' })
  @ArrayMaxSize(50, { message: 'Noem hoogstens 50 aanwezigen.' })
  @IsString({ each: true, message: 'Noem elke aanwezige met naam.' })
  @Matches(NOT_BLANK, { each: true, message: 'Noem elke aanwezige met naam.' })
  @MaxLength(200, { each: true, message: 'Een naam is te lang (hoogstens 200 tekens).' })
  attendees!: string[];

  @ApiProperty({ description: 'The report; blank lines separate paragraphs' })
  @IsString({ message: 'Het verslag moet tekst zijn.' })
  @Matches(NOT_BLANK, { message: 'Schrijf het verslag van de hoorzitting.' })
  @MaxLength(20_000, { message: 'Het verslag is te lang (hoogstens 20.000 tekens).' })
  report!: string;
}

export class DocumentCreatedDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
}

// ----------------------------------------------------------------------------------------------------------
// Decision term (7:10) and penalty (4:17, 4:18)
// ----------------------------------------------------------------------------------------------------------

export class ExtensionDto {
  @ApiProperty({ minimum: 1, maximum: 6, example: 6 })
  @IsInt({ message: 'Geef het aantal weken als heel getal.' })
  @Min(1, { message: 'Verdaag met minstens 1 week.' })
  @Max(6, { message: 'Verdagen kan met hoogstens 6 weken (artikel 7:10, lid 3, Awb).' })
  weeks!: number;

  @ApiProperty({ example: 'Wij wachten op het advies van de bezwaarcommissie.' })
  @IsString({ message: 'De reden moet tekst zijn.' })
  @Matches(NOT_BLANK, { message: 'Schrijf waarom de beslissing later komt; dat staat in de brief.' })
  @MaxLength(2000, { message: 'De reden is te lang (hoogstens 2000 tekens).' })
  reason!: string;
}

export class ExtendedDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ example: '2027-03-01' }) decisionTermEnds!: string;
}

export class PostponementDto {
  @ApiProperty({ example: '2027-04-01', description: 'After the current end of the decision term' })
  @Validate(IsLocalDateConstraint, { message: 'Geef de nieuwe datum in de vorm JJJJ-MM-DD.' })
  until!: string;

  @ApiProperty({
    example: 'Telefonisch akkoord van mevrouw De Vries op 12 maart 2027, bevestigd per e-mail.',
  })
  @IsString({ message: 'Beschrijf hoe en wanneer de indiener instemde.' })
  @Matches(NOT_BLANK, {
    message: 'Beschrijf hoe en wanneer de indiener instemde (artikel 7:10, lid 4, Awb).',
  })
  @MaxLength(2000, { message: 'De beschrijving is te lang (hoogstens 2000 tekens).' })
  consent!: string;
}

export class DecisionTermDto {
  @ApiProperty({ example: '2027-04-01' }) decisionTermEnds!: string;
}

export class NoticeOfDefaultDto {
  @ApiProperty({ example: '2027-03-10', description: 'Day the written notice of default was received' })
  @Validate(IsLocalDateConstraint, { message: 'Geef de datum van ontvangst in de vorm JJJJ-MM-DD.' })
  receivedOn!: string;
}

export class NoticeRegisteredDto {
  @ApiProperty({ example: '2027-03-24' }) penaltyStartsOn!: string;
}

export class PenaltyDto {
  @ApiPropertyOptional({ description: 'Default: the exposure at the decision (or today)' })
  @IsOptional()
  @IsInt({ message: 'Geef het bedrag in hele centen.' })
  @Min(0, { message: 'Het bedrag kan niet negatief zijn.' })
  @Max(PENALTY_MAX_CENTS, { message: 'De dwangsom is hoogstens € 1.442 (artikel 4:17 Awb).' })
  amountCents?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: PENALTY_MAX_DAYS })
  @IsOptional()
  @IsInt({ message: 'Geef het aantal dagen als heel getal.' })
  @Min(0, { message: 'Het aantal dagen kan niet negatief zijn.' })
  @Max(PENALTY_MAX_DAYS, { message: 'Een dwangsom loopt hoogstens 42 dagen (artikel 4:17 Awb).' })
  days?: number;
}

export class PenaltyFixedDto {
  @ApiProperty() amountCents!: number;
  @ApiProperty() days!: number;
}
