import { caseFlags } from './case-flags';

describe('caseFlags', () => {
  const quiet = {
    timely: true,
    missingElements: [],
    signals: { sentiment: { label: 'neutral' }, multiProblem: false },
  };

  it('raises nothing for a calm, timely, complete objection', () => {
    expect(caseFlags(quiet)).toEqual([]);
  });

  it('shows who is angry or distressed, who has trouble on several fronts, lateness and gaps', () => {
    expect(
      caseFlags({
        timely: false,
        missingElements: ['address'],
        repeatObjector: true,
        signals: { sentiment: { label: 'distressed' }, multiProblem: true },
      }),
    ).toEqual(['distressed', 'multi_problem', 'repeat_objector', 'late_filing', 'missing_elements']);
    expect(caseFlags({ ...quiet, signals: { sentiment: { label: 'angry' }, multiProblem: false } })).toEqual([
      'angry',
    ]);
  });

  it('copes with a case filed before signals were computed', () => {
    expect(caseFlags({ timely: true, missingElements: [], signals: null })).toEqual([]);
  });
});
