/** An answer the citizen can correct; the service reports it as field `answers.<questionId>`. */
export class DiagnosisAnswerError extends Error {
  override name = 'DiagnosisAnswerError';

  constructor(
    readonly questionId: string,
    /** Dutch, for the citizen. */
    readonly dutchMessage: string,
  ) {
    super(`answer to ${questionId}: ${dutchMessage}`);
  }
}
