import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { LegalCalendarService } from '../deadlines/legal-calendar.service';
import { addDays, todayInAmsterdam } from '../deadlines/local-date';
import { writtenDate, writtenDateTime } from '../letters/addressee';
import { LettersService } from '../letters/letters.service';
import { canMove } from '../objections/case-status';
import type { HearingRecord } from '../objections/objection.entity';
import { recordEvent, staffActor } from '../objections/timeline';
import type { HearingWaiverGround } from './hearing-grounds';
import { caseForChange, saveChanges } from './procedure-case';
import { hearingDates } from './procedure-dates';
import { hearingInvitationLetter, hearingReportLetter } from './procedure-letters';
import { issueProcedureLetter } from './procedure-letter-issue';

export interface PlanHearingInput {
  at: string;
  location?: string;
  videoLink?: string;
  hearerId: string;
  primaryDecisionBy?: string;
}

export interface HearingReportInput {
  heldAt?: string;
  attendees: string[];
  report: string;
}

/** The hearing (Awb 7:2): planned with an invitation, left out on a 7:3 ground, or held with a report. */
@Injectable()
export class HearingService {
  constructor(
    private readonly database: Database,
    private readonly calendars: LegalCalendarService,
    private readonly letters: LettersService,
  ) {}

  /**
   * Plans (or re-plans) the hearing and sends the invitation with the 7:4 dates. The hearer must not be the
   * one who took the contested decision (7:5). Planning a hearing puts the case in the formal procedure.
   */
  async plan(
    tenantId: string,
    reference: string,
    input: PlanHearingInput,
    by: StaffPrincipal,
  ): Promise<{ documentId: string; documentsUntil: string; fileOpenFrom: string }> {
    const at = new Date(input.at);
    if (Number.isNaN(at.getTime()) || at <= new Date()) {
      throw ProblemError.invalid([
        { field: 'at', message: 'Kies een moment in de toekomst voor de hoorzitting.' },
      ]);
    }
    const location = input.location?.trim() || undefined;
    if (Boolean(location) === Boolean(input.videoLink)) {
      throw ProblemError.invalid([
        {
          field: location ? 'videoLink' : 'location',
          message: 'Geef een plaats of een videolink voor de hoorzitting: één van de twee.',
        },
      ]);
    }
    const dates = hearingDates(at);
    const today = todayInAmsterdam();
    if (dates.documentsUntil < today) {
      throw ProblemError.invalid([
        {
          field: 'at',
          message:
            `De hoorzitting is te snel. De indiener mag tot 10 dagen vóór de zitting stukken sturen en het dossier ` +
            `ligt minstens een week vooraf ter inzage (artikel 7:4 Awb); die dag (${writtenDate(dates.documentsUntil)}) ` +
            `is al voorbij. Kies een datum op of na ${writtenDate(addDays(today, 10))}.`,
        },
      ]);
    }
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const kase = await caseForChange(db, tenantId, reference, 'Een hoorzitting plannen');
      const { objection, tenant } = kase;
      if (objection.hearing?.heldAt) throw alreadyHeld(objection.hearing);
      const hearer = await staffMember(db, tenantId, input.hearerId, true);
      if (!hearer) {
        throw ProblemError.invalid([
          { field: 'hearerId', message: 'Kies als hoorder een actieve medewerker van deze gemeente.' },
        ]);
      }
      if (input.primaryDecisionBy && !(await staffMember(db, tenantId, input.primaryDecisionBy, false))) {
        throw ProblemError.invalid([
          { field: 'primaryDecisionBy', message: 'Kies een medewerker van deze gemeente.' },
        ]);
      }
      const primaryDecisionBy = input.primaryDecisionBy ?? objection.primaryDecisionBy;
      if (!primaryDecisionBy) {
        throw ProblemError.invalid([
          {
            field: 'primaryDecisionBy',
            message:
              'Geef aan wie het bestreden besluit nam. Die persoon mag niet de hoorder zijn (artikel 7:5 Awb).',
          },
        ]);
      }
      if (primaryDecisionBy === hearer.id) {
        throw ProblemError.conflict(
          'hearer-took-decision',
          `${hearer.name} nam het besluit waartegen het bezwaar gericht is en mag daarom niet horen: ` +
            'het horen gebeurt door iemand die niet bij het besluit betrokken was (artikel 7:5 Awb). Kies een andere hoorder.',
        );
      }

      const facts = { tenant, objection, regulationName: kase.regulation.name, today };
      const documentId = await issueProcedureLetter(db, this.letters, {
        tenant,
        objection,
        letter: hearingInvitationLetter(facts, {
          dates,
          location,
          videoLink: input.videoLink,
          hearerName: hearer.name,
        }),
        filename: 'uitnodiging-hoorzitting',
        subject: 'Uitnodiging hoorzitting',
        lines: [
          `Wij nodigen u uit voor de hoorzitting over uw bezwaar ${objection.reference} op ${writtenDateTime(at)}.`,
          `Wilt u nog stukken sturen? Dat kan tot en met ${writtenDate(dates.documentsUntil)}.`,
        ],
      });
      const hearing: HearingRecord = {
        plannedAt: at.toISOString(),
        ...(location ? { location } : { videoLink: input.videoLink }),
        hearerId: hearer.id,
        hearerName: hearer.name,
      };
      const from = objection.status;
      const moves = from !== 'formal_procedure' && canMove(from, 'formal_procedure');
      const changedAt = new Date();
      await saveChanges(db, calendar, kase, {
        hearing,
        primaryDecisionBy,
        ...(moves ? { status: 'formal_procedure' as const, statusChangedAt: changedAt } : {}),
      });
      if (moves) {
        await recordEvent(
          db,
          {
            tenantId,
            objectionId: objection.id,
            actor: staffActor(by.userId),
            kind: 'status_changed',
            data: { from, to: 'formal_procedure', note: 'Hoorzitting gepland' },
          },
          changedAt,
        );
      }
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'hearing_planned',
        data: {
          at: hearing.plannedAt,
          ...(location ? { location } : { videoLink: input.videoLink }),
          hearerId: hearer.id,
          hearerName: hearer.name,
          documentId,
        },
      });
      return {
        documentId,
        documentsUntil: dates.documentsUntil,
        fileOpenFrom: dates.fileOpenFrom,
      };
    });
  }

  /** Records that no hearing is held, and on which 7:3 ground; the decision letter names it (7:12). */
  async waive(
    tenantId: string,
    reference: string,
    ground: HearingWaiverGround,
    by: StaffPrincipal,
  ): Promise<{ ground: HearingWaiverGround }> {
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const kase = await caseForChange(db, tenantId, reference, 'Afzien van horen');
      const { objection } = kase;
      if (objection.hearing?.heldAt) throw alreadyHeld(objection.hearing);
      await saveChanges(db, calendar, kase, {
        hearing: { ...(objection.hearing ?? {}), waiverGround: ground },
      });
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'hearing_waived',
        data: { ground },
      });
      return { ground };
    });
  }

  /**
   * The report of the hearing (7:7) as a document through the letter pipeline, sent to the objector. A hearing
   * that is held overrides an earlier waiver. One report per hearing: a document once issued does not change.
   */
  async report(
    tenantId: string,
    reference: string,
    input: HearingReportInput,
    by: StaffPrincipal,
  ): Promise<{ documentId: string }> {
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const kase = await caseForChange(db, tenantId, reference, 'Een verslag van de hoorzitting vastleggen');
      const { objection, tenant } = kase;
      const planned = objection.hearing;
      if (!planned?.plannedAt) {
        throw ProblemError.conflict(
          'no-hearing-planned',
          'Voor dit bezwaar is geen hoorzitting gepland. Plan eerst de hoorzitting; daarna legt u het verslag vast.',
        );
      }
      if (planned.heldAt) throw alreadyHeld(planned);
      const heldAt = new Date(input.heldAt ?? planned.plannedAt);
      if (Number.isNaN(heldAt.getTime()) || heldAt > new Date()) {
        throw ProblemError.invalid([
          {
            field: 'heldAt',
            message: input.heldAt
              ? 'De hoorzitting kan niet in de toekomst gehouden zijn.'
              : `De hoorzitting staat gepland op ${writtenDateTime(new Date(planned.plannedAt))}. Geef aan wanneer zij gehouden is.`,
          },
        ]);
      }
      const dates = hearingDates(heldAt);
      const facts = { tenant, objection, regulationName: kase.regulation.name, today: todayInAmsterdam() };
      const documentId = await issueProcedureLetter(db, this.letters, {
        tenant,
        objection,
        letter: hearingReportLetter(facts, {
          dates,
          location: planned.location,
          videoLink: planned.videoLink,
          hearerName: planned.hearerName ?? 'onbekend',
          attendees: input.attendees.map((a) => a.trim()),
          report: input.report,
        }),
        filename: 'verslag-hoorzitting',
        subject: 'Verslag hoorzitting',
        lines: [`Hierbij ontvangt u het verslag van de hoorzitting over uw bezwaar ${objection.reference}.`],
      });
      const { waiverGround: _overridden, ...hearing } = planned;
      await saveChanges(db, calendar, kase, {
        hearing: { ...hearing, heldAt: heldAt.toISOString(), reportDocumentId: documentId },
      });
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'hearing_held',
        data: { heldAt: heldAt.toISOString(), documentId },
      });
      return { documentId };
    });
  }
}

function alreadyHeld(hearing: HearingRecord): ProblemError {
  return ProblemError.conflict(
    'hearing-held',
    `De hoorzitting is al gehouden op ${writtenDateTime(new Date(hearing.heldAt!))} en het verslag is vastgelegd. ` +
      'Een gehouden hoorzitting kan niet meer worden gepland, overgeslagen of opnieuw verslagen.',
  );
}

/** A staff member of the tenant by id (only active ones when `activeOnly`), or null; also for a malformed id. */
async function staffMember(
  db: EntityManager,
  tenantId: string,
  id: string,
  activeOnly: boolean,
): Promise<{ id: string; name: string } | null> {
  const [row] = (await db.query(
    `SELECT id, name FROM staff_users WHERE tenant_id = $1 AND id::text = $2 ${activeOnly ? 'AND active' : ''}`,
    [tenantId, id],
  )) as { id: string; name: string }[];
  return row ?? null;
}
