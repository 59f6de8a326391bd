import { formatDutchDate } from '../deadlines/dutch-dates';
import type { LocalDate } from '../deadlines/local-date';

/** Dates, moments and amounts as the staff pages write them. */

/** "14 december 2026"; '' for none. */
export function dateText(date: string | null | undefined): string {
  return date ? formatDutchDate(date as LocalDate, { weekday: false }) : '';
}

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "3 december 2026 om 14:05" */
export function dateTimeText(iso: string): string {
  const parts = Object.fromEntries(DATE_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} om ${parts.hour}:${parts.minute}`;
}

/** "€ 1.442", "€ 230,50" */
export function euros(cents: number): string {
  const whole = cents % 100 === 0;
  const amount = new Intl.NumberFormat('nl-NL', {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
    useGrouping: true,
  }).format(cents / 100);
  // nl-NL leaves four-digit amounts ungrouped in some ICU versions; letters and the law write "1.442".
  return `€ ${amount.replace(/^(\d)(\d{3})(?=$|,)/, '$1.$2')}`;
}
