import { nextDeadline } from './next-deadline';

describe('nextDeadline', () => {
  it('is the decision term when nothing else runs', () => {
    expect(nextDeadline({ decisionTermEnds: '2027-01-14' })).toEqual({
      date: '2027-01-14',
      kind: 'decision_term',
    });
  });

  it('is the repair term when that ends first', () => {
    expect(nextDeadline({ decisionTermEnds: '2027-01-14', repairTermEnds: '2026-12-10' })).toEqual({
      date: '2026-12-10',
      kind: 'repair_term',
    });
  });

  it('names the penalty on a tie, because that one costs money', () => {
    expect(
      nextDeadline({
        decisionTermEnds: '2027-01-14',
        repairTermEnds: '2027-02-01',
        penaltyStartsOn: '2027-01-14',
      }),
    ).toEqual({ date: '2027-01-14', kind: 'penalty' });
  });

  it('is null when no deadline runs', () => {
    expect(nextDeadline({ decisionTermEnds: null, repairTermEnds: null })).toBeNull();
  });
});
