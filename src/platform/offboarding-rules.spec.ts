import { EXPORT_MAX_AGE_MS, offboardingProblem } from './offboarding-rules';

const NOW = new Date('2026-11-29T12:00:00Z');
const recent = new Date(NOW.getTime() - 5 * 60 * 1000);

describe('offboardingProblem', () => {
  it('allows it with the slug typed and an export from within the hour', () => {
    expect(
      offboardingProblem({ slug: 'zeestad', confirmation: ' zeestad ', exportedAt: recent, now: NOW }),
    ).toBeNull();
  });

  it.each([undefined, '', 'Zeestad', 'zeestad2', 42])(
    'asks for the slug as confirmation, not %p',
    (confirmation) => {
      const problem = offboardingProblem({ slug: 'zeestad', confirmation, exportedAt: recent, now: NOW });
      expect(problem).toMatchObject({ status: 400, errors: [{ field: 'confirm' }] });
      expect(problem?.errors?.[0].message).toContain('"zeestad"');
    },
  );

  it('asks for an export first, when there was none or it is older than an hour', () => {
    for (const exportedAt of [null, new Date(NOW.getTime() - EXPORT_MAX_AGE_MS - 1)]) {
      expect(
        offboardingProblem({ slug: 'zeestad', confirmation: 'zeestad', exportedAt, now: NOW }),
      ).toMatchObject({
        status: 409,
        code: 'export-required',
      });
    }
  });
});
