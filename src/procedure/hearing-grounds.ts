import type { DecisionOutcome } from '../decisions/decision-outcome';

/** The grounds on which an objector need not be heard (Awb 7:3, a–e); without one a hearing is required (7:2). */
export const HEARING_WAIVER_GROUNDS = [
  'clearly_inadmissible',
  'clearly_unfounded',
  'waived_by_objector',
  'no_response',
  'fully_granted',
] as const;
export type HearingWaiverGround = (typeof HEARING_WAIVER_GROUNDS)[number];

/** What the decision says about the hearing: it was held, or the 7:3 ground for not holding it. */
export type HearingBasis = 'held' | HearingWaiverGround;

export function isHearingWaiverGround(value: unknown): value is HearingWaiverGround {
  return typeof value === 'string' && (HEARING_WAIVER_GROUNDS as readonly string[]).includes(value);
}

/** As a handler reads them. */
export const HEARING_GROUND_LABELS: Record<HearingWaiverGround, string> = {
  clearly_inadmissible: 'kennelijk niet-ontvankelijk (7:3 onder a)',
  clearly_unfounded: 'kennelijk ongegrond (7:3 onder b)',
  waived_by_objector: 'indiener wil niet gehoord worden (7:3 onder c)',
  no_response: 'indiener reageerde niet op tijd (7:3 onder d)',
  fully_granted: 'bezwaar volledig toegewezen (7:3 onder e)',
};

/**
 * The outcomes a ground can go with: an objection is only "clearly" inadmissible or unfounded when it is
 * declared so, and only a founded objection is fully granted. Waiver and silence fit any outcome.
 */
export const GROUND_FITS: Record<HearingWaiverGround, readonly DecisionOutcome[]> = {
  clearly_inadmissible: ['inadmissible'],
  clearly_unfounded: ['unfounded'],
  waived_by_objector: ['inadmissible', 'unfounded', 'founded', 'partially_founded'],
  no_response: ['inadmissible', 'unfounded', 'founded', 'partially_founded'],
  fully_granted: ['founded'],
};

/** The sentence in the decision letter (7:12 asks the letter to name the ground when no hearing was held). */
export function hearingSentence(basis: HearingBasis, heldOn: string | null): string {
  switch (basis) {
    case 'held':
      return (
        `${heldOn ? `Op ${heldOn} hebben wij` : 'Wij hebben'} u gehoord tijdens een hoorzitting ` +
        '(artikel 7:2 Algemene wet bestuursrecht). Wat daar naar voren is gebracht, hebben wij bij deze beslissing betrokken.'
      );
    case 'clearly_inadmissible':
      return 'Wij hebben u niet gehoord, omdat het bezwaar kennelijk niet-ontvankelijk is (artikel 7:3, onder a, Algemene wet bestuursrecht).';
    case 'clearly_unfounded':
      return 'Wij hebben u niet gehoord, omdat het bezwaar kennelijk ongegrond is (artikel 7:3, onder b, Algemene wet bestuursrecht).';
    case 'waived_by_objector':
      return 'Wij hebben u niet gehoord, omdat u heeft laten weten dat u niet gehoord wilt worden (artikel 7:3, onder c, Algemene wet bestuursrecht).';
    case 'no_response':
      return 'Wij hebben u niet gehoord, omdat u niet binnen de termijn die wij u gaven heeft laten weten dat u gehoord wilt worden (artikel 7:3, onder d, Algemene wet bestuursrecht).';
    case 'fully_granted':
      return 'Wij hebben u niet gehoord, omdat wij het bezwaar volledig toewijzen en niemand anders daardoor in zijn belangen kan worden geschaad (artikel 7:3, onder e, Algemene wet bestuursrecht).';
  }
}
