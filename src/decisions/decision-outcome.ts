/** What a decision on an objection (beslissing op bezwaar) can say; a withdrawal ends a case without one. */
export const DECISION_OUTCOMES = ['inadmissible', 'unfounded', 'founded', 'partially_founded'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** As the letter and the citizen's page say it. */
export const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  inadmissible: 'niet-ontvankelijk',
  unfounded: 'ongegrond',
  founded: 'gegrond',
  partially_founded: 'gedeeltelijk gegrond',
};
