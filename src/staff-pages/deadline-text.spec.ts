import { AtwCalendar } from '../deadlines/atw-calendar';
import { LocalDate } from '../deadlines/local-date';
import { deadlineState, deadlineView, workingDaysText } from './deadline-text';

describe('workingDaysText', () => {
  it.each([
    [3, 'over 3 werkdagen'],
    [1, 'over 1 werkdag'],
    [0, 'vandaag'],
    [-1, '1 werkdag te laat'],
    [-2, '2 werkdagen te laat'],
  ])('%i → %s', (days, text) => expect(workingDaysText(days)).toBe(text));
});

describe('deadlineView', () => {
  it('writes the deadline in Dutch, with its kind and the working days left', () => {
    expect(
      deadlineView(
        { date: '2026-12-14', kind: 'decision_term', workingDaysLeft: 3 },
        { overdue: false, atRisk: true },
      ),
    ).toEqual({
      text: 'Beslistermijn eindigt 14 december 2026',
      iso: '2026-12-14',
      remaining: 'over 3 werkdagen',
      marker: { label: 'Bijna verlopen', modifier: 'at-risk' },
    });
  });

  it('marks an overdue deadline in words, and names a repair term and a penalty', () => {
    const overdue = deadlineView(
      { date: '2026-03-02', kind: 'repair_term', workingDaysLeft: -2 },
      { overdue: true, atRisk: false },
    );
    expect(overdue).toMatchObject({
      text: 'Hersteltermijn eindigt 2 maart 2026',
      remaining: '2 werkdagen te laat',
      marker: { label: 'Termijn verlopen', modifier: 'overdue' },
    });
    expect(
      deadlineView(
        { date: '2026-05-01', kind: 'penalty', workingDaysLeft: 20 },
        { overdue: false, atRisk: false },
      ),
    ).toMatchObject({ text: 'Dwangsom loopt vanaf 1 mei 2026', marker: null });
    expect(deadlineView(null, { overdue: false, atRisk: false })).toBeNull();
  });
});

describe('deadlineState', () => {
  const calendar = new AtwCalendar([]);
  // Friday 11 December 2026; the at-risk window is 3 working days: up to Wednesday 16 December.
  const today = '2026-12-11' as LocalDate;
  const state = (date: string) => deadlineState({ date, kind: 'decision_term' }, today, calendar, 3);

  it('counts working days (not weekends) and tells overdue from at risk', () => {
    expect(state('2026-12-16')).toMatchObject({ workingDaysLeft: 3, overdue: false, atRisk: true });
    expect(state('2026-12-17')).toMatchObject({ workingDaysLeft: 4, overdue: false, atRisk: false });
    expect(state('2026-12-11')).toMatchObject({ workingDaysLeft: 0, overdue: false, atRisk: true });
    expect(state('2026-12-10')).toMatchObject({ workingDaysLeft: -1, overdue: true, atRisk: false });
    expect(deadlineState(null, today, calendar, 3)).toBeNull();
  });
});
