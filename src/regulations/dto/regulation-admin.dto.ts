import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type {
  RegulationState,
  RegulationSummary,
  VersionState,
  VersionSummary,
} from '../regulation-admin.service';
import { ArgumentHintDto } from './regulation.dto';

const NOTE_MAX = 500;

/** The save options of a PUT, read from the same body as the regulation. */
export class SaveOptionsDto {
  @ApiProperty({
    example: 3,
    minimum: 0,
    description:
      'The version the change was made on (0 for a new regulation): 409 when someone saved in between',
  })
  // Decorators run bottom-up and the first failure is reported: first whether it is there at all.
  @Max(1_000_000, { message: 'expectedVersion is te groot.' })
  @Min(0, { message: 'expectedVersion is 0 (nieuwe regeling) of hoger.' })
  @IsInt({
    message:
      'Geef expectedVersion mee: de versie waarop uw wijziging is gebaseerd (0 voor een nieuwe regeling).',
  })
  expectedVersion!: number;

  @ApiPropertyOptional({ example: 'Vraag over schulden toegevoegd', maxLength: NOTE_MAX })
  @IsOptional()
  @IsString({ message: 'De toelichting moet tekst zijn.' })
  @MaxLength(NOTE_MAX, { message: `De toelichting is te lang (hoogstens ${NOTE_MAX} tekens).` })
  note?: string;
}

/** A regulation as in tenant.yaml (documentation: the body is checked by regulationProblems). */
export class RegulationConfigDto {
  @ApiProperty({ example: 'participatiewet', description: 'In a PUT body: equal to the path, or left out' })
  code!: string;
  @ApiProperty({ example: 'Bijstand (Participatiewet)' }) name!: string;
  @ApiProperty({ example: 'Participatiewet' }) law!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['awb', 'awr'] }) termModel!: 'awb' | 'awr';
  @ApiProperty() advisoryCommittee!: boolean;
  @ApiProperty({ enum: ['general', 'social', 'tax'] }) appealRoute!: 'general' | 'social' | 'tax';
  @ApiProperty({ type: [ArgumentHintDto] }) argumentHints!: ArgumentHintDto[];
  @ApiProperty({ type: [String], description: "Codes of the tenant's referral partners" })
  referralPartners!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The diagnosis tree: { start, questions: [{ id, text, help?, type, options?, next: [{ when?, goto }] }], ' +
      'outcomes: [{ id, kind, title, text, hints, referrals }] }; `when` is a JSON Logic rule',
  })
  diagnosis!: Record<string, unknown>;
}

/** The body of `PUT …/admin/regulations/{code}`: a regulation as in tenant.yaml, plus the save options. */
export class SaveRegulationDto extends RegulationConfigDto {
  @ApiProperty({ example: 3, minimum: 0, description: 'See SaveOptionsDto' }) expectedVersion!: number;
  @ApiPropertyOptional({ maxLength: NOTE_MAX }) note?: string;
}

export class RollbackDto {
  @ApiPropertyOptional({
    description: 'The current version the rollback was chosen on: 409 when it moved on',
  })
  @IsOptional()
  @Min(1, { message: 'expectedVersion is 1 of hoger.' })
  @IsInt({ message: 'expectedVersion moet een geheel getal zijn.' })
  expectedVersion?: number;

  @ApiPropertyOptional({ maxLength: NOTE_MAX })
  @IsOptional()
  @IsString({ message: 'De toelichting moet tekst zijn.' })
  @MaxLength(NOTE_MAX, { message: `De toelichting is te lang (hoogstens ${NOTE_MAX} tekens).` })
  note?: string;
}

export class SaveResultDto {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'The current version after the call' }) version!: number;
  @ApiProperty() created!: boolean;
  @ApiProperty({ description: 'False when nothing changed: then no version was added' }) changed!: boolean;
}

export class RegulationSummaryDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'False when retired: citizens no longer see it' }) active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({
    enum: ['file', 'admin'],
    description: "'admin' once changed here: tenant.yaml no longer overwrites it",
  })
  origin!: 'file' | 'admin';
  @ApiProperty() updatedAt!: string;

  static from(s: RegulationSummary): RegulationSummaryDto {
    return { ...s, updatedAt: s.updatedAt.toISOString() };
  }
}

export class AdminRegulationDto extends RegulationSummaryDto {
  @ApiProperty({ type: RegulationConfigDto, description: 'The current definition, in the tenant.yaml shape' })
  regulation!: Record<string, unknown>;

  static fromState(s: RegulationState): AdminRegulationDto {
    return { ...RegulationSummaryDto.from(s), regulation: s.regulation };
  }
}

export class StaffNameDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class RegulationVersionSummaryDto {
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() note!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: StaffNameDto, nullable: true, description: 'null for a version from tenant.yaml' })
  createdBy!: StaffNameDto | null;
  @ApiProperty() current!: boolean;

  static from(v: VersionSummary): RegulationVersionSummaryDto {
    return { ...v, createdAt: v.createdAt.toISOString() };
  }
}

export class RegulationVersionDto extends RegulationVersionSummaryDto {
  @ApiProperty({
    type: RegulationConfigDto,
    description: 'The content of this version, in the tenant.yaml shape',
  })
  regulation!: Record<string, unknown>;

  static fromState(v: VersionState): RegulationVersionDto {
    return { ...RegulationVersionSummaryDto.from(v), regulation: v.regulation };
  }
}
