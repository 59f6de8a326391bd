import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { caseForChange } from '../objections/case-lock';
import { Objection } from '../objections/objection.entity';

// The steps the informal-resolution actions share, each inside the caller's unit of work.

/** A page calling the service directly gets the same refusal as a token of another tenant. */
export function requireSameTenant(tenantId: string, by: StaffPrincipal): void {
  if (by.tenantId !== tenantId) throw ProblemError.forbidden();
}

/** The case, locked for this unit of work: 404 when there is none, 409 'case-closed' when it has ended. */
export function openCase(
  db: EntityManager,
  tenantId: string,
  reference: string,
  detail: string,
): Promise<Objection> {
  return caseForChange(db, tenantId, { reference }, detail);
}

export function requireAfterReceipt(objection: Objection, at: Date): void {
  if (at.getTime() < objection.receivedAt.getTime()) {
    throw ProblemError.invalid([
      {
        field: 'at',
        message: 'Dit moment ligt vóór de ontvangst van het bezwaar. Vul in wanneer het contact was.',
      },
    ]);
  }
}

/** Sets first contact when there was none yet (it is set once); returns the first contact as it now stands. */
export async function markFirstContact(db: EntityManager, objection: Objection, at: Date): Promise<Date> {
  if (objection.firstContactAt) return objection.firstContactAt;
  await db
    .getRepository(Objection)
    .update({ tenantId: objection.tenantId, id: objection.id }, { firstContactAt: at });
  return at;
}

/** Successive moments a millisecond apart from `start`, so that entries written together keep their order. */
export function ticker(start: Date): () => Date {
  let next = start.getTime();
  return () => new Date(++next);
}
