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
    ['https:/rivierstad', 'a scheme without host'],
    ['HTTPS://evil.example/rivierstad', 'an upper-case scheme'],
    ['/rivierstad@evil.example', 'user info'],
    ['%2F%2Fevil.example', 'an encoded protocol-relative URL'],
    ['/%2F%2Fevil.example/rivierstad', 'an encoded double slash up front'],
    ['/rivierstad/%5Cevil.example', 'an encoded backslash'],
    ['/rivierstad/%5c%5cevil.example', 'encoded backslashes, lower case'],
    ['/rivierstad/%0d%0aSet-Cookie:%20x=1', 'encoded header injection'],
    ['/rivierstad/%00', 'an encoded NUL'],
    ['/rivierstad/%09/x', 'an encoded tab'],
    ['/rivierstad/\tx', 'a tab'],
    ['/rivierstad/%E0%A4%A', 'broken percent-encoding'],
    ['/rivierstad/%2e%2E/%2e%2e/evil', 'mixed-case encoded dot segments'],
    ['/rivierstad/.%2e/heuveldorp', 'a half-encoded dot segment'],
    ['/rivierstad/bezwaar/\u2215\u2215evil.example', 'look-alike slashes'],
    [' /rivierstad', 'leading whitespace'],
    ['data:text/html,<script>alert(1)</script>', 'a data URL'],
  ] as [unknown, string][])('sends %j (%s) to the start page', (candidate) => {
    expect(safeReturnPath(candidate, 'rivierstad')).toBe('/rivierstad');
  });
});
