import { canMove, isOpen, nextStatuses, OBJECTION_STATUSES, OPEN_STATUS_SQL } from './case-status';

describe('case status model', () => {
  it('lets a new case go informal or formal, and ends it by decision, withdrawal or closing', () => {
    expect(canMove('received', 'informal_contact')).toBe(true);
    expect(canMove('received', 'formal_procedure')).toBe(true);
    expect(canMove('informal_contact', 'formal_procedure')).toBe(true);
    expect(canMove('informal_contact', 'withdrawn')).toBe(true);
    expect(canMove('formal_procedure', 'decided')).toBe(true);
  });

  it('refuses a decision outside the formal procedure and any way back from an end state', () => {
    expect(canMove('received', 'decided')).toBe(false);
    expect(canMove('informal_contact', 'decided')).toBe(false);
    expect(canMove('formal_procedure', 'received')).toBe(false);
    for (const end of ['decided', 'withdrawn', 'closed'] as const) {
      expect(isOpen(end)).toBe(false);
      expect(nextStatuses(end)).toEqual([]);
    }
  });

  it('never allows staying put', () => {
    for (const status of OBJECTION_STATUSES) expect(canMove(status, status)).toBe(false);
  });

  it('writes the open statuses as an SQL list', () => {
    expect(OPEN_STATUS_SQL).toBe(`('received', 'informal_contact', 'formal_procedure')`);
  });
});
