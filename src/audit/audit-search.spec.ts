import { auditWhere, readAuditFilters } from './audit-search';
import { auditView } from './audit-view';

describe('readAuditFilters', () => {
  it('reads every filter', () => {
    expect(
      readAuditFilters({
        actor: 'behandelaar@rivierstad.example',
        action: 'case.read',
        object: 'RIV-2026-00001',
        result: 'refused',
        from: '2026-12-01',
        to: '2026-12-31',
        page: '3',
      }),
    ).toEqual({
      filters: {
        actor: 'behandelaar@rivierstad.example',
        action: 'case.read',
        object: 'RIV-2026-00001',
        result: 'refused',
        from: '2026-12-01',
        to: '2026-12-31',
        page: 3,
      },
      errors: [],
    });
    expect(readAuditFilters({})).toEqual({ filters: { page: 1 }, errors: [] });
  });

  it('names each wrong filter', () => {
    const { errors } = readAuditFilters({ result: 'ok', from: '01-12-2026', page: '0', actor: ['a', 'b'] });
    expect(errors.map((e) => e.field).sort()).toEqual(['actor', 'from', 'page', 'result']);
    expect(readAuditFilters({ from: '2026-12-02', to: '2026-12-01' }).errors).toEqual([
      { field: 'to', message: 'De einddatum ligt voor de begindatum.' },
    ]);
  });
});

describe('auditWhere', () => {
  it('binds every value as a parameter, the day after "to" as its end', () => {
    const where = auditWhere({ page: 1, object: "x' OR 1=1", result: 'failed', to: '2026-12-31' as never });
    expect(where.sql).not.toContain("x'");
    expect(where.params).toEqual(["x' OR 1=1", 'failed', '2027-01-01']);
    expect(where.sql).toContain('e.occurred_at < ($4::date');
  });
});

describe('auditView', () => {
  it('keeps the filters in the page links', () => {
    const view = auditView(
      '/rivierstad/behandelaar/beheer/audit',
      { object: 'RIV-1', page: '2' },
      [],
      { object: 'RIV-1', page: 2 },
      { events: [], page: 2, hasMore: true },
    );
    expect(view.previous).toBe('/rivierstad/behandelaar/beheer/audit?object=RIV-1');
    expect(view.next).toBe('/rivierstad/behandelaar/beheer/audit?object=RIV-1&page=3');
    expect(view.empty).toBe(true);
  });
});
