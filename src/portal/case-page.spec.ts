import { join } from 'node:path';
import type { CaseFile } from '../objections/case-view.service';
import { casePageView, fileSize } from './case-page';
import { PortalRenderer } from './portal-renderer';

describe('casePageView', () => {
  const file = {
    objection: {
      reference: 'RIV-2026-00001',
      status: 'received',
      receivedAt: new Date('2026-11-28T23:30:00Z'),
      decision: { date: '2026-11-02', reference: 'PW-1' },
      objector: { name: 'Bo', email: 'bo@example.nl' },
      representative: null,
      timely: true,
      objectionTermEnds: '2026-12-14',
      decisionTermEnds: '2027-03-08',
      missingElements: ['signature'],
    },
    regulation: { name: 'Bijstand' },
    events: [
      { kind: 'filed', at: new Date('2026-11-28T23:30:00Z') },
      { kind: 'flagged', at: new Date('2026-11-28T23:31:00Z') },
    ],
    documents: [
      { id: 'd1', kind: 'attachment', filename: 'brief.pdf', mediaType: 'application/pdf', size: 812 },
      { id: 'd2', kind: 'receipt', filename: 'ontvangst.pdf', mediaType: 'application/pdf', size: 27_000 },
    ],
  } as unknown as CaseFile;

  it('says it in plain Dutch with written-out dates in Amsterdam time', () => {
    const view = casePageView(file, { caseHref: '/r/zaak/t', received: true, firstContactWorkingDays: 5 });
    expect(view.status.label).toBe('Ontvangen');
    expect(view.receivedOn).toBe('zondag 29 november 2026');
    expect(view.decisionTermEnds).toBe('maandag 8 maart 2027');
    expect(view.missing).toEqual(['uw handtekening (of inloggen met DigiD)']);
    expect(view.confirmation).toEqual({ email: true, firstContactWorkingDays: 5 });
  });

  it('shows the receipt before the attachments, and only timeline events meant for the citizen', () => {
    const view = casePageView(file, { caseHref: '/r/zaak/t', received: false, firstContactWorkingDays: 5 });
    expect(view.documents.map((d) => [d.kind, d.href, d.type])).toEqual([
      ['Ontvangstbevestiging', '/r/zaak/t/documenten/d2', 'PDF'],
      ['Uw bijlage', '/r/zaak/t/documenten/d1', 'PDF'],
    ]);
    expect(view.timeline.map((e) => e.label)).toEqual(['Uw bezwaar is ontvangen']);
    expect(view.timeline[0].time).toBe('00:30');
    expect(view.confirmation).toBeUndefined();
  });
});

describe('casePageView: messages, referrals and the reply form', () => {
  const at = (iso: string) => new Date(iso);
  const conversation = (status = 'informal_contact') =>
    ({
      objection: {
        reference: 'RIV-2026-00007',
        status,
        receivedAt: at('2026-11-20T09:00:00Z'),
        decision: { date: '2026-11-02' },
        objector: { name: 'Bo', email: 'bo@example.nl' },
        representative: null,
        timely: true,
        objectionTermEnds: '2026-12-14',
        decisionTermEnds: '2027-03-08',
        missingElements: [],
      },
      regulation: { name: 'Bijstand' },
      events: [
        { kind: 'filed', at: at('2026-11-20T09:00:00Z'), data: {} },
        { kind: 'assigned', at: at('2026-11-20T10:00:00Z'), data: { assigneeName: 'Jeroen' } },
        {
          kind: 'message_to_citizen',
          at: at('2026-11-21T08:15:00Z'),
          data: { body: 'Beste mevrouw De Vries,\nIk bel u morgen.\n\nGroet, Jeroen' },
        },
        { kind: 'signals_updated', at: at('2026-11-21T09:00:00Z'), data: { flags: ['angry'] } },
        {
          kind: 'message_from_citizen',
          at: at('2026-11-21T09:00:00Z'),
          data: { body: '<script>x</script>' },
        },
        {
          kind: 'referral_sent',
          at: at('2026-11-22T12:00:00Z'),
          data: {
            partnerCode: 'schuldhulpverlening',
            partnerName: 'Schuldhulpverlening Rivierstad',
            kind: 'debt_counselling',
            description: 'Hulp bij schulden. Gratis.',
            phone: '14 0123',
            email: 'schuldhulp@rivierstad.example',
            website: 'https://www.rivierstad.example/schuldhulp',
            note: 'Zij kunnen u ook helpen met de terugvordering.',
          },
        },
        {
          kind: 'referral_sent',
          at: at('2026-11-23T12:00:00Z'),
          data: {
            partnerName: 'Het Juridisch Loket',
            kind: 'legal_aid',
            description: 'Gratis juridisch advies.',
            website: 'javascript:alert(1)',
          },
        },
        {
          kind: 'status_changed',
          at: at('2026-11-24T12:00:00Z'),
          data: { from: 'received', to: 'informal_contact' },
        },
      ],
      documents: [],
    }) as unknown as CaseFile;
  const context = { caseHref: '/rivierstad/zaak/t', received: false, firstContactWorkingDays: 5 };

  it('lists the messages oldest first, split into paragraphs of lines, with who wrote them', () => {
    const view = casePageView(conversation(), { ...context, tenantName: 'Gemeente Rivierstad' });
    expect(view.messages.map((m) => [m.from, m.fromCitizen, m.paragraphs, m.time])).toEqual([
      [
        'Gemeente Rivierstad schreef',
        false,
        [['Beste mevrouw De Vries,', 'Ik bel u morgen.'], ['Groet, Jeroen']],
        '09:15',
      ],
      ['U schreef', true, [['<script>x</script>']], '10:00'],
    ]);
  });

  it('shows the referrals as sent, newest first, with only web links as links', () => {
    const view = casePageView(conversation(), context);
    expect(view.referrals).toEqual([
      expect.objectContaining({ name: 'Het Juridisch Loket', website: undefined, phone: undefined }),
      expect.objectContaining({
        name: 'Schuldhulpverlening Rivierstad',
        description: 'Hulp bij schulden. Gratis.',
        note: [['Zij kunnen u ook helpen met de terugvordering.']],
        phoneHref: 'tel:140123',
        email: 'schuldhulp@rivierstad.example',
        website: 'https://www.rivierstad.example/schuldhulp',
        websiteLabel: 'www.rivierstad.example/schuldhulp',
      }),
    ]);
  });

  it('names messages, referrals and status changes in the timeline, never assignments or signals', () => {
    const labels = casePageView(conversation(), context).timeline.map((e) => e.label);
    expect(labels).toEqual([
      'Nieuwe status: In gesprek',
      'Wij hebben u doorverwezen naar hulp',
      'Wij hebben u doorverwezen naar hulp',
      'U heeft ons een bericht gestuurd',
      'U heeft een bericht van ons gekregen',
      'Uw bezwaar is ontvangen',
    ]);
  });

  it('keeps what was typed beside the error, and offers no form on a closed case', () => {
    const view = casePageView(conversation(), {
      ...context,
      reply: { value: '  ', error: 'Typ eerst uw bericht.' },
    });
    expect(view.reply).toMatchObject({
      action: '/rivierstad/zaak/t/bericht',
      field: { id: 'message-body', name: 'body', value: '  ', error: 'Typ eerst uw bericht.' },
      notifyByEmail: true,
    });
    expect(view.errors).toEqual([{ href: '#message-body', message: 'Typ eerst uw bericht.' }]);
    const closed = casePageView(conversation('closed'), context);
    expect(closed.reply).toBeUndefined();
    expect(closed.open).toBe(false);
    expect(closed.messages).toHaveLength(2);
  });

  it('renders it all escaped, with line breaks and the help contacts as links', () => {
    const renderer = new PortalRenderer(
      join(__dirname, '..', '..', 'templates'),
      join(__dirname, 'no-tenants'),
    );
    const view = casePageView(conversation(), {
      ...context,
      tenantName: 'Gemeente Rivierstad',
      messageSent: true,
    });
    const html = renderer.render(undefined, 'case', { ...view, layout: { title: 'Uw bezwaar' } });
    expect(html).toContain('<h2 class="heading-l" id="berichten">Berichten</h2>');
    expect(html).toContain('role="status"');
    expect(html).toContain('Beste mevrouw De Vries,<br>Ik bel u morgen.');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<h2 class="heading-l" id="hulp">Hulp</h2>');
    expect(html).toContain('<h3 class="heading-m card__title">Schuldhulpverlening Rivierstad</h3>');
    expect(html).toContain('Bel <a href="tel:140123">14 0123</a>');
    expect(html).toContain('<a href="mailto:schuldhulp@rivierstad.example">');
    expect(html).toContain(
      '<a href="https://www.rivierstad.example/schuldhulp">www.rivierstad.example/schuldhulp</a>',
    );
    expect(html).not.toContain('javascript:');
    expect(html).toMatch(/<label class="label" for="message-body">Stuur ons een bericht<\/label>/);
    expect(html).toContain('action="/rivierstad/zaak/t/bericht"');
  });
});

describe('fileSize', () => {
  it('rounds to kB or MB', () => {
    expect(fileSize(10)).toBe('1 kB');
    expect(fileSize(27_000)).toBe('26 kB');
    expect(fileSize(2.5 * 1024 * 1024)).toBe('2,5 MB');
  });
});
