import { defaultAtwCalendar } from './atw-calendar';
import { isTimelyByPost, isTimelyElectronic, objectionTermEnds } from './legal-terms';
import { localDate } from './local-date';

const d = localDate;

describe('isTimelyElectronic (6:9 lid 1, 2:17)', () => {
  it.each([
    // Winter time (CET, UTC+1): the last day ends at 23:00 UTC.
    ['2026-01-15T22:59:59.999Z', '2026-01-15', true],
    ['2026-01-15T23:00:00.000Z', '2026-01-15', false],
    ['2026-01-14T23:00:00.000Z', '2026-01-15', true], // 00:00 Amsterdam on the last day
    // Summer time (CEST, UTC+2): the last day ends at 22:00 UTC.
    ['2026-07-15T21:59:59Z', '2026-07-15', true],
    ['2026-07-15T22:00:00Z', '2026-07-15', false],
    // Friday before the March switch is still CET.
    ['2026-03-27T22:59:59Z', '2026-03-27', true],
    ['2026-03-27T23:00:00Z', '2026-03-27', false],
    // Sunday 29 March 2026, the switch day itself (23 hours), ends at 22:00 UTC.
    ['2026-03-29T21:59:59Z', '2026-03-29', true],
    ['2026-03-29T22:00:00Z', '2026-03-29', false],
    // Monday after the switch is CEST: 22:30 UTC is already 00:30 the next day (a CET assumption would say timely).
    ['2026-03-30T21:59:59Z', '2026-03-30', true],
    ['2026-03-30T22:00:00Z', '2026-03-30', false],
    ['2026-03-30T22:30:00Z', '2026-03-30', false],
    // Friday before the October switch is still CEST.
    ['2026-10-23T21:59:59Z', '2026-10-23', true],
    ['2026-10-23T22:00:00Z', '2026-10-23', false],
    // Sunday 25 October 2026, the switch day itself (25 hours), ends at 23:00 UTC.
    ['2026-10-25T22:00:00Z', '2026-10-25', true],
    ['2026-10-25T22:59:59Z', '2026-10-25', true],
    ['2026-10-25T23:00:00Z', '2026-10-25', false],
    // Monday after the switch is CET: 22:30 UTC is 23:30 the same day (a CEST assumption would say late).
    ['2026-10-26T22:30:00Z', '2026-10-26', true],
    ['2026-10-26T22:59:59Z', '2026-10-26', true],
    ['2026-10-26T23:00:00Z', '2026-10-26', false],
    // 2027 switches: 28 March and 31 October.
    ['2027-03-29T21:59:59Z', '2027-03-29', true],
    ['2027-03-29T22:00:00Z', '2027-03-29', false],
    ['2027-11-01T22:59:59Z', '2027-11-01', true],
    ['2027-11-01T23:00:00Z', '2027-11-01', false],
    // Year end and leap day.
    ['2026-12-31T22:59:59Z', '2026-12-31', true],
    ['2026-12-31T23:00:00Z', '2026-12-31', false],
    ['2028-02-29T22:59:59Z', '2028-02-29', true],
    ['2028-02-29T23:00:00Z', '2028-02-29', false],
    // Well before the end.
    ['2026-01-01T00:00:00Z', '2026-03-02', true],
  ])('received %s with term ending %s: timely %s', (instant, termEnds, expected) => {
    expect(isTimelyElectronic(new Date(instant), d(termEnds))).toBe(expected);
  });

  it('end to end: decision sent 2026-02-16, term ends Monday 2026-03-30 (CEST)', () => {
    const termEnds = objectionTermEnds(defaultAtwCalendar, d('2026-02-16'));
    expect(termEnds).toBe('2026-03-30');
    expect(isTimelyElectronic(new Date('2026-03-30T23:59:59+02:00'), termEnds)).toBe(true);
    expect(isTimelyElectronic(new Date('2026-03-31T00:00:00+02:00'), termEnds)).toBe(false);
  });

  it('end to end: term extended by Christmas, filing on Monday 2026-12-28 (CET)', () => {
    const termEnds = objectionTermEnds(defaultAtwCalendar, d('2026-11-13'));
    expect(termEnds).toBe('2026-12-28');
    expect(isTimelyElectronic(new Date('2026-12-25T12:00:00+01:00'), termEnds)).toBe(true);
    expect(isTimelyElectronic(new Date('2026-12-28T23:59:59+01:00'), termEnds)).toBe(true);
    expect(isTimelyElectronic(new Date('2026-12-29T00:00:00+01:00'), termEnds)).toBe(false);
  });
});

describe('isTimelyByPost (6:9)', () => {
  it.each([
    [null, '2026-03-02', true, 'received on the last day, postmark unknown'],
    ['2026-02-27', '2026-03-02', true, 'received within the term'],
    ['2026-03-02', '2026-03-09', true, 'posted on the last day, received a week later'],
    ['2026-02-20', '2026-03-09', true, 'posted early, received on the last day of the week'],
    ['2026-03-02', '2026-03-10', false, 'received eight days after the term'],
    ['2026-02-20', '2026-03-10', false, 'posted early but received too late'],
    ['2026-03-03', '2026-03-04', false, 'posted after the term'],
    [null, '2026-03-03', false, 'received after the term, postmark unknown'],
  ])('postmark %s, received %s, term ends 2026-03-02: %s (%s)', (postmark, received, expected, _reason) => {
    expect(isTimelyByPost(postmark === null ? null : d(postmark), d(received), d('2026-03-02'))).toBe(
      expected,
    );
  });

  it('counts the receipt week across 29 February', () => {
    expect(isTimelyByPost(d('2028-02-29'), d('2028-03-07'), d('2028-02-29'))).toBe(true);
    expect(isTimelyByPost(d('2028-02-29'), d('2028-03-08'), d('2028-02-29'))).toBe(false);
  });

  it('counts the receipt week across the year end', () => {
    expect(isTimelyByPost(d('2026-12-28'), d('2027-01-04'), d('2026-12-28'))).toBe(true);
    expect(isTimelyByPost(d('2026-12-28'), d('2027-01-05'), d('2026-12-28'))).toBe(false);
  });

  it('does not extend the receipt week by the Atw unless configured (unsettled)', () => {
    // Term ends Tuesday 2026-04-28; the week ends on 5 May 2026.
    expect(isTimelyByPost(d('2026-04-28'), d('2026-05-06'), d('2026-04-28'))).toBe(false);
    expect(
      isTimelyByPost(d('2026-04-28'), d('2026-05-06'), d('2026-04-28'), {
        receiptWeekCalendar: defaultAtwCalendar,
      }),
    ).toBe(true);
    expect(
      isTimelyByPost(d('2026-04-28'), d('2026-05-07'), d('2026-04-28'), {
        receiptWeekCalendar: defaultAtwCalendar,
      }),
    ).toBe(false);
  });
});
