import { isOpen, OPEN_STATUS_SQL, OPEN_STATUSES } from '../objections/case-status';
import { InboxPosition, InboxQuery } from './inbox-query';

/** One SQL statement with its bind parameters ($1 … $n). */
export interface SqlStatement {
  text: string;
  params: unknown[];
}

/** What the page and count statements need besides the query itself. */
export interface InboxScope {
  tenantId: string;
  viewerUserId: string;
  today: string;
  atRiskUntil: string;
  /** ISO instant: an open case received before it and still without first contact is late (first-contact.ts). */
  lateContactBefore: string;
}

/** `%`, `_` and the escape character itself match literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Collects bind parameters and hands back their placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

/** Checked enum values (statuses, flags) go in as literals so the planner can match the partial indexes. */
const literals = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

const OVERDUE = (today: string) => `o.next_deadline < ${today}`;
const AT_RISK = (today: string, until: string) => `o.next_deadline BETWEEN ${today} AND ${until}`;
/** Open, never reached, and received before the day whose contact is not yet due. */
const LATE_CONTACT = (before: string) =>
  `(o.first_contact_at IS NULL AND o.received_at < ${before} AND o.status IN ${OPEN_STATUS_SQL})`;

/** The late-contact condition, its boundary bound once per statement however often it is used. */
function lateContact(scope: InboxScope, p: Params): () => string {
  let placeholder: string | undefined;
  return () => LATE_CONTACT((placeholder ??= p.add(scope.lateContactBefore, 'timestamptz')));
}

/** The WHERE conditions of a page: tenant, statuses and every filter the handler chose. */
function conditions(query: InboxQuery, scope: InboxScope, p: Params, late: () => string): string[] {
  const tenant = p.add(scope.tenantId, 'uuid');
  const where = [`o.tenant_id = ${tenant}`];
  const statuses = query.status ?? OPEN_STATUSES;
  // Written exactly as the partial indexes' predicate when only open cases are asked for.
  if (statuses.every(isOpen)) where.push(`o.status IN ${OPEN_STATUS_SQL}`);
  if (statuses.length < OPEN_STATUSES.length || !statuses.every(isOpen)) {
    where.push(`o.status IN (${literals(statuses)})`);
  }
  if (query.regulation !== undefined) {
    const code = p.add(query.regulation);
    where.push(
      `o.regulation_id IN (SELECT r.id FROM regulations r WHERE r.tenant_id = ${tenant} AND r.code = ${code})`,
    );
  }
  if (query.assignee === 'none') where.push('o.assignee_id IS NULL');
  else if (query.assignee === 'me') where.push(`o.assignee_id = ${p.add(scope.viewerUserId, 'uuid')}`);
  else if (query.assignee !== undefined) where.push(`o.assignee_id = ${p.add(query.assignee, 'uuid')}`);
  if (query.flags?.length) where.push(`o.flags @> ARRAY[${literals(query.flags)}]::text[]`);
  if (query.timeliness) where.push(`o.timely = ${query.timeliness === 'timely'}`);
  if (query.overdue !== undefined || query.atRisk !== undefined) {
    const today = p.add(scope.today, 'date');
    if (query.overdue === true) where.push(OVERDUE(today));
    if (query.overdue === false) where.push(`(o.next_deadline IS NULL OR o.next_deadline >= ${today})`);
    if (query.atRisk !== undefined) {
      const atRisk = AT_RISK(today, p.add(scope.atRiskUntil, 'date'));
      where.push(query.atRisk ? atRisk : `(o.next_deadline IS NULL OR NOT ${atRisk})`);
    }
  }
  if (query.noContact !== undefined) where.push(query.noContact ? late() : `NOT ${late()}`);
  if (query.q !== undefined) {
    const term = escapeLike(query.q);
    where.push(
      `(o.reference ILIKE ${p.add(`${term}%`)} ESCAPE '\\' OR o.objector_name ILIKE ${p.add(`%${term}%`)} ESCAPE '\\')`,
    );
  }
  return where;
}

/** The case columns an inbox item is made of; formatting happens once, outside the keyset branches. */
const CASE_COLUMNS = `o.tenant_id, o.id, o.reference, o.status, o.received_at, o.next_deadline, o.next_deadline_kind,
  o.decision_term_ends, o.flags, o.timely, o.regulation_id, o.assignee_id, o.first_contact_at, o.penalty_starts_on,
  o.objector_name,
  o.signals->'sentiment'->>'label' AS sentiment_label,
  (o.signals->'sentiment'->>'score')::float8 AS sentiment_score,
  jsonb_path_query_array(o.signals, '$.lifeDomains[*].code') AS life_domains,
  (o.last_citizen_message_at IS NOT NULL
    AND (o.last_staff_message_at IS NULL OR o.last_citizen_message_at > o.last_staff_message_at)) AS awaiting_reply`;

export interface InboxRow {
  id: string;
  reference: string;
  status: string;
  received_at_iso: string;
  received_key: string;
  next_deadline: string | null;
  next_deadline_kind: string | null;
  decision_term_ends: string | null;
  flags: string[] | string;
  timely: boolean;
  objector_name: string | null;
  sentiment_label: string | null;
  sentiment_score: number | string | null;
  life_domains: string[] | string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  regulation_code: string;
  regulation_name: string;
  awaiting_reply: boolean;
  first_contact_at_iso: string | null;
  penalty_starts_on: string | null;
  /** Only by sort=contact: the group the case is in. */
  contact_late?: boolean;
}

/**
 * One page plus one row (to know whether another page follows), in one statement: keyset conditions only,
 * never OFFSET, and regulation and assignee joined onto just the page's rows.
 *
 * By deadline the order is next_deadline ASC NULLS LAST, id: the order of objections_inbox_idx. After a
 * position with a date, the rest is "later (date, id)" followed by the cases without a deadline; those are
 * two index ranges, so they are two UNION ALL branches rather than one OR the index cannot serve.
 *
 * By contact the cases whose first contact is late come first, then the others, each group in deadline order:
 * the same branches per group, the late group's before the other's. A position in the late group continues
 * there and then takes the whole other group; a position in the other group continues only there.
 */
export function pageStatement(
  query: InboxQuery,
  scope: InboxScope,
  after: InboxPosition | undefined,
): SqlStatement {
  const p = new Params();
  const late = lateContact(scope, p);
  const where = conditions(query, scope, p, late).join(' AND ');
  const take = p.add(query.limit + 1, 'int');
  const branch = (extra: string | null, order: string, columns = CASE_COLUMNS) => {
    const matching = `FROM objections o WHERE ${where}${extra ? ` AND ${extra}` : ''} ORDER BY ${order} LIMIT ${take}`;
    // A search finds the page's cases first in the deadline index alone (it carries reference and name), then
    // reads just those: testing every open case of a large city in the table itself would take a second.
    if (query.q === undefined) return `(SELECT ${columns} ${matching})`;
    return `(SELECT ${columns} FROM objections o
      WHERE (o.tenant_id, o.id) IN (SELECT o.tenant_id, o.id ${matching}) ORDER BY ${order} LIMIT ${take})`;
  };
  const and = (...parts: (string | null)[]) => parts.filter(Boolean).join(' AND ') || null;

  /** Deadline order within `group` (a condition or null for all), after a position in it if there is one. */
  const byDeadline = (
    group: string | null,
    from: { nextDeadline: string | null; id: string } | undefined,
    columns?: string,
  ): string[] => {
    const order = 'o.next_deadline ASC NULLS LAST, o.id ASC';
    if (!from) return [branch(group, order, columns)];
    if (from.nextDeadline === null) {
      return [
        branch(and(group, `o.next_deadline IS NULL AND o.id > ${p.add(from.id, 'uuid')}`), order, columns),
      ];
    }
    const later = `(o.next_deadline, o.id) > (${p.add(from.nextDeadline, 'date')}, ${p.add(from.id, 'uuid')})`;
    // Ordered by the full index key although the date is NULL throughout, so the index serves the order.
    return [
      branch(and(group, later), order, columns),
      branch(and(group, 'o.next_deadline IS NULL'), order, columns),
    ];
  };

  let rows: string;
  let order: string;
  let extraColumns = '';
  if (query.sort === 'received') {
    order = 'p.received_at DESC, p.id DESC';
    const keyset =
      after?.sort === 'received'
        ? `(o.received_at, o.id) < (${p.add(after.receivedAt, 'timestamptz')}, ${p.add(after.id, 'uuid')})`
        : null;
    rows = branch(keyset, 'o.received_at DESC, o.id DESC');
  } else if (query.sort === 'contact') {
    order = 'p.contact_late DESC, p.next_deadline ASC NULLS LAST, p.id ASC';
    extraColumns = ', p.contact_late';
    const from = after?.sort === 'contact' ? after : undefined;
    const lateGroup = byDeadline(
      late(),
      from?.late ? from : undefined,
      `${CASE_COLUMNS}, true AS contact_late`,
    );
    const otherGroup = byDeadline(
      `NOT ${late()}`,
      from && !from.late ? from : undefined,
      `${CASE_COLUMNS}, false AS contact_late`,
    );
    rows = (from && !from.late ? otherGroup : [...lateGroup, ...otherGroup]).join(' UNION ALL ');
  } else {
    order = 'p.next_deadline ASC NULLS LAST, p.id ASC';
    rows = byDeadline(null, after?.sort === 'deadline' ? after : undefined).join(' UNION ALL ');
  }

  const text = `
    SELECT p.id, p.reference, p.status, p.timely, p.flags, p.objector_name, p.sentiment_label, p.sentiment_score,
      p.life_domains, p.awaiting_reply, p.next_deadline_kind, p.assignee_id${extraColumns},
      to_char(p.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at_iso,
      to_char(p.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_key,
      to_char(p.first_contact_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS first_contact_at_iso,
      to_char(p.next_deadline, 'YYYY-MM-DD') AS next_deadline,
      to_char(p.decision_term_ends, 'YYYY-MM-DD') AS decision_term_ends,
      to_char(p.penalty_starts_on, 'YYYY-MM-DD') AS penalty_starts_on,
      r.code AS regulation_code, r.name AS regulation_name, s.name AS assignee_name
    FROM (${rows}) p
    JOIN regulations r ON r.tenant_id = p.tenant_id AND r.id = p.regulation_id
    LEFT JOIN staff_users s ON s.tenant_id = p.tenant_id AND s.id = p.assignee_id
    ORDER BY ${order}
    LIMIT ${take}`;
  return { text, params: p.values };
}
