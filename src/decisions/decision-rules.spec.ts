import { ProblemError } from '../common/problems/problem.error';
import { AtwCalendar } from '../deadlines/atw-calendar';
import { ATW_DECREE_DAYS } from '../deadlines/atw-decree-days';
import { LocalDate } from '../deadlines/local-date';
import { costsDecision, DecisionRequest, HearingFacts, resolveDecision } from './decision-rules';

const calendar = new AtwCalendar(ATW_DECREE_DAYS.days);
const rates = { pointValueCents: 64_700, objectionPoints: 1, hearingPoints: 1 };
const today = '2026-11-13' as LocalDate; // a Friday
const context = { today, calendar, rates };
const noHearing: HearingFacts = { hearing: null, wantsHearing: true };

function problem(run: () => unknown): ProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

const fields = (run: () => unknown) => problem(run).errors?.map((e) => e.field);

describe('resolveDecision: the hearing or its 7:3 ground', () => {
  const resolve = (request: DecisionRequest, facts: HearingFacts = noHearing) =>
    resolveDecision(request, facts, context).hearing;

  it('takes what the handler says', () => {
    expect(resolve({ outcome: 'unfounded', hearing: { held: true } })).toBe('held');
    expect(resolve({ outcome: 'unfounded', hearing: { ground: 'clearly_unfounded' } })).toBe(
      'clearly_unfounded',
    );
    expect(resolve({ outcome: 'partially_founded', hearing: { ground: 'no_response' } })).toBe('no_response');
  });

  it('defaults to what the case records: a hearing held, then a recorded ground', () => {
    const held: HearingFacts = { hearing: { heldAt: '2026-11-02T10:00:00Z' }, wantsHearing: true };
    expect(resolve({ outcome: 'partially_founded' }, held)).toBe('held');
    const waived: HearingFacts = { hearing: { waiverGround: 'waived_by_objector' }, wantsHearing: true };
    expect(resolve({ outcome: 'unfounded' }, waived)).toBe('waived_by_objector');
  });

  it('then to the ground that follows from the outcome or from an objector who did not want a hearing', () => {
    expect(resolve({ outcome: 'inadmissible' })).toBe('clearly_inadmissible');
    expect(resolve({ outcome: 'founded' })).toBe('fully_granted');
    expect(resolve({ outcome: 'unfounded' }, { hearing: null, wantsHearing: false })).toBe(
      'waived_by_objector',
    );
  });

  it('refuses a decision with neither a hearing nor a ground, naming the grounds that fit', () => {
    const refused = problem(() => resolve({ outcome: 'unfounded' }));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].field).toBe('hearing');
    expect(refused.errors?.[0].message).toMatch(/7:3/);
    expect(refused.errors?.[0].message).toContain('clearly_unfounded');
    // Not telling is not waiving.
    expect(
      fields(() => resolve({ outcome: 'partially_founded' }, { hearing: null, wantsHearing: null })),
    ).toEqual(['hearing']);
  });

  it('refuses a ground that does not fit the outcome, given or recorded, and both at once', () => {
    expect(fields(() => resolve({ outcome: 'unfounded', hearing: { ground: 'fully_granted' } }))).toEqual([
      'hearing.ground',
    ]);
    expect(fields(() => resolve({ outcome: 'founded', hearing: { ground: 'clearly_unfounded' } }))).toEqual([
      'hearing.ground',
    ]);
    const recorded: HearingFacts = { hearing: { waiverGround: 'clearly_unfounded' }, wantsHearing: true };
    expect(fields(() => resolve({ outcome: 'partially_founded' }, recorded))).toEqual(['hearing']);
    expect(
      fields(() => resolve({ outcome: 'unfounded', hearing: { held: true, ground: 'clearly_unfounded' } })),
    ).toEqual(['hearing']);
  });
});

describe('resolveDecision: costs (7:15)', () => {
  const costs = (request: DecisionRequest) =>
    resolveDecision({ hearing: { held: true }, ...request }, noHearing, context).costs;

  it('reimburses the flat rate when asked for and the decision is (partly) revoked', () => {
    // One point for the objection and one for the hearing.
    expect(costs({ outcome: 'partially_founded', costs: { requested: true } })).toEqual({
      requested: true,
      reimbursed: true,
      cents: 129_400,
    });
    expect(costs({ outcome: 'founded', costs: { requested: true, reimbursed: true } }).cents).toBe(129_400);
  });

  it('counts no hearing point when nobody was heard', () => {
    expect(
      costsDecision({ outcome: 'founded', costs: { requested: true } }, 'fully_granted', rates).cents,
    ).toBe(64_700);
  });

  it('reimburses nothing when not asked for, when the decision stands, or when the body was not to blame', () => {
    expect(costs({ outcome: 'founded' })).toEqual({ requested: false, reimbursed: false, cents: 0 });
    expect(costs({ outcome: 'unfounded', costs: { requested: true } })).toEqual({
      requested: true,
      reimbursed: false,
      cents: 0,
    });
    expect(costs({ outcome: 'partially_founded', costs: { requested: true, reimbursed: false } }).cents).toBe(
      0,
    );
  });

  it('refuses to reimburse what was not asked for, or with a decision that stands', () => {
    expect(
      fields(() => costs({ outcome: 'founded', costs: { requested: false, reimbursed: true } })),
    ).toEqual(['costs.reimbursed']);
    expect(
      fields(() => costs({ outcome: 'unfounded', costs: { requested: true, reimbursed: true } })),
    ).toEqual(['costs.reimbursed']);
  });
});

describe('resolveDecision: replacement and the date of sending', () => {
  const resolve = (request: Partial<DecisionRequest>) =>
    resolveDecision({ outcome: 'founded', ...request }, noHearing, context);

  it('replaces only a revoked decision', () => {
    expect(() => resolve({ revokedAndReplaced: 'Nieuw besluit' })).not.toThrow();
    expect(fields(() => resolve({ outcome: 'inadmissible', revokedAndReplaced: 'Nieuw besluit' }))).toEqual([
      'revokedAndReplaced',
    ]);
  });

  it('dates the letter today by default and counts the appeal term from the day after, Atw applied', () => {
    // 13 November + 6 weeks = Friday 25 December (Christmas); 26 and 27 are a Saturday and a Sunday.
    expect(resolve({})).toMatchObject({ sendOn: today, appealTermEnds: '2026-12-28' });
    expect(resolve({ sendOn: '2026-11-16' })).toMatchObject({
      sendOn: '2026-11-16',
      appealTermEnds: '2026-12-28',
    });
    expect(resolve({ sendOn: '2026-11-17' }).appealTermEnds).toBe('2026-12-29');
  });

  it('refuses a date in the past or far ahead', () => {
    expect(fields(() => resolve({ sendOn: '2026-11-12' }))).toEqual(['sendOn']);
    expect(fields(() => resolve({ sendOn: '2026-12-12' }))).toEqual(['sendOn']);
    expect(() => resolve({ sendOn: '2026-12-11' })).not.toThrow();
  });

  it('names every wrong field at once', () => {
    expect(
      fields(() =>
        resolveDecision(
          {
            outcome: 'unfounded',
            revokedAndReplaced: 'x',
            sendOn: '2026-01-01',
            costs: { requested: false, reimbursed: true },
          },
          noHearing,
          context,
        ),
      ),
    ).toEqual(['hearing', 'costs.reimbursed', 'revokedAndReplaced', 'sendOn']);
  });
});
