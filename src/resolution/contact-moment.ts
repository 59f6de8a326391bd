import { isLocalDate } from '../deadlines/local-date';

const MOMENT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,3}))?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-03T10:30:00" as a clock in the Netherlands shows it at that instant. */
function amsterdamWallClock(instant: Date): string {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * When a contact took place, from an ISO 8601 date-time. With a zone (Z or ±hh:mm) it is that instant; without
 * one it is the time in the Netherlands, which is what a form's datetime-local field sends. Null when the text
 * is no real moment, including a wall-clock time skipped when the clocks go forward. A time the clocks show
 * twice (when they go back) is taken as the first.
 */
export function parseContactMoment(text: string): Date | null {
  const match = MOMENT.exec(text.trim());
  if (!match || !isLocalDate(match[1])) return null;
  const [, date, hour, minute, second = '00', fraction = '', zone] = match;
  const millis = Number(fraction.padEnd(3, '0'));
  if (zone) {
    const instant = new Date(`${date}T${hour}:${minute}:${second}.${String(millis).padStart(3, '0')}${zone}`);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const [year, month, day] = date.split('-').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, Number(hour), Number(minute), Number(second), millis);
  const wanted = `${date}T${hour}:${minute}:${second}`;
  // The Netherlands are one hour ahead of UTC in winter and two in summer.
  for (const hours of [2, 1]) {
    const candidate = new Date(asUtc - hours * 3_600_000);
    if (amsterdamWallClock(candidate) === wanted) return candidate;
  }
  return null;
}
