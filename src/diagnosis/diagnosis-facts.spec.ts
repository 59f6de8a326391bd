import { AtwCalendar } from '../deadlines/atw-calendar';
import { localDate } from '../deadlines/local-date';
import { diagnosisFacts } from './diagnosis-facts';

const d = localDate;

describe('diagnosisFacts', () => {
  it('gives six weeks from the day after sending, counted from a fixed today', () => {
    expect(diagnosisFacts(d('2026-11-02'), d('2026-11-02'))).toEqual({
      objectionTermEnds: '2026-12-14',
      daysLeft: 42,
      late: false,
    });
    expect(diagnosisFacts(d('2026-11-02'), d('2026-11-20')).daysLeft).toBe(24);
  });

  it('the last day itself is still in time (0 days left); the day after is late', () => {
    expect(diagnosisFacts(d('2026-11-02'), d('2026-12-14'))).toMatchObject({ daysLeft: 0, late: false });
    expect(diagnosisFacts(d('2026-11-02'), d('2026-12-15'))).toMatchObject({ daysLeft: -1, late: true });
    expect(diagnosisFacts(d('2026-01-05'), d('2026-11-20'))).toMatchObject({
      objectionTermEnds: '2026-02-16',
      daysLeft: -277,
      late: true,
    });
  });

  it('applies the Algemene termijnenwet: a term ending on a Saturday runs to Monday', () => {
    // 2026-10-17 + 6 weeks = Saturday 2026-11-28; on Sunday the citizen still has one day.
    expect(diagnosisFacts(d('2026-10-17'), d('2026-11-29'))).toEqual({
      objectionTermEnds: '2026-11-30',
      daysLeft: 1,
      late: false,
    });
  });

  it('applies the Atw to 5 May, a holiday every year', () => {
    expect(diagnosisFacts(d('2026-03-24'), d('2026-05-05'))).toMatchObject({
      objectionTermEnds: '2026-05-06',
      daysLeft: 1,
      late: false,
    });
  });

  it('uses the calendar it is given (decree days can be added by an operator)', () => {
    // 2025-11-21 + 6 weeks = Friday 2026-01-02, a decree day in the default calendar.
    expect(diagnosisFacts(d('2025-11-21'), d('2026-01-02')).objectionTermEnds).toBe('2026-01-05');
    expect(diagnosisFacts(d('2025-11-21'), d('2026-01-02'), new AtwCalendar([]))).toEqual({
      objectionTermEnds: '2026-01-02',
      daysLeft: 0,
      late: false,
    });
  });
});
