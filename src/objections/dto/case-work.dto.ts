import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { OBJECTION_STATUSES, ObjectionStatus } from '../case-status';

export class AssignDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An active handler of the tenant, or null to leave the case unassigned',
  })
  // null is an answer (nobody); a missing field is not.
  @ValidateIf((dto: AssignDto) => dto.assigneeId !== null)
  @IsUUID('all', { message: 'Kies een behandelaar uit de lijst, of null voor niemand.' })
  assigneeId!: string | null;
}

export class AssigneeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AssignmentDto {
  @ApiProperty() reference!: string;
  @ApiProperty({ type: AssigneeDto, nullable: true }) assignee!: AssigneeDto | null;
}

export class StatusChangeDto {
  @ApiProperty({ enum: OBJECTION_STATUSES, example: 'informal_contact' })
  @IsIn(OBJECTION_STATUSES, { message: `Kies een status: ${OBJECTION_STATUSES.join(', ')}.` })
  status!: ObjectionStatus;

  @ApiPropertyOptional({ example: 'Inwoner gebeld; we zoeken samen naar een oplossing.' })
  @IsOptional()
  @IsString({ message: 'De toelichting moet tekst zijn.' })
  @MaxLength(2000, { message: 'De toelichting is te lang (hoogstens 2000 tekens).' })
  note?: string;
}

export class StatusDto {
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: OBJECTION_STATUSES }) status!: ObjectionStatus;
  @ApiProperty({
    enum: OBJECTION_STATUSES,
    isArray: true,
    description: 'Statuses this endpoint accepts next',
  })
  allowedNext!: ObjectionStatus[];
}
