import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { LegalCalendarService } from '../deadlines/legal-calendar.service';
import { todayInAmsterdam } from '../deadlines/local-date';
import { diagnosisFacts } from './diagnosis-facts';
import { ReferralPartner } from '../referrals/referral-partner.entity';
import { Regulation } from '../regulations/regulation.entity';
import { RegulationsService } from '../regulations/regulations.service';
import { DiagnosisAnswerError } from './diagnosis-answer.error';
import { type DiagnosisAnswers, type DiagnosisStep, evaluateDiagnosis } from './diagnosis-tree';
import type { DiagnosisOutcome } from './diagnosis-tree.schema';
import { DiagnosisOutcomeDto, DiagnosisResponseDto } from './dto/diagnosis.dto';
import { fillOutcomeText } from './outcome-text';

/**
 * The citizen's diagnosis: answers in, next question or outcome out. Stateless and anonymous: the answers are
 * neither stored nor logged (they can say a lot about someone's money and health).
 */
@Injectable()
export class DiagnosisService {
  constructor(
    private readonly regulations: RegulationsService,
    private readonly database: Database,
    private readonly calendars: LegalCalendarService,
  ) {}

  async diagnose(
    tenantId: string,
    regulationCode: string,
    answers: DiagnosisAnswers,
  ): Promise<DiagnosisResponseDto> {
    const regulation = await this.regulations.findActive(tenantId, regulationCode);
    if (!regulation) {
      throw ProblemError.invalid(
        [{ field: 'regulation', message: `Deze gemeente kent geen regeling "${regulationCode}".` }],
        'Onbekende regeling.',
      );
    }
    const tree = regulation.definition.diagnosis;
    // Rows an admin changed at run time may predate the diagnosis.
    if (!tree) throw ProblemError.notFound('Voor deze regeling is (nog) geen keuzehulp beschikbaar.');

    const today = todayInAmsterdam();
    const calendar = await this.calendars.current();
    let step: DiagnosisStep;
    try {
      step = evaluateDiagnosis(tree, answers, {
        today,
        facts: (date) => diagnosisFacts(date, today, calendar),
      });
    } catch (error) {
      if (error instanceof DiagnosisAnswerError) {
        throw ProblemError.invalid([{ field: `answers.${error.questionId}`, message: error.dutchMessage }]);
      }
      throw error;
    }

    if (step.status === 'question') {
      const { id, text, help, type, options } = step.question;
      return {
        status: 'question',
        question: {
          id,
          text,
          ...(help ? { help } : {}),
          type,
          ...(type === 'choice' && options
            ? { options: options.map(({ value, label }) => ({ value, label })) }
            : {}),
        },
        progress: { answered: step.answered },
      };
    }
    return { status: 'outcome', outcome: await this.outcome(tenantId, regulation, step.outcome, step.facts) };
  }

  private async outcome(
    tenantId: string,
    regulation: Regulation,
    outcome: DiagnosisOutcome,
    facts: Extract<DiagnosisStep, { status: 'outcome' }>['facts'],
  ): Promise<DiagnosisOutcomeDto> {
    // `?? []`: a definition written at run time (not through the zod defaults) may leave the lists out.
    const hints = (outcome.hints ?? []).flatMap((code) => {
      const hint = regulation.definition.argumentHints.find((h) => h.code === code);
      return hint ? [{ code, title: hint.title, explanation: hint.explanation }] : [];
    });
    return {
      id: outcome.id,
      kind: outcome.kind,
      title: fillOutcomeText(outcome.title, facts),
      text: fillOutcomeText(outcome.text, facts),
      ...(facts
        ? { objectionTermEnds: facts.objectionTermEnds, daysLeft: facts.daysLeft, late: facts.late }
        : {}),
      hints,
      referrals: await this.referrals(tenantId, outcome.referrals ?? []),
    };
  }

  /** In the order the tree names them; a partner an admin switched off since start-up is left out. */
  private async referrals(tenantId: string, codes: string[]): Promise<DiagnosisOutcomeDto['referrals']> {
    if (!codes.length) return [];
    const partners = await this.database.forTenant(tenantId, (db) =>
      db.getRepository(ReferralPartner).findBy({ tenantId, code: In(codes), active: true }),
    );
    return codes.flatMap((code) => {
      const partner = partners.find((p) => p.code === code);
      if (!partner) return [];
      const { kind, description, phone, email, website } = partner.definition;
      return [
        {
          code,
          name: partner.name,
          kind,
          description,
          ...(phone ? { phone } : {}),
          ...(email ? { email } : {}),
          ...(website ? { website } : {}),
        },
      ];
    });
  }
}
