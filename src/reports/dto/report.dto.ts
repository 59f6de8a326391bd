import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { DecisionOutcome } from '../../decisions/decision-outcome';
import type {
  DecidedFigures,
  MedianDays,
  PartnerReferrals,
  PenaltyRisk,
  RegulationFigures,
  Report,
  ReportPeriod,
  Share,
} from '../report';

/** Let through as given (`@Allow`) and checked in one place, readReportPeriod, which also serves the page. */
export class ReportQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First day (Amsterdam), included; default 1 January of the year of `to`',
    example: '2026-01-01',
  })
  @Allow()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (Amsterdam), included; default today' })
  @Allow()
  to?: string;
}

export class ReportPeriodDto implements ReportPeriod {
  @ApiProperty({ type: String, format: 'date' }) from!: ReportPeriod['from'];
  @ApiProperty({ type: String, format: 'date' }) to!: ReportPeriod['to'];
}

export class ShareDto implements Share {
  @ApiProperty() count!: number;
  @ApiProperty() of!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'count / of; null when of is 0',
  })
  share!: number | null;
}

export class OutcomeCountsDto implements Record<DecisionOutcome, number> {
  @ApiProperty() inadmissible!: number;
  @ApiProperty() unfounded!: number;
  @ApiProperty() founded!: number;
  @ApiProperty() partially_founded!: number;
}

export class DecidedFiguresDto implements DecidedFigures {
  @ApiProperty() total!: number;
  @ApiProperty({ type: OutcomeCountsDto }) byOutcome!: OutcomeCountsDto;
}

export class RegulationFiguresDto implements RegulationFigures {
  @ApiProperty({ example: 'participatiewet' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() filed!: number;
  @ApiProperty({ description: 'Cases with at least one conversation' }) informal!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ description: 'Closed without a decision' }) closed!: number;
  @ApiProperty() stillOpen!: number;
  @ApiProperty({ type: DecidedFiguresDto }) decided!: DecidedFiguresDto;
}

export class MedianDaysDto implements MedianDays {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Calendar days between Amsterdam dates; null for no cases',
  })
  medianCalendarDays!: number | null;
  @ApiProperty({ description: 'How many cases the median is taken over' }) cases!: number;
}

export class PenaltyRiskDto implements PenaltyRisk {
  @ApiProperty({ description: 'Open cases with a first penalty day' }) openWithPenaltyDate!: number;
  @ApiProperty({ description: 'Of those, the ones whose penalty runs today' }) runningToday!: number;
  @ApiProperty({ description: 'Owed so far if decided today, in cents' }) accruedCents!: number;
  @ApiProperty({ description: 'The most they can cost together, in cents' }) maximumCents!: number;
  @ApiProperty({ description: 'Open cases past their decision term without a penalty date' })
  termPassedWithoutNotice!: number;
}

export class PenaltiesPaidDto {
  @ApiProperty({ description: "Sum of the period's fixed penalties, in cents" }) amountCents!: number;
  @ApiProperty({ description: 'Penalties fixed in the period' }) decisions!: number;
}

export class PenaltiesDto {
  @ApiProperty({ type: PenaltiesPaidDto }) paid!: PenaltiesPaidDto;
  @ApiProperty({ type: PenaltyRiskDto, description: 'All open cases, as of today' }) atRisk!: PenaltyRiskDto;
}

export class PartnerReferralsDto implements PartnerReferrals {
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() count!: number;
}

export class ReferralsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [PartnerReferralsDto] }) byPartner!: PartnerReferralsDto[];
}

export class ReportDto implements Report {
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ type: String, format: 'date', description: 'Today: the day of the snapshot figures' })
  asOf!: Report['asOf'];
  @ApiProperty({ description: 'Cases received in the period' }) filed!: number;
  @ApiProperty({ type: ShareDto, description: 'Of those, with at least one conversation' })
  informal!: ShareDto;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ description: 'Closed without a decision' }) closed!: number;
  @ApiProperty() stillOpen!: number;
  @ApiProperty({ type: DecidedFiguresDto }) decided!: DecidedFiguresDto;
  @ApiProperty({ type: [RegulationFiguresDto] }) byRegulation!: RegulationFiguresDto[];
  @ApiProperty({ type: MedianDaysDto, description: 'Receipt to first contact' })
  daysToFirstContact!: MedianDaysDto;
  @ApiProperty({ type: MedianDaysDto, description: 'Receipt to decision, withdrawal or closing' })
  leadTime!: MedianDaysDto;
  @ApiProperty({ type: ShareDto, description: 'Decided cases decided on or before their decision term end' })
  decidedWithinTerm!: ShareDto;
  @ApiProperty({ type: PenaltiesDto }) penalties!: PenaltiesDto;
  @ApiProperty({ type: ReferralsDto, description: 'Referrals sent in the period' }) referrals!: ReferralsDto;
}
