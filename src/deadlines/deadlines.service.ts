import { Injectable } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { RegulationsService } from '../regulations/regulations.service';
import { LegalCalendarService } from './legal-calendar.service';
import { computeDeadlines, Deadlines } from './legal-terms';
import { LocalDate, todayInAmsterdam } from './local-date';

export interface DeadlinesRequest {
  decisionDate: LocalDate;
  regulation?: string;
  advisoryCommittee?: boolean;
  receivedDate?: LocalDate;
}

@Injectable()
export class DeadlinesService {
  constructor(
    private readonly regulations: RegulationsService,
    private readonly calendars: LegalCalendarService,
  ) {}

  /** The terms for a decision sent on `decisionDate`, after the regulation's model (Awb, or AWR for taxes). */
  async forDecision(tenantId: string, request: DeadlinesRequest): Promise<Deadlines> {
    const regulation = request.regulation
      ? await this.regulations.findActive(tenantId, request.regulation)
      : undefined;
    if (request.regulation && !regulation) {
      throw ProblemError.invalid(
        [{ field: 'regulation', message: `Deze gemeente kent geen regeling "${request.regulation}".` }],
        'Onbekende regeling.',
      );
    }
    const advisoryCommittee = request.advisoryCommittee ?? regulation?.definition.advisoryCommittee ?? false;
    const options = { calendar: await this.calendars.current(), advisoryCommittee };
    return regulation?.definition.termModel === 'awr'
      ? computeDeadlines(request.decisionDate, {
          ...options,
          termModel: 'awr',
          receivedDate: request.receivedDate ?? todayInAmsterdam(),
        })
      : computeDeadlines(request.decisionDate, options);
  }
}
