import { createHmac, timingSafeEqual } from 'node:crypto';
import { FieldError, ProblemError } from '../common/problems/problem.error';
import { isLocalDate, LocalDate } from '../deadlines/local-date';
import { CASE_FLAGS, CaseFlag } from '../objections/case-flags';
import { OBJECTION_STATUSES, ObjectionStatus } from '../objections/case-status';
import type { DeadlineKind } from '../objections/next-deadline';
import type { LifeDomainCode, SentimentLabel } from '../signals';

/** What a handler asks the inbox for (HTTP query parameters, parsed and checked). */
export interface InboxQuery {
  /** Default: the open statuses; closed ones may be asked for explicitly. */
  status?: ObjectionStatus[];
  /** Regulation code. */
  regulation?: string;
  /** A string other than 'me' or 'none' is a staff user id (uuid). */
  assignee?: 'me' | 'none' | string;
  /** All must be present. */
  flags?: CaseFlag[];
  timeliness?: 'timely' | 'late';
  /** Next deadline before today. */
  overdue?: boolean;
  /** Next deadline from today up to atRiskUntil. */
  atRisk?: boolean;
  /** No first contact yet and the tenant's firstContactWorkingDays have passed (see first-contact.ts). */
  noContact?: boolean;
  /** Reference (prefix, case-insensitive) or objector name (substring). */
  q?: string;
  /**
   * deadline (default): next deadline first, none last; received: newest first; contact: the cases whose first
   * contact is late first, each group in deadline order.
   */
  sort?: InboxSort;
  /** Opaque, from nextCursor. */
  cursor?: string;
  /** 1..200, default 50. */
  limit: number;
}

export interface InboxItem {
  reference: string;
  status: ObjectionStatus;
  regulation: { code: string; name: string };
  objectorName: string;
  /** ISO 8601 instant. */
  receivedAt: string;
  /** workingDaysLeft is negative once the date has passed. */
  nextDeadline: { date: string; kind: DeadlineKind; workingDaysLeft: number } | null;
  decisionTermEnds: string | null;
  overdue: boolean;
  atRisk: boolean;
  flags: CaseFlag[];
  sentiment: { label: SentimentLabel; score: number } | null;
  lifeDomains: LifeDomainCode[];
  assignee: { id: string; name: string } | null;
  timely: boolean;
  /** The citizen wrote after the handler last did. */
  awaitingReply: boolean;
  /** When the objector was first reached, when that was due, and whether it is late. */
  firstContact: { at: string | null; dueOn: string; late: boolean };
  /** In informal contact: the decision term keeps running meanwhile (domain-nl §5). */
  informalContactRunning: boolean;
  /** First day a penalty (4:17) falls due after a notice of default; null without one. */
  penaltyStartsOn: string | null;
}

/** Tenant-wide; every count except byStatus is over open cases only. */
export interface InboxCounts {
  byStatus: Record<ObjectionStatus, number>;
  overdue: number;
  atRisk: number;
  mine: number;
  unassigned: number;
  /** Open cases whose first contact is late (the noContact filter). */
  noContact: number;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  counts: InboxCounts;
  today: string;
  atRiskUntil: string;
}

export const INBOX_SORTS = ['deadline', 'received', 'contact'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_SEARCH_LENGTH = 100;
const MAX_CURSOR_LENGTH = 400;

export const CURSOR_INVALID = 'cursor is ongeldig of aangepast. Vraag de lijst opnieuw op, zonder cursor.';
export const CURSOR_OTHER_SORT =
  'cursor hoort bij een andere sortering. Vraag de lijst opnieuw op, zonder cursor.';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGULATION_CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** received_at as the page query prints it: UTC with microseconds, so no two cases collapse onto one key. */
const RECEIVED_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Query parameters as the HTTP layer hands them over: absent, one value, or a repeated parameter. */
export type RawInboxQuery = Partial<Record<keyof InboxQuery, unknown>>;

/**
 * Checks every parameter and reports all bad ones at once, each with a Dutch message naming what is allowed.
 * The cursor is only checked for shape here; its signature and sort are checked by `decodeCursor`.
 */
export function parseInboxQuery(raw: RawInboxQuery): InboxQuery {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): undefined => {
    errors.push({ field, message });
    return undefined;
  };
  const single = (field: keyof InboxQuery): string | undefined => {
    const value = raw[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return fail(field, `${field} mag maar één keer worden meegegeven.`);
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const list = <T extends string>(field: 'status' | 'flags', allowed: readonly T[]): T[] | undefined => {
    const value = raw[field];
    if (value === undefined || value === null) return undefined;
    const parts = (Array.isArray(value) ? value : [value])
      .flatMap((v) => (typeof v === 'string' ? v.split(',') : [String(v)]))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    const unknown = parts.filter((p) => !(allowed as readonly string[]).includes(p));
    if (unknown.length) {
      return fail(
        field,
        `${field} kent ${unknown.map((u) => `"${u}"`).join(', ')} niet; kies uit ${allowed.join(', ')}.`,
      );
    }
    return parts.length ? [...new Set(parts as T[])] : undefined;
  };
  const boolean = (field: 'overdue' | 'atRisk' | 'noContact'): boolean | undefined => {
    const value = single(field);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    return fail(field, `${field} moet true of false zijn.`);
  };
  const oneOf = <T extends string>(field: keyof InboxQuery, allowed: readonly T[]): T | undefined => {
    const value = single(field);
    if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
    return fail(
      field,
      `${field} moet ${allowed.slice(0, -1).join(', ')} of ${allowed[allowed.length - 1]} zijn.`,
    );
  };

  const query: InboxQuery = { limit: DEFAULT_LIMIT };
  const status = list('status', OBJECTION_STATUSES);
  if (status) query.status = status;
  const flags = list('flags', CASE_FLAGS);
  if (flags) query.flags = flags;

  const regulation = single('regulation');
  if (regulation !== undefined) {
    if (REGULATION_CODE.test(regulation)) query.regulation = regulation;
    else fail('regulation', 'regulation moet de code van een regeling zijn, bijvoorbeeld participatiewet.');
  }

  const assignee = single('assignee');
  if (assignee !== undefined) {
    if (assignee === 'me' || assignee === 'none') query.assignee = assignee;
    else if (UUID.test(assignee)) query.assignee = assignee.toLowerCase();
    else fail('assignee', 'assignee moet "me", "none" of het id van een medewerker zijn.');
  }

  const timeliness = oneOf('timeliness', ['timely', 'late'] as const);
  if (timeliness) query.timeliness = timeliness;
  const overdue = boolean('overdue');
  if (overdue !== undefined) query.overdue = overdue;
  const atRisk = boolean('atRisk');
  if (atRisk !== undefined) query.atRisk = atRisk;
  const noContact = boolean('noContact');
  if (noContact !== undefined) query.noContact = noContact;

  const q = single('q');
  if (q !== undefined) {
    if (q.length <= MAX_SEARCH_LENGTH) query.q = q;
    else fail('q', `Zoek op hoogstens ${MAX_SEARCH_LENGTH} tekens.`);
  }

  const sort = oneOf('sort', INBOX_SORTS);
  if (sort) query.sort = sort;

  const cursor = single('cursor');
  if (cursor !== undefined) {
    if (cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(cursor))
      query.cursor = cursor;
    else fail('cursor', CURSOR_INVALID);
  }

  const limit = single('limit');
  if (limit !== undefined) {
    const n = /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
    if (n >= 1 && n <= MAX_LIMIT) query.limit = n;
    else fail('limit', `limit moet een geheel getal van 1 tot en met ${MAX_LIMIT} zijn.`);
  }

  if (errors.length) throw ProblemError.invalid(errors);
  return query;
}

// ---------------------------------------------------------------------------------------------------------
// Cursors: the sort key of the last item on a page, signed so a page can only continue where one ended
// ---------------------------------------------------------------------------------------------------------

/** Where a page ended, in the order of its sort. */
export type InboxPosition =
  | { sort: 'deadline'; nextDeadline: string | null; id: string }
  | { sort: 'received'; receivedAt: string; id: string }
  | ContactPosition;

/**
 * By contact, a position also says which group it was in and the day that divided the groups: later pages keep
 * that day, so a case that turns late at midnight cannot move between pages and be shown twice or not at all.
 */
export interface ContactPosition {
  sort: 'contact';
  late: boolean;
  nextDeadline: string | null;
  id: string;
  lateIfReceivedBefore: LocalDate;
}

type CursorKey = string | Uint8Array;

function signature(payload: string, key: CursorKey): Buffer {
  // 128 bits is plenty to tell a cursor we issued from one somebody edited.
  return createHmac('sha256', key).update(`inbox-cursor:${payload}`).digest().subarray(0, 16);
}

export function encodeCursor(position: InboxPosition, key: CursorKey): string {
  const fields =
    position.sort === 'deadline'
      ? ['d', position.nextDeadline, position.id]
      : position.sort === 'received'
        ? ['r', position.receivedAt, position.id]
        : ['c', position.nextDeadline, position.id, position.late, position.lateIfReceivedBefore];
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${payload}.${signature(payload, key).toString('base64url')}`;
}

const invalidCursor = (message = CURSOR_INVALID) => ProblemError.invalid([{ field: 'cursor', message }]);

/** The position a cursor we issued stands for; a 400 problem when it was altered or belongs to another sort. */
export function decodeCursor(cursor: string, sort: InboxSort, key: CursorKey): InboxPosition {
  const [payload, mac, ...rest] = cursor.split('.');
  if (!payload || !mac || rest.length) throw invalidCursor();
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(fields) ||
    fields.length !== (fields[0] === 'c' ? 5 : 3) ||
    typeof fields[2] !== 'string' ||
    !UUID.test(fields[2])
  ) {
    throw invalidCursor();
  }
  const [kind, value, id, late, lateIfReceivedBefore] = fields as [
    unknown,
    unknown,
    string,
    unknown,
    unknown,
  ];
  let position: InboxPosition;
  if (kind === 'd' && (value === null || isLocalDate(value))) {
    position = { sort: 'deadline', nextDeadline: value, id };
  } else if (kind === 'r' && typeof value === 'string' && RECEIVED_KEY.test(value)) {
    position = { sort: 'received', receivedAt: value, id };
  } else if (
    kind === 'c' &&
    (value === null || isLocalDate(value)) &&
    typeof late === 'boolean' &&
    isLocalDate(lateIfReceivedBefore)
  ) {
    position = { sort: 'contact', nextDeadline: value, id, late, lateIfReceivedBefore };
  } else {
    throw invalidCursor();
  }
  if (position.sort !== sort) throw invalidCursor(CURSOR_OTHER_SORT);
  return position;
}
