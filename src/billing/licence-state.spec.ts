import { localDate, LocalDate } from '../deadlines/local-date';
import { assertStaffMayChange, dueLicenceState, LicenceStateFacts } from './licence-state';

const POLICY = { graceAfterDays: 14, suspendAfterDays: 30 };
const d = (s: string): LocalDate => localDate(s);
const running = [{ startsOn: d('2025-01-01'), endsOn: null }];

function due(overrides: Partial<LicenceStateFacts>) {
  return dueLicenceState(
    { today: d('2026-06-01'), licences: running, unpaidInvoices: [], hold: null, ...overrides },
    POLICY,
  );
}
const unpaid = (dueOn: string, number = '2026-000001') => [{ number, dueOn: d(dueOn) }];

describe('licence state', () => {
  it('is active while the licence runs and nothing is overdue', () => {
    expect(due({}).state).toBe('active');
    // Not yet past the due date, or not more than 14 days past it.
    expect(due({ unpaidInvoices: unpaid('2026-06-01') }).state).toBe('active');
    expect(due({ unpaidInvoices: unpaid('2026-05-18') }).state).toBe('active'); // 14 days late
  });

  it('goes to grace more than 14 days after the due date, and to suspended 30 days after that', () => {
    const grace = due({ unpaidInvoices: unpaid('2026-05-17') }); // 15 days late
    expect(grace).toEqual({
      state: 'grace',
      reason: 'Factuur 2026-000001 moest uiterlijk 17 mei 2026 betaald zijn en is 15 dagen te laat.',
    });
    expect(due({ unpaidInvoices: unpaid('2026-04-18') }).state).toBe('grace'); // 44 days late
    expect(due({ unpaidInvoices: unpaid('2026-04-17') }).state).toBe('suspended'); // 45 days late
  });

  it('judges by the most overdue invoice', () => {
    const result = due({
      unpaidInvoices: [
        { number: '2026-000009', dueOn: d('2026-05-30') },
        { number: '2025-000004', dueOn: d('2026-01-10') },
      ],
    });
    expect(result.state).toBe('suspended');
    expect(result.reason).toContain('2025-000004');
  });

  it('goes to grace the day after the licence ended without a successor, suspended after 30 days', () => {
    const ended = (endsOn: string, today: string) =>
      due({ today: d(today), licences: [{ startsOn: d('2025-01-01'), endsOn: d(endsOn) }] });
    expect(ended('2026-05-31', '2026-05-31').state).toBe('active'); // its last day
    expect(ended('2026-05-31', '2026-06-01')).toEqual({
      state: 'grace',
      reason: 'De licentie is op 31 mei 2026 geëindigd en er is geen nieuwe licentie.',
    });
    expect(ended('2026-05-31', '2026-06-30').state).toBe('grace'); // 30 days after
    expect(ended('2026-05-31', '2026-07-01').state).toBe('suspended'); // 31 days after
  });

  it('stays active across a change of licence, and for a municipality without one yet', () => {
    const change = [
      { startsOn: d('2025-01-01'), endsOn: d('2026-05-31') },
      { startsOn: d('2026-06-01'), endsOn: null },
    ];
    expect(due({ licences: change }).state).toBe('active');
    expect(due({ licences: [] }).state).toBe('active');
    expect(due({ licences: [{ startsOn: d('2026-09-01'), endsOn: null }] }).state).toBe('active');
  });

  it('takes the worst of a late invoice and an ended licence', () => {
    const result = due({
      today: d('2026-06-10'),
      licences: [{ startsOn: d('2025-01-01'), endsOn: d('2026-06-01') }],
      unpaidInvoices: unpaid('2026-04-01'),
    });
    expect(result.state).toBe('suspended');
    expect(result.reason).toContain('Factuur');
  });

  it('follows the operator’s hand: a suspension until lifted, a reactivation until its date', () => {
    expect(due({ hold: { state: 'suspended' } })).toEqual({
      state: 'suspended',
      reason: 'Opgeschort door de platformbeheerder.',
    });
    const late = unpaid('2026-01-01');
    expect(due({ unpaidInvoices: late, hold: { state: 'active', until: d('2026-06-01') } }).state).toBe(
      'active',
    );
    expect(due({ unpaidInvoices: late, hold: { state: 'active', until: d('2026-05-31') } }).state).toBe(
      'suspended',
    );
  });

  it('keeps staff to reading under a suspended licence only', () => {
    const tenant = (licenceState: 'active' | 'grace' | 'suspended') => ({ name: 'Gemeente X', licenceState });
    expect(() => assertStaffMayChange(tenant('grace'), 'POST')).not.toThrow();
    expect(() => assertStaffMayChange(tenant('suspended'), 'GET')).not.toThrow();
    expect(() => assertStaffMayChange(tenant('suspended'), 'post')).toThrow(/opgeschort/);
  });
});
