import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { LETTER_KINDS } from '../letter-kinds';
import { MAX_TEMPLATE_LENGTH } from '../letter-template-check';
import type { LetterTemplateDetail, LetterTemplateSummary } from '../tenant-letter-templates.service';

const ORIGINS = ['tenant', 'file', 'default'];

export class LetterTemplateSummaryDto {
  @ApiProperty({ enum: LETTER_KINDS }) kind!: string;
  @ApiProperty({ example: 'Beslissing op bezwaar' }) name!: string;
  @ApiProperty({
    enum: ORIGINS,
    description:
      "Where this kind's letters come from now: the municipality's own saved template, its file in tenants/<slug>/templates/letters, or the platform's default",
  })
  source!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who saved the own template last' })
  updatedBy!: string | null;

  static from(summary: LetterTemplateSummary): LetterTemplateSummaryDto {
    return {
      kind: summary.kind,
      name: summary.name,
      source: summary.origin,
      updatedAt: summary.updatedAt?.toISOString() ?? null,
      updatedBy: summary.updatedBy,
    };
  }
}

class LetterValueDto {
  @ApiProperty({ example: 'appealTermEnds' }) name!: string;
  @ApiProperty({ example: 'de laatste dag om in beroep te gaan (artikel 6:7 Awb)' }) explanation!: string;
  @ApiProperty({ description: 'The law requires every letter of this kind to show it' }) required!: boolean;
}

export class LetterTemplateDto {
  @ApiProperty({ enum: LETTER_KINDS }) kind!: string;
  @ApiProperty({ example: 'Beslissing op bezwaar' }) name!: string;
  @ApiProperty({ enum: ORIGINS }) origin!: string;
  @ApiProperty({ description: 'The Handlebars text of the template in use' }) source!: string;
  @ApiProperty({
    type: [String],
    description: 'The values the template must always show',
    example: ['reference'],
  })
  requiredParts!: string[];
  @ApiProperty({ type: [LetterValueDto], description: 'Every value a template of this kind can use' })
  values!: LetterValueDto[];
  @ApiProperty({
    type: [String],
    description: 'Why a saved template is not used (it no longer passes the checks); empty otherwise',
  })
  problems!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;

  static from(detail: LetterTemplateDetail): LetterTemplateDto {
    return {
      kind: detail.kind,
      name: detail.name,
      origin: detail.origin,
      source: detail.source,
      requiredParts: detail.values.filter((v) => v.required).map((v) => v.name),
      values: detail.values,
      problems: detail.problems,
      updatedAt: detail.updatedAt?.toISOString() ?? null,
      updatedBy: detail.updatedBy,
    };
  }
}

export class SaveLetterTemplateDto {
  @ApiProperty({
    description: `The Handlebars text (at most ${MAX_TEMPLATE_LENGTH} characters); checked before it is saved`,
    example: 'Geachte {{addresseeName}},\n\n…',
  })
  @IsString({ message: 'Geef de tekst van de brief.' })
  source!: string;
}

export class PreviewLetterTemplateDto {
  @ApiPropertyOptional({
    description: 'A draft to preview without saving it; without it, the template in use',
  })
  @IsOptional()
  @IsString({ message: 'Geef de tekst van de brief.' })
  source?: string;
}
