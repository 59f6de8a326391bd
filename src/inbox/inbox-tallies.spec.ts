import type { LocalDate } from '../deadlines/local-date';
import { countsFromTallies, foldStatement, Tally, TallyDay } from './inbox-tallies';

const VIEWER = '22222222-2222-4222-8222-222222222222';
const day: TallyDay = {
  today: '2026-03-02' as LocalDate,
  atRiskUntil: '2026-03-09' as LocalDate,
  lateIfReceivedBefore: '2026-02-23' as LocalDate,
  viewerUserId: VIEWER,
};

describe('countsFromTallies', () => {
  it('counts every status, unknown ones ignored, and sums appended differences', () => {
    const tallies: Tally[] = [
      { measure: 'status', value: 'received', n: 3 },
      { measure: 'status', value: 'received', n: -1 },
      { measure: 'status', value: 'closed', n: 4 },
      { measure: 'status', value: 'archived', n: 9 },
    ];
    const { byStatus } = countsFromTallies(tallies, day);
    expect(byStatus).toEqual({
      received: 2,
      informal_contact: 0,
      formal_procedure: 0,
      decided: 0,
      withdrawn: 0,
      closed: 4,
    });
  });

  it('splits deadlines at today and at the end of the at-risk days, both inclusive for at risk', () => {
    const deadlines = ['2026-02-27', '2026-03-01', '2026-03-02', '2026-03-09', '2026-03-10'];
    const counts = countsFromTallies(
      deadlines.map((value) => ({ measure: 'deadline', value, n: 1 })),
      day,
    );
    expect(counts.overdue).toBe(2);
    expect(counts.atRisk).toBe(2);
  });

  it("counts the viewer's cases, the unassigned, and contact late only before the boundary day", () => {
    const counts = countsFromTallies(
      [
        { measure: 'assignee', value: VIEWER, n: 2 },
        { measure: 'assignee', value: '33333333-3333-4333-8333-333333333333', n: 5 },
        { measure: 'assignee', value: '', n: 7 },
        { measure: 'awaiting_contact', value: '2026-02-22', n: 1 },
        { measure: 'awaiting_contact', value: '2026-02-23', n: 6 },
      ],
      day,
    );
    expect(counts).toMatchObject({ mine: 2, unassigned: 7, noContact: 1 });
  });
});

describe('foldStatement', () => {
  it('replaces the tenant rows by their sums in one statement, dropping keys that net to zero', () => {
    const { text, params } = foldStatement('t-1');
    expect(text).toMatch(/^WITH gone AS \(DELETE FROM inbox_tallies WHERE tenant_id = \$1::uuid/);
    expect(text).toContain('HAVING sum(n) <> 0');
    expect(params).toEqual(['t-1']);
  });
});
