/** Flags a handler sees on a case; computed, never typed in. */
export type CaseFlag =
  'angry' | 'distressed' | 'multi_problem' | 'repeat_objector' | 'late_filing' | 'missing_elements';

export function caseFlags(objection: {
  timely: boolean;
  missingElements: string[];
  repeatObjector?: boolean;
  signals?: { sentiment: { label: string }; multiProblem: boolean } | null;
}): CaseFlag[] {
  const flags: CaseFlag[] = [];
  const sentiment = objection.signals?.sentiment.label;
  if (sentiment === 'angry' || sentiment === 'distressed') flags.push(sentiment);
  if (objection.signals?.multiProblem) flags.push('multi_problem');
  if (objection.repeatObjector) flags.push('repeat_objector');
  if (!objection.timely) flags.push('late_filing');
  if (objection.missingElements.length) flags.push('missing_elements');
  return flags;
}
