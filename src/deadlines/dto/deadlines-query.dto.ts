import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { IsLocalDateConstraint } from './is-local-date';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class DeadlinesQueryDto {
  @ApiProperty({
    example: '2026-11-02',
    description: 'The day the decision was sent (bekendgemaakt), YYYY-MM-DD',
  })
  @Validate(IsLocalDateConstraint)
  decisionDate!: string;

  @ApiPropertyOptional({
    example: 'participatiewet',
    description: "Use this regulation's term model and committee",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9_-]*$/, { message: 'regulation is geen bekende regeling.' })
  regulation?: string;

  @ApiPropertyOptional({
    description: 'An advisory committee (7:13) handles the objection: 12-week decision term',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'advisoryCommittee moet true of false zijn.' })
  advisoryCommittee?: boolean;

  @ApiPropertyOptional({
    example: '2026-11-20',
    description: 'Municipal taxes (AWR) only: the day the objection was received; default today',
  })
  @IsOptional()
  @Validate(IsLocalDateConstraint)
  receivedDate?: string;
}

export class DeadlinesDto {
  @ApiProperty({ example: '2026-12-14', description: 'Last day to object (Awb 6:7, Atw applied)' })
  objectionTermEnds!: string;

  @ApiProperty({
    example: '2027-01-25',
    description: 'Last day for the decision on the objection (Awb 7:10)',
  })
  decisionTermEnds!: string;

  @ApiProperty({
    example: '2027-03-08',
    description: 'The same after one extension of six weeks (7:10 lid 3)',
  })
  decisionTermEndsWithExtension!: string;
}
