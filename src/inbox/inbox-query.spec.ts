import { createHmac } from 'node:crypto';
import { ProblemError } from '../common/problems/problem.error';
import { LocalDate } from '../deadlines/local-date';
import {
  CURSOR_INVALID,
  CURSOR_OTHER_SORT,
  decodeCursor,
  encodeCursor,
  InboxPosition,
  InboxSort,
  parseInboxQuery,
  RawInboxQuery,
} from './inbox-query';

const ID = '0b7e8d3c-1f2a-4c5b-9d6e-7f8091a2b3c4';
const KEY = 'a key for tests only';

/** The field errors of a query that must be refused. */
function errorsOf(raw: RawInboxQuery) {
  try {
    parseInboxQuery(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(400);
    return (error as ProblemError).errors ?? [];
  }
  throw new Error('expected the query to be refused');
}

describe('parseInboxQuery', () => {
  it('defaults to 50 items and no filters (the service then shows the open cases)', () => {
    expect(parseInboxQuery({})).toEqual({ limit: 50 });
  });

  it('reads every parameter', () => {
    expect(
      parseInboxQuery({
        status: 'received,informal_contact',
        regulation: 'participatiewet',
        assignee: 'me',
        flags: 'angry,multi_problem',
        timeliness: 'late',
        overdue: 'false',
        atRisk: 'true',
        noContact: 'true',
        q: '  Bo de  ',
        sort: 'received',
        cursor: 'abc.def',
        limit: '200',
      }),
    ).toEqual({
      status: ['received', 'informal_contact'],
      regulation: 'participatiewet',
      assignee: 'me',
      flags: ['angry', 'multi_problem'],
      timeliness: 'late',
      overdue: false,
      atRisk: true,
      noContact: true,
      q: 'Bo de',
      sort: 'received',
      cursor: 'abc.def',
      limit: 200,
    });
  });

  it('takes statuses and flags comma-separated, repeated or both, without duplicates or blanks', () => {
    expect(parseInboxQuery({ status: ['received', 'decided,closed', 'received', ' '] }).status).toEqual([
      'received',
      'decided',
      'closed',
    ]);
    expect(parseInboxQuery({ flags: ['angry', 'late_filing'] }).flags).toEqual(['angry', 'late_filing']);
    expect(parseInboxQuery({ status: ',' }).status).toBeUndefined();
  });

  it('treats empty parameters as absent', () => {
    expect(parseInboxQuery({ q: '   ', regulation: '', limit: '', sort: '' })).toEqual({ limit: 50 });
  });

  it('accepts none, me and a staff user id (lower-cased) as assignee', () => {
    expect(parseInboxQuery({ assignee: 'none' }).assignee).toBe('none');
    expect(parseInboxQuery({ assignee: ID.toUpperCase() }).assignee).toBe(ID);
  });

  it('refuses unknown statuses and flags, naming them and the allowed values in Dutch', () => {
    expect(errorsOf({ status: 'received,open' })).toEqual([
      {
        field: 'status',
        message:
          'status kent "open" niet; kies uit received, informal_contact, formal_procedure, decided, withdrawn, closed.',
      },
    ]);
    const [flag] = errorsOf({ flags: 'angry,boos' });
    expect(flag.field).toBe('flags');
    expect(flag.message).toContain('"boos"');
  });

  it.each([['0'], ['201'], ['-1'], ['1.5'], ['tien'], ['1e2'], ['00000']])('refuses limit=%s', (limit) => {
    expect(errorsOf({ limit })).toEqual([
      { field: 'limit', message: 'limit moet een geheel getal van 1 tot en met 200 zijn.' },
    ]);
  });

  it('accepts the limits at both ends', () => {
    expect(parseInboxQuery({ limit: '1' }).limit).toBe(1);
    expect(parseInboxQuery({ limit: '0200' }).limit).toBe(200);
  });

  it.each([
    ['assignee', 'jan', 'assignee moet "me", "none" of het id van een medewerker zijn.'],
    ['assignee', `${ID}0`, 'assignee moet "me", "none" of het id van een medewerker zijn.'],
    ['sort', 'oldest', 'sort moet deadline, received of contact zijn.'],
    ['timeliness', 'early', 'timeliness moet timely of late zijn.'],
    ['overdue', 'yes', 'overdue moet true of false zijn.'],
    ['atRisk', '1', 'atRisk moet true of false zijn.'],
    ['noContact', 'ja', 'noContact moet true of false zijn.'],
    [
      'regulation',
      'Participatie wet',
      'regulation moet de code van een regeling zijn, bijvoorbeeld participatiewet.',
    ],
    ['cursor', 'not a cursor', CURSOR_INVALID],
    ['q', 'x'.repeat(101), 'Zoek op hoogstens 100 tekens.'],
  ] as const)('refuses %s=%s', (field, value, message) => {
    expect(errorsOf({ [field]: value })).toEqual([{ field, message }]);
  });

  it('refuses a single-valued parameter given twice', () => {
    expect(errorsOf({ sort: ['deadline', 'received'] })).toEqual([
      { field: 'sort', message: 'sort mag maar één keer worden meegegeven.' },
    ]);
  });

  it('reports every bad field at once', () => {
    expect(errorsOf({ status: 'x', limit: '0', sort: 'y' }).map((e) => e.field)).toEqual([
      'status',
      'sort',
      'limit',
    ]);
  });
});

describe('inbox cursors', () => {
  const positions: InboxPosition[] = [
    { sort: 'deadline', nextDeadline: '2026-03-02', id: ID },
    { sort: 'deadline', nextDeadline: null, id: ID },
    { sort: 'received', receivedAt: '2026-01-05T09:15:00.123456Z', id: ID },
    {
      sort: 'contact',
      late: true,
      nextDeadline: '2026-03-02',
      id: ID,
      lateIfReceivedBefore: '2026-02-20' as LocalDate,
    },
    {
      sort: 'contact',
      late: false,
      nextDeadline: null,
      id: ID,
      lateIfReceivedBefore: '2026-02-20' as LocalDate,
    },
  ];

  it.each(positions)('round-trips %j', (position) => {
    const cursor = encodeCursor(position, KEY);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(parseInboxQuery({ cursor }).cursor).toBe(cursor);
    expect(decodeCursor(cursor, position.sort, KEY)).toEqual(position);
  });

  const refusal = (cursor: string, sort: InboxSort = 'deadline', key = KEY) => {
    try {
      decodeCursor(cursor, sort, key);
    } catch (error) {
      return (error as ProblemError).errors;
    }
    throw new Error('expected the cursor to be refused');
  };

  it('refuses a cursor of the other sort', () => {
    expect(refusal(encodeCursor(positions[0], KEY), 'received')).toEqual([
      { field: 'cursor', message: CURSOR_OTHER_SORT },
    ]);
    expect(refusal(encodeCursor(positions[2], KEY), 'deadline')).toEqual([
      { field: 'cursor', message: CURSOR_OTHER_SORT },
    ]);
    expect(refusal(encodeCursor(positions[3], KEY), 'deadline')).toEqual([
      { field: 'cursor', message: CURSOR_OTHER_SORT },
    ]);
    expect(refusal(encodeCursor(positions[0], KEY), 'contact')).toEqual([
      { field: 'cursor', message: CURSOR_OTHER_SORT },
    ]);
  });

  it('refuses an edited position, even one that is well-formed', () => {
    const [, mac] = encodeCursor(positions[0], KEY).split('.');
    const edited = Buffer.from(JSON.stringify(['d', '2020-01-01', ID])).toString('base64url');
    expect(refusal(`${edited}.${mac}`)).toEqual([{ field: 'cursor', message: CURSOR_INVALID }]);
  });

  it('refuses a cursor signed with another key, a changed signature and malformed ones', () => {
    const cursor = encodeCursor(positions[0], KEY);
    expect(refusal(cursor, 'deadline', 'another key')).toEqual([
      { field: 'cursor', message: CURSOR_INVALID },
    ]);
    const flipped = cursor.slice(0, -2) + (cursor.endsWith('AA') ? 'BB' : 'AA');
    expect(refusal(flipped)).toEqual([{ field: 'cursor', message: CURSOR_INVALID }]);
    for (const bad of ['', 'abc', 'a.b.c', `${cursor}.x`, cursor.split('.')[0]]) {
      expect(refusal(bad)).toEqual([{ field: 'cursor', message: CURSOR_INVALID }]);
    }
  });

  it('refuses a correctly signed payload that is not a position', () => {
    // The construction of encodeCursor, for payloads it would never write.
    const signed = (fields: unknown) => {
      const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
      const mac = createHmac('sha256', KEY).update(`inbox-cursor:${payload}`).digest().subarray(0, 16);
      return `${payload}.${mac.toString('base64url')}`;
    };
    expect(decodeCursor(signed(['d', '2026-03-02', ID]), 'deadline', KEY)).toEqual(positions[0]);
    for (const fields of [
      ['d', '2026-02-30', ID],
      ['d', '2026-03-02', 'not-a-uuid'],
      ['r', '2026-01-05T09:15:00Z', ID],
      ['x', null, ID],
      ['d', null],
      ['d', null, ID, true, '2026-02-20'],
      ['c', null, ID],
      ['c', null, ID, 'yes', '2026-02-20'],
      ['c', null, ID, true, '2026-02-30'],
      ['c', '2026-13-01', ID, false, '2026-02-20'],
      { d: null, i: ID },
    ]) {
      expect(refusal(signed(fields))).toEqual([{ field: 'cursor', message: CURSOR_INVALID }]);
    }
  });
});
