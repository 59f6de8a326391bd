import { EntityManager } from 'typeorm';

/** Who did something on a case: the citizen (or their representative), the system, or a staff member. */
export type Actor = 'citizen' | 'system' | `staff:${string}`;

export function staffActor(userId: string): Actor {
  return `staff:${userId}`;
}

/**
 * Appends one entry to a case's timeline inside the caller's unit of work, so the entry exists exactly when
 * the change it describes does. Entries are never edited or deleted (the app role may only insert).
 */
export async function recordEvent(
  db: EntityManager,
  event: {
    tenantId: string;
    objectionId: string;
    actor: Actor;
    kind: string;
    data?: Record<string, unknown>;
  },
  at: Date = new Date(),
): Promise<void> {
  await db.query(
    `INSERT INTO objection_events (tenant_id, objection_id, at, actor, kind, data) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      event.tenantId,
      event.objectionId,
      at.toISOString(),
      event.actor,
      event.kind,
      JSON.stringify(event.data ?? {}),
    ],
  );
}
