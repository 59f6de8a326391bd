import { formatDutchDate } from './dutch-dates';
import { LocalDate } from './local-date';

describe('formatDutchDate', () => {
  it('writes the month (and the weekday) in Dutch', () => {
    expect(formatDutchDate('2026-11-28' as LocalDate, { weekday: false })).toBe('28 november 2026');
    expect(formatDutchDate('2027-03-01' as LocalDate)).toBe('maandag 1 maart 2027');
    expect(formatDutchDate('2028-02-29' as LocalDate)).toBe('dinsdag 29 februari 2028');
  });
});
