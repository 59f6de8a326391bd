import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { LegalCalendarService } from '../deadlines/legal-calendar.service';
import { amsterdamDateOf, type LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import { penaltyAmountCents } from '../deadlines/penalty';
import { writtenDate } from '../letters/addressee';
import { LettersService } from '../letters/letters.service';
import { recordEvent, staffActor } from '../objections/timeline';
import { casePenaltyExposure } from './decision-term';
import { caseForChange, decisionTermOf, saveChanges } from './procedure-case';
import { extensionLetter } from './procedure-letters';
import { issueProcedureLetter } from './procedure-letter-issue';

/**
 * The decision term (Awb 7:10) and what follows when it is not met: one extension with a notice letter, a
 * postponement the objector agreed to, a notice of default and the penalty it costs (4:17, 4:18).
 */
@Injectable()
export class DecisionTermService {
  constructor(
    private readonly database: Database,
    private readonly calendars: LegalCalendarService,
    private readonly letters: LettersService,
  ) {}

  /** The one verdaging (7:10 lid 3), while the term still runs, with its notice letter and an e-mail. */
  async extend(
    tenantId: string,
    reference: string,
    input: { weeks: number; reason: string },
    by: StaffPrincipal,
  ): Promise<{ documentId: string; decisionTermEnds: LocalDate }> {
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const kase = await caseForChange(db, tenantId, reference, 'Verdagen');
      const { objection, tenant } = kase;
      if (objection.extensionWeeks) {
        throw ProblemError.conflict(
          'extension-used',
          `De beslistermijn is al een keer verdaagd (met ${objection.extensionWeeks} weken). Verdagen kan maar één keer ` +
            '(artikel 7:10, lid 3, Awb). Verder uitstel kan alleen als de indiener daarmee instemt: leg dat vast als uitstel met instemming.',
        );
      }
      if (objection.postponedUntil) {
        throw ProblemError.conflict(
          'postponed',
          `De indiener stemde al in met uitstel tot ${writtenDate(objection.postponedUntil)}. ` +
            'Meer tijd kan alleen met opnieuw instemming van de indiener: leg dat vast als uitstel met instemming.',
        );
      }
      const previousEnd = decisionTermOf(calendar, kase);
      if (!previousEnd) throw noTerm();
      const today = todayInAmsterdam();
      if (today > previousEnd) {
        throw ProblemError.conflict(
          'decision-term-passed',
          `De beslistermijn is verstreken op ${writtenDate(previousEnd)}. Verdagen kan alleen zolang de termijn loopt ` +
            '(artikel 7:10, lid 3, Awb). Meer tijd kan nu alleen met instemming van de indiener.',
        );
      }
      const reason = input.reason.trim();
      const newEnd = decisionTermOf(calendar, kase, { extensionWeeks: input.weeks })!;
      const facts = { tenant, objection, regulationName: kase.regulation.name, today };
      const documentId = await issueProcedureLetter(db, this.letters, {
        tenant,
        objection,
        letter: extensionLetter(facts, { weeks: input.weeks, reason, previousEnd, newEnd }),
        filename: 'verdaging',
        subject: 'Wij beslissen later',
        lines: [
          `Wij hebben meer tijd nodig om te beslissen over uw bezwaar ${objection.reference}.`,
          `Wij beslissen nu uiterlijk op ${writtenDate(newEnd)} (eerst: ${writtenDate(previousEnd)}).`,
        ],
      });
      await saveChanges(db, calendar, kase, { extensionWeeks: input.weeks });
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'decision_term_extended',
        data: { weeks: input.weeks, reason, previousEnd, newEnd, documentId },
      });
      return { documentId, decisionTermEnds: newEnd };
    });
  }

  /**
   * Further delay with the objector's consent (7:10 lid 4, onder a), recorded as they gave it. Not once a notice
   * of default is registered: the penalty then runs, and moving the term would hide that.
   */
  async postpone(
    tenantId: string,
    reference: string,
    input: { until: string; consent: string },
    by: StaffPrincipal,
  ): Promise<{ decisionTermEnds: LocalDate }> {
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const kase = await caseForChange(db, tenantId, reference, 'Uitstel vastleggen');
      const { objection } = kase;
      if (objection.noticeOfDefaultOn) {
        throw ProblemError.conflict(
          'notice-of-default',
          `De indiener stelde de gemeente op ${writtenDate(objection.noticeOfDefaultOn)} in gebreke. ` +
            'Uitstel verandert daar niets meer aan: beslis zo snel mogelijk.',
        );
      }
      const previousEnd = decisionTermOf(calendar, kase);
      if (previousEnd && input.until <= previousEnd) {
        throw ProblemError.invalid([
          {
            field: 'until',
            message: `Kies een datum na de huidige beslistermijn (${writtenDate(previousEnd)}).`,
          },
        ]);
      }
      const until = input.until as LocalDate;
      const consent = input.consent.trim();
      await saveChanges(db, calendar, kase, { postponedUntil: until });
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'decision_term_postponed',
        data: { until, consent, previousEnd },
      });
      return { decisionTermEnds: until };
    });
  }

  /**
   * Registers a written notice of default (ingebrekestelling). It only counts when it came after the decision
   * term had passed; the penalty then runs from two weeks later (4:17 lid 3, penalty.ts `firstPenaltyDay`).
   */
  async registerNoticeOfDefault(
    tenantId: string,
    reference: string,
    input: { receivedOn: string },
    by: StaffPrincipal,
  ): Promise<{ penaltyStartsOn: LocalDate }> {
    const receivedOn = input.receivedOn as LocalDate;
    if (receivedOn > todayInAmsterdam()) {
      throw ProblemError.invalid([
        { field: 'receivedOn', message: 'De datum van ontvangst kan niet in de toekomst liggen.' },
      ]);
    }
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const kase = await caseForChange(db, tenantId, reference, 'Een ingebrekestelling registreren');
      const { objection } = kase;
      if (objection.noticeOfDefaultOn) {
        throw ProblemError.conflict(
          'notice-already-registered',
          `Er is al een ingebrekestelling geregistreerd, ontvangen op ${writtenDate(objection.noticeOfDefaultOn)}.`,
        );
      }
      const termEnds = decisionTermOf(calendar, kase);
      if (!termEnds) throw noTerm();
      if (receivedOn <= termEnds) {
        throw ProblemError.conflict(
          'notice-premature',
          `Op ${writtenDate(receivedOn)} liep de beslistermijn nog (tot en met ${writtenDate(termEnds)}). ` +
            'Een ingebrekestelling heeft pas gevolgen als zij binnenkomt nadat de beslistermijn is verstreken ' +
            '(artikel 4:17 Awb); deze heeft dus (nog) geen gevolgen en er loopt geen dwangsom.',
        );
      }
      const saved = await saveChanges(db, calendar, kase, { noticeOfDefaultOn: receivedOn });
      const penaltyStartsOn = saved.penaltyStartsOn as LocalDate;
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'notice_of_default',
        data: { receivedOn, penaltyStartsOn },
      });
      return { penaltyStartsOn };
    });
  }

  /**
   * Records the penalty as fixed (4:18), once. By default what the exposure says: the days up to the decision
   * (or up to today while there is none), capped at 42. Also after the decision, which is when it is usually fixed.
   */
  async fixPenalty(
    tenantId: string,
    reference: string,
    input: { amountCents?: number; days?: number },
    by: StaffPrincipal,
  ): Promise<{ amountCents: number; days: number }> {
    return this.database.forTenant(tenantId, async (db) => {
      const { objection } = await caseForChange(db, tenantId, reference, 'Een dwangsom vaststellen', [
        'decided',
      ]);
      if (!objection.noticeOfDefaultOn || !objection.penaltyStartsOn) {
        throw ProblemError.conflict(
          'no-notice-of-default',
          'Bij dit bezwaar is geen ingebrekestelling geregistreerd die gevolgen heeft; er is geen dwangsom verschuldigd.',
        );
      }
      const [fixed] = (await db.query(
        `SELECT data FROM objection_events WHERE tenant_id = $1 AND objection_id = $2 AND kind = 'penalty_fixed' LIMIT 1`,
        [tenantId, objection.id],
      )) as { data: { amountCents: number } }[];
      if (fixed) {
        throw ProblemError.conflict(
          'penalty-already-fixed',
          `De dwangsom is al vastgesteld op € ${(fixed.data.amountCents / 100).toFixed(2).replace('.', ',')}.`,
        );
      }
      const exposure = casePenaltyExposure({
        decisionTermEnds: objection.decisionTermEnds as LocalDate | null,
        noticeOfDefaultOn: objection.noticeOfDefaultOn as LocalDate,
        decidedOn: objection.decidedAt ? amsterdamDateOf(objection.decidedAt) : null,
        today: todayInAmsterdam(),
      });
      const days = input.days ?? exposure?.daysRunning ?? 0;
      const amountCents =
        input.amountCents ??
        (input.days !== undefined ? penaltyAmountCents(days) : (exposure?.amountCentsSoFar ?? 0));
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'penalty_fixed',
        data: { amountCents, days },
      });
      return { amountCents, days };
    });
  }
}

function noTerm(): ProblemError {
  return ProblemError.conflict('no-decision-term', 'Voor dit bezwaar is geen beslistermijn bekend.');
}
