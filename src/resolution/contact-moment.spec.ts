import { parseContactMoment } from './contact-moment';

describe('parseContactMoment', () => {
  it.each([
    ['2026-12-03T10:30:00Z', '2026-12-03T10:30:00.000Z'],
    ['2026-12-03T10:30:00.5+01:00', '2026-12-03T09:30:00.500Z'],
    ['2026-07-03T10:30-02:00', '2026-07-03T12:30:00.000Z'],
    [' 2026-12-03T10:30:00.123Z ', '2026-12-03T10:30:00.123Z'],
  ])('takes %s with its zone as that instant', (text, instant) => {
    expect(parseContactMoment(text)?.toISOString()).toBe(instant);
  });

  it.each([
    // Winter: one hour ahead of UTC; summer: two.
    ['2026-12-03T10:30', '2026-12-03T09:30:00.000Z'],
    ['2026-07-03T10:30:15', '2026-07-03T08:30:15.000Z'],
    // Just after midnight, still the day given.
    ['2026-01-01T00:05', '2025-12-31T23:05:00.000Z'],
    // The clocks go back on 25 October 2026: 02:30 is shown twice; the first is taken.
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-03-29T03:30', '2026-03-29T01:30:00.000Z'],
  ])('takes %s without a zone as the time in the Netherlands', (text, instant) => {
    expect(parseContactMoment(text)?.toISOString()).toBe(instant);
  });

  it.each([
    ['2026-02-30T10:00:00Z'],
    ['2026-12-03'],
    ['2026-12-03 10:30'],
    ['2026-12-03T24:00'],
    ['2026-12-03T10:60'],
    ['3 december 2026'],
    ['2026-12-03T10:30:00+25:00'],
    [''],
    // The clocks go forward on 29 March 2026: 02:30 does not exist there.
    ['2026-03-29T02:30'],
  ])('refuses %j', (text) => {
    expect(parseContactMoment(text)).toBeNull();
  });
});
