import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PlanTerms } from '../licence-plan';
import { centsToJson } from '../money';
import type { PlanRecord } from '../plans.service';

const WHOLE_CENTS = 'Geef het bedrag in hele eurocenten (bijvoorbeeld 950000 voor € 9.500,00), 0 of meer.';
const MAX_JSON_CENTS = Number.MAX_SAFE_INTEGER;

export class PlanBandDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 25000,
    description: 'Largest municipality in the band (inclusive); null for the last, open-ended band',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: 'Vul het aantal inwoners in als heel getal, of null voor de laatste staffel.' })
  upToInhabitants!: number | null;

  @ApiProperty({ example: 950000, description: 'Yearly licence fee in euro cents' })
  @IsInt({ message: WHOLE_CENTS })
  @Min(0, { message: WHOLE_CENTS })
  @Max(MAX_JSON_CENTS, { message: WHOLE_CENTS })
  yearlyFeeCents!: number;
}

/** A plan's terms; amounts in whole euro cents. */
export class PlanTermsDto {
  @ApiProperty({ example: 'Standaard' })
  @IsString({ message: 'Geef het plan een naam.' })
  @MaxLength(100, { message: 'Een naam is hoogstens 100 tekens.' })
  name!: string;

  @ApiProperty({ example: 750000, description: 'One-time implementation fee in euro cents' })
  @IsInt({ message: WHOLE_CENTS })
  @Min(0, { message: WHOLE_CENTS })
  @Max(MAX_JSON_CENTS, { message: WHOLE_CENTS })
  implementationFeeCents!: number;

  @ApiProperty({ type: [PlanBandDto], description: 'Ascending by upToInhabitants; the last one open-ended' })
  @IsArray({ message: 'Geef de staffels als lijst.' })
  @ValidateNested({ each: true })
  @Type(() => PlanBandDto)
  bands!: PlanBandDto[];

  @ApiProperty({ example: 400, description: 'Objections per licence year included in the yearly fee' })
  @IsInt({ message: 'Vul het aantal inbegrepen bezwaren per jaar in als heel getal (0 of meer).' })
  @Min(0, { message: 'Vul het aantal inbegrepen bezwaren per jaar in als heel getal (0 of meer).' })
  includedObjections!: number;

  @ApiProperty({
    example: 2500,
    description: 'Price of each objection above the included number, in euro cents',
  })
  @IsInt({ message: WHOLE_CENTS })
  @Min(0, { message: WHOLE_CENTS })
  @Max(MAX_JSON_CENTS, { message: WHOLE_CENTS })
  extraObjectionCents!: number;
}

export class CreatePlanDto extends PlanTermsDto {
  @ApiProperty({
    example: 'standaard',
    description: 'Lower-case letters, digits, - and _; cannot change later',
  })
  @IsString({ message: 'Geef het plan een code, zoals "standaard".' })
  code!: string;
}

export class UpdatePlanDto extends PlanTermsDto {
  @ApiPropertyOptional({
    description: 'Offered for new licences (default true); a plan is retired, never deleted',
  })
  @IsOptional()
  @IsBoolean({ message: 'Geef true of false.' })
  active?: boolean;
}

export class PlanDto extends CreatePlanDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() active!: boolean;

  static from(plan: PlanRecord): PlanDto {
    return {
      id: plan.id,
      code: plan.code,
      name: plan.name,
      active: plan.active,
      implementationFeeCents: centsToJson(plan.implementationFeeCents),
      bands: plan.bands.map((b) => ({
        upToInhabitants: b.upToInhabitants,
        yearlyFeeCents: centsToJson(b.yearlyFeeCents),
      })),
      includedObjections: plan.includedObjections,
      extraObjectionCents: centsToJson(plan.extraObjectionCents),
    };
  }
}

/** The body's terms in the domain's bigint cents. */
export function planTermsFrom(body: PlanTermsDto, code: string): PlanTerms {
  return {
    code,
    name: body.name,
    implementationFeeCents: BigInt(body.implementationFeeCents),
    bands: body.bands.map((b) => ({
      upToInhabitants: b.upToInhabitants,
      yearlyFeeCents: BigInt(b.yearlyFeeCents),
    })),
    includedObjections: body.includedObjections,
    extraObjectionCents: BigInt(body.extraObjectionCents),
  };
}
