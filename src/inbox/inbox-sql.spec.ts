import { localDate } from '../deadlines/local-date';
import { OPEN_STATUS_SQL } from '../objections/case-status';
import { InboxQuery } from './inbox-query';
import { escapeLike, pageStatement } from './inbox-sql';

const TENANT = '11111111-1111-4111-8111-111111111111';
const VIEWER = '22222222-2222-4222-8222-222222222222';
const CASE = '33333333-3333-4333-8333-333333333333';
const LATE_BEFORE = '2026-02-22T23:00:00.000Z';
const scope = {
  tenantId: TENANT,
  viewerUserId: VIEWER,
  today: '2026-03-02',
  atRiskUntil: '2026-03-09',
  lateContactBefore: LATE_BEFORE,
};
const page = (query: Partial<InboxQuery>, after?: Parameters<typeof pageStatement>[2]) =>
  pageStatement({ limit: 50, ...query }, scope, after);
const squash = (sql: string) => sql.replace(/\s+/g, ' ');

describe('escapeLike', () => {
  it('makes the LIKE wildcards and the escape character literal', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(escapeLike('de Vries')).toBe('de Vries');
  });
});

describe('pageStatement', () => {
  it('asks for one row more than the page, without OFFSET, in deadline order', () => {
    const { text, params } = page({});
    expect(text).not.toMatch(/OFFSET/i);
    expect(squash(text)).toContain('ORDER BY o.next_deadline ASC NULLS LAST, o.id ASC LIMIT $2::int');
    expect(squash(text)).toContain('ORDER BY p.next_deadline ASC NULLS LAST, p.id ASC LIMIT $2::int');
    expect(params).toEqual([TENANT, 51]);
  });

  it("inlines the partial indexes' predicate for open cases, and only then", () => {
    expect(page({}).text).toContain(`o.status IN ${OPEN_STATUS_SQL}`);
    const some = page({ status: ['informal_contact'] }).text;
    expect(some).toContain(`o.status IN ${OPEN_STATUS_SQL}`);
    expect(some).toContain(`o.status IN ('informal_contact')`);
    const closed = page({ status: ['received', 'decided'] }).text;
    expect(closed).not.toContain(OPEN_STATUS_SQL);
    expect(closed).toContain(`o.status IN ('received', 'decided')`);
  });

  it('binds the search term with its wildcards escaped, never inlined', () => {
    const { text, params } = page({ q: "50%_o'neil" });
    expect(text).not.toContain('neil');
    expect(params).toContain("50\\%\\_o'neil%");
    expect(params).toContain("%50\\%\\_o'neil%");
    expect(text).toContain(`ESCAPE '\\'`);
  });

  it('searches the index-carried reference and name first, then reads only the cases found', () => {
    const search = squash(page({ q: 'Bo' }).text);
    expect(search).toContain('o.objector_name ILIKE');
    expect(search).toContain(
      'WHERE (o.tenant_id, o.id) IN (SELECT o.tenant_id, o.id FROM objections o WHERE',
    );
    expect(squash(page({}).text)).not.toContain('(o.tenant_id, o.id) IN');
  });

  it('continues after a dated position with the later dates, then the cases without a deadline', () => {
    const { text, params } = page({}, { sort: 'deadline', nextDeadline: '2026-04-01', id: CASE });
    expect(squash(text)).toContain('(o.next_deadline, o.id) > ($3::date, $4::uuid)');
    expect(squash(text)).toContain('UNION ALL');
    expect(squash(text)).toContain(
      'o.next_deadline IS NULL ORDER BY o.next_deadline ASC NULLS LAST, o.id ASC',
    );
    expect(params).toEqual([TENANT, 51, '2026-04-01', CASE]);
  });

  it('continues within the cases without a deadline by id alone', () => {
    const { text } = page({}, { sort: 'deadline', nextDeadline: null, id: CASE });
    expect(text).not.toContain('UNION ALL');
    expect(squash(text)).toContain('o.next_deadline IS NULL AND o.id > $3::uuid');
  });

  it('pages the newest first by receipt', () => {
    const { text, params } = page(
      { sort: 'received' },
      { sort: 'received', receivedAt: '2026-01-05T09:15:00.123456Z', id: CASE },
    );
    expect(squash(text)).toContain('(o.received_at, o.id) < ($3::timestamptz, $4::uuid)');
    expect(squash(text)).toContain('ORDER BY p.received_at DESC, p.id DESC');
    expect(params).toEqual([TENANT, 51, '2026-01-05T09:15:00.123456Z', CASE]);
  });

  it('filters on the assignee the way the assignee index is built', () => {
    expect(page({ assignee: 'me' }).params).toContain(VIEWER);
    expect(page({ assignee: 'me' }).text).toContain('o.assignee_id = $2::uuid');
    expect(page({ assignee: 'none' }).text).toContain('o.assignee_id IS NULL');
  });

  it('requires all asked flags and counts overdue and at risk from the scope dates', () => {
    const { text, params } = page({ flags: ['angry', 'multi_problem'], overdue: false, atRisk: true });
    expect(text).toContain(`o.flags @> ARRAY['angry', 'multi_problem']::text[]`);
    expect(text).toContain('(o.next_deadline IS NULL OR o.next_deadline >= $2::date)');
    expect(text).toContain('o.next_deadline BETWEEN $2::date AND $3::date');
    expect(params).toEqual([TENANT, '2026-03-02', '2026-03-09', 51]);
  });

  it('finds the cases whose first contact is late from one bound boundary, both ways', () => {
    const late = page({ noContact: true });
    expect(squash(late.text)).toContain(
      `(o.first_contact_at IS NULL AND o.received_at < $2::timestamptz AND o.status IN ${OPEN_STATUS_SQL})`,
    );
    expect(late.params).toEqual([TENANT, LATE_BEFORE, 51]);
    expect(squash(page({ noContact: false }).text)).toContain('NOT (o.first_contact_at IS NULL');
    expect(page({}).params).not.toContain(LATE_BEFORE);
  });
});

describe('pageStatement by contact', () => {
  // Bound after the page size here, as no filter used it before.
  const LATE = `(o.first_contact_at IS NULL AND o.received_at < $3::timestamptz AND o.status IN ${OPEN_STATUS_SQL})`;
  const position = (late: boolean, nextDeadline: string | null) =>
    ({
      sort: 'contact',
      late,
      nextDeadline,
      id: CASE,
      lateIfReceivedBefore: localDate('2026-02-23'),
    }) as const;
  const branches = (text: string) => squash(text).split(' UNION ALL ');

  it('puts the late group first, each group in deadline order', () => {
    const { text, params } = page({ sort: 'contact' });
    expect(params).toEqual([TENANT, 51, LATE_BEFORE]);
    const [late, other, ...rest] = branches(text);
    expect(rest).toEqual([]);
    expect(late).toContain(`AND ${LATE} ORDER BY o.next_deadline ASC NULLS LAST, o.id ASC LIMIT $2::int`);
    expect(late).toContain('true AS contact_late');
    expect(other).toContain(`AND NOT ${LATE} ORDER BY o.next_deadline ASC NULLS LAST, o.id ASC`);
    expect(other).toContain('false AS contact_late');
    expect(squash(text)).toContain('ORDER BY p.contact_late DESC, p.next_deadline ASC NULLS LAST, p.id ASC');
  });

  it('continues within the late group after a dated position, then takes the whole other group', () => {
    const { text, params } = page({ sort: 'contact' }, position(true, '2026-04-01'));
    expect(params).toEqual([TENANT, 51, LATE_BEFORE, '2026-04-01', CASE]);
    const parts = branches(text);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain(`${LATE} AND (o.next_deadline, o.id) > ($4::date, $5::uuid)`);
    expect(parts[1]).toContain(`${LATE} AND o.next_deadline IS NULL`);
    expect(parts[2]).toContain(`NOT ${LATE} ORDER BY`);
  });

  it('continues within the other group only, after an undated position', () => {
    const { text } = page({ sort: 'contact' }, position(false, null));
    const parts = branches(text);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toContain(`NOT ${LATE} AND o.next_deadline IS NULL AND o.id > $4::uuid`);
  });

  it('binds the boundary once when the filter and the order both use it', () => {
    const { text, params } = page({ sort: 'contact', noContact: true });
    expect(params.filter((v) => v === LATE_BEFORE)).toHaveLength(1);
    expect(text).not.toContain('$4::timestamptz');
  });
});
