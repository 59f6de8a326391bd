/** One invalid field: `field` is the dotted path in the request (e.g. `objector.address.postalCode`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failure the caller can act on, mapped to RFC 9457 problem+json by the global filter.
 * Framework-free so that domain code can throw it.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }

  static notFound(detail: string): ProblemError {
    return new ProblemError(404, 'not-found', 'Niet gevonden', detail);
  }

  static forbidden(detail = 'U heeft geen toegang tot deze gegevens.'): ProblemError {
    return new ProblemError(403, 'forbidden', 'Geen toegang', detail);
  }

  static invalid(errors: FieldError[], detail = 'Niet alle gegevens zijn goed ingevuld.'): ProblemError {
    return new ProblemError(400, 'validation', 'Ongeldige invoer', detail, errors);
  }

  static conflict(code: string, detail: string): ProblemError {
    return new ProblemError(409, code, 'Conflict', detail);
  }
}
