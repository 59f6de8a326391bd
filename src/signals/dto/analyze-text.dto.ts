import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { LIFE_DOMAIN_CODES, LifeDomainCode } from '../life-domain-code';
import { SentimentLabel } from '../text-signals';

export const MAX_TEXT_LENGTH = 50_000;

export class AnalyzeTextDto {
  @ApiProperty({ example: 'Ik ben echt woedend. Jullie stoppen mijn uitkering en ik heb al schulden.' })
  @IsString({ message: 'text moet een tekst zijn.' })
  @Length(1, MAX_TEXT_LENGTH, { message: `text moet tussen 1 en ${MAX_TEXT_LENGTH} tekens lang zijn.` })
  text!: string;
}

export class SentimentDto {
  @ApiProperty({ enum: ['angry', 'distressed', 'neutral'] })
  label!: SentimentLabel;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'How strongly the label holds' })
  score!: number;

  @ApiProperty({ type: [String], description: 'Phrases quoted from the text, most decisive first (≤ 5)' })
  evidence!: string[];
}

export class LifeDomainDto {
  @ApiProperty({ enum: LIFE_DOMAIN_CODES })
  code!: LifeDomainCode;

  @ApiProperty({ type: [String], description: 'Phrases quoted from the text (≤ 5)' })
  evidence!: string[];
}

export class TextSignalsDto {
  @ApiProperty({ type: SentimentDto })
  sentiment!: SentimentDto;

  @ApiProperty({ type: [LifeDomainDto] })
  lifeDomains!: LifeDomainDto[];

  @ApiProperty({ description: 'Two or more life domains' })
  multiProblem!: boolean;
}
