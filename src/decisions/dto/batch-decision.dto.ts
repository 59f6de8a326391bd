import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { JOB_STATES, JobState } from '../../jobs/job.entity';
import { DecisionDto } from './decision.dto';

export const MAX_BATCH_CASES = 10_000;

/** One decision for many cases (e.g. after a WOZ round): the outcome, reasons, hearing and costs of each. */
export class StartDecisionBatchDto extends PickType(DecisionDto, [
  'outcome',
  'reasoning',
  'hearing',
  'costs',
]) {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_BATCH_CASES,
    example: ['RIV-2026-000123', 'RIV-2026-000124'],
    description: 'The references of open cases, each once',
  })
  @IsArray({ message: 'Geef de kenmerken van de zaken als lijst.' })
  @ArrayMinSize(1, { message: 'Noem minstens één zaak.' })
  @ArrayMaxSize(MAX_BATCH_CASES, { message: 'Hoogstens 10.000 zaken per reeks; verdeel de lijst.' })
  @IsString({ each: true, message: 'Elk kenmerk moet tekst zijn.' })
  @Matches(/\S/, { each: true, message: 'Een kenmerk mag niet leeg zijn.' })
  @MaxLength(100, { each: true, message: 'Een kenmerk is hoogstens 100 tekens lang.' })
  references!: string[];
}

export class DecisionBatchStartedDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ description: 'Cases in the batch' }) total!: number;
  @ApiProperty({ example: '/api/v1/tenants/rivierstad/decision-batches/…' }) statusUrl!: string;
  @ApiProperty({ example: '/rivierstad/behandelaar/bulk/…', description: 'The progress page for handlers' })
  pageUrl!: string;
}

export class DecisionBatchItemDto {
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: JOB_STATES }) state!: JobState;
  @ApiPropertyOptional({ format: 'uuid', description: 'The decision letter, once done' }) documentId?: string;
  @ApiPropertyOptional({ description: 'Why this case was not decided, once failed' }) error?: string;
}

export class DecisionBatchDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty() total!: number;
  @ApiProperty() queued!: number;
  @ApiProperty() running!: number;
  @ApiProperty() done!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'Nothing queued or running any more' }) finished!: boolean;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: [DecisionBatchItemDto], description: 'In the order of the request' })
  items!: DecisionBatchItemDto[];
}
