import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { CASE_FLAGS, CaseFlag } from '../../objections/case-flags';
import { OBJECTION_STATUSES, ObjectionStatus } from '../../objections/case-status';
import { DeadlineKind } from '../../objections/next-deadline';
import { LIFE_DOMAIN_CODES, LifeDomainCode, SentimentLabel } from '../../signals';
import { DEFAULT_LIMIT, INBOX_SORTS, InboxCounts, InboxItem, InboxPage, MAX_LIMIT } from '../inbox-query';

/**
 * The query parameters as documented; they are let through as given (`@Allow`) and checked in one place,
 * `parseInboxQuery`, which also serves the staff pages. Unknown parameters are still refused by the pipe.
 */
export class InboxQueryDto {
  @ApiPropertyOptional({
    description: 'Statuses, comma-separated or repeated; default the open ones',
    example: 'received,informal_contact',
    enum: OBJECTION_STATUSES,
    isArray: true,
  })
  @Allow()
  status?: string | string[];

  @ApiPropertyOptional({ description: 'Regulation code', example: 'participatiewet' })
  @Allow()
  regulation?: string;

  @ApiPropertyOptional({ description: '"me", "none" or a staff user id', example: 'me' })
  @Allow()
  assignee?: string;

  @ApiPropertyOptional({
    description: 'Flags that must all be present, comma-separated',
    enum: CASE_FLAGS,
    isArray: true,
  })
  @Allow()
  flags?: string | string[];

  @ApiPropertyOptional({ enum: ['timely', 'late'] })
  @Allow()
  timeliness?: string;

  @ApiPropertyOptional({ description: 'Next deadline before today', enum: ['true', 'false'] })
  @Allow()
  overdue?: string;

  @ApiPropertyOptional({
    description: "Next deadline from today up to the tenant's at-risk horizon",
    enum: ['true', 'false'],
  })
  @Allow()
  atRisk?: string;

  @ApiPropertyOptional({
    description:
      "No first contact with the objector yet, and the tenant's firstContactWorkingDays have passed",
    enum: ['true', 'false'],
  })
  @Allow()
  noContact?: string;

  @ApiPropertyOptional({ description: 'Reference prefix or part of the objector name', maxLength: 100 })
  @Allow()
  q?: string;

  @ApiPropertyOptional({
    enum: INBOX_SORTS,
    default: 'deadline',
    description:
      'deadline: nearest next deadline first; received: newest first; contact: cases whose first contact is late first, then by deadline',
  })
  @Allow()
  sort?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Allow()
  cursor?: string;

  @ApiPropertyOptional({ default: DEFAULT_LIMIT, minimum: 1, maximum: MAX_LIMIT })
  @Allow()
  limit?: string;
}

export class InboxRegulationDto {
  @ApiProperty({ example: 'participatiewet' }) code!: string;
  @ApiProperty({ example: 'Bijstandsuitkering (Participatiewet)' }) name!: string;
}

export class InboxDeadlineDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['decision_term', 'repair_term', 'penalty'] }) kind!: DeadlineKind;
  @ApiProperty({ description: 'Working days from today; negative once passed' }) workingDaysLeft!: number;
}

export class InboxSentimentDto {
  @ApiProperty({ enum: ['angry', 'distressed', 'neutral'] }) label!: SentimentLabel;
  @ApiProperty({ minimum: 0, maximum: 1 }) score!: number;
}

export class InboxAssigneeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class InboxFirstContactDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the objector was first reached',
  })
  at!: string | null;
  @ApiProperty({ format: 'date', description: "Day of receipt plus the tenant's firstContactWorkingDays" })
  dueOn!: string;
  @ApiProperty({ description: 'Open, no contact yet, and dueOn has passed' }) late!: boolean;
}

export class InboxItemDto implements InboxItem {
  @ApiProperty({ example: 'RIV-2026-00042' }) reference!: string;
  @ApiProperty({ enum: OBJECTION_STATUSES }) status!: ObjectionStatus;
  @ApiProperty({ type: InboxRegulationDto }) regulation!: InboxRegulationDto;
  @ApiProperty() objectorName!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: InboxDeadlineDto, nullable: true }) nextDeadline!: InboxDeadlineDto | null;
  @ApiProperty({ format: 'date', nullable: true }) decisionTermEnds!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() atRisk!: boolean;
  @ApiProperty({ enum: CASE_FLAGS, isArray: true }) flags!: CaseFlag[];
  @ApiProperty({ type: InboxSentimentDto, nullable: true }) sentiment!: InboxSentimentDto | null;
  @ApiProperty({
    enum: LIFE_DOMAIN_CODES,
    isArray: true,
    description: 'Life domains in which the objector signals problems',
  })
  lifeDomains!: LifeDomainCode[];
  @ApiProperty({ type: InboxAssigneeDto, nullable: true }) assignee!: InboxAssigneeDto | null;
  @ApiProperty() timely!: boolean;
  @ApiProperty({ description: 'The citizen wrote after the handler last did' }) awaitingReply!: boolean;
  @ApiProperty({ type: InboxFirstContactDto }) firstContact!: InboxFirstContactDto;
  @ApiProperty({ description: 'In informal contact: the decision term keeps running meanwhile' })
  informalContactRunning!: boolean;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'First day a penalty (Awb 4:17) falls due after a notice of default',
  })
  penaltyStartsOn!: string | null;
}

export class InboxStatusCountsDto implements Record<ObjectionStatus, number> {
  @ApiProperty() received!: number;
  @ApiProperty() informal_contact!: number;
  @ApiProperty() formal_procedure!: number;
  @ApiProperty() decided!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty() closed!: number;
}

export class InboxCountsDto implements InboxCounts {
  @ApiProperty({ type: InboxStatusCountsDto, description: 'All cases of the tenant per status' })
  byStatus!: InboxStatusCountsDto;
  @ApiProperty({ description: 'Open cases whose next deadline has passed' }) overdue!: number;
  @ApiProperty({ description: 'Open cases whose next deadline falls from today up to atRiskUntil' })
  atRisk!: number;
  @ApiProperty({ description: 'Open cases assigned to the caller' }) mine!: number;
  @ApiProperty({ description: 'Open cases without an assignee' }) unassigned!: number;
  @ApiProperty({ description: 'Open cases whose first contact is late (noContact=true)' }) noContact!: number;
}

export class InboxPageDto implements InboxPage {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiProperty({ nullable: true, description: 'Pass as cursor (with the same sort) for the next page' })
  nextCursor!: string | null;
  @ApiProperty({ type: InboxCountsDto }) counts!: InboxCountsDto;
  @ApiProperty({ format: 'date', description: 'Today in the Netherlands' }) today!: string;
  @ApiProperty({ format: 'date', description: 'Last day that counts as at risk' }) atRiskUntil!: string;
}
