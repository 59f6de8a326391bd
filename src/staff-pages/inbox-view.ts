import { DECISION_OUTCOMES, OUTCOME_WORDS } from '../decisions/decision-outcome';
import { formatDutchDate } from '../deadlines/dutch-dates';
import type { LocalDate } from '../deadlines/local-date';
import type { InboxItem, InboxPage } from '../inbox/inbox-query';
import { CASE_FLAGS, FLAG_LABELS } from '../objections/case-flags';
import { isOpen, OBJECTION_STATUSES, STATUS_LABELS } from '../objections/case-status';
import { HEARING_GROUND_LABELS, HEARING_WAIVER_GROUNDS } from '../procedure/hearing-grounds';
import { LIFE_DOMAIN_LABELS } from '../signals/life-domain-code';
import { BULK_IDS, BulkProblem, caseCheckboxId } from './bulk-decision-form';
import { deadlineView } from './deadline-text';
import { hasFilters, InboxFilters, inboxHref, NO_FILTERS, PAGE_SIZES } from './inbox-filters';
import { HELD } from './procedure-form-fields';
import { staffHome } from './request-checks';

export interface InboxViewContext {
  tenantSlug: string;
  filters: InboxFilters;
  handlers: { id: string; name: string }[];
  regulations: { code: string; name: string }[];
  /** The page cursor the list was shown at (the bulk form comes back to it). */
  cursor?: string;
  /** The bulk form as posted, when it was refused. */
  bulk?: BulkProblem;
  /** Runs that already decide some of the ticked cases (a refusal says where to follow them). */
  runningBatches?: string[];
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
  const rows = page.items.map((item) => inboxRow(tenantSlug, item, page.today, context.bulk));
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
        countLink('Nog geen contact (te laat)', page.counts.noContact, { noContact: true }),
      ],
    },
    filterForm: filterForm(context, page.atRiskUntil),
    filtered: hasFilters(filters),
    allHref: staffHome(tenantSlug),
    caption: CAPTIONS[filters.sort],
    rows,
    nextHref: page.nextCursor ? inboxHref(tenantSlug, filters, page.nextCursor) : undefined,
    bulk: bulkForm(context, rows),
  };
}

const CAPTIONS: Record<InboxFilters['sort'], string> = {
  termijn: 'Bezwaren, de eerstvolgende termijn eerst',
  ontvangen: 'Bezwaren, het laatst ontvangen eerst',
  contact: 'Bezwaren, eerst die zonder contact (te laat), dan de eerstvolgende termijn',
};

/** A row of the inbox: the case, its marks in words, and (open cases only) its checkbox for the bulk form. */
export function inboxRow(tenantSlug: string, item: InboxItem, today?: string, bulk?: BulkProblem) {
  const open = isOpen(item.status);
  const penaltyStarts = item.penaltyStartsOn;
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
    noContactLate: item.firstContact.late,
    informalRunning: item.informalContactRunning,
    penalty: penaltyStarts
      ? today && penaltyStarts <= today
        ? 'dwangsom loopt'
        : `dwangsom vanaf ${formatDutchDate(penaltyStarts as LocalDate, { weekday: false })}`
      : undefined,
    select: open
      ? {
          id: caseCheckboxId(item.reference),
          checked: bulk?.values.zaken.includes(item.reference) ?? false,
          error: bulk?.cases[item.reference],
        }
      : undefined,
  };
}

type InboxRow = ReturnType<typeof inboxRow>;

/**
 * The bulk form under the table: one decision for the ticked open cases, started as a run on the job queue.
 * Absent when the page shows no open case.
 */
function bulkForm(context: InboxViewContext, rows: InboxRow[]) {
  const selectable = rows.filter((r) => r.select);
  if (!selectable.length) return undefined;
  const problem = context.bulk;
  const values = problem?.values;
  const shown = new Set(selectable.map((r) => r.reference));
  // Cases refused that this page does not show: named above the table.
  const elsewhere = Object.entries(problem?.cases ?? {})
    .filter(([reference]) => !shown.has(reference))
    .map(([, message]) => message);
  const casesError = [problem?.fields.zaak, ...elsewhere].filter(Boolean).join(' ') || undefined;
  const errors = [
    ...(casesError ? [{ href: `#${caseCheckboxId(selectable[0].reference)}`, message: casesError }] : []),
    ...selectable
      .filter((r) => r.select!.error)
      .map((r) => ({ href: `#${r.select!.id}`, message: r.select!.error! })),
    ...(['uitkomst', 'motivering', 'hoorzitting'] as const)
      .filter((input) => problem?.fields[input])
      .map((input) => ({ href: `#${BULK_IDS[input]}`, message: problem!.fields[input]! })),
  ];
  const chosenOutcome = values?.uitkomst ?? '';
  const chosenHearing = values?.hoorzitting ?? '';
  return {
    action: `${staffHome(context.tenantSlug)}/bulk`,
    list: inboxHref(context.tenantSlug, context.filters, context.cursor).split('?')[1] ?? '',
    open: Boolean(problem),
    errors,
    casesError,
    casesErrorId: `${BULK_IDS.zaak}-error`,
    runningBatches: (context.runningBatches ?? []).map((id) => ({
      href: `${staffHome(context.tenantSlug)}/bulk/${encodeURIComponent(id)}`,
    })),
    outcome: {
      id: BULK_IDS.uitkomst,
      name: 'uitkomst',
      error: problem?.fields.uitkomst,
      options: DECISION_OUTCOMES.map((o, index) => ({
        id: index === 0 ? BULK_IDS.uitkomst : `${BULK_IDS.uitkomst}-${o}`,
        value: o,
        label: OUTCOME_WORDS[o][0].toUpperCase() + OUTCOME_WORDS[o].slice(1),
        checked: o === chosenOutcome,
      })),
    },
    reasoning: {
      id: BULK_IDS.motivering,
      name: 'motivering',
      value: values?.motivering ?? '',
      error: problem?.fields.motivering,
    },
    hearing: {
      field: {
        id: BULK_IDS.hoorzitting,
        name: 'hoorzitting',
        value: chosenHearing,
        error: problem?.fields.hoorzitting,
      },
      options: [
        { value: '', label: 'Volgt uit het dossier van elke zaak' },
        { value: HELD, label: 'Alle indieners zijn gehoord' },
        ...HEARING_WAIVER_GROUNDS.map((g) => ({
          value: g,
          label: `Niet gehoord: ${HEARING_GROUND_LABELS[g]}`,
        })),
      ].map((o) => ({ ...o, selected: o.value === chosenHearing })),
    },
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
    noContact: filters.noContact,
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
      { value: 'contact', label: 'Eerste contact: te laat eerst', selected: filters.sort === 'contact' },
    ],
  };
}
