import { ProblemError } from '../common/problems/problem.error';

/** How recent the data export must be when a municipality is offboarded. */
export const EXPORT_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Why a municipality cannot be offboarded now, or null when it can: the operator typed its slug to confirm, and
 * downloaded its data export within the last hour.
 */
export function offboardingProblem(facts: {
  slug: string;
  confirmation: unknown;
  exportedAt: Date | null;
  now: Date;
}): ProblemError | null {
  const typed = typeof facts.confirmation === 'string' ? facts.confirmation.trim() : '';
  if (typed !== facts.slug) {
    return ProblemError.invalid(
      [
        {
          field: 'confirm',
          message: `Typ de korte naam "${facts.slug}" over om te bevestigen dat deze gemeente van het platform gaat.`,
        },
      ],
      'De gemeente is niet van het platform gehaald: de bevestiging ontbreekt.',
    );
  }
  const age = facts.exportedAt ? facts.now.getTime() - facts.exportedAt.getTime() : Infinity;
  if (age > EXPORT_MAX_AGE_MS) {
    return ProblemError.conflict(
      'export-required',
      'Download eerst de export van alle gegevens van deze gemeente. Dat moet binnen het uur vóór het van het platform halen; zo heeft de gemeente haar gegevens in handen.',
    );
  }
  return null;
}
