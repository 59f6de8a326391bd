import { ApiProperty } from '@nestjs/swagger';
import { Regulation } from '../regulation.entity';

export class ArgumentHintDto {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() explanation!: string;
  @ApiProperty() fitsWhen!: string;
}

export class RegulationDto {
  @ApiProperty({ example: 'participatiewet' }) code!: string;
  @ApiProperty({ example: 'Bijstand (Participatiewet)' }) name!: string;
  @ApiProperty({ example: 'Participatiewet' }) law!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['awb', 'awr'] }) termModel!: 'awb' | 'awr';
  @ApiProperty() advisoryCommittee!: boolean;
  @ApiProperty({ type: [ArgumentHintDto] }) argumentHints!: ArgumentHintDto[];

  static from(regulation: Regulation): RegulationDto {
    const { law, description, termModel, advisoryCommittee, argumentHints } = regulation.definition;
    return {
      code: regulation.code,
      name: regulation.name,
      law,
      description,
      termModel,
      advisoryCommittee,
      argumentHints,
    };
  }
}
