import { ProblemError } from '../common/problems/problem.error';

/** What happens to a job after a failed attempt: another try after a delay, or the end. */
export type AfterFailure = { retry: true; delayMs: number } | { retry: false };

const MAX_ERROR_LENGTH = 1_000;

/** Retry after 10 s, 20 s, 40 s … at most 10 minutes apart. */
export function jobRetryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

/**
 * A permanent failure is not retried: the next attempt would meet the same answer. Otherwise another attempt
 * follows until `maxAttempts` attempts were made.
 */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  permanent: boolean,
  retryDelayMs: (attempts: number) => number = jobRetryDelayMs,
): AfterFailure {
  if (permanent || attempts >= maxAttempts) return { retry: false };
  return { retry: true, delayMs: retryDelayMs(attempts) };
}

/**
 * The work itself was refused (a 4xx problem: the case is already decided, a value is invalid), as opposed
 * to the circumstances (a database or mail server away, a bug), which a later attempt may not meet.
 */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof ProblemError && error.status < 500;
}

/**
 * The text kept with a failed job and shown to staff: a problem's Dutch detail with what it says of each
 * field, else the error's message.
 */
export function failureText(error: unknown): string {
  const text =
    error instanceof ProblemError
      ? [error.detail, ...(error.errors ?? []).map((e) => e.message)].join(' ')
      : // Not `instanceof Error`: errors from other realms (workers, sockets) fail that test.
        String((error as { message?: unknown })?.message ?? error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** For a job whose every attempt was cut short (its worker stopped mid-run each time). */
export function abandonedText(attempts: number): string {
  return `Dit werk is ${attempts} keer begonnen maar nooit afgemaakt (bijvoorbeeld doordat een server stopte) en wordt niet opnieuw geprobeerd.`;
}
