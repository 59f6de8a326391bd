import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsObject,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { DIAGNOSIS_OUTCOME_KINDS, DIAGNOSIS_QUESTION_TYPES } from '../diagnosis-tree.schema';

export const MAX_ANSWERS = 50;
export const MAX_ANSWER_LENGTH = 200;

/** Question ids to strings: bounded, so that a request cannot make the walk or the rules expensive. */
@ValidatorConstraint({ name: 'isAnswers' })
export class IsAnswersConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const entries = Object.entries(value);
    return (
      entries.length <= MAX_ANSWERS &&
      entries.every(
        ([key, answer]) =>
          key.length <= 64 && typeof answer === 'string' && answer.length <= MAX_ANSWER_LENGTH,
      )
    );
  }

  defaultMessage(): string {
    return `answers moet een lijst zijn van hoogstens ${MAX_ANSWERS} antwoorden, elk een tekst van hoogstens ${MAX_ANSWER_LENGTH} tekens.`;
  }
}

export class DiagnosisRequestDto {
  @ApiProperty({ example: 'participatiewet', description: 'Code of the regulation (see /regulations)' })
  @IsString({ message: 'Kies een regeling.' })
  @MaxLength(64, { message: 'regulation is geen bekende regeling.' })
  @Matches(/^[a-z0-9][a-z0-9_-]*$/, { message: 'regulation is geen bekende regeling.' })
  regulation!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { hasDecision: 'yes', subject: 'stopAndReclaim' },
    description:
      'Question id → answer (an option value, or YYYY-MM-DD for a date); send every answer given so far. ' +
      'Answers to questions off the current path are ignored.',
  })
  @IsObject({ message: 'answers moet een object zijn, bijvoorbeeld {"hasDecision": "yes"}.' })
  @Validate(IsAnswersConstraint)
  answers!: Record<string, string>;
}

export class DiagnosisOptionDto {
  @ApiProperty({ example: 'yes' }) value!: string;
  @ApiProperty({ example: 'Ja' }) label!: string;
}

export class DiagnosisQuestionDto {
  @ApiProperty({ example: 'hasDecision' }) id!: string;
  @ApiProperty({ example: 'Heeft u een brief van de gemeente gekregen met een besluit?' }) text!: string;
  @ApiPropertyOptional() help?: string;
  @ApiProperty({ enum: DIAGNOSIS_QUESTION_TYPES }) type!: (typeof DIAGNOSIS_QUESTION_TYPES)[number];
  @ApiPropertyOptional({ type: [DiagnosisOptionDto] }) options?: DiagnosisOptionDto[];
}

export class DiagnosisProgressDto {
  @ApiProperty({ description: 'Questions answered on the current path', example: 2 }) answered!: number;
}

export class DiagnosisHintDto {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() explanation!: string;
}

export class DiagnosisReferralDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'debt_counselling' }) kind!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() website?: string;
}

export class DiagnosisOutcomeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DIAGNOSIS_OUTCOME_KINDS }) kind!: (typeof DIAGNOSIS_OUTCOME_KINDS)[number];
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Plain Dutch; the deadline is filled in' }) text!: string;
  @ApiPropertyOptional({ example: '2026-12-14', description: 'When the decision date was given' })
  objectionTermEnds?: string;
  @ApiPropertyOptional({ description: 'Days from today to objectionTermEnds; negative when late' })
  daysLeft?: number;
  @ApiPropertyOptional() late?: boolean;
  @ApiProperty({ type: [DiagnosisHintDto] }) hints!: DiagnosisHintDto[];
  @ApiProperty({ type: [DiagnosisReferralDto] }) referrals!: DiagnosisReferralDto[];
}

export class DiagnosisResponseDto {
  @ApiProperty({ enum: ['question', 'outcome'] }) status!: 'question' | 'outcome';
  @ApiPropertyOptional({ type: DiagnosisQuestionDto }) question?: DiagnosisQuestionDto;
  @ApiPropertyOptional({ type: DiagnosisProgressDto }) progress?: DiagnosisProgressDto;
  @ApiPropertyOptional({ type: DiagnosisOutcomeDto }) outcome?: DiagnosisOutcomeDto;
}
