import { FieldError, ProblemError } from '../common/problems/problem.error';
import { LocalDate, makeLocalDate, parseLocalDate } from '../deadlines/local-date';
import type { ReportPeriod } from './report';

/** The names the period's two ends go by: `from`/`to` in the API, `van`/`tot` on the staff page. */
export interface PeriodFieldNames {
  from: string;
  to: string;
}

export const API_PERIOD_FIELDS: PeriodFieldNames = { from: 'from', to: 'to' };

export type PeriodResult =
  { period: ReportPeriod; errors?: undefined } | { period?: undefined; errors: FieldError[] };

const DUTCH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

/**
 * A date as `YYYY-MM-DD`; with `dutch`, also as typed on a Dutch form (`d-m-jjjj`), for browsers that show a
 * date field as plain text.
 */
function readDate(value: string, dutch: boolean): LocalDate | null {
  const iso = parseLocalDate(value);
  if (iso || !dutch) return iso;
  const match = DUTCH_DATE.exec(value);
  if (!match) return null;
  try {
    return makeLocalDate(Number(match[3]), Number(match[2]), Number(match[1]));
  } catch {
    return null;
  }
}

/**
 * The period asked for. Missing (or empty) ends default to this calendar year up to today: no `from` means
 * 1 January of the `to` year, no `to` means today. A malformed date, a repeated parameter, or a `from` after
 * `to` is an error in Dutch on the field concerned.
 */
export function readReportPeriod(
  raw: { [name: string]: unknown },
  today: LocalDate,
  names: PeriodFieldNames = API_PERIOD_FIELDS,
  options: { dutchDates?: boolean } = {},
): PeriodResult {
  const errors: FieldError[] = [];
  const read = (field: string, what: string): LocalDate | null | undefined => {
    const value = raw[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      errors.push({ field, message: `Geef de ${what} maar één keer op.` });
      return null;
    }
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    const date = readDate(trimmed, options.dutchDates ?? false);
    if (!date) {
      errors.push({
        field,
        message: `De ${what} is geen bestaande datum. Schrijf die als jjjj-mm-dd, bijvoorbeeld ${today.slice(0, 4)}-01-31.`,
      });
      return null;
    }
    return date;
  };
  const from = read(names.from, 'begindatum');
  const to = read(names.to, 'einddatum');
  if (from === null || to === null) return { errors };

  const end = to ?? today;
  const start = from ?? (`${end.slice(0, 4)}-01-01` as LocalDate);
  if (start > end) {
    return {
      errors: [
        to === undefined
          ? {
              field: names.from,
              message: 'De begindatum ligt na vandaag. Kies een begindatum tot en met vandaag.',
            }
          : {
              field: names.to,
              message: 'De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.',
            },
      ],
    };
  }
  return { period: { from: start, to: end } };
}

/** As readReportPeriod, for the API: a 400 problem naming the fields. */
export function parseReportPeriod(raw: { [name: string]: unknown }, today: LocalDate): ReportPeriod {
  const result = readReportPeriod(raw, today);
  if (result.errors) throw invalidPeriod(result.errors);
  return result.period;
}

export function invalidPeriod(errors: FieldError[]): ProblemError {
  return ProblemError.invalid(errors, errors.map((e) => e.message).join(' '));
}
