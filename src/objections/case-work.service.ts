import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { StaffDirectoryService } from '../auth/staff-directory.service';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { lockCase } from './case-lock';
import { moveCase } from './case-transition';
import { canMove, nextStatuses, ObjectionStatus, STATUS_LABELS } from './case-status';
import { Objection } from './objection.entity';
import { recordEvent, staffActor } from './timeline';

/**
 * The statuses a handler can move a case to by hand. 'decided' is left out: a case is decided only when its
 * decision is recorded together with the letter (the decision endpoint), never by changing a status.
 */
export function allowedNextStatuses(from: ObjectionStatus): ObjectionStatus[] {
  return nextStatuses(from).filter((s) => s !== 'decided');
}

/** Handlers working a case: who owns it and where it stands. Every change is on the case's timeline. */
@Injectable()
export class CaseWorkService {
  constructor(private readonly database: Database) {}

  /** Gives the case to a handler (or to nobody) and says who holds it now. Assigning the holder again records nothing. */
  assign(
    tenantId: string,
    reference: string,
    assigneeId: string | null,
    by: StaffPrincipal,
  ): Promise<{ id: string; name: string } | null> {
    return this.database.forTenant(tenantId, async (db) => {
      const objection = await lockedCase(db, tenantId, reference);
      const assignee = assigneeId ? await StaffDirectoryService.handlerIn(db, tenantId, assigneeId) : null;
      if (assigneeId && !assignee) {
        throw ProblemError.invalid([
          { field: 'assigneeId', message: 'Deze medewerker is geen actieve behandelaar van deze gemeente.' },
        ]);
      }
      const holder = assignee && { id: assignee.id, name: assignee.name };
      if (objection.assigneeId === (holder?.id ?? null)) return holder;
      await db
        .getRepository(Objection)
        .update({ tenantId, id: objection.id }, { assigneeId: holder?.id ?? null });
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'assigned',
        data: {
          assigneeId: holder?.id ?? null,
          assigneeName: assignee?.name ?? null,
          previousAssigneeId: objection.assigneeId,
        },
      });
      return holder;
    });
  }

  /**
   * Moves a case along the status model. The row is locked first, so of two changes from the same status only
   * one passes the check; the other sees the new status and is refused.
   */
  async moveTo(
    tenantId: string,
    reference: string,
    to: ObjectionStatus,
    by: StaffPrincipal,
    note?: string,
  ): Promise<void> {
    await this.database.forTenant(tenantId, async (db) => {
      const objection = await lockedCase(db, tenantId, reference);
      const from = objection.status;
      if (to === 'decided') {
        throw ProblemError.conflict(
          'decision-required',
          `Een bezwaar krijgt de status ${STATUS_LABELS.decided} pas als de beslissing op bezwaar is vastgelegd, ` +
            'samen met de brief. Leg daarom de beslissing vast; de status verandert dan vanzelf.',
        );
      }
      if (!canMove(from, to)) throw illegalTransition(from, to);
      await moveCase(db, objection, to, staffActor(by.userId), new Date(), {
        note: note?.trim() || undefined,
      });
    });
  }
}

async function lockedCase(db: EntityManager, tenantId: string, reference: string): Promise<Objection> {
  const objection = await lockCase(db, tenantId, { reference });
  if (!objection) throw ProblemError.notFound(`Er is geen bezwaar met kenmerk ${reference}.`);
  return objection;
}

function illegalTransition(from: ObjectionStatus, to: ObjectionStatus): ProblemError {
  const allowed = allowedNextStatuses(from).map((s) => STATUS_LABELS[s]);
  const options = [
    ...allowed,
    ...(canMove(from, 'decided') ? [`${STATUS_LABELS.decided} (door de beslissing vast te leggen)`] : []),
  ];
  const first =
    from === to
      ? `Het bezwaar heeft de status ${STATUS_LABELS[from]} al.`
      : `Een bezwaar met de status ${STATUS_LABELS[from]} kan niet naar ${STATUS_LABELS[to]}.`;
  const next = options.length
    ? `Vanuit ${STATUS_LABELS[from]} kan het naar: ${options.join(', ')}.`
    : `${STATUS_LABELS[from]} is een eindstatus: de status verandert niet meer.`;
  return ProblemError.conflict('illegal-transition', `${first} ${next}`);
}
