import { ProblemError } from '../common/problems/problem.error';
import { abandonedText, afterFailure, failureText, isPermanentFailure, jobRetryDelayMs } from './job-failure';

describe('job failures', () => {
  it('backs off 10 s, 20 s, 40 s … and never waits more than 10 minutes', () => {
    expect([1, 2, 3, 4].map(jobRetryDelayMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(jobRetryDelayMs(30)).toBe(600_000);
    expect(jobRetryDelayMs(0)).toBe(10_000);
  });

  it('retries until the last attempt, then stops', () => {
    expect(afterFailure(1, 3, false)).toEqual({ retry: true, delayMs: 10_000 });
    expect(afterFailure(2, 3, false)).toEqual({ retry: true, delayMs: 20_000 });
    expect(afterFailure(3, 3, false)).toEqual({ retry: false });
    expect(afterFailure(4, 3, false)).toEqual({ retry: false });
    expect(afterFailure(1, 3, false, () => 5)).toEqual({ retry: true, delayMs: 5 });
  });

  it('does not retry a permanent failure', () => {
    expect(afterFailure(1, 3, true)).toEqual({ retry: false });
  });

  it('counts a refused request (4xx problem) as permanent, anything else as passing', () => {
    expect(isPermanentFailure(ProblemError.conflict('not-open', 'Deze zaak is al besloten.'))).toBe(true);
    expect(isPermanentFailure(ProblemError.notFound('Geen zaak.'))).toBe(true);
    expect(isPermanentFailure(new ProblemError(503, 'unavailable', 'Weg', 'Even weg.'))).toBe(false);
    expect(isPermanentFailure(new Error('connection reset'))).toBe(false);
    expect(isPermanentFailure('boom')).toBe(false);
  });

  it('keeps the Dutch detail of a problem, the message of an error, and nothing longer than 1000 characters', () => {
    expect(failureText(ProblemError.conflict('not-open', 'Deze zaak is al besloten.'))).toBe(
      'Deze zaak is al besloten.',
    );
    expect(
      failureText(
        ProblemError.invalid([{ field: 'hearing', message: 'Geef een grond uit artikel 7:3 Awb.' }]),
      ),
    ).toBe('Niet alle gegevens zijn goed ingevuld. Geef een grond uit artikel 7:3 Awb.');
    expect(failureText(new Error('connection reset'))).toBe('connection reset');
    expect(failureText({ message: 'from a worker thread' })).toBe('from a worker thread');
    expect(failureText('plain')).toBe('plain');
    const long = failureText(new Error('x'.repeat(5_000)));
    expect(long).toHaveLength(1_000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('says how often an abandoned job was started', () => {
    expect(abandonedText(4)).toContain('4 keer begonnen');
  });
});
