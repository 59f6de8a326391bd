import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { repairPause } from '../deadlines/legal-terms';
import { LegalCalendarService } from '../deadlines/legal-calendar.service';
import { type LocalDate, minLocalDate, todayInAmsterdam } from '../deadlines/local-date';
import { writtenDate } from '../letters/addressee';
import { LettersService } from '../letters/letters.service';
import { MISSING_ELEMENT_LABELS, type MissingElement } from '../objections/filing-rules';
import { recordEvent, staffActor } from '../objections/timeline';
import { caseForChange, saveChanges } from './procedure-case';
import { REPAIR_TERM_DAYS, repairTermEndsAfterDays } from './procedure-dates';
import { repairRequestLetter } from './procedure-letters';
import { issueProcedureLetter } from './procedure-letter-issue';

export interface RepairRequestInput {
  elements?: string[];
  termDays?: number;
}

/** Herstel verzuim (Awb 6:6): asking for what a filing lacks, and recording what came in. */
@Injectable()
export class RepairService {
  constructor(
    private readonly database: Database,
    private readonly calendars: LegalCalendarService,
    private readonly letters: LettersService,
  ) {}

  /**
   * Sends the repair request: its term on the case (the inbox's next deadline while it runs), the letter, an
   * e-mail saying it is there, and the timeline entry, in one unit of work.
   */
  async request(
    tenantId: string,
    reference: string,
    input: RepairRequestInput,
    by: StaffPrincipal,
  ): Promise<{ documentId: string; repairTermEnds: LocalDate }> {
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const kase = await caseForChange(db, tenantId, reference, 'Om herstel vragen');
      const { objection, tenant } = kase;
      if (objection.repairTermEnds) {
        throw ProblemError.conflict(
          'repair-outstanding',
          `Er loopt al een verzoek om aan te vullen, met een termijn tot en met ${writtenDate(objection.repairTermEnds)}. ` +
            'Leg eerst vast wat er binnenkwam; daarna kunt u opnieuw om herstel vragen.',
        );
      }
      const elements = unique(input.elements ?? objection.missingElements) as MissingElement[];
      if (!elements.length) {
        throw ProblemError.invalid([
          {
            field: 'elements',
            message: 'Bij dit bezwaar ontbreekt niets. Geef aan wat de indiener moet aanvullen.',
          },
        ]);
      }
      const today = todayInAmsterdam();
      const repairTermEnds = repairTermEndsAfterDays(
        calendar,
        today,
        input.termDays ?? REPAIR_TERM_DAYS.default,
      );
      const facts = { tenant, objection, regulationName: kase.regulation.name, today };
      const documentId = await issueProcedureLetter(db, this.letters, {
        tenant,
        objection,
        letter: repairRequestLetter(facts, { elements, repairTermEnds }),
        filename: 'herstelverzoek',
        subject: 'Vul uw bezwaar aan',
        lines: [
          `In uw bezwaar ${objection.reference} ontbreekt nog iets. Wij vragen u dit aan te vullen uiterlijk op ${writtenDate(repairTermEnds)}.`,
          `Wat ontbreekt: ${elements.map((e) => MISSING_ELEMENT_LABELS[e]).join('; ')}.`,
        ],
      });
      await saveChanges(db, calendar, kase, {
        repairRequestedOn: today,
        repairTermEnds,
        missingElements: unique([...objection.missingElements, ...elements]),
      });
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'repair_requested',
        data: { elements, repairTermEnds, documentId },
      });
      return { documentId, repairTermEnds };
    });
  }

  /**
   * Records what came in. The decision term stood still from the day after the request until the repair came
   * in, or until the term ran out unused when it came later (7:10 lid 2: "tot de dag waarop het verzuim is
   * hersteld of de daarvoor gestelde termijn ongebruikt is verstreken"). An empty list records that nothing
   * came in; the elements stay missing.
   */
  async received(
    tenantId: string,
    reference: string,
    input: { elements?: string[] },
    by: StaffPrincipal,
  ): Promise<{
    pause: { from: LocalDate; to: LocalDate } | null;
    decisionTermEnds: string | null;
    missingElements: string[];
  }> {
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const kase = await caseForChange(db, tenantId, reference, 'Herstel vastleggen');
      const { objection } = kase;
      if (!objection.repairTermEnds || !objection.repairRequestedOn) {
        throw ProblemError.conflict(
          'no-repair-outstanding',
          'Er loopt geen verzoek om aan te vullen bij dit bezwaar. Vraag eerst om herstel.',
        );
      }
      const requested = (await requestedElements(db, tenantId, objection.id)) ?? objection.missingElements;
      const elements = unique(input.elements ?? requested);
      const unasked = elements.find((e) => !requested.includes(e));
      if (unasked) {
        throw ProblemError.invalid([
          {
            field: 'elements',
            message: `Om "${MISSING_ELEMENT_LABELS[unasked as MissingElement] ?? unasked}" is niet gevraagd. Gevraagd is: ${requested.join(', ')}.`,
          },
        ]);
      }
      const requestedOn = objection.repairRequestedOn as LocalDate;
      const lastPausedDay = minLocalDate(todayInAmsterdam(), objection.repairTermEnds as LocalDate);
      // Repaired the day the request went out: the term never stood still.
      const pause = lastPausedDay > requestedOn ? repairPause(requestedOn, lastPausedDay) : null;
      const missingElements = objection.missingElements.filter((e) => !elements.includes(e));
      const saved = await saveChanges(db, calendar, kase, {
        repairTermEnds: null,
        missingElements,
        decisionTermPauses: [
          ...objection.decisionTermPauses,
          ...(pause ? [{ from: pause[0], to: pause[1], reason: 'repair_term' }] : []),
        ],
      });
      const pauseJson = pause ? { from: pause[0], to: pause[1] } : null;
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'repair_received',
        data: { elements, pause: pauseJson, decisionTermEnds: saved.decisionTermEnds },
      });
      return { pause: pauseJson, decisionTermEnds: saved.decisionTermEnds, missingElements };
    });
  }
}

/** The elements of the latest repair request, from its timeline entry. */
async function requestedElements(
  db: EntityManager,
  tenantId: string,
  objectionId: string,
): Promise<string[] | null> {
  const [row] = (await db.query(
    `SELECT data FROM objection_events WHERE tenant_id = $1 AND objection_id = $2 AND kind = 'repair_requested'
      ORDER BY at DESC LIMIT 1`,
    [tenantId, objectionId],
  )) as { data: { elements?: string[] } }[];
  return row?.data.elements ?? null;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
