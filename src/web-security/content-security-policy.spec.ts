import { createHash } from 'node:crypto';
import { apiDocsPolicy, inlineHash, isApiDocsPath, pagePolicy } from './content-security-policy';

describe('pagePolicy', () => {
  it('runs no script, allows inline style only by hash, and keeps forms and frames at home', () => {
    expect(pagePolicy({ styleHashes: ["'sha256-abc='"], https: false })).toBe(
      "default-src 'self'; script-src 'none'; style-src 'self' 'sha256-abc='; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; " +
        "frame-ancestors 'none'",
    );
  });

  it('never allows unsafe-inline or unsafe-eval', () => {
    const policy = pagePolicy({ styleHashes: [], https: true });
    expect(policy).not.toContain('unsafe');
    expect(policy.endsWith('; upgrade-insecure-requests')).toBe(true);
  });
});

describe('apiDocsPolicy', () => {
  it('lets the Swagger UI style itself but still forbids plugins, <base> and framing', () => {
    const policy = apiDocsPolicy({ https: false });
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("script-src 'self' 'unsafe");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['/api/docs', true],
    ['/api/docs/', true],
    ['/api/docs/swagger-ui-init.js', true],
    ['/api/docs?x', true],
    ['/api/v1/docs', false],
    ['/rivierstad/api/docs', false],
  ])('knows %s for a docs path: %s', (path, docs) => {
    expect(isApiDocsPath(path)).toBe(docs);
  });
});

describe('inlineHash', () => {
  it('is the base64 SHA-256 of the exact text, quoted as CSP wants it', () => {
    const expected = createHash('sha256').update('body{}').digest('base64');
    expect(inlineHash('body{}')).toBe(`'sha256-${expected}'`);
  });
});
