import { AtwCalendar, defaultAtwCalendar, easterSunday, kingsDay, statutoryHolidays } from './atw-calendar';
import { ATW_DECREE_DAYS } from './atw-decree-days';
import { addDays, dayOfWeek, localDate } from './local-date';

const d = localDate;
const calendar = defaultAtwCalendar;

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2008, '2008-03-23'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
    expect(dayOfWeek(easterSunday(year))).toBe(7);
  });
});

describe('kingsDay', () => {
  it.each([
    [2024, '2024-04-27'], // Saturday: stays on the 27th
    [2025, '2025-04-26'], // 27 April is a Sunday: Saturday 26 April
    [2026, '2026-04-27'],
    [2027, '2027-04-27'],
    [2028, '2028-04-27'],
    [2029, '2029-04-27'],
    [2030, '2030-04-27'],
    [2031, '2031-04-26'], // 27 April 2031 is a Sunday
  ])('%i: %s', (year, expected) => {
    expect(kingsDay(year)).toBe(expected);
  });
});

// Every Atw holiday and decree day 2024-2030, written out by hand from a real calendar (weekday in the
// comment). Saturdays and Sundays that are holidays are listed too: holidayName must name them.
const EXPECTED_HOLIDAYS: Record<number, [string, string][]> = {
  2024: [
    ['2024-01-01', 'Nieuwjaarsdag'], // Mon
    ['2024-03-29', 'Goede Vrijdag'], // Fri
    ['2024-04-01', 'Tweede paasdag'], // Mon
    ['2024-04-27', 'Koningsdag'], // Sat
    ['2024-05-05', 'Bevrijdingsdag'], // Sun
    ['2024-05-09', 'Hemelvaartsdag'], // Thu
    ['2024-05-10', 'Vrijdag na Hemelvaartsdag'], // Fri, decree
    ['2024-05-20', 'Tweede pinksterdag'], // Mon
    ['2024-12-25', 'Eerste kerstdag'], // Wed
    ['2024-12-26', 'Tweede kerstdag'], // Thu
    ['2024-12-27', 'Vrijdag na Tweede kerstdag'], // Fri, decree
  ],
  2025: [
    ['2025-01-01', 'Nieuwjaarsdag'], // Wed
    ['2025-04-18', 'Goede Vrijdag'], // Fri
    ['2025-04-21', 'Tweede paasdag'], // Mon
    ['2025-04-26', 'Koningsdag'], // Sat (27 April is a Sunday)
    ['2025-05-05', 'Bevrijdingsdag'], // Mon
    ['2025-05-29', 'Hemelvaartsdag'], // Thu
    ['2025-05-30', 'Vrijdag na Hemelvaartsdag'], // Fri, decree
    ['2025-06-09', 'Tweede pinksterdag'], // Mon
    ['2025-12-25', 'Eerste kerstdag'], // Thu
    ['2025-12-26', 'Tweede kerstdag'], // Fri
  ],
  2026: [
    ['2026-01-01', 'Nieuwjaarsdag'], // Thu
    ['2026-01-02', 'Vrijdag na Nieuwjaarsdag'], // Fri, decree
    ['2026-04-03', 'Goede Vrijdag'], // Fri
    ['2026-04-06', 'Tweede paasdag'], // Mon
    ['2026-04-27', 'Koningsdag'], // Mon
    ['2026-05-05', 'Bevrijdingsdag'], // Tue (not a lustrum year)
    ['2026-05-14', 'Hemelvaartsdag'], // Thu
    ['2026-05-15', 'Vrijdag na Hemelvaartsdag'], // Fri, decree
    ['2026-05-25', 'Tweede pinksterdag'], // Mon
    ['2026-12-25', 'Eerste kerstdag'], // Fri
    ['2026-12-26', 'Tweede kerstdag'], // Sat
  ],
  2027: [
    ['2027-01-01', 'Nieuwjaarsdag'], // Fri
    ['2027-03-26', 'Goede Vrijdag'], // Fri
    ['2027-03-29', 'Tweede paasdag'], // Mon
    ['2027-04-27', 'Koningsdag'], // Tue
    ['2027-05-05', 'Bevrijdingsdag'], // Wed (not a lustrum year)
    ['2027-05-06', 'Hemelvaartsdag'], // Thu
    ['2027-05-07', 'Vrijdag na Hemelvaartsdag'], // Fri, decree
    ['2027-05-17', 'Tweede pinksterdag'], // Mon
    ['2027-12-25', 'Eerste kerstdag'], // Sat
    ['2027-12-26', 'Tweede kerstdag'], // Sun
  ],
  2028: [
    ['2028-01-01', 'Nieuwjaarsdag'], // Sat
    ['2028-04-14', 'Goede Vrijdag'], // Fri
    ['2028-04-17', 'Tweede paasdag'], // Mon
    ['2028-04-27', 'Koningsdag'], // Thu
    ['2028-04-28', 'Vrijdag na Koningsdag'], // Fri, decree
    ['2028-05-05', 'Bevrijdingsdag'], // Fri
    ['2028-05-25', 'Hemelvaartsdag'], // Thu
    ['2028-05-26', 'Vrijdag na Hemelvaartsdag'], // Fri, decree
    ['2028-06-05', 'Tweede pinksterdag'], // Mon
    ['2028-12-25', 'Eerste kerstdag'], // Mon
    ['2028-12-26', 'Tweede kerstdag'], // Tue
  ],
  2029: [
    ['2029-01-01', 'Nieuwjaarsdag'], // Mon
    ['2029-03-30', 'Goede Vrijdag'], // Fri
    ['2029-04-02', 'Tweede paasdag'], // Mon
    ['2029-04-27', 'Koningsdag'], // Fri
    ['2029-05-05', 'Bevrijdingsdag'], // Sat
    ['2029-05-10', 'Hemelvaartsdag'], // Thu (no decree day published yet for the 11th)
    ['2029-05-21', 'Tweede pinksterdag'], // Mon
    ['2029-12-25', 'Eerste kerstdag'], // Tue
    ['2029-12-26', 'Tweede kerstdag'], // Wed
  ],
  2030: [
    ['2030-01-01', 'Nieuwjaarsdag'], // Tue
    ['2030-04-19', 'Goede Vrijdag'], // Fri
    ['2030-04-22', 'Tweede paasdag'], // Mon
    ['2030-04-27', 'Koningsdag'], // Sat
    ['2030-05-05', 'Bevrijdingsdag'], // Sun
    ['2030-05-30', 'Hemelvaartsdag'], // Thu
    ['2030-06-10', 'Tweede pinksterdag'], // Mon
    ['2030-12-25', 'Eerste kerstdag'], // Wed
    ['2030-12-26', 'Tweede kerstdag'], // Thu
  ],
};

describe('AtwCalendar holidays 2024-2030', () => {
  it.each(Object.keys(EXPECTED_HOLIDAYS).map(Number))('lists exactly the holidays of %i', (year) => {
    expect(calendar.holidaysInYear(year).map((h) => [h.date, h.name])).toEqual(EXPECTED_HOLIDAYS[year]);
  });

  const all = Object.values(EXPECTED_HOLIDAYS).flat();
  it.each(all)('%s is %s and not a working day', (date, name) => {
    expect(calendar.holidayName(d(date))).toBe(name);
    expect(calendar.isNonWorkingDay(d(date))).toBe(true);
    expect(calendar.isWorkingDay(d(date))).toBe(false);
  });

  it('has 5 May every year, not only in lustrum years', () => {
    for (let year = 2021; year <= 2040; year++) {
      expect(calendar.holidayName(d(`${year}-05-05`))).toMatch(/Bevrijdingsdag/);
    }
  });

  it("King's Day 2025: Saturday 26 April is the holiday, Sunday 27 April is only a Sunday", () => {
    expect(calendar.holidayName(d('2025-04-26'))).toBe('Koningsdag');
    expect(calendar.holidayName(d('2025-04-27'))).toBeNull();
    expect(calendar.isNonWorkingDay(d('2025-04-27'))).toBe(true);
  });

  it.each([
    '2026-04-05', // Easter Sunday: a Sunday, not a separate Atw holiday
    '2026-05-24', // Whit Sunday
    '2026-11-28', // ordinary Saturday
    '2026-11-29', // ordinary Sunday
  ])('%s is non-working but has no holiday name', (date) => {
    expect(calendar.holidayName(d(date))).toBeNull();
    expect(calendar.isNonWorkingDay(d(date))).toBe(true);
  });

  it.each([
    '2026-05-04', // Remembrance Day is no Atw holiday
    '2026-12-24', // Christmas Eve
    '2026-12-31', // New Year's Eve
    '2026-04-02', // Maundy Thursday
    '2026-02-16', // Carnival Monday
    '2029-05-11', // Friday after Ascension 2029: no decree published yet
    '2025-05-02', // Friday after King's Day 2025 is no decree day
    '2027-04-30',
    '2026-06-01',
  ])('%s is a working day', (date) => {
    expect(calendar.holidayName(d(date))).toBeNull();
    expect(calendar.isWorkingDay(d(date))).toBe(true);
  });

  it('joins the names of coinciding days (5 May 2016 was also Ascension Day)', () => {
    expect(calendar.holidayName(d('2016-05-05'))).toBe('Bevrijdingsdag en Hemelvaartsdag');
  });

  it('statutoryHolidays leaves out decree days', () => {
    expect(statutoryHolidays(2026).map((h) => h.date)).not.toContain('2026-01-02');
    expect(statutoryHolidays(2026)).toHaveLength(9);
  });
});

describe('decree days', () => {
  const published = [
    '2023-04-28',
    '2023-05-19',
    '2024-05-10',
    '2024-12-27',
    '2025-05-30',
    '2026-01-02',
    '2026-05-15',
    '2027-05-07',
    '2028-04-28',
    '2028-05-26',
  ];

  it('the default table holds exactly the published days, in order, with a source and a version', () => {
    expect(ATW_DECREE_DAYS.days.map((day) => day.date)).toEqual(published);
    expect(ATW_DECREE_DAYS.version).toMatch(/\S/);
    expect(ATW_DECREE_DAYS.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const day of ATW_DECREE_DAYS.days) expect(day.source).toMatch(/Besluit .*Stcrt\./);
  });

  it.each(published)('%s is a Friday bridge day and not a working day', (date) => {
    expect(dayOfWeek(d(date))).toBe(5);
    expect(calendar.isNonWorkingDay(d(date))).toBe(true);
    expect(calendar.holidayName(d(date))).toMatch(/^Vrijdag na /);
  });

  it('a calendar without decree days treats them as working days', () => {
    const bare = new AtwCalendar([]);
    for (const date of published) expect(bare.isWorkingDay(d(date))).toBe(true);
  });

  it('an operator can add a day without a release', () => {
    const extended = new AtwCalendar([
      ...ATW_DECREE_DAYS.days,
      { date: '2029-05-11', name: 'Vrijdag na Hemelvaartsdag', source: 'test decree' },
      { date: '2029-12-24', source: 'test decree without a name' },
    ]);
    expect(extended.isNonWorkingDay(d('2029-05-11'))).toBe(true);
    expect(extended.holidayName(d('2029-05-11'))).toBe('Vrijdag na Hemelvaartsdag');
    expect(extended.holidayName(d('2029-12-24'))).toBe('Bij koninklijk besluit gelijkgestelde dag');
    expect(extended.applyAtw(d('2029-05-10'))).toBe('2029-05-14');
    expect(calendar.applyAtw(d('2029-05-10'))).toBe('2029-05-11');
  });

  it('a decree day listed twice or equal to a holiday keeps one name per source', () => {
    const twice = new AtwCalendar([
      ...ATW_DECREE_DAYS.days,
      { date: '2026-01-02', name: 'Vrijdag na Nieuwjaarsdag', source: 'db copy' },
      { date: '2026-01-01', name: 'Nieuwjaarsdag', source: 'db copy' },
    ]);
    expect(twice.holidayName(d('2026-01-02'))).toBe('Vrijdag na Nieuwjaarsdag');
    expect(twice.holidayName(d('2026-01-01'))).toBe('Nieuwjaarsdag');
  });

  it.each(['2026-02-30', '2026-1-2', '', 'tomorrow'])('rejects the invalid extra day %j', (date) => {
    expect(() => new AtwCalendar([{ date, source: 'bad row' }])).toThrow(RangeError);
  });
});

describe('applyAtw / nextWorkingDayFrom (Atw art. 1)', () => {
  it.each([
    ['2026-03-02', '2026-03-02', 'an ordinary Monday stays'],
    ['2026-11-27', '2026-11-27', 'an ordinary Friday stays'],
    ['2026-11-28', '2026-11-30', 'Saturday runs to Monday'],
    ['2026-11-29', '2026-11-30', 'Sunday runs to Monday'],
    ['2024-12-25', '2024-12-30', 'Christmas, Boxing Day, decree day 27 Dec, weekend'],
    ['2025-12-25', '2025-12-29', 'Christmas Thu, Boxing Day Fri, weekend'],
    ['2026-12-25', '2026-12-28', 'Christmas Fri, Boxing Day Sat, Sunday'],
    ['2027-12-25', '2027-12-27', 'Christmas and Boxing Day on the weekend'],
    ['2028-12-25', '2028-12-27', 'Christmas Mon, Boxing Day Tue'],
    ['2026-04-03', '2026-04-07', 'Good Friday, weekend, Easter Monday'],
    ['2026-04-04', '2026-04-07', 'Easter Saturday'],
    ['2027-03-26', '2027-03-30', 'Good Friday 2027 into Easter Monday'],
    ['2026-01-01', '2026-01-05', 'New Year Thu, decree day 2 Jan, weekend'],
    ['2026-01-02', '2026-01-05', 'decree day 2 Jan 2026'],
    ['2027-01-01', '2027-01-04', 'New Year on a Friday'],
    ['2028-01-01', '2028-01-03', 'New Year on a Saturday'],
    ['2025-04-26', '2025-04-28', "King's Day on Saturday 26 April 2025, then Sunday"],
    ['2026-04-27', '2026-04-28', "King's Day Monday 2026"],
    ['2028-04-27', '2028-05-01', "King's Day Thu, decree day, weekend"],
    ['2026-05-05', '2026-05-06', '5 May 2026 (no lustrum)'],
    ['2027-05-05', '2027-05-10', '5 May, Ascension, decree day, weekend'],
    ['2026-05-14', '2026-05-18', 'Ascension, decree day, weekend'],
    ['2025-05-29', '2025-06-02', 'Ascension 2025, decree day, weekend'],
    ['2029-05-10', '2029-05-11', 'Ascension 2029 without decree day'],
    ['2026-05-23', '2026-05-26', 'Whitsun weekend into Whit Monday'],
    ['2028-06-03', '2028-06-06', 'Whitsun weekend 2028'],
    ['2024-03-29', '2024-04-02', 'Good Friday 2024 into Easter Monday'],
    ['2029-03-30', '2029-04-03', 'Good Friday 2029 into Easter Monday'],
  ])('%s -> %s (%s)', (end, expected) => {
    expect(calendar.applyAtw(d(end))).toBe(expected);
    expect(calendar.nextWorkingDayFrom(d(end))).toBe(expected);
  });

  it('always lands on a working day on or after the input (2024-2030)', () => {
    for (let day = d('2024-01-01'); day <= '2030-12-31'; day = addDays(day, 1)) {
      const result = calendar.applyAtw(day);
      expect(result >= day).toBe(true);
      expect(calendar.isWorkingDay(result)).toBe(true);
      for (let between = day; between < result; between = addDays(between, 1)) {
        expect(calendar.isNonWorkingDay(between)).toBe(true);
      }
    }
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it.each([
    ['2026-11-27', 0, '2026-11-27'],
    ['2026-11-28', 0, '2026-11-28'],
    ['2026-11-27', 1, '2026-11-30'],
    ['2026-11-27', 5, '2026-12-04'],
    ['2026-11-28', 1, '2026-11-30'],
    ['2025-12-24', 1, '2025-12-29'],
    ['2025-12-24', 3, '2025-12-31'],
    ['2025-12-24', 4, '2026-01-05'],
    ['2026-04-02', 1, '2026-04-07'],
    ['2026-05-13', 1, '2026-05-18'],
    ['2026-04-24', 1, '2026-04-28'],
    ['2026-01-05', -1, '2025-12-31'],
    ['2026-04-07', -1, '2026-04-02'],
    ['2026-11-28', -1, '2026-11-27'],
    ['2026-11-30', -5, '2026-11-23'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(d(from), n)).toBe(expected);
  });

  it.each([
    ['2025-12-24', '2025-12-29', 1],
    ['2025-12-24', '2026-01-05', 4],
    ['2026-11-27', '2026-12-04', 5],
    ['2026-11-28', '2026-11-29', 0],
    ['2026-11-27', '2026-11-27', 0],
    ['2026-01-05', '2025-12-31', -1],
    ['2026-12-04', '2026-11-27', -5],
    ['2026-01-01', '2026-12-31', 251], // 261 weekdays in 2026 minus 10 weekday holidays and decree days
  ])('working days from %s to %s = %i', (a, b, expected) => {
    expect(calendar.workingDaysBetween(d(a), d(b))).toBe(expected);
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    for (let day = d('2025-12-15'); day <= '2026-06-15'; day = addDays(day, 3)) {
      for (let n = 0; n <= 12; n++) {
        expect(calendar.workingDaysBetween(day, calendar.addWorkingDays(day, n))).toBe(n);
        if (calendar.isWorkingDay(day)) {
          expect(calendar.workingDaysBetween(day, calendar.addWorkingDays(day, -n))).toBe(0 - n);
        }
      }
    }
  });

  it('rejects a fractional count', () => {
    expect(() => calendar.addWorkingDays(d('2026-01-05'), 1.5)).toThrow(RangeError);
  });
});
