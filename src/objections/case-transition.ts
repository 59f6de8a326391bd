import { EntityManager } from 'typeorm';
import { derivedColumns } from './case-derived';
import { canMove, ObjectionStatus } from './case-status';
import { Objection } from './objection.entity';
import { Actor, recordEvent } from './timeline';

/**
 * Moves a locked case along the status model: status, the moment it changed and the derived columns in one
 * update, and a 'status_changed' event at the same moment. Callers check the move first where a person asked
 * for it; reaching an illegal move here is a bug, not a user error. Returns the case as it now is.
 */
export async function moveCase(
  db: EntityManager,
  objection: Objection,
  to: ObjectionStatus,
  actor: Actor,
  at: Date,
  extra: { closedReason?: string; note?: string } = {},
): Promise<Objection> {
  const from = objection.status;
  if (!canMove(from, to)) throw new Error(`Cannot move ${objection.reference} from ${from} to ${to}`);
  const { note, ...columns } = extra;
  const moved = { ...objection, status: to, statusChangedAt: at, ...columns };
  await db
    .getRepository(Objection)
    .update(
      { tenantId: objection.tenantId, id: objection.id },
      { status: to, statusChangedAt: at, ...columns, ...derivedColumns(moved) },
    );
  await recordEvent(
    db,
    {
      tenantId: objection.tenantId,
      objectionId: objection.id,
      actor,
      kind: 'status_changed',
      data: { from, to, ...(note ? { note } : {}) },
    },
    at,
  );
  return moved;
}
