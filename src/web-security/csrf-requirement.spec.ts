import { needsCsrfToken } from './csrf-requirement';

const request = (
  method: string,
  url: string,
  cookies: Record<string, string> = {},
  headers: Record<string, string> = {},
) => ({ method, url, cookies, headers });

describe('needsCsrfToken', () => {
  it.each([
    ['a staff form', request('POST', '/rivierstad/behandelaar/zaken/1/status', { bp_staff: 'jwt' })],
    ['an operator form', request('POST', '/platform/plannen/nieuw', { bp_operator: 'jwt' })],
    [
      'a portal form of a logged-in citizen',
      request('POST', '/rivierstad/zaak/1/bericht', { bp_citizen: 'jwt' }),
    ],
    ['a login form (login CSRF)', request('POST', '/rivierstad/behandelaar/inloggen')],
    ['an anonymous portal form', request('POST', '/rivierstad/bezwaar/participatiewet')],
    [
      'the API with a session cookie',
      request('POST', '/api/v1/tenants/rivierstad/objections', { bp_citizen: 'x' }),
    ],
    ['a DELETE with a session cookie', request('DELETE', '/api/v1/x', { bp_staff: 'jwt' })],
    ['a lower-case method', request('post', '/platform/inloggen')],
    [
      'a page form with Basic credentials (a browser resends those)',
      request('POST', '/platform/plannen/nieuw', {}, { authorization: 'Basic b3A6cHc=' }),
    ],
    [
      'an empty bearer',
      request('POST', '/rivierstad/uitloggen', { bp_citizen: 'x' }, { authorization: 'Bearer ' }),
    ],
  ])('is required for %s', (_name, candidate) => {
    expect(needsCsrfToken(candidate)).toBe(true);
  });

  it.each([
    ['a page GET', request('GET', '/rivierstad/behandelaar', { bp_staff: 'jwt' })],
    ['a HEAD', request('HEAD', '/platform', { bp_operator: 'jwt' })],
    [
      'a bearer API call',
      request('POST', '/api/v1/tenants/rivierstad/objections', {}, { authorization: 'Bearer x' }),
    ],
    [
      'a bearer call that also has a cookie',
      request('POST', '/api/v1/x', { bp_staff: 'jwt' }, { authorization: 'Bearer x' }),
    ],
    ['a cookieless API call', request('POST', '/api/v1/tenants/rivierstad/objections?x=1')],
    ['the token API', request('POST', '/api/v1/auth/token', { _other: 'x' })],
  ])('is not required for %s', (_name, candidate) => {
    expect(needsCsrfToken(candidate)).toBe(false);
  });

  it('does not take /apiary for the API', () => {
    expect(needsCsrfToken(request('POST', '/apiary/x'))).toBe(true);
  });
});
