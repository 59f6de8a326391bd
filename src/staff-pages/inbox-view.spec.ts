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
    ]);
    expect(view.filtered).toBe(true);
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
