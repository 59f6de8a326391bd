import { derivedColumns } from './case-derived';

const open = {
  status: 'received' as const,
  timely: true,
  missingElements: [],
  repeatObjector: false,
  signals: { sentiment: { label: 'angry' }, multiProblem: true },
  decisionTermEnds: '2027-01-14',
  repairTermEnds: '2026-12-10',
};

describe('derivedColumns', () => {
  it('stores the flags and the nearest deadline of an open case', () => {
    expect(derivedColumns(open)).toEqual({
      flags: ['angry', 'multi_problem'],
      nextDeadline: '2026-12-10',
      nextDeadlineKind: 'repair_term',
    });
  });

  it('has no running deadline once the case is closed', () => {
    expect(derivedColumns({ ...open, status: 'withdrawn' })).toMatchObject({
      nextDeadline: null,
      nextDeadlineKind: null,
    });
  });
});
