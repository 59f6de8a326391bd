import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { caseFlags } from '../../objections/case-flags';
import { Objection } from '../../objections/objection.entity';

export class InboxQueryDto {
  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit moet een geheel getal zijn.' })
  @Min(1, { message: 'limit moet minstens 1 zijn.' })
  @Max(200, { message: 'limit mag hoogstens 200 zijn.' })
  limit = 50;
}

export class InboxItemDto {
  @ApiProperty() reference!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date', nullable: true }) decisionTermEnds!: string | null;
  @ApiProperty({ type: [String] }) flags!: string[];
  @ApiProperty({ type: [String], description: 'Life domains in which the objector signals problems' })
  lifeDomains!: string[];

  static from(objection: Objection): InboxItemDto {
    return {
      reference: objection.reference,
      status: objection.status,
      receivedAt: objection.receivedAt.toISOString(),
      decisionTermEnds: objection.decisionTermEnds,
      flags: caseFlags(objection),
      lifeDomains: objection.signals?.lifeDomains.map((d) => d.code) ?? [],
    };
  }
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
}
