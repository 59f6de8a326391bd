import { platformLoginUrl, safePlatformReturnPath } from './platform-paths';

describe('safePlatformReturnPath', () => {
  it.each([
    ['/platform/gemeenten/nieuw', '/platform/gemeenten/nieuw'],
    ['/platform/gemeenten/rivierstad?tab=1', '/platform/gemeenten/rivierstad?tab=1'],
    ['/platform', '/platform'],
  ])('keeps a platform page: %s', (candidate, expected) => {
    expect(safePlatformReturnPath(candidate)).toBe(expected);
  });

  it.each([
    'https://evil.example/platform',
    '//evil.example/platform',
    '/\\evil.example',
    '/rivierstad/behandelaar',
    '/platformx',
    '/platform/../rivierstad',
    '/platform/%2e%2e/rivierstad',
    '/platform/inloggen',
    '/platform/inloggen?terug=/platform/x',
    '',
    undefined,
    42,
  ])('goes to the start page instead of %p', (candidate) => {
    expect(safePlatformReturnPath(candidate)).toBe('/platform');
  });
});

describe('platformLoginUrl', () => {
  it('carries a page to come back to, but not the start page', () => {
    expect(platformLoginUrl('/platform/gemeenten/nieuw')).toBe(
      '/platform/inloggen?terug=%2Fplatform%2Fgemeenten%2Fnieuw',
    );
    expect(platformLoginUrl('/platform')).toBe('/platform/inloggen');
    expect(platformLoginUrl('https://evil.example')).toBe('/platform/inloggen');
  });
});
