import { isSameOriginPost, loginUrl, safeStaffReturnPath } from './request-checks';

describe('safeStaffReturnPath', () => {
  it.each([
    '/rivierstad/behandelaar',
    '/rivierstad/behandelaar?status=received&zoek=Bo',
    '/rivierstad/behandelaar/zaken/RIV-2026-00001',
    '/rivierstad/behandelaar/zaken/RIV-2026-00001?gedaan=status#tijdlijn',
  ])('keeps a staff page of the same municipality: %s', (path) => {
    expect(safeStaffReturnPath(path, 'rivierstad')).toBe(path);
  });

  it.each([
    'https://evil.example/rivierstad/behandelaar',
    '//evil.example/rivierstad/behandelaar',
    '/\\evil.example',
    '/heuveldorp/behandelaar',
    '/rivierstad',
    '/rivierstad/zaak/abc',
    '/rivierstad/behandelaarx',
    '/rivierstad/behandelaar/../../heuveldorp/behandelaar',
    '/rivierstad/behandelaar/%2e%2e/%2e%2e/heuveldorp',
    '/rivierstad/behandelaar//evil.example',
    '/rivierstad/behandelaar/inloggen',
    '/rivierstad/behandelaar/inloggen?terug=/rivierstad/behandelaar',
    'javascript:alert(1)',
    '/rivierstad/behandelaar\n',
    '',
    undefined,
    ['/rivierstad/behandelaar/zaken/x'],
    `/rivierstad/behandelaar/${'x'.repeat(600)}`,
  ])('sends anything else to the inbox: %p', (candidate) => {
    expect(safeStaffReturnPath(candidate, 'rivierstad')).toBe('/rivierstad/behandelaar');
  });
});

describe('loginUrl', () => {
  it('carries the page to come back to, unless that is the inbox', () => {
    expect(loginUrl('rivierstad', '/rivierstad/behandelaar/zaken/RIV-1')).toBe(
      '/rivierstad/behandelaar/inloggen?terug=%2Frivierstad%2Fbehandelaar%2Fzaken%2FRIV-1',
    );
    expect(loginUrl('rivierstad', '/rivierstad/behandelaar')).toBe('/rivierstad/behandelaar/inloggen');
    expect(loginUrl('rivierstad', 'https://evil.example')).toBe('/rivierstad/behandelaar/inloggen');
    expect(loginUrl('rivierstad')).toBe('/rivierstad/behandelaar/inloggen');
  });
});

describe('isSameOriginPost', () => {
  const publicUrl = 'https://bezwaar.example.nl';
  const host = 'bezwaar.example.nl';

  it('accepts a post from our own pages, or one without the headers (not a browser, or an old one)', () => {
    expect(isSameOriginPost({ publicUrl, host })).toBe(true);
    expect(isSameOriginPost({ publicUrl, host, secFetchSite: 'same-origin' })).toBe(true);
    expect(isSameOriginPost({ publicUrl, host, secFetchSite: 'none' })).toBe(true);
    expect(isSameOriginPost({ publicUrl, host, origin: 'https://bezwaar.example.nl' })).toBe(true);
    expect(isSameOriginPost({ publicUrl, host, origin: 'HTTPS://Bezwaar.Example.NL' })).toBe(true);
    // Reached on another address than PUBLIC_URL (an internal name): the Host the request came to.
    expect(
      isSameOriginPost({ publicUrl, host: 'intern.example:8080', origin: 'http://intern.example:8080' }),
    ).toBe(true);
  });

  it('refuses another site, a sibling site, an opaque origin and another port', () => {
    expect(isSameOriginPost({ publicUrl, host, origin: 'https://evil.example' })).toBe(false);
    expect(isSameOriginPost({ publicUrl, host, secFetchSite: 'cross-site' })).toBe(false);
    expect(isSameOriginPost({ publicUrl, host, secFetchSite: 'same-site' })).toBe(false);
    expect(isSameOriginPost({ publicUrl, host, origin: 'null' })).toBe(false);
    expect(isSameOriginPost({ publicUrl, host, origin: 'https://bezwaar.example.nl:444' })).toBe(false);
    expect(isSameOriginPost({ publicUrl, host, origin: 'https://bezwaar.example.nl.evil.example' })).toBe(
      false,
    );
    expect(
      isSameOriginPost({ publicUrl, host, secFetchSite: 'same-origin', origin: 'https://evil.example' }),
    ).toBe(false);
    expect(isSameOriginPost({ publicUrl, origin: 'https://other.example' })).toBe(false);
  });
});
