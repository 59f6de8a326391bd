/** Flags a handler sees on a case; computed, never typed in. */
export const CASE_FLAGS = [
  'angry',
  'distressed',
  'multi_problem',
  'repeat_objector',
  'late_filing',
  'missing_elements',
] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

export const FLAG_LABELS: Record<CaseFlag, string> = {
  angry: 'boos',
  distressed: 'in nood',
  multi_problem: 'meerdere problemen',
  repeat_objector: 'vaker bezwaar',
  late_filing: 'te laat',
  missing_elements: 'onvolledig',
};

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
