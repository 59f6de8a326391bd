import { type LocalDate, parseLocalDate } from '../deadlines/local-date';

/** A date as citizens type it: three inputs (dag, maand, jaar), the GOV.UK / NL Design System pattern. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePartsResult = { date: LocalDate } | { error: string } | { empty: true };

const EXAMPLE = 'bijvoorbeeld 2 11 2026';

/** Combines the three inputs into YYYY-MM-DD, or says in plain Dutch what is wrong. */
export function combineDateParts(parts: DateParts): DatePartsResult {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { empty: true };
  const missing = [...(day ? [] : ['de dag']), ...(month ? [] : ['de maand']), ...(year ? [] : ['het jaar'])];
  if (missing.length) return { error: `Vul ook ${joinDutch(missing)} in.` };
  if (![day, month, year].every((part) => /^[0-9]+$/.test(part))) {
    return { error: `Vul de datum in met cijfers, ${EXAMPLE}.` };
  }
  if (year.length !== 4) return { error: 'Vul het jaar in met 4 cijfers, bijvoorbeeld 2026.' };
  // parseLocalDate refuses 31 April and 29 February outside leap years.
  const date = parseLocalDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
  if (!date || date < '1900-01-01')
    return { error: `Deze datum bestaat niet. Vul een echte datum in, ${EXAMPLE}.` };
  return { date };
}

/** The three inputs for a known date (to prefill a form). */
export function datePartsOf(date: string | undefined): DateParts {
  const valid = date ? parseLocalDate(date) : null;
  if (!valid) return { day: '', month: '', year: '' };
  const [year, month, day] = valid.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

function joinDutch(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
