import { pathOf } from './logger-options';

describe('pathOf (what a request log line shows of the URL)', () => {
  it('drops the query string, which may hold a name or a search', () => {
    expect(pathOf('/api/v1/tenants/rivierstad/inbox?q=de%20Vries')).toBe('/api/v1/tenants/rivierstad/inbox');
  });

  it("never logs a citizen's secret case link", () => {
    expect(pathOf('/rivierstad/zaak/abcDEF123_-xyz?ontvangen=1')).toBe('/rivierstad/zaak/[token]');
    expect(pathOf('/api/v1/tenants/rivierstad/cases/abcDEF123/documents/42')).toBe(
      '/api/v1/tenants/rivierstad/cases/[token]/documents/42',
    );
  });
});
