import { staffIdsIn, TimelineEvent, timelineView } from './timeline-view';

const BO_BAKKER = '6f1c1c3e-0000-4000-8000-000000000001';
const JEROEN = '6f1c1c3e-0000-4000-8000-000000000002';
const names = new Map([
  [BO_BAKKER, 'Bo Bakker'],
  [JEROEN, 'Jeroen Bakker'],
]);

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));
const event = (
  minute: number,
  actor: string,
  kind: string,
  data: Record<string, unknown> = {},
): TimelineEvent => ({
  at: at(minute),
  actor,
  kind,
  data,
});
const summaries = (events: TimelineEvent[]) => timelineView(events, names).map((e) => e.summary);

describe('timelineView', () => {
  it('says when an objection came in and whether it was on time', () => {
    expect(
      summaries([
        event(0, 'citizen', 'filed', { timely: true, missingElements: [], attachments: 0 }),
        event(1, 'citizen', 'filed', { timely: false, missingElements: [], attachments: 1 }),
        event(2, 'citizen', 'filed', { timely: true, missingElements: ['signature'], attachments: 2 }),
      ]),
    ).toEqual([
      'Bezwaar ontvangen (op tijd)',
      'Bezwaar ontvangen (te laat; 1 bijlage)',
      'Bezwaar ontvangen (op tijd; ontbreekt: uw handtekening (of inloggen met DigiD); 2 bijlagen)',
    ]);
  });

  it('names the actor: the citizen, the system or the staff member', () => {
    const entries = timelineView(
      [
        event(0, 'citizen', 'filed', { timely: true, missingElements: [] }),
        event(1, 'system', 'signals_updated', { sentiment: 'neutral', lifeDomains: [], flags: [] }),
        event(2, `staff:${JEROEN}`, 'status_changed', { from: 'received', to: 'informal_contact' }),
        event(3, 'staff:00000000-0000-4000-8000-00000000dead', 'message_to_citizen', { body: 'Hallo' }),
      ],
      names,
    );
    expect(entries.map((e) => e.actor)).toEqual([
      { kind: 'citizen', name: 'Inwoner' },
      { kind: 'system', name: 'Systeem' },
      { kind: 'staff', name: 'Jeroen Bakker' },
      { kind: 'staff', name: 'Onbekende medewerker' },
    ]);
  });

  it('summarises assignment, reassignment and unassignment with names', () => {
    const by = `staff:${JEROEN}`;
    expect(
      summaries([
        event(0, by, 'assigned', {
          assigneeId: BO_BAKKER,
          assigneeName: 'Bo Bakker',
          previousAssigneeId: null,
        }),
        // An event without the name snapshot falls back to the directory.
        event(1, by, 'assigned', { assigneeId: JEROEN, assigneeName: null, previousAssigneeId: BO_BAKKER }),
        event(2, by, 'assigned', { assigneeId: null, assigneeName: null, previousAssigneeId: JEROEN }),
        event(3, by, 'assigned', { assigneeId: null, assigneeName: null, previousAssigneeId: null }),
      ]),
    ).toEqual([
      'Toegewezen aan Bo Bakker',
      'Toegewezen aan Jeroen Bakker',
      'Niet meer toegewezen aan Jeroen Bakker',
      'Niet meer toegewezen',
    ]);
  });

  it('summarises status changes with the Dutch labels, keeping the note in the data', () => {
    const [entry] = timelineView(
      [
        event(0, `staff:${JEROEN}`, 'status_changed', {
          from: 'received',
          to: 'informal_contact',
          note: 'Gebeld',
        }),
      ],
      names,
    );
    expect(entry.summary).toBe('Status: Ontvangen → Informeel contact');
    expect(entry.data).toEqual({ from: 'received', to: 'informal_contact', note: 'Gebeld' });
  });

  it('summarises referrals, messages and signals', () => {
    expect(
      summaries([
        event(0, `staff:${JEROEN}`, 'referral_sent', {
          partnerCode: 'schuldhulpverlening',
          partnerName: 'Schuldhulpverlening Rivierstad',
          kind: 'debt_counselling',
          description: 'Hulp bij schulden.',
        }),
        event(1, `staff:${JEROEN}`, 'message_to_citizen', { body: 'Kunnen we bellen?' }),
        event(2, 'citizen', 'message_from_citizen', { body: 'Ja, graag.' }),
        event(3, 'system', 'signals_updated', {
          sentiment: 'angry',
          lifeDomains: ['finances', 'housing'],
          flags: ['angry', 'multi_problem'],
        }),
        event(4, 'system', 'signals_updated', {
          sentiment: 'distressed',
          lifeDomains: [],
          flags: ['distressed'],
        }),
      ]),
    ).toEqual([
      'Doorverwezen naar Schuldhulpverlening Rivierstad',
      'Bericht aan inwoner',
      'Bericht van inwoner',
      'Signalen bijgewerkt: boos; financiën, huisvesting',
      'Signalen bijgewerkt: in nood',
    ]);
  });

  it('orders oldest first and keeps the stored order of events at the same moment', () => {
    const entries = timelineView(
      [
        event(5, 'citizen', 'message_from_citizen'),
        event(0, 'citizen', 'filed', { timely: true }),
        event(5, `staff:${JEROEN}`, 'message_to_citizen'),
      ],
      names,
    );
    expect(entries.map((e) => e.kind)).toEqual(['filed', 'message_from_citizen', 'message_to_citizen']);
    expect(entries[0].at).toBe('2026-11-20T09:00:00.000Z');
  });

  it('reads an unknown event kind or odd data as one line instead of failing', () => {
    expect(
      summaries([
        event(0, 'system', 'something_new'),
        event(1, 'system', 'status_changed', { from: 'received', to: 'somewhere' }),
        event(2, 'system', 'referral_sent', {}),
        event(3, `staff:${JEROEN}`, 'assigned', { assigneeId: BO_BAKKER, assigneeName: 'Bo\nBakker' }),
      ]),
    ).toEqual([
      'Something new',
      'Status: Ontvangen → somewhere',
      'Doorverwezen naar een hulporganisatie',
      'Toegewezen aan Bo Bakker',
    ]);
  });
});

describe('staffIdsIn', () => {
  it('collects staff actors and assignees once each', () => {
    expect(
      staffIdsIn([
        { actor: `staff:${JEROEN}`, data: { assigneeId: BO_BAKKER, previousAssigneeId: null } },
        { actor: 'citizen', data: {} },
        { actor: `staff:${JEROEN}`, data: { previousAssigneeId: BO_BAKKER } },
      ]).sort(),
    ).toEqual([BO_BAKKER, JEROEN].sort());
  });

  it('tells the informal approach, the formal procedure and the decision in Dutch', () => {
    expect(
      summaries([
        event(0, `staff:${JEROEN}`, 'contact_attempt', { channel: 'phone', reached: false }),
        event(1, `staff:${JEROEN}`, 'conversation', {
          channel: 'phone',
          notes: '…',
          agreedRoute: 'referral',
        }),
        event(2, `staff:${JEROEN}`, 'repair_requested', {
          elements: ['signature'],
          repairTermEnds: '2026-12-14',
        }),
        event(3, `staff:${JEROEN}`, 'hearing_waived', { ground: 'waived_by_objector' }),
        event(4, `staff:${JEROEN}`, 'decision_term_extended', {
          weeks: 6,
          previousEnd: '2027-01-14',
          newEnd: '2027-02-25',
        }),
        event(5, `staff:${JEROEN}`, 'penalty_fixed', { amountCents: 32200, days: 14 }),
        event(6, `staff:${JEROEN}`, 'decided', { outcome: 'partially_founded' }),
      ]),
    ).toEqual([
      'Contactpoging telefonisch: niet bereikt',
      'Gesprek telefonisch; afgesproken: verwijzing naar hulp',
      'Om herstel gevraagd: uw handtekening (of inloggen met DigiD); termijn tot en met 14 december 2026',
      'Afgezien van horen: indiener wil niet gehoord worden (7:3 onder c)',
      'Beslistermijn verdaagd met 6 weken: tot en met 25 februari 2027 (was 14 januari 2027)',
      'Dwangsom vastgesteld: € 322,00 (14 dagen)',
      'Beslist: gedeeltelijk gegrond',
    ]);
  });
});
