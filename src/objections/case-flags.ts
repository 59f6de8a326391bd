/** Flags a handler sees on a case; computed, never typed in. More signals (sentiment, life domains) join later. */
export type CaseFlag = 'late_filing' | 'missing_elements';

export function caseFlags(objection: { timely: boolean; missingElements: string[] }): CaseFlag[] {
  const flags: CaseFlag[] = [];
  if (!objection.timely) flags.push('late_filing');
  if (objection.missingElements.length) flags.push('missing_elements');
  return flags;
}
