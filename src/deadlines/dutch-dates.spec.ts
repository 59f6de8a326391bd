import { formatDutchDate } from './dutch-dates';
import { LocalDate, localDate } from './local-date';

describe('formatDutchDate', () => {
  it('writes the month (and the weekday) in Dutch', () => {
    expect(formatDutchDate('2026-11-28' as LocalDate, { weekday: false })).toBe('28 november 2026');
    expect(formatDutchDate('2027-03-01' as LocalDate)).toBe('maandag 1 maart 2027');
    expect(formatDutchDate('2028-02-29' as LocalDate)).toBe('dinsdag 29 februari 2028');
  });
});

describe('formatDutchDate with the weekday (the default)', () => {
  it.each([
    ['2026-12-14', 'maandag 14 december 2026'],
    ['2026-05-06', 'woensdag 6 mei 2026'],
    ['2027-01-03', 'zondag 3 januari 2027'],
  ])('%s → %s', (date, expected) => {
    expect(formatDutchDate(localDate(date))).toBe(expected);
  });
});
