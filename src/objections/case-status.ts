/** Where a case stands and where it may go next (see the status model in docs/handling.md). */
export const OBJECTION_STATUSES = [
  'received',
  'informal_contact',
  'formal_procedure',
  'decided',
  'withdrawn',
  'closed',
] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Cases still to be worked; the inbox shows only these. */
export const OPEN_STATUSES = ['received', 'informal_contact', 'formal_procedure'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** As a handler reads them. */
export const STATUS_LABELS: Record<ObjectionStatus, string> = {
  received: 'Ontvangen',
  informal_contact: 'Informeel contact',
  formal_procedure: 'Formele procedure',
  decided: 'Besloten',
  withdrawn: 'Ingetrokken',
  closed: 'Afgesloten',
};

/**
 * received → informal contact or the formal procedure → a decision, a withdrawal or closing without one.
 * Informal contact that fails continues formally; a decision is only ever taken in the formal procedure.
 */
const NEXT: Record<ObjectionStatus, readonly ObjectionStatus[]> = {
  received: ['informal_contact', 'formal_procedure', 'withdrawn', 'closed'],
  informal_contact: ['formal_procedure', 'withdrawn', 'closed'],
  formal_procedure: ['decided', 'withdrawn', 'closed'],
  decided: [],
  withdrawn: [],
  closed: [],
};

export function isObjectionStatus(value: unknown): value is ObjectionStatus {
  return typeof value === 'string' && (OBJECTION_STATUSES as readonly string[]).includes(value);
}

export function isOpen(status: ObjectionStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function nextStatuses(from: ObjectionStatus): readonly ObjectionStatus[] {
  return NEXT[from];
}

export function canMove(from: ObjectionStatus, to: ObjectionStatus): boolean {
  return NEXT[from].includes(to);
}

/** SQL for "still open", inlined as constants so a partial index on it can be used. */
export const OPEN_STATUS_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
