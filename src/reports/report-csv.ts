import { DECISION_OUTCOMES, OUTCOME_WORDS } from '../decisions/decision-outcome';
import type { Report } from './report';
import { plainEuros, plainNumber, plainPercent } from './report-format';

/** One row of the CSV: a measure, how it is broken down, its value and the unit of that value. */
export interface ReportLine {
  measure: string;
  breakdown: string;
  value: string;
  unit: string;
}

export const CSV_HEADER = ['Meting', 'Uitsplitsing', 'Waarde', 'Eenheid'];
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

const COUNT = 'aantal';
const PERCENT = '%';
const DAYS = 'kalenderdagen';
const EUROS = 'euro';

/** Every figure of the report, one line per measure and breakdown, in the order of the page. */
export function reportLines(report: Report): ReportLine[] {
  const lines: ReportLine[] = [];
  const add = (measure: string, breakdown: string, value: string, unit: string) =>
    lines.push({ measure, breakdown, value, unit });
  const count = (measure: string, breakdown: string, value: number) =>
    add(measure, breakdown, String(value), COUNT);
  const perRegulation = (measure: string, pick: (r: Report['byRegulation'][number]) => number) => {
    for (const regulation of report.byRegulation)
      count(measure, `Regeling: ${regulation.name}`, pick(regulation));
  };

  add('Periode', 'Van', report.period.from, 'datum');
  add('Periode', 'Tot en met', report.period.to, 'datum');
  add('Peildatum', 'Stand van de zaken op', report.asOf, 'datum');

  count('Ingediend', 'Totaal', report.filed);
  perRegulation('Ingediend', (r) => r.filed);

  count('Informeel afgehandeld (met gesprek)', 'Totaal', report.informal.count);
  add(
    'Informeel afgehandeld (met gesprek)',
    'Aandeel van ingediend',
    plainPercent(report.informal.share),
    PERCENT,
  );
  perRegulation('Informeel afgehandeld (met gesprek)', (r) => r.informal);

  count('Ingetrokken', 'Totaal', report.withdrawn);
  perRegulation('Ingetrokken', (r) => r.withdrawn);
  count('Afgesloten zonder beslissing', 'Totaal', report.closed);
  perRegulation('Afgesloten zonder beslissing', (r) => r.closed);
  count('Nog open', 'Totaal', report.stillOpen);
  perRegulation('Nog open', (r) => r.stillOpen);

  count('Besloten', 'Totaal', report.decided.total);
  for (const outcome of DECISION_OUTCOMES) {
    count('Besloten', `Uitkomst: ${OUTCOME_WORDS[outcome]}`, report.decided.byOutcome[outcome]);
  }
  for (const regulation of report.byRegulation) {
    count('Besloten', `Regeling: ${regulation.name}`, regulation.decided.total);
    for (const outcome of DECISION_OUTCOMES) {
      count(
        'Besloten',
        `Regeling: ${regulation.name}, uitkomst: ${OUTCOME_WORDS[outcome]}`,
        regulation.decided.byOutcome[outcome],
      );
    }
  }

  const within = report.decidedWithinTerm;
  count('Besloten binnen de wettelijke termijn', 'Aantal', within.count);
  count('Besloten binnen de wettelijke termijn', 'Van het aantal besloten zaken', within.of);
  add('Besloten binnen de wettelijke termijn', 'Aandeel', plainPercent(within.share), PERCENT);

  add('Tijd tot eerste contact', 'Mediaan', plainNumber(report.daysToFirstContact.medianCalendarDays), DAYS);
  count('Tijd tot eerste contact', 'Zaken met eerste contact', report.daysToFirstContact.cases);
  add('Doorlooptijd tot einde zaak', 'Mediaan', plainNumber(report.leadTime.medianCalendarDays), DAYS);
  count('Doorlooptijd tot einde zaak', 'Afgeronde zaken', report.leadTime.cases);

  const { paid, atRisk } = report.penalties;
  add('Dwangsom betaald', 'Bedrag', plainEuros(paid.amountCents), EUROS);
  count('Dwangsom betaald', 'Vastgestelde dwangsommen', paid.decisions);
  count('Dwangsom risico (open zaken)', 'Met startdatum dwangsom', atRisk.openWithPenaltyDate);
  count('Dwangsom risico (open zaken)', 'Dwangsom loopt nu', atRisk.runningToday);
  add('Dwangsom risico (open zaken)', 'Opgebouwd tot peildatum', plainEuros(atRisk.accruedCents), EUROS);
  add('Dwangsom risico (open zaken)', 'Maximaal', plainEuros(atRisk.maximumCents), EUROS);
  count(
    'Dwangsom risico (open zaken)',
    'Termijn verlopen, geen ingebrekestelling',
    atRisk.termPassedWithoutNotice,
  );

  count('Doorverwijzingen', 'Totaal', report.referrals.total);
  for (const partner of report.referrals.byPartner)
    count('Doorverwijzingen', `Partner: ${partner.name}`, partner.count);
  return lines;
}

/**
 * The report as Dutch Excel opens it: semicolons, a header row, UTF-8 with a byte order mark, CRLF. A text that
 * would start a formula (= + - @) gets a leading apostrophe, so a name can never run as one.
 */
export function reportCsv(report: Report): string {
  const rows = [CSV_HEADER, ...reportLines(report).map((l) => [l.measure, l.breakdown, l.value, l.unit])];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "rapportage-rivierstad-2026-01-01-tot-2026-06-30.csv" */
export function reportFilename(tenantSlug: string, report: Pick<Report, 'period'>): string {
  return `rapportage-${tenantSlug}-${report.period.from}-tot-${report.period.to}.csv`;
}
