import type { LocalDate } from '../deadlines/local-date';
import type { StoredDocument } from '../documents/stored-document.entity';
import { CaseFile, staffCaseJson } from '../objections/case-view.service';
import type { ObjectionEvent } from '../objections/objection-event.entity';
import type { Objection } from '../objections/objection.entity';
import type { Regulation } from '../regulations/regulation.entity';
import { formProblem } from './case-forms';
import { CaseViewContext, dateTimeText, staffCaseView } from './staff-case-view';

const HANDLER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function caseFile(overrides: Partial<Objection> = {}, events: Partial<ObjectionEvent>[] = []): CaseFile {
  const objection = {
    tenantId: 't',
    id: 'o',
    reference: 'RIV-2026-00001',
    regulationId: 'r',
    status: 'received',
    receivedAt: new Date('2026-12-01T09:30:00Z'),
    decision: { reference: 'PW-2026-0042', date: '2026-11-20', description: 'Stopzetting' },
    objector: {
      name: 'Bo <de> Vries',
      email: 'bo@example.nl',
      phone: '06 12345678',
      address: { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city: 'Rivierstad' },
    },
    representative: null,
    grounds: { hints: ['beslagvrije_voet', 'onbekend'], text: 'Regel een\nRegel twee' },
    wantsHearing: true,
    contactPreference: 'phone',
    channel: 'portal',
    timely: true,
    objectionTermEnds: '2027-01-01',
    decisionTermEnds: '2027-02-26',
    missingElements: [],
    signals: {
      sentiment: { label: 'angry', score: 0.81, evidence: ['woedend'] },
      lifeDomains: [
        { code: 'finances', evidence: ['deurwaarder'] },
        { code: 'housing', evidence: ['ontruiming'] },
      ],
      multiProblem: true,
      lexicons: { sentiment: '1', lifeDomains: '1' },
    },
    repeatObjector: false,
    citizenSubject: null,
    assigneeId: null,
    statusChangedAt: null,
    repairTermEnds: null,
    penaltyStartsOn: null,
    nextDeadline: '2027-02-26',
    nextDeadlineKind: 'decision_term',
    flags: ['angry', 'multi_problem'],
    lastCitizenMessageAt: null,
    lastStaffMessageAt: null,
    ...overrides,
  } as Objection;
  const regulation = {
    id: 'r',
    code: 'participatiewet',
    name: 'Bijstandsuitkering (Participatiewet)',
    definition: {},
  } as unknown as Regulation;
  return {
    objection,
    regulation,
    events: events.map(
      (e) => ({ tenantId: 't', id: 'e', objectionId: 'o', data: {}, ...e }) as ObjectionEvent,
    ),
    documents: [],
    staffNames: new Map([
      [HANDLER, 'Jeroen Bakker'],
      [OTHER, 'Fatima El Amrani'],
    ]),
  };
}

const context = (overrides: Partial<CaseViewContext> = {}): CaseViewContext => ({
  tenantSlug: 'rivierstad',
  viewerId: HANDLER,
  hints: [{ code: 'beslagvrije_voet', title: 'Ik houd te weinig over om van te leven' }],
  documents: [
    {
      id: 'd1',
      kind: 'receipt',
      filename: 'ontvangstbevestiging.pdf',
      size: 28_000,
      mediaType: 'application/pdf',
    } as StoredDocument,
  ],
  nextDeadline: {
    date: '2027-02-26',
    kind: 'decision_term',
    workingDaysLeft: 55,
    overdue: false,
    atRisk: false,
  },
  handlers: [
    { id: HANDLER, name: 'Jeroen Bakker' },
    { id: OTHER, name: 'Fatima El Amrani' },
  ],
  partners: [
    {
      code: 'schuldhulpverlening',
      name: 'Schuldhulpverlening Rivierstad',
      definition: {
        kind: 'debt_counselling',
        description: 'Gratis hulp bij schulden.',
        phone: '14 0123',
        website: 'javascript:alert(1)',
      },
    },
  ],
  today: '2026-12-09' as LocalDate,
  firstContact: { at: null, dueOn: '2026-12-08' as LocalDate, late: true },
  ...overrides,
});

describe('staffCaseView', () => {
  it('shows the filing, the signals with their evidence, the terms and the documents', () => {
    const view = staffCaseView(staffCaseJson(caseFile()), context());
    expect(view.reference).toBe('RIV-2026-00001');
    expect(view.summary).toMatchObject({
      status: 'Ontvangen',
      assignee: undefined,
      timely: true,
      flags: ['boos', 'meerdere problemen'],
      nextDeadline: {
        text: 'Beslistermijn eindigt 26 februari 2027',
        remaining: 'over 55 werkdagen',
        marker: null,
      },
    });
    expect(view.signals).toMatchObject({
      sentiment: { label: 'boos', score: '0,81', evidence: ['woedend'] },
      lifeDomains: [
        { label: 'financiën', evidence: ['deurwaarder'] },
        { label: 'huisvesting', evidence: ['ontruiming'] },
      ],
      lifeDomainText: 'financiën, huisvesting',
      multiProblem: true,
      late: false,
    });
    expect(view.objector).toMatchObject({
      name: 'Bo <de> Vries',
      address: 'Dijkstraat 12a, 4101 AB Rivierstad',
      phoneHref: 'tel:0612345678',
      contactPreference: 'telefoon',
      wantsHearing: 'ja',
    });
    expect(view.grounds).toEqual({
      hints: ['Ik houd te weinig over om van te leven', 'onbekend'],
      text: 'Regel een\nRegel twee',
    });
    expect(view.terms.map((t) => t.label)).toEqual(['Bezwaartermijn eindigt', 'Beslistermijn eindigt']);
    expect(view.documents).toEqual([
      {
        href: '/rivierstad/behandelaar/zaken/RIV-2026-00001/documenten/d1',
        kind: 'Ontvangstbevestiging',
        filename: 'ontvangstbevestiging.pdf',
        size: '27 kB',
      },
    ]);
    expect(view.errors).toEqual([]);
    expect(view.done).toBeUndefined();
  });

  it('offers the allowed next statuses, the handlers, "aan mij toewijzen" and the partners', () => {
    const view = staffCaseView(staffCaseJson(caseFile()), context());
    expect(view.statusForm.options.map((o) => [o.id, o.label])).toEqual([
      ['status-keuze', 'Informeel contact'],
      ['status-formal_procedure', 'Formele procedure'],
      // Withdrawal has its own form (how the objector withdrew).
      ['status-closed', 'Afgesloten'],
    ]);
    expect(view.assignForm.toMe).toBe(HANDLER);
    expect(view.assignForm.options.map((o) => o.label)).toEqual([
      'Kies een behandelaar',
      'Jeroen Bakker (uzelf)',
      'Fatima El Amrani',
      'Niemand (toewijzing weghalen)',
    ]);
    expect(view.referralForm.options[1]).toEqual({
      value: 'schuldhulpverlening',
      label: 'Schuldhulpverlening Rivierstad (schuldhulpverlening)',
      selected: false,
    });
    // A configured javascript: link never becomes a website.
    expect(view.referralForm.partners[0].website).toBeUndefined();
  });

  it('preselects the current assignee and offers no "aan mij" to the assignee', () => {
    const view = staffCaseView(staffCaseJson(caseFile({ assigneeId: HANDLER })), context());
    expect(view.assignForm.toMe).toBeUndefined();
    expect(view.assignForm.options.find((o) => o.selected)?.value).toBe(HANDLER);
    expect(view.summary.assignee).toBe('Jeroen Bakker');
  });

  it('shows a refused form again with its errors and what was typed', () => {
    const problem = formProblem(
      'status',
      { status: 'closed', toelichting: 'Mijn tekst' },
      undefined,
      'Kan niet.',
    );
    const view = staffCaseView(staffCaseJson(caseFile()), context({ problem }));
    expect(view.errors).toEqual([{ href: '#status-keuze', message: 'Kan niet.' }]);
    expect(view.statusForm.error).toBe('Kan niet.');
    expect(view.statusForm.options.find((o) => o.checked)?.value).toBe('closed');
    expect(view.statusForm.note).toEqual({
      id: 'status-toelichting',
      name: 'toelichting',
      value: 'Mijn tekst',
      error: undefined,
    });
    // The other forms keep their own (empty) state.
    expect(view.messageForm.field.value).toBe('');
  });

  it('writes the timeline with who, when and the full text of messages and notes', () => {
    const file = caseFile({}, [
      { at: new Date('2026-12-01T09:30:00Z'), actor: 'citizen', kind: 'filed', data: { timely: true } },
      {
        at: new Date('2026-12-02T13:05:00Z'),
        actor: `staff:${HANDLER}`,
        kind: 'message_to_citizen',
        data: { body: 'Beste Bo,\nik bel u morgen.' },
      },
    ]);
    const view = staffCaseView(staffCaseJson(file), context({ done: 'bericht' }));
    expect(view.timeline).toEqual([
      {
        iso: '2026-12-01T09:30:00.000Z',
        when: '1 december 2026 om 10:30',
        who: 'Inwoner',
        summary: 'Bezwaar ontvangen (op tijd)',
        details: undefined,
      },
      {
        iso: '2026-12-02T13:05:00.000Z',
        when: '2 december 2026 om 14:05',
        who: 'Jeroen Bakker',
        summary: 'Bericht aan inwoner',
        details: 'Beste Bo,\nik bel u morgen.',
      },
    ]);
    expect(view.done).toContain('Uw bericht is verstuurd.');
  });

  it('offers no status change on a finished case', () => {
    const view = staffCaseView(staffCaseJson(caseFile({ status: 'withdrawn' })), context());
    expect(view.statusForm.options).toEqual([]);
    expect(dateTimeText('2026-07-01T08:00:00Z')).toBe('1 juli 2026 om 10:00');
  });
});
