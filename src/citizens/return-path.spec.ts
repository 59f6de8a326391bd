import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    '/rivierstad',
    '/rivierstad/',
    '/rivierstad/mijn-bezwaren',
    '/rivierstad/bezwaar?regeling=participatiewet&stap=2',
    '/rivierstad/zaak/abc_DEF-123#documenten',
    '/rivierstad?welkom=1',
  ])('keeps %s', (path) => {
    expect(safeReturnPath(path, 'rivierstad')).toBe(path);
  });

  it.each([
    ['https://evil.example/x', 'another site'],
    ['//evil.example', 'a protocol-relative URL'],
    ['/\\evil.example', 'a backslash'],
    ['\\\\evil.example', 'backslashes'],
    ['/rivierstad//evil.example', 'a double slash'],
    ['/rivierstad/../heuveldorp', 'a dot segment'],
    ['/rivierstad/%2e%2e/heuveldorp', 'an encoded dot segment'],
    ['/rivierstad/%2F%2Fevil.example', 'an encoded slash'],
    ['/heuveldorp/mijn-bezwaren', 'another municipality'],
    ['/rivierstadx/mijn-bezwaren', 'a longer slug'],
    ['rivierstad/mijn-bezwaren', 'not starting with a slash'],
    ['javascript:alert(1)', 'a script URL'],
    ['/rivierstad/\r\nSet-Cookie: x=1', 'header injection'],
    ['/rivierstad/ x', 'whitespace'],
    ['', 'empty'],
    [undefined, 'absent'],
    [['/rivierstad/a', '/rivierstad/b'], 'repeated'],
    [`/rivierstad/${'a'.repeat(600)}`, 'too long'],
  ] as [unknown, string][])('sends %j (%s) to the start page', (candidate) => {
    expect(safeReturnPath(candidate, 'rivierstad')).toBe('/rivierstad');
  });
});
