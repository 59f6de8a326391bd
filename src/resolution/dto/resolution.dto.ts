import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { OBJECTION_STATUSES, ObjectionStatus } from '../../objections/case-status';
import { AGREED_ROUTES, CONTACT_CHANNELS, WITHDRAWAL_WAYS } from '../informal-route';
import {
  ContactInput,
  ConversationInput,
  CorrectionInput,
  MAX_AGREEMENT,
  MAX_NOTE,
  MAX_NOTES,
  MAX_REFERENCE,
  RawInput,
  WithdrawalInput,
} from '../resolution-input';

/*
 * The request bodies as documented. Their fields are let through as given (`@Allow`) and checked in one place,
 * resolution-input.ts, which staff pages use too; fields not listed here are still refused by the pipe.
 */

const AT_DESCRIPTION =
  'When it took place: ISO 8601 with a zone, or without one as the time in the Netherlands. Default now; not in the future, not before receipt.';

export class ContactAttemptDto implements RawInput<ContactInput> {
  @ApiPropertyOptional({
    format: 'date-time',
    description: AT_DESCRIPTION,
    example: '2026-12-03T10:30:00+01:00',
  })
  @Allow()
  at?: unknown;

  @ApiProperty({ enum: CONTACT_CHANNELS }) @Allow() channel!: unknown;

  @ApiProperty({ type: Boolean, description: 'Whether the objector (or representative) was reached' })
  @Allow()
  reached!: unknown;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_NOTE,
    example: 'Voicemail ingesproken, terugbelverzoek.',
  })
  @Allow()
  note?: unknown;
}

export class ConversationDto implements RawInput<ConversationInput> {
  @ApiPropertyOptional({ format: 'date-time', description: AT_DESCRIPTION }) @Allow() at?: unknown;

  @ApiProperty({ enum: CONTACT_CHANNELS }) @Allow() channel!: unknown;

  @ApiProperty({ type: String, maxLength: MAX_NOTES, description: 'What was discussed (internal)' })
  @Allow()
  notes!: unknown;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_NOTE,
    description: 'What was really going on (internal)',
  })
  @Allow()
  realIssue?: unknown;

  @ApiProperty({ enum: AGREED_ROUTES }) @Allow() agreedRoute!: unknown;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_AGREEMENT,
    description:
      'What was agreed, as the confirmation letter states it; required unless the route is formal_procedure',
  })
  @Allow()
  agreement?: unknown;

  @ApiPropertyOptional({
    type: Boolean,
    default: true,
    description: 'Send the objector a confirmation letter',
  })
  @Allow()
  confirm?: unknown;
}

export class WithdrawalDto implements RawInput<WithdrawalInput> {
  @ApiProperty({ enum: WITHDRAWAL_WAYS }) @Allow() how!: unknown;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_NOTE,
    description: 'Required for confirmed_by_objector: how the objector confirmed it',
  })
  @Allow()
  note?: unknown;
}

export class CorrectionDto implements RawInput<CorrectionInput> {
  @ApiProperty({ type: String, maxLength: MAX_REFERENCE, example: 'PW-2026-0042-C' })
  @Allow()
  newDecisionReference!: unknown;

  @ApiPropertyOptional({ type: String, maxLength: MAX_NOTE }) @Allow() note?: unknown;
}

export class ContactLoggedDto {
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() reached!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'First contact as it now stands',
  })
  firstContactAt!: string | null;
}

export class ConversationRecordedDto {
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: OBJECTION_STATUSES }) status!: ObjectionStatus;
  @ApiProperty({ format: 'date-time' }) firstContactAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The confirmation letter (PDF)' })
  documentId!: string | null;
}

export class CaseEndedDto {
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: OBJECTION_STATUSES }) status!: ObjectionStatus;
  @ApiProperty({ type: String, nullable: true, example: 'resolved_informally' }) closedReason!: string | null;
}
