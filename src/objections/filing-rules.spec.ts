import { defaultAtwCalendar } from '../deadlines/atw-calendar';
import { LocalDate } from '../deadlines/local-date';
import { caseReference, filingTerms, missingElements } from './filing-rules';

const complete = {
  objector: { address: { street: 'Dijk', houseNumber: '1', postalCode: '1234 AB', city: 'Rivierstad' } },
  grounds: { hints: ['hoogte_terugvordering_onjuist'], text: '' },
  decision: { reference: 'PW-2026-0042' },
  signed: true,
};

describe('missingElements (Awb 6:5)', () => {
  it('finds nothing missing in a complete, signed filing', () => {
    expect(missingElements(complete)).toEqual([]);
  });

  it('lists every missing element of a pro forma e-mail filing without address', () => {
    expect(
      missingElements({
        objector: {},
        grounds: { hints: [], text: '  ' },
        decision: { description: '' },
        signed: false,
      }),
    ).toEqual(['signature', 'address', 'grounds', 'decision_description']);
  });

  it('accepts own words alone as grounds, and a description alone as the decision', () => {
    expect(
      missingElements({
        ...complete,
        grounds: { hints: [], text: 'Ik kon niets melden.' },
        decision: { description: 'stop' },
      }),
    ).toEqual([]);
  });
});

describe('filingTerms', () => {
  const awb = { termModel: 'awb' as const, advisoryCommittee: false };
  const date = '2026-11-02' as LocalDate; // term ends Monday 2026-12-14

  it('is timely until the end of the last day in Amsterdam, late a second after', () => {
    // 23:59:59 CET on 14 December is 22:59:59 UTC.
    expect(filingTerms(defaultAtwCalendar, awb, date, new Date('2026-12-14T22:59:59Z'))).toEqual({
      objectionTermEnds: '2026-12-14',
      decisionTermEnds: '2027-01-25',
      timely: true,
    });
    expect(filingTerms(defaultAtwCalendar, awb, date, new Date('2026-12-14T23:00:00Z')).timely).toBe(false);
  });

  it('counts the decision term of a late filing from the day of receipt', () => {
    const terms = filingTerms(defaultAtwCalendar, awb, date, new Date('2027-01-04T10:00:00Z'));
    expect(terms).toMatchObject({ timely: false, decisionTermEnds: '2027-02-15' });
  });

  it('gives an advisory committee twelve weeks', () => {
    const terms = filingTerms(
      defaultAtwCalendar,
      { ...awb, advisoryCommittee: true },
      date,
      new Date('2026-11-20T10:00:00Z'),
    );
    expect(terms.decisionTermEnds).toBe('2027-03-08');
  });

  it('lets a tax objection be decided within the calendar year of receipt (AWR art. 25)', () => {
    const terms = filingTerms(
      defaultAtwCalendar,
      { termModel: 'awr', advisoryCommittee: false },
      '2026-03-02' as LocalDate,
      new Date('2026-03-20T10:00:00Z'),
    );
    expect(terms.decisionTermEnds).toBe('2026-12-31');
  });
});

describe('caseReference', () => {
  it('reads like RIV-2026-00042', () => {
    expect(caseReference('rivierstad', 2026, 42)).toBe('RIV-2026-00042');
    expect(caseReference('s-hertogenbosch', 2027, 123456)).toBe('SHE-2027-123456');
  });
});
