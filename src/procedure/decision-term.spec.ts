import { defaultAtwCalendar as calendar } from '../deadlines/atw-calendar';
import { decisionTermEnds } from '../deadlines/legal-terms';
import { localDate as d } from '../deadlines/local-date';
import {
  casePenaltyExposure,
  currentDecisionTermEnds,
  type DecisionTermFacts,
  filedDecisionTerm,
  penaltyStartsOn,
} from './decision-term';

const facts = (overrides: Partial<DecisionTermFacts> = {}): DecisionTermFacts => ({
  decisionTermBase: d('2027-03-03'),
  decisionTermPauses: [],
  extensionWeeks: null,
  postponedUntil: null,
  ...overrides,
});

describe('currentDecisionTermEnds (7:10)', () => {
  it('is the filed end when nothing happened', () => {
    expect(currentDecisionTermEnds(calendar, facts())).toBe('2027-03-03');
  });

  it('shifts the end by the paused days (lid 2), overlapping pauses counted once', () => {
    const pauses = [
      { from: '2027-01-05', to: '2027-01-18' },
      { from: '2027-01-15', to: '2027-01-20' },
    ];
    // 16 days: Wednesday 3 March + 16 = Friday 19 March.
    expect(currentDecisionTermEnds(calendar, facts({ decisionTermPauses: pauses }))).toBe('2027-03-19');
  });

  it('applies the Atw to the shifted end', () => {
    // 3 March + 3 days = Saturday 6 March: runs on to Monday 8 March.
    const pauses = [{ from: '2027-01-05', to: '2027-01-07' }];
    expect(currentDecisionTermEnds(calendar, facts({ decisionTermPauses: pauses }))).toBe('2027-03-08');
  });

  it('adds the pause to the end before the Atw moved it, not to the moved end', () => {
    // Filed end Friday 26 March 2027 (Good Friday), moved past Easter to Tuesday 30 March.
    const filed = { decisionTermBase: d('2027-03-30'), baseBeforeAtw: d('2027-03-26') };
    const pauses = [{ from: '2027-02-01', to: '2027-02-07' }];
    expect(currentDecisionTermEnds(calendar, facts({ ...filed }))).toBe('2027-03-30');
    expect(currentDecisionTermEnds(calendar, facts({ ...filed, decisionTermPauses: pauses }))).toBe(
      '2027-04-02',
    );
    // Counted from the moved end, the weekend and Easter would count twice.
    expect(
      currentDecisionTermEnds(
        calendar,
        facts({ decisionTermBase: d('2027-03-30'), decisionTermPauses: pauses }),
      ),
    ).toBe('2027-04-06');
  });

  it('leaves a term the Atw does not govern where the pauses put it (AWR calendar year)', () => {
    const pauses = [{ from: '2027-05-03', to: '2027-05-04' }];
    const awr = facts({ decisionTermBase: d('2027-12-31'), atw: false, decisionTermPauses: pauses });
    expect(currentDecisionTermEnds(calendar, awr)).toBe('2028-01-02');
  });

  it('counts the one extension from the paused end and applies the Atw again (lid 3)', () => {
    expect(currentDecisionTermEnds(calendar, facts({ extensionWeeks: 6 }))).toBe('2027-04-14');
    expect(currentDecisionTermEnds(calendar, facts({ extensionWeeks: 1 }))).toBe('2027-03-10');
    // 3 March + a 21-day pause = 24 March; + 6 weeks = 5 May (Liberation Day), then
    // 6 May (Ascension Day), 7 May (decree day), the weekend: Monday 10 May.
    const paused = facts({
      decisionTermPauses: [{ from: '2027-01-04', to: '2027-01-24' }],
      extensionWeeks: 6,
    });
    expect(currentDecisionTermEnds(calendar, paused)).toBe('2027-05-10');
  });

  it('lets a postponement with consent replace the end, as agreed (lid 4)', () => {
    const postponed = facts({ extensionWeeks: 6, postponedUntil: '2027-05-01' });
    expect(currentDecisionTermEnds(calendar, postponed)).toBe('2027-05-01');
  });

  it('is null without a filed term and without a postponement', () => {
    expect(currentDecisionTermEnds(calendar, facts({ decisionTermBase: null }))).toBeNull();
    expect(
      currentDecisionTermEnds(calendar, facts({ decisionTermBase: null, postponedUntil: '2027-06-01' })),
    ).toBe('2027-06-01');
  });
});

describe('filedDecisionTerm', () => {
  it('finds the unmoved end on the weekday of the term start', () => {
    // Objection term ended Friday 12 February 2027: six weeks later is Good Friday.
    const goodFriday = {
      objectionTermEnds: d('2027-02-12'),
      receivedDate: d('2027-02-01'),
      termModel: 'awb' as const,
    };
    const base = decisionTermEnds(calendar, goodFriday.objectionTermEnds);
    expect(base).toBe('2027-03-30');
    expect(filedDecisionTerm(calendar, { ...goodFriday, decisionTermBase: base })).toEqual({
      beforeAtw: '2027-03-26',
      atw: true,
    });
    // Ended Monday 15 February: six weeks later is Easter Monday, moved to the same Tuesday.
    const easterMonday = { ...goodFriday, objectionTermEnds: d('2027-02-15') };
    expect(filedDecisionTerm(calendar, { ...easterMonday, decisionTermBase: d('2027-03-30') })).toEqual({
      beforeAtw: '2027-03-29',
      atw: true,
    });
  });

  it('counts from receipt for a late filing, as filing does', () => {
    // Received Friday 12 February 2027, after an objection term that ended on a Tuesday.
    const late = {
      objectionTermEnds: d('2027-02-02'),
      receivedDate: d('2027-02-12'),
      termModel: 'awb' as const,
    };
    expect(filedDecisionTerm(calendar, { ...late, decisionTermBase: d('2027-03-30') }).beforeAtw).toBe(
      '2027-03-26',
    );
  });

  it('keeps an end that the Atw did not move, or that came about otherwise', () => {
    const plain = {
      objectionTermEnds: d('2027-01-20'),
      receivedDate: d('2027-01-10'),
      termModel: 'awb' as const,
    };
    expect(filedDecisionTerm(calendar, { ...plain, decisionTermBase: d('2027-03-03') })).toEqual({
      beforeAtw: '2027-03-03',
      atw: true,
    });
    // A Thursday end for a Wednesday start: not a 7:10 term counted here; taken as it is.
    expect(filedDecisionTerm(calendar, { ...plain, decisionTermBase: d('2027-03-04') }).beforeAtw).toBe(
      '2027-03-04',
    );
  });

  it('marks the AWR calendar-year term as one the Atw does not govern, but not the late-year term', () => {
    const tax = {
      objectionTermEnds: d('2027-04-20'),
      decisionTermBase: d('2027-12-31'),
      termModel: 'awr' as const,
    };
    expect(filedDecisionTerm(calendar, { ...tax, receivedDate: d('2027-04-01') })).toEqual({
      beforeAtw: '2027-12-31',
      atw: false,
    });
    const lateYear = {
      objectionTermEnds: d('2027-12-01'),
      receivedDate: d('2027-11-25'),
      termModel: 'awr' as const,
    };
    expect(filedDecisionTerm(calendar, { ...lateYear, decisionTermBase: d('2028-01-12') }).atw).toBe(true);
  });
});

describe('penaltyStartsOn (4:17 lid 3)', () => {
  it('runs from fourteen days after a notice received once the term had passed', () => {
    expect(penaltyStartsOn(d('2027-03-01'), d('2027-03-10'))).toBe('2027-03-24');
    expect(penaltyStartsOn(d('2027-03-01'), d('2027-03-02'))).toBe('2027-03-16');
  });

  it('is null without a notice, or for a notice on or before the last day of the term', () => {
    expect(penaltyStartsOn(d('2027-03-01'), null)).toBeNull();
    expect(penaltyStartsOn(d('2027-03-01'), d('2027-03-01'))).toBeNull();
    expect(penaltyStartsOn(null, d('2027-03-10'))).toBeNull();
  });
});

describe('casePenaltyExposure (4:17)', () => {
  const base = { decisionTermEnds: d('2027-03-01'), noticeOfDefaultOn: d('2027-03-10') };

  it('counts the days owed so far, up to the 42nd day', () => {
    expect(casePenaltyExposure({ ...base, today: d('2027-03-30') })).toEqual({
      status: 'running',
      startsOn: '2027-03-24',
      daysRunning: 7,
      amountCentsSoFar: 7 * 2_300,
      maxCents: 144_200,
      lastDay: '2027-05-04',
    });
    expect(casePenaltyExposure({ ...base, today: d('2027-04-10') })).toMatchObject({
      daysRunning: 18,
      amountCentsSoFar: 14 * 2_300 + 4 * 3_500,
    });
    expect(casePenaltyExposure({ ...base, today: d('2027-06-01') })).toMatchObject({
      status: 'maximum-reached',
      daysRunning: 42,
      amountCentsSoFar: 144_200,
    });
  });

  it('shows what is coming before it costs anything', () => {
    expect(casePenaltyExposure({ ...base, today: d('2027-03-23') })).toMatchObject({
      status: 'not-yet-running',
      startsOn: '2027-03-24',
      daysRunning: 0,
      amountCentsSoFar: 0,
    });
  });

  it('stops counting the day the decision is given', () => {
    expect(
      casePenaltyExposure({ ...base, decidedOn: d('2027-03-27'), today: d('2027-04-30') }),
    ).toMatchObject({
      status: 'decided',
      daysRunning: 3,
      amountCentsSoFar: 3 * 2_300,
    });
  });

  it('is null without a notice that took effect', () => {
    expect(casePenaltyExposure({ ...base, noticeOfDefaultOn: null, today: d('2027-03-30') })).toBeNull();
    expect(
      casePenaltyExposure({ ...base, noticeOfDefaultOn: d('2027-02-20'), today: d('2027-03-30') }),
    ).toBeNull();
    expect(casePenaltyExposure({ ...base, decisionTermEnds: null, today: d('2027-03-30') })).toBeNull();
  });
});
