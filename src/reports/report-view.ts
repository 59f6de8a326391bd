import type { FieldError } from '../common/problems/problem.error';
import { DECISION_OUTCOMES, OUTCOME_WORDS } from '../decisions/decision-outcome';
import { formatDutchDate } from '../deadlines/dutch-dates';
import type { LocalDate } from '../deadlines/local-date';
import { staffHome } from '../staff-pages/request-checks';
import type { Report, ReportPeriod } from './report';
import { barChart, shareChart } from './report-charts';
import { formatCount, formatDays, formatEuros, formatPercent } from './report-format';

/** The names of the period form's fields, in the page's query string. */
export const PAGE_PERIOD_FIELDS = { from: 'van', to: 'tot' };

export function reportsPath(tenantSlug: string): string {
  return `${staffHome(tenantSlug)}/rapportages`;
}

/** The same period as CSV, for the staff session (the JSON API takes bearer tokens only). */
export function reportsCsvHref(tenantSlug: string, period: ReportPeriod): string {
  return `${reportsPath(tenantSlug)}.csv?van=${period.from}&tot=${period.to}`;
}

const date = (value: LocalDate) => formatDutchDate(value, { weekday: false });

/** "1 januari 2026 tot en met 30 juni 2026" */
export function periodText(period: ReportPeriod): string {
  return `${date(period.from)} tot en met ${date(period.to)}`;
}

interface FormState {
  /** What the form shows: the period shown, or what was typed when it was wrong. */
  from: string;
  to: string;
  errors?: FieldError[];
}

/** The page: the period form (with its errors), and the report when there is one. */
export function reportsView(tenantSlug: string, form: FormState, report?: Report) {
  const errorOf = (name: string) => form.errors?.find((e) => e.field === name)?.message;
  return {
    // Marks "Rapportages" as the current page in the header navigation (layout.hbs).
    errors: (form.errors ?? []).map((e) => ({ href: `#${e.field}`, message: e.message })),
    periodForm: {
      action: reportsPath(tenantSlug),
      from: { id: PAGE_PERIOD_FIELDS.from, value: form.from, error: errorOf(PAGE_PERIOD_FIELDS.from) },
      to: { id: PAGE_PERIOD_FIELDS.to, value: form.to, error: errorOf(PAGE_PERIOD_FIELDS.to) },
    },
    report: report ? reportFigures(tenantSlug, report) : undefined,
  };
}

function reportFigures(tenantSlug: string, report: Report) {
  const outcomes = DECISION_OUTCOMES.map((outcome) => ({
    label: OUTCOME_WORDS[outcome],
    count: report.decided.byOutcome[outcome],
  }));
  const regulations = report.byRegulation;
  const risk = report.penalties.atRisk;
  return {
    periodText: periodText(report.period),
    asOfText: date(report.asOf),
    csvHref: reportsCsvHref(tenantSlug, report.period),
    keyFigures: [
      { label: 'Ingediend', value: formatCount(report.filed) },
      {
        label: 'Informeel afgehandeld (met gesprek)',
        value: `${formatCount(report.informal.count)} (${formatPercent(report.informal.share)})`,
      },
      { label: 'Ingetrokken', value: formatCount(report.withdrawn) },
      { label: 'Besloten', value: formatCount(report.decided.total) },
      {
        label: 'Binnen de wettelijke termijn besloten',
        value: formatPercent(report.decidedWithinTerm.share),
      },
      {
        label: 'Tijd tot eerste contact (mediaan)',
        value: daysText(report.daysToFirstContact.medianCalendarDays),
      },
      { label: 'Doorlooptijd (mediaan)', value: daysText(report.leadTime.medianCalendarDays) },
      { label: 'Dwangsom betaald', value: formatEuros(report.penalties.paid.amountCents) },
      { label: 'Doorverwijzingen', value: formatCount(report.referrals.total) },
    ],
    filedChart: barChart(
      'grafiek-ingediend',
      'Ingediend per regeling',
      regulations.map((r) => ({ label: r.name, value: r.filed })),
    ),
    regulationRows: regulations.map((r) => ({
      name: r.name,
      filed: formatCount(r.filed),
      informal: formatCount(r.informal),
      withdrawn: formatCount(r.withdrawn),
      closed: formatCount(r.closed),
      decided: formatCount(r.decided.total),
      stillOpen: formatCount(r.stillOpen),
      outcomes: DECISION_OUTCOMES.map((o) => formatCount(r.decided.byOutcome[o])),
    })),
    totals: {
      filed: formatCount(report.filed),
      informal: formatCount(report.informal.count),
      withdrawn: formatCount(report.withdrawn),
      closed: formatCount(report.closed),
      decided: formatCount(report.decided.total),
      stillOpen: formatCount(report.stillOpen),
      outcomes: outcomes.map((o) => formatCount(o.count)),
    },
    informal: {
      chart: shareChart('grafiek-informeel', 'Informeel afgehandeld', report.informal),
      count: formatCount(report.informal.count),
      of: formatCount(report.informal.of),
      share: formatPercent(report.informal.share),
      firstContactMedian: daysText(report.daysToFirstContact.medianCalendarDays),
      firstContactCases: formatCount(report.daysToFirstContact.cases),
    },
    decisions: {
      chart: barChart(
        'grafiek-uitkomst',
        'Besloten per uitkomst',
        outcomes.map((o) => ({ label: o.label, value: o.count })),
      ),
      outcomeLabels: outcomes.map((o) => o.label),
      outcomeRows: outcomes.map((o) => ({ label: o.label, count: formatCount(o.count) })),
      total: formatCount(report.decided.total),
      withinTerm: formatCount(report.decidedWithinTerm.count),
      withinTermOf: formatCount(report.decidedWithinTerm.of),
      withinTermShare: formatPercent(report.decidedWithinTerm.share),
      leadTimeMedian: daysText(report.leadTime.medianCalendarDays),
      leadTimeCases: formatCount(report.leadTime.cases),
    },
    penalties: {
      paid: formatEuros(report.penalties.paid.amountCents),
      paidDecisions: formatCount(report.penalties.paid.decisions),
      openWithPenaltyDate: formatCount(risk.openWithPenaltyDate),
      runningToday: formatCount(risk.runningToday),
      accrued: formatEuros(risk.accruedCents),
      maximum: formatEuros(risk.maximumCents),
      termPassedWithoutNotice: formatCount(risk.termPassedWithoutNotice),
    },
    referrals: {
      total: formatCount(report.referrals.total),
      partners: report.referrals.byPartner.map((p) => ({ name: p.name, count: formatCount(p.count) })),
    },
  };
}

/** "3 dagen", "2,5 dagen", "1 dag", or "—". */
function daysText(days: number | null): string {
  if (days === null) return formatDays(null);
  return `${formatDays(days)} ${days === 1 ? 'dag' : 'dagen'}`;
}
