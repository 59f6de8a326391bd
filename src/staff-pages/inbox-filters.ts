import type { InboxQuery } from '../inbox/inbox-query';
import { CASE_FLAGS, CaseFlag } from '../objections/case-flags';
import { isObjectionStatus, ObjectionStatus } from '../objections/case-status';
import { staffHome } from './request-checks';

export const INBOX_PAGE_SIZE = 50;
/** Page sizes a handler can pick (`aantal`). */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/**
 * The inbox filters as the page's GET form sends them (Dutch parameter names, so the address reads well):
 * `status`, `regeling`, `behandelaar` (mij | geen | a staff id), `signaal`, `tijdig` (ja | nee), `verlopen`,
 * `risico`, `geencontact` (first contact late), `zoek`, `sorteer` (termijn | ontvangen | contact), `aantal`
 * (per page) and the page cursor `na`.
 */
export interface InboxFilters {
  status: ObjectionStatus[];
  regulation: string;
  assignee: string;
  flags: CaseFlag[];
  timeliness: '' | 'ja' | 'nee';
  overdue: boolean;
  atRisk: boolean;
  /** No first contact yet, and the tenant's norm has passed. */
  noContact: boolean;
  q: string;
  sort: InboxPageSort;
  pageSize: number;
}

export const INBOX_PAGE_SORTS = ['termijn', 'ontvangen', 'contact'] as const;
export type InboxPageSort = (typeof INBOX_PAGE_SORTS)[number];

export const NO_FILTERS: InboxFilters = {
  status: [],
  regulation: '',
  assignee: '',
  flags: [],
  timeliness: '',
  overdue: false,
  atRisk: false,
  noContact: false,
  q: '',
  sort: 'termijn',
  pageSize: INBOX_PAGE_SIZE,
};

const CODE = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SEARCH = 100;
const MAX_CURSOR = 512;

type Params = Record<string, unknown>;

function values(params: Params, name: string): string[] {
  const value = params[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

function first(params: Params, name: string): string {
  return values(params, name)[0]?.trim() ?? '';
}

/**
 * Reads the filters from the query string. A value the form cannot produce (a hand-edited address) is left
 * out rather than refused: a filter page never ends on an error.
 */
export function readInboxFilters(params: Params): { filters: InboxFilters; cursor?: string } {
  const status = [...new Set(values(params, 'status').filter(isObjectionStatus))];
  const flags = [
    ...new Set(
      values(params, 'signaal').filter((f): f is CaseFlag => (CASE_FLAGS as readonly string[]).includes(f)),
    ),
  ];
  const regulation = first(params, 'regeling');
  const assignee = first(params, 'behandelaar');
  const timeliness = first(params, 'tijdig');
  const cursor = first(params, 'na');
  const pageSize = Number(first(params, 'aantal'));
  const sort = first(params, 'sorteer');
  return {
    filters: {
      status,
      regulation: CODE.test(regulation) ? regulation : '',
      assignee:
        assignee === 'mij' || assignee === 'geen' || UUID.test(assignee) ? assignee.toLowerCase() : '',
      flags,
      timeliness: timeliness === 'ja' || timeliness === 'nee' ? timeliness : '',
      overdue: first(params, 'verlopen') === '1',
      atRisk: first(params, 'risico') === '1',
      noContact: first(params, 'geencontact') === '1',
      q: first(params, 'zoek').slice(0, MAX_SEARCH),
      sort: (INBOX_PAGE_SORTS as readonly string[]).includes(sort) ? (sort as InboxPageSort) : 'termijn',
      pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : INBOX_PAGE_SIZE,
    },
    cursor: cursor && cursor.length <= MAX_CURSOR ? cursor : undefined,
  };
}

/** The service's query for these filters. */
export function inboxQueryOf(filters: InboxFilters, cursor?: string): InboxQuery {
  const query: InboxQuery = {
    limit: filters.pageSize,
    sort: filters.sort === 'ontvangen' ? 'received' : filters.sort === 'contact' ? 'contact' : 'deadline',
  };
  if (filters.status.length) query.status = filters.status;
  if (filters.regulation) query.regulation = filters.regulation;
  if (filters.assignee) {
    query.assignee =
      filters.assignee === 'mij' ? 'me' : filters.assignee === 'geen' ? 'none' : filters.assignee;
  }
  if (filters.flags.length) query.flags = filters.flags;
  if (filters.timeliness) query.timeliness = filters.timeliness === 'ja' ? 'timely' : 'late';
  if (filters.overdue) query.overdue = true;
  if (filters.atRisk) query.atRisk = true;
  if (filters.noContact) query.noContact = true;
  if (filters.q) query.q = filters.q;
  if (cursor) query.cursor = cursor;
  return query;
}

/** The inbox address for these filters (defaults left out), optionally at a page cursor. */
export function inboxHref(tenantSlug: string, filters: InboxFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const status of filters.status) params.append('status', status);
  if (filters.regulation) params.set('regeling', filters.regulation);
  if (filters.assignee) params.set('behandelaar', filters.assignee);
  for (const flag of filters.flags) params.append('signaal', flag);
  if (filters.timeliness) params.set('tijdig', filters.timeliness);
  if (filters.overdue) params.set('verlopen', '1');
  if (filters.atRisk) params.set('risico', '1');
  if (filters.noContact) params.set('geencontact', '1');
  if (filters.q) params.set('zoek', filters.q);
  if (filters.sort !== 'termijn') params.set('sorteer', filters.sort);
  if (filters.pageSize !== INBOX_PAGE_SIZE) params.set('aantal', String(filters.pageSize));
  if (cursor) params.set('na', cursor);
  const query = params.toString();
  return query ? `${staffHome(tenantSlug)}?${query}` : staffHome(tenantSlug);
}

export function hasFilters(filters: InboxFilters): boolean {
  return (
    inboxHref('x', { ...filters, sort: 'termijn', pageSize: INBOX_PAGE_SIZE }) !== inboxHref('x', NO_FILTERS)
  );
}
