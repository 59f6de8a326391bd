import { formatDutchDate } from '../deadlines/dutch-dates';
import type { LocalDate } from '../deadlines/local-date';
import type { InboxItem, InboxPage } from '../inbox/inbox-query';
import { CASE_FLAGS, FLAG_LABELS } from '../objections/case-flags';
import { OBJECTION_STATUSES, STATUS_LABELS } from '../objections/case-status';
import { LIFE_DOMAIN_LABELS } from '../signals/life-domain-code';
import { deadlineView } from './deadline-text';
import { hasFilters, InboxFilters, inboxHref, NO_FILTERS, PAGE_SIZES } from './inbox-filters';
import { staffHome } from './request-checks';

export interface InboxViewContext {
  tenantSlug: string;
  filters: InboxFilters;
  handlers: { id: string; name: string }[];
  regulations: { code: string; name: string }[];
}

interface CountLink {
  label: string;
  count: number;
  href: string;
  current: boolean;
}

/** "financiën, huisvesting" */
export function lifeDomainText(codes: readonly string[]): string {
  return codes.map((code) => LIFE_DOMAIN_LABELS[code as keyof typeof LIFE_DOMAIN_LABELS] ?? code).join(', ');
}

export function flagLabels(flags: readonly string[]): string[] {
  return flags.map((flag) => FLAG_LABELS[flag as keyof typeof FLAG_LABELS] ?? flag);
}

/** The inbox page: counts that filter, the filter form as the handler left it, one row per case. */
export function inboxView(page: InboxPage, context: InboxViewContext) {
  const { tenantSlug, filters } = context;
  const current = inboxHref(tenantSlug, filters);
  const countLink = (label: string, count: number, only: Partial<InboxFilters>): CountLink => {
    const href = inboxHref(tenantSlug, { ...NO_FILTERS, ...only });
    return { label, count, href, current: href === current };
  };
  const byStatus = page.counts.byStatus as Partial<Record<string, number>>;
  return {
    counts: {
      statuses: OBJECTION_STATUSES.filter((status) => byStatus[status] !== undefined).map((status) =>
        countLink(STATUS_LABELS[status], byStatus[status] ?? 0, { status: [status] }),
      ),
      work: [
        countLink('Termijn verlopen', page.counts.overdue, { overdue: true }),
        countLink('Bijna verlopen', page.counts.atRisk, { atRisk: true }),
        countLink('Mijn zaken', page.counts.mine, { assignee: 'mij' }),
        countLink('Niet toegewezen', page.counts.unassigned, { assignee: 'geen' }),
      ],
    },
    filterForm: filterForm(context, page.atRiskUntil),
    filtered: hasFilters(filters),
    allHref: staffHome(tenantSlug),
    caption:
      filters.sort === 'ontvangen'
        ? 'Bezwaren, het laatst ontvangen eerst'
        : 'Bezwaren, de eerstvolgende termijn eerst',
    rows: page.items.map((item) => inboxRow(tenantSlug, item)),
    nextHref: page.nextCursor ? inboxHref(tenantSlug, filters, page.nextCursor) : undefined,
  };
}

export function inboxRow(tenantSlug: string, item: InboxItem) {
  return {
    reference: item.reference,
    href: `${staffHome(tenantSlug)}/zaken/${encodeURIComponent(item.reference)}`,
    name: item.objectorName,
    regulation: item.regulation.name,
    status: STATUS_LABELS[item.status] ?? item.status,
    deadline: deadlineView(item.nextDeadline, { overdue: item.overdue, atRisk: item.atRisk }),
    flags: flagLabels(item.flags),
    lifeDomains: lifeDomainText(item.lifeDomains),
    assignee: item.assignee?.name,
    awaitingReply: item.awaitingReply,
  };
}

function filterForm(context: InboxViewContext, atRiskUntil: string | undefined) {
  const { filters, tenantSlug } = context;
  return {
    action: staffHome(tenantSlug),
    statuses: OBJECTION_STATUSES.map((status) => ({
      id: `filter-status-${status}`,
      value: status,
      label: STATUS_LABELS[status],
      checked: filters.status.includes(status),
    })),
    regulations: [
      { value: '', label: 'Alle regelingen', selected: !filters.regulation },
      ...context.regulations.map((r) => ({
        value: r.code,
        label: r.name,
        selected: r.code === filters.regulation,
      })),
    ],
    assignees: [
      { value: '', label: 'Iedereen', selected: !filters.assignee },
      { value: 'mij', label: 'Mijn zaken', selected: filters.assignee === 'mij' },
      { value: 'geen', label: 'Niet toegewezen', selected: filters.assignee === 'geen' },
      ...context.handlers.map((h) => ({ value: h.id, label: h.name, selected: h.id === filters.assignee })),
    ],
    flags: CASE_FLAGS.map((flag) => ({
      id: `filter-signaal-${flag}`,
      value: flag,
      label: FLAG_LABELS[flag],
      checked: filters.flags.includes(flag),
    })),
    timeliness: [
      { id: 'filter-tijdig-alle', value: '', label: 'Alle', checked: !filters.timeliness },
      {
        id: 'filter-tijdig-ja',
        value: 'ja',
        label: 'Op tijd ingediend',
        checked: filters.timeliness === 'ja',
      },
      {
        id: 'filter-tijdig-nee',
        value: 'nee',
        label: 'Te laat ingediend',
        checked: filters.timeliness === 'nee',
      },
    ],
    overdue: filters.overdue,
    atRisk: filters.atRisk,
    atRiskUntil: atRiskUntil ? formatDutchDate(atRiskUntil as LocalDate, { weekday: false }) : undefined,
    q: filters.q,
    pageSizes: PAGE_SIZES.map((size) => ({
      value: String(size),
      label: String(size),
      selected: size === filters.pageSize,
    })),
    sorts: [
      { value: 'termijn', label: 'Eerstvolgende termijn', selected: filters.sort === 'termijn' },
      { value: 'ontvangen', label: 'Datum van ontvangst', selected: filters.sort === 'ontvangen' },
    ],
  };
}
