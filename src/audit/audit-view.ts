import type { FieldError } from '../common/problems/problem.error';
import type { AuditFilters } from './audit-search';
import type { AuditEventView, AuditPage } from './audit-search.service';

/** The audit page's filter form, table and page links, from the query and the page of events. */

const RESULT_LABELS: Record<string, string> = { success: 'Gelukt', refused: 'Geweigerd', failed: 'Mislukt' };
const ACTOR_LABELS: Record<string, string> = {
  staff: 'Medewerker',
  citizen: 'Burger (DigiD)',
  case_link: 'Burger (zaaklink)',
  operator: 'Platformbeheerder',
  anonymous: 'Onbekend',
};
const ROLE_LABELS: Record<string, string> = { handler: 'behandelaar', tenant_admin: 'functioneel beheerder' };
const FILTER_NAMES = ['actor', 'action', 'object', 'result', 'from', 'to'] as const;

const TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function auditView(
  path: string,
  query: Record<string, unknown>,
  errors: FieldError[],
  filters: AuditFilters,
  page: AuditPage | null,
) {
  const typed = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const field = (name: string) => ({ id: `audit-${name}`, name, value: typed(name), error: errorOf(name) });
  const link = (pageNumber: number) => {
    const search = new URLSearchParams();
    for (const name of FILTER_NAMES) if (typed(name)) search.set(name, typed(name));
    if (pageNumber > 1) search.set('page', String(pageNumber));
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };
  return {
    action: path,
    errors: errors.map((e) => ({ href: `#audit-${e.field}`, message: e.message })),
    fields: {
      actor: field('actor'),
      action: field('action'),
      object: field('object'),
      from: field('from'),
      to: field('to'),
    },
    result: {
      field: field('result'),
      options: [
        { value: '', label: 'Alle uitkomsten', selected: !filters.result },
        ...Object.entries(RESULT_LABELS).map(([value, label]) => ({
          value,
          label,
          selected: filters.result === value,
        })),
      ],
    },
    rows: (page?.events ?? []).map(rowOf),
    empty: page !== null && page.events.length === 0,
    pageNumber: filters.page,
    previous: page && filters.page > 1 ? link(filters.page - 1) : null,
    next: page?.hasMore ? link(filters.page + 1) : null,
  };
}

function rowOf(event: AuditEventView) {
  const role = event.actor.role
    ?.split(',')
    .map((r) => ROLE_LABELS[r] ?? r)
    .join(', ');
  return {
    seq: event.seq,
    time: TIME.format(new Date(event.occurredAt)),
    action: event.action,
    object: [event.objectType, event.objectId].filter(Boolean).join(' '),
    caseReference: event.caseReference && event.caseReference !== event.objectId ? event.caseReference : null,
    result: `${RESULT_LABELS[event.result] ?? event.result} (${event.status})`,
    refused: event.result !== 'success',
    actor: ACTOR_LABELS[event.actor.type] ?? event.actor.type,
    actorName: event.actor.name,
    actorId: event.actor.id,
    actorRole: role,
    // Across municipalities: a stranger here, or one of ours trying elsewhere.
    otherTenant: event.otherTenantId !== null && !event.actor.name,
    elsewhere: event.otherTenantId !== null && !!event.actor.name,
    origin: `${event.channel === 'api' ? 'API' : 'pagina'}${event.clientIp ? `, ${event.clientIp}` : ''}`,
    requestId: event.requestId,
    request: `${event.method} ${event.route}`,
  };
}
