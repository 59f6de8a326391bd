import type { InboxItem, InboxPage } from '../inbox/inbox-query';
import { NO_FILTERS, readInboxFilters } from './inbox-filters';
import { inboxView, lifeDomainText } from './inbox-view';

const item = (overrides: Partial<InboxItem> = {}): InboxItem => ({
  reference: 'RIV-2026-00001',
  status: 'received',
  regulation: { code: 'participatiewet', name: 'Bijstandsuitkering (Participatiewet)' },
  objectorName: 'Bo de Vries',
  receivedAt: '2026-12-01T09:30:00.000Z',
  nextDeadline: { date: '2026-12-14', kind: 'decision_term', workingDaysLeft: 3 },
  decisionTermEnds: '2026-12-14',
  overdue: false,
  atRisk: true,
  flags: ['angry', 'multi_problem'],
  sentiment: { label: 'angry', score: 0.8 },
  lifeDomains: ['finances', 'housing'],
  assignee: null,
  timely: true,
  awaitingReply: false,
  firstContact: { at: null, dueOn: '2026-12-08', late: false },
  informalContactRunning: false,
  penaltyStartsOn: null,
  ...overrides,
});

const page = (items: InboxItem[], nextCursor: string | null = null): InboxPage => ({
  items,
  nextCursor,
  counts: {
    byStatus: { received: 2, informal_contact: 1, formal_procedure: 0, decided: 4, withdrawn: 0, closed: 0 },
    overdue: 1,
    atRisk: 2,
    mine: 1,
    unassigned: 2,
    noContact: 0,
  },
  today: '2026-12-09',
  atRiskUntil: '2026-12-16',
});

const context = {
  tenantSlug: 'rivierstad',
  filters: NO_FILTERS,
  handlers: [{ id: 'h1', name: 'Jeroen Bakker' }],
  regulations: [{ code: 'participatiewet', name: 'Bijstandsuitkering (Participatiewet)' }],
};

describe('inboxView', () => {
  it('makes a row per case with Dutch flags, life domains, deadline and assignee', () => {
    const view = inboxView(
      page([
        item(),
        item({
          reference: 'RIV-2026-00002',
          flags: [],
          lifeDomains: [],
          assignee: { id: 'h1', name: 'Jeroen Bakker' },
          awaitingReply: true,
          nextDeadline: null,
          atRisk: false,
        }),
      ]),
      context,
    );
    expect(view.rows[0]).toMatchObject({
      reference: 'RIV-2026-00001',
      href: '/rivierstad/behandelaar/zaken/RIV-2026-00001',
      name: 'Bo de Vries',
      status: 'Ontvangen',
      flags: ['boos', 'meerdere problemen'],
      lifeDomains: 'financiën, huisvesting',
      assignee: undefined,
      awaitingReply: false,
      deadline: {
        text: 'Beslistermijn eindigt 14 december 2026',
        remaining: 'over 3 werkdagen',
        marker: { label: 'Bijna verlopen', modifier: 'at-risk' },
      },
    });
    expect(view.rows[1]).toMatchObject({
      assignee: 'Jeroen Bakker',
      awaitingReply: true,
      deadline: null,
      lifeDomains: '',
    });
    expect(view.nextHref).toBeUndefined();
  });

  it('turns the counts into links that filter, marking the one in use', () => {
    const view = inboxView(page([]), {
      ...context,
      filters: readInboxFilters({ behandelaar: 'mij' }).filters,
    });
    expect(view.counts.statuses[0]).toEqual({
      label: 'Ontvangen',
      count: 2,
      href: '/rivierstad/behandelaar?status=received',
      current: false,
    });
    expect(view.counts.work).toEqual([
      { label: 'Termijn verlopen', count: 1, href: '/rivierstad/behandelaar?verlopen=1', current: false },
      { label: 'Bijna verlopen', count: 2, href: '/rivierstad/behandelaar?risico=1', current: false },
      { label: 'Mijn zaken', count: 1, href: '/rivierstad/behandelaar?behandelaar=mij', current: true },
      {
        label: 'Niet toegewezen',
        count: 2,
        href: '/rivierstad/behandelaar?behandelaar=geen',
        current: false,
      },
      {
        label: 'Nog geen contact (te laat)',
        count: 0,
        href: '/rivierstad/behandelaar?geencontact=1',
        current: false,
      },
    ]);
    expect(view.filtered).toBe(true);
  });

  it('marks a late first contact, a running or coming penalty and informal contact, in words', () => {
    const view = inboxView(
      page([
        item({ firstContact: { at: null, dueOn: '2026-12-08', late: true } }),
        item({
          reference: 'RIV-2026-00002',
          status: 'informal_contact',
          informalContactRunning: true,
          penaltyStartsOn: '2026-12-09',
        }),
        item({ reference: 'RIV-2026-00003', status: 'formal_procedure', penaltyStartsOn: '2026-12-23' }),
      ]),
      context,
    );
    expect(view.rows.map((r) => [r.noContactLate, r.informalRunning, r.penalty])).toEqual([
      [true, false, undefined],
      [false, true, 'dwangsom loopt'],
      [false, false, 'dwangsom vanaf 23 december 2026'],
    ]);
  });

  it('offers the sort by first contact and the "geen contact" filter, and names the caption after the sort', () => {
    const { filters } = readInboxFilters({ sorteer: 'contact', geencontact: '1' });
    const view = inboxView(page([item()]), { ...context, filters });
    expect(view.filterForm.sorts.find((s) => s.selected)?.value).toBe('contact');
    expect(view.filterForm.noContact).toBe(true);
    expect(view.caption).toBe('Bezwaren, eerst die zonder contact (te laat), dan de eerstvolgende termijn');
  });

  describe('the bulk form', () => {
    const rows = [
      item(),
      item({ reference: 'RIV-2026-00002', objectorName: 'Karel' }),
      item({ reference: 'RIV-2026-00009', status: 'decided' }),
    ];

    it('gives a checkbox to open cases only and posts with the list it came from', () => {
      const { filters } = readInboxFilters({ status: ['received', 'decided'] });
      const view = inboxView(page(rows), { ...context, filters, cursor: 'abc.def' });
      expect(view.rows.map((r) => r.select?.id)).toEqual([
        'kies-RIV-2026-00001',
        'kies-RIV-2026-00002',
        undefined,
      ]);
      expect(view.bulk).toMatchObject({
        action: '/rivierstad/behandelaar/bulk',
        list: 'status=received&status=decided&na=abc.def',
        open: false,
        errors: [],
      });
      expect(view.bulk!.outcome.options.map((o) => o.label)).toEqual([
        'Niet-ontvankelijk',
        'Ongegrond',
        'Gegrond',
        'Gedeeltelijk gegrond',
      ]);
      expect(view.bulk!.hearing.options[0]).toEqual({
        value: '',
        label: 'Volgt uit het dossier van elke zaak',
        selected: true,
      });
    });

    it('is left out when the page shows no open case', () => {
      expect(inboxView(page([rows[2]]), context).bulk).toBeUndefined();
    });

    it('comes back with what was ticked and typed, each message beside its case or input', () => {
      const bulk = {
        values: {
          zaken: ['RIV-2026-00002', 'RIV-2026-00077'],
          uitkomst: 'unfounded',
          motivering: 'Mijn motivering',
          hoorzitting: 'clearly_unfounded',
          lijst: '',
        },
        fields: { zaak: '1 van de 2 zaken kunnen niet in deze reeks.' },
        cases: {
          'RIV-2026-00002': 'RIV-2026-00002 is al afgehandeld (status Besloten).',
          'RIV-2026-00077': 'Er is geen bezwaar met kenmerk RIV-2026-00077.',
        },
      };
      const view = inboxView(page(rows), { ...context, bulk, runningBatches: ['b1'] });
      expect(view.rows[1].select).toEqual({
        id: 'kies-RIV-2026-00002',
        checked: true,
        error: 'RIV-2026-00002 is al afgehandeld (status Besloten).',
      });
      expect(view.rows[0].select?.checked).toBe(false);
      expect(view.bulk).toMatchObject({
        open: true,
        casesError:
          '1 van de 2 zaken kunnen niet in deze reeks. Er is geen bezwaar met kenmerk RIV-2026-00077.',
        runningBatches: [{ href: '/rivierstad/behandelaar/bulk/b1' }],
        reasoning: { id: 'bulk-motivering', value: 'Mijn motivering' },
      });
      expect(view.bulk!.errors).toEqual([
        {
          href: '#kies-RIV-2026-00001',
          message:
            '1 van de 2 zaken kunnen niet in deze reeks. Er is geen bezwaar met kenmerk RIV-2026-00077.',
        },
        { href: '#kies-RIV-2026-00002', message: 'RIV-2026-00002 is al afgehandeld (status Besloten).' },
      ]);
      expect(view.bulk!.outcome.options.find((o) => o.checked)?.value).toBe('unfounded');
      expect(view.bulk!.hearing.options.find((o) => o.selected)?.value).toBe('clearly_unfounded');
    });
  });

  it('keeps the filter form as the handler set it, and links the next page with the same filters', () => {
    const { filters } = readInboxFilters({
      signaal: 'angry',
      regeling: 'participatiewet',
      behandelaar: 'h1',
    });
    const view = inboxView(page([item()], 'next.cursor'), {
      ...context,
      filters: { ...filters, assignee: 'h1' },
    });
    expect(view.filterForm.flags.find((f) => f.value === 'angry')).toMatchObject({
      label: 'boos',
      checked: true,
    });
    expect(view.filterForm.regulations.find((r) => r.selected)?.value).toBe('participatiewet');
    expect(view.filterForm.assignees.map((a) => a.label)).toEqual([
      'Iedereen',
      'Mijn zaken',
      'Niet toegewezen',
      'Jeroen Bakker',
    ]);
    expect(view.filterForm.atRiskUntil).toBe('16 december 2026');
    expect(view.nextHref).toBe(
      '/rivierstad/behandelaar?regeling=participatiewet&behandelaar=h1&signaal=angry&na=next.cursor',
    );
  });

  it('writes life domains as a handler reads them', () => {
    expect(lifeDomainText(['finances', 'housing'])).toBe('financiën, huisvesting');
    expect(lifeDomainText([])).toBe('');
  });
});
