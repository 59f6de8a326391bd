import { defaultAtwCalendar as calendar } from '../deadlines/atw-calendar';
import { localDate as d } from '../deadlines/local-date';
import { hearingDates, repairTermEndsAfterDays } from './procedure-dates';

describe('repairTermEndsAfterDays (6:6)', () => {
  it.each([
    ['2027-03-01', 14, '2027-03-15'],
    ['2027-03-01', 7, '2027-03-08'],
    ['2027-03-01', 10, '2027-03-11'],
    // 29 March 2027 is Easter Monday.
    ['2027-03-01', 28, '2027-03-30'],
    // Ends on Good Friday: runs on past Easter to Tuesday.
    ['2027-03-12', 14, '2027-03-30'],
    // Ends on a Saturday: Monday.
    ['2027-03-01', 12, '2027-03-15'],
  ])('sent %s, %i days: %s', (sent, days, end) => {
    expect(repairTermEndsAfterDays(calendar, d(sent), days)).toBe(end);
  });

  it('refuses a term shorter than a week', () => {
    expect(() => repairTermEndsAfterDays(calendar, d('2027-03-01'), 6)).toThrow(RangeError);
  });
});

describe('hearingDates (7:4)', () => {
  it('gives documents until ten days and the open file from seven days before the hearing, in Dutch time', () => {
    expect(hearingDates(new Date('2027-01-14T10:00:00+01:00'))).toEqual({
      hearingDate: '2027-01-14',
      hearingTime: '10:00',
      documentsUntil: '2027-01-04',
      fileOpenFrom: '2027-01-07',
    });
  });

  it('takes the day and time in Amsterdam, summer time included, and does not apply the Atw backwards', () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam; 21 June 2027 is a Monday, 24 June a Thursday.
    expect(hearingDates(new Date('2027-06-30T22:30:00Z'))).toEqual({
      hearingDate: '2027-07-01',
      hearingTime: '00:30',
      documentsUntil: '2027-06-21',
      fileOpenFrom: '2027-06-24',
    });
    // Ten days before 15 May 2027 is 5 May (Liberation Day): it stays.
    expect(hearingDates(new Date('2027-05-15T09:00:00+02:00')).documentsUntil).toBe('2027-05-05');
  });
});
