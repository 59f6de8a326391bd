import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Whose data: the citizen with this BSN (in the body, never in a URL), or the objector of this case. */
export class ExportRequestDto {
  @ApiPropertyOptional({ example: '999993653' })
  @IsOptional()
  @IsString({ message: 'Geef een BSN van negen cijfers.' })
  @Matches(/^\d{9}$/, { message: 'Geef een BSN van negen cijfers.' })
  bsn?: string;

  @ApiPropertyOptional({ example: 'BZ-2026-000001' })
  @IsOptional()
  @IsString({ message: 'Geef het kenmerk van een bezwaar.' })
  @MaxLength(40, { message: 'Geef het kenmerk van een bezwaar.' })
  reference?: string;
}
