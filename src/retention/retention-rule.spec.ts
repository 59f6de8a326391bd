import { localDate } from '../deadlines/local-date';
import { ClosedCase, isDue, retentionClassOf, retentionTerm } from './retention-rule';

const closed = (overrides: Partial<ClosedCase> = {}): ClosedCase => ({
  status: 'decided',
  outcome: 'unfounded',
  costsCents: null,
  retentionClass: 'default',
  closedOn: localDate('2020-03-15'),
  ...overrides,
});

describe('retentionTerm (Selectielijst 2020, process 13, from closing)', () => {
  it.each([
    ['unfounded, default regulation', {}, 5, 'default', '2025-03-15'],
    ['founded, default regulation', { outcome: 'founded' }, 5, 'default', '2025-03-15'],
    ['closed without a decision', { status: 'closed', outcome: null }, 5, 'default', '2025-03-15'],
    ['inadmissible', { outcome: 'inadmissible' }, 1, 'inadmissible', '2021-03-15'],
    ['withdrawn', { status: 'withdrawn', outcome: null }, 1, 'withdrawn', '2021-03-15'],
    ['financial regulation', { retentionClass: 'financial' }, 7, 'financial', '2027-03-15'],
    ['costs reimbursed (7:15)', { outcome: 'founded', costsCents: 64_700 }, 7, 'financial', '2027-03-15'],
    ['no costs reimbursed', { outcome: 'founded', costsCents: 0 }, 5, 'default', '2025-03-15'],
    ['WOZ', { retentionClass: 'woz' }, 12, 'woz', '2032-03-15'],
    ['WOZ with costs reimbursed', { retentionClass: 'woz', costsCents: 100 }, 12, 'woz', '2032-03-15'],
    ['WOZ inadmissible', { retentionClass: 'woz', outcome: 'inadmissible' }, 1, 'inadmissible', '2021-03-15'],
    [
      'WOZ withdrawn',
      { retentionClass: 'woz', status: 'withdrawn', outcome: null },
      1,
      'withdrawn',
      '2021-03-15',
    ],
    [
      'financial withdrawn',
      { retentionClass: 'financial', status: 'withdrawn' },
      1,
      'withdrawn',
      '2021-03-15',
    ],
  ] as const)('%s: %j → %i years (%s) until %s', (_label, overrides, years, basis, until) => {
    expect(retentionTerm(closed(overrides))).toEqual({ years, basis, destroyAfter: until });
  });

  it('counts whole years from a leap day as PostgreSQL does (28 February)', () => {
    expect(retentionTerm(closed({ closedOn: localDate('2024-02-29') })).destroyAfter).toBe('2029-02-28');
    expect(
      retentionTerm(closed({ closedOn: localDate('2024-02-29'), retentionClass: 'woz' })).destroyAfter,
    ).toBe('2036-02-29');
  });
});

describe('isDue', () => {
  it('keeps a case through its last day and releases it the day after', () => {
    expect(isDue(localDate('2025-03-15'), localDate('2025-03-14'))).toBe(false);
    expect(isDue(localDate('2025-03-15'), localDate('2025-03-15'))).toBe(false);
    expect(isDue(localDate('2025-03-15'), localDate('2025-03-16'))).toBe(true);
  });
});

describe('retentionClassOf', () => {
  it('takes a configured class over anything derived', () => {
    expect(retentionClassOf({ code: 'woz', retention: 'default' })).toBe('default');
    expect(retentionClassOf({ code: 'participatiewet', retention: 'financial' })).toBe('financial');
  });

  it('derives WOZ from the code or the law, municipal taxes as financial, else default', () => {
    expect(retentionClassOf({ code: 'woz', law: 'x', appealRoute: 'tax' })).toBe('woz');
    expect(retentionClassOf({ code: 'ozb', law: 'Wet waardering onroerende zaken (Wet WOZ)' })).toBe('woz');
    expect(retentionClassOf({ code: 'parkeerbelasting', law: 'Gemeentewet', appealRoute: 'tax' })).toBe(
      'financial',
    );
    expect(retentionClassOf({ code: 'wmo', law: 'Wmo 2015', appealRoute: 'social' })).toBe('default');
  });
});
