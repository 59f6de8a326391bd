import { hasFilters, inboxHref, inboxQueryOf, NO_FILTERS, readInboxFilters } from './inbox-filters';

describe('inbox filters', () => {
  it('reads the Dutch query string into filters and the service query', () => {
    const { filters, cursor } = readInboxFilters({
      status: ['received', 'informal_contact'],
      regeling: 'participatiewet',
      behandelaar: 'mij',
      signaal: ['angry', 'multi_problem'],
      tijdig: 'nee',
      verlopen: '1',
      risico: '1',
      zoek: '  Bo de Vries ',
      sorteer: 'ontvangen',
      aantal: '25',
      na: 'abc.def',
    });
    expect(cursor).toBe('abc.def');
    expect(inboxQueryOf(filters, cursor)).toEqual({
      limit: 25,
      sort: 'received',
      status: ['received', 'informal_contact'],
      regulation: 'participatiewet',
      assignee: 'me',
      flags: ['angry', 'multi_problem'],
      timeliness: 'late',
      overdue: true,
      atRisk: true,
      q: 'Bo de Vries',
      cursor: 'abc.def',
    });
    expect(inboxQueryOf(readInboxFilters({ behandelaar: 'geen', tijdig: 'ja' }).filters)).toEqual({
      limit: 50,
      sort: 'deadline',
      assignee: 'none',
      timeliness: 'timely',
    });
  });

  it('leaves out what the form cannot produce instead of failing', () => {
    const { filters, cursor } = readInboxFilters({
      status: ['bogus', 'received', 'received'],
      regeling: '../etc',
      behandelaar: 'iemand',
      signaal: 'nope',
      tijdig: 'misschien',
      verlopen: 'ja',
      sorteer: 'naam',
      aantal: '100000',
      na: 'x'.repeat(600),
      zoek: ['eerste', 'tweede'],
    });
    expect(filters).toEqual({ ...NO_FILTERS, status: ['received'], q: 'eerste' });
    expect(cursor).toBeUndefined();
    expect(inboxQueryOf(readInboxFilters({}).filters)).toEqual({ limit: 50, sort: 'deadline' });
  });

  it('reads the first-contact filter and sort', () => {
    const { filters } = readInboxFilters({ geencontact: '1', sorteer: 'contact' });
    expect(filters).toMatchObject({ noContact: true, sort: 'contact' });
    expect(inboxQueryOf(filters)).toEqual({ limit: 50, sort: 'contact', noContact: true });
    expect(inboxHref('rivierstad', filters)).toBe('/rivierstad/behandelaar?geencontact=1&sorteer=contact');
    expect(hasFilters(filters)).toBe(true);
    expect(readInboxFilters({ geencontact: 'ja' }).filters.noContact).toBe(false);
  });

  it('accepts a staff id as assignee', () => {
    const id = '0b9c4e8a-7f1d-4c2b-9a3e-5d6f7a8b9c0d';
    expect(inboxQueryOf(readInboxFilters({ behandelaar: id.toUpperCase() }).filters).assignee).toBe(id);
  });

  it('writes filters back as an address, defaults left out, so a page link keeps them', () => {
    const { filters } = readInboxFilters({ status: 'received', zoek: 'Bo & Co', aantal: '10' });
    expect(inboxHref('rivierstad', filters, 'c.d')).toBe(
      '/rivierstad/behandelaar?status=received&zoek=Bo+%26+Co&aantal=10&na=c.d',
    );
    expect(inboxHref('rivierstad', NO_FILTERS)).toBe('/rivierstad/behandelaar');
    expect(
      readInboxFilters(Object.fromEntries(new URL(`http://x${inboxHref('r', filters)}`).searchParams))
        .filters,
    ).toEqual(filters);
  });

  it('knows when anything is filtered (the sort order and page size do not count)', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, sort: 'ontvangen', pageSize: 10 })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, overdue: true })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, q: 'Bo' })).toBe(true);
  });
});
