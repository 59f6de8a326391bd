import { mayScrape, routeLabel } from './scrape-access';

describe('scrape access', () => {
  it('with a token, admits only its bearer', () => {
    expect(mayScrape('Bearer s3cret-token', 's3cret-token', true)).toBe(true);
    expect(mayScrape('Bearer s3cret-tokeN', 's3cret-token', true)).toBe(false);
    expect(mayScrape('s3cret-token', 's3cret-token', false)).toBe(false);
    expect(mayScrape(undefined, 's3cret-token', false)).toBe(false);
  });

  it('without a token, is off in production and open elsewhere', () => {
    expect(mayScrape(undefined, undefined, true)).toBe(false);
    expect(mayScrape('Bearer anything', undefined, true)).toBe(false);
    expect(mayScrape(undefined, undefined, false)).toBe(true);
  });

  it('labels a request by its route template, an unmatched one as such', () => {
    expect(routeLabel('/api/v1/tenants/:tenant/inbox')).toBe('/api/v1/tenants/:tenant/inbox');
    expect(routeLabel(undefined)).toBe('unmatched');
  });
});
