import { dayOfWeek, type LocalDate, localDateParts } from './local-date';

const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
/** The months, January first: `DUTCH_MONTHS[month - 1]`. */
export const DUTCH_MONTHS: readonly string[] = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/**
 * "14 december 2026", or "maandag 14 december 2026" with the weekday: citizens read a written-out date more
 * easily than 2026-12-14.
 */
export function formatDutchDate(date: LocalDate, options: { weekday?: boolean } = { weekday: true }): string {
  const { year, month, day } = localDateParts(date);
  const written = `${day} ${DUTCH_MONTHS[month - 1]} ${year}`;
  return options.weekday ? `${WEEKDAYS[dayOfWeek(date) - 1]} ${written}` : written;
}
