import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class LegalHoldReasonDto {
  @ApiProperty({
    example: 'Beroep ingesteld bij de rechtbank',
    description: 'Why the hold is placed or lifted',
  })
  @IsString({ message: 'Geef een reden.' })
  @Matches(/\S/, { message: 'Geef een reden.' })
  @MaxLength(500, { message: 'Gebruik hooguit 500 tekens.' })
  reason!: string;
}
