import { formatDutchDate } from '../deadlines/dutch-dates';
import type { DiagnosisFacts } from './diagnosis-facts';

/** `{{name}}` in an outcome text; tenant config, not a Handlebars template, so a plain replace does. */
export const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** The placeholders an outcome text may use; each needs the decision date to be known. */
export const OUTCOME_PLACEHOLDERS = ['objectionTermEnds', 'daysLeft'] as const;

/**
 * Fills `{{objectionTermEnds}}` (a written-out date) and `{{daysLeft}}` ("1 dag", "12 dagen"; the noun is part of
 * it so that the text reads well for one day too). Without facts, or for an unknown name, the placeholder
 * stays: the tree validator makes sure that does not happen with a valid tree.
 */
export function fillOutcomeText(text: string, facts: DiagnosisFacts | undefined): string {
  if (!facts) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'objectionTermEnds') return formatDutchDate(facts.objectionTermEnds);
    if (name === 'daysLeft') {
      const days = Math.max(0, facts.daysLeft);
      return `${days} ${days === 1 ? 'dag' : 'dagen'}`;
    }
    return whole;
  });
}
