import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidateIf,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { IsLocalDateConstraint } from '../../deadlines/dto/is-local-date';
import { DECISION_OUTCOMES, DecisionOutcome } from '../decision-outcome';
import { HEARING_WAIVER_GROUNDS, HearingWaiverGround } from '../../procedure/hearing-grounds';

const GROUND_CHOICES = HEARING_WAIVER_GROUNDS.join(', ');

/** Either `{ held: true }` or `{ ground }`: a decision says whether the objector was heard, or why not (7:3). */
export class DecisionHearingDto {
  @ApiPropertyOptional({ enum: [true], description: 'The objector was heard (Awb 7:2)' })
  @ValidateIf((dto: DecisionHearingDto) => dto.ground === undefined)
  @Equals(true, {
    message: `Is er een hoorzitting geweest? Geef dan held: true. Zo niet, noem de grond uit artikel 7:3 Awb: ${GROUND_CHOICES}.`,
  })
  held?: true;

  @ApiPropertyOptional({ enum: HEARING_WAIVER_GROUNDS, description: 'Why there was no hearing (Awb 7:3)' })
  @ValidateIf((dto: DecisionHearingDto) => dto.ground !== undefined)
  @IsIn(HEARING_WAIVER_GROUNDS, { message: `Kies een grond uit artikel 7:3 Awb: ${GROUND_CHOICES}.` })
  ground?: HearingWaiverGround;
}

export class DecisionCostsDto {
  @ApiProperty({
    description: 'The objector asked, before the decision, for the costs to be reimbursed (7:15)',
  })
  @IsBoolean({
    message: 'Geef met true of false aan of de indiener om vergoeding van de kosten heeft gevraagd.',
  })
  requested!: boolean;

  @ApiPropertyOptional({
    description:
      'Whether the costs are reimbursed; default: yes when requested and the objection is (partially) founded',
  })
  @IsOptional()
  @IsBoolean({ message: 'Geef met true of false aan of de kosten worden vergoed.' })
  reimbursed?: boolean;
}

/** The decision on an objection (beslissing op bezwaar): outcome and reasoning alone are a valid body. */
export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES, example: 'partially_founded' })
  @IsIn(DECISION_OUTCOMES, {
    message:
      'Kies de beslissing: inadmissible (niet-ontvankelijk), unfounded (ongegrond), founded (gegrond) of partially_founded (gedeeltelijk gegrond).',
  })
  outcome!: DecisionOutcome;

  @ApiProperty({
    example: 'De terugvordering vervalt; de beëindiging blijft.',
    description: 'The reasons (7:12)',
  })
  @IsString({ message: 'Schrijf de motivering van de beslissing.' })
  @Matches(/\S/, { message: 'Schrijf de motivering van de beslissing.' })
  @MaxLength(20_000, { message: 'De motivering is te lang (hoogstens 20.000 tekens).' })
  reasoning!: string;

  @ApiPropertyOptional({
    type: DecisionHearingDto,
    description:
      'Default: held when the case records a hearing, else the recorded 7:3 ground, else a ground that follows ' +
      'from the outcome (inadmissible, founded) or from an objector who did not want a hearing',
  })
  @IsOptional()
  @IsNotEmptyObject({}, { message: `Geef held: true of een grond uit artikel 7:3 Awb: ${GROUND_CHOICES}.` })
  @ValidateNested()
  @Type(() => DecisionHearingDto)
  hearing?: DecisionHearingDto;

  @ApiPropertyOptional({ type: DecisionCostsDto })
  @IsOptional()
  @IsObject({ message: 'Geef aan of om vergoeding van de kosten is gevraagd (requested).' })
  @ValidateNested()
  @Type(() => DecisionCostsDto)
  costs?: DecisionCostsDto;

  @ApiPropertyOptional({
    example: 'De bijstand blijft beëindigd per 1 oktober 2026; er wordt niets teruggevorderd.',
    description: 'What replaces the revoked (part of the) decision; only with founded or partially_founded',
  })
  @IsOptional()
  @IsString({ message: 'Beschrijf het besluit dat in de plaats komt van het herroepen besluit.' })
  @Matches(/\S/, { message: 'Beschrijf het besluit dat in de plaats komt van het herroepen besluit.' })
  @MaxLength(5_000, {
    message: 'De beschrijving van het nieuwe besluit is te lang (hoogstens 5.000 tekens).',
  })
  revokedAndReplaced?: string;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'The date of the letter (day of sending); default today',
  })
  @IsOptional()
  @Validate(IsLocalDateConstraint, {
    message: 'Vul de verzenddatum in als JJJJ-MM-DD, bijvoorbeeld 2026-12-01.',
  })
  sendOn?: string;
}

/** The validated body of a decision; the bulk worker passes the same shape. */
export type DecisionInput = DecisionDto;

export class DecisionRecordedDto {
  @ApiProperty({ format: 'uuid', description: 'The decision letter (GET …/documents/{id})' })
  documentId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome!: DecisionOutcome;
  @ApiProperty({ example: 'decided' }) status!: 'decided';
  @ApiProperty({ description: "'held' or the Awb 7:3 ground", example: 'held' }) hearing!: string;
  @ApiProperty({ description: 'Costs reimbursed (7:15), in cents; 0 when none' }) costsCents!: number;
  @ApiProperty({ example: '2026-12-01' }) sendOn!: string;
  @ApiProperty({ example: '2027-01-12', description: 'Last day to appeal to the court, Atw applied' })
  appealTermEnds!: string;
  @ApiProperty() decidedAt!: string;
}
