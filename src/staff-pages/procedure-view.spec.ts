import { addDays, todayInAmsterdam } from '../deadlines/local-date';
import { CaseFile, staffCaseJson } from '../objections/case-view.service';
import type { ObjectionEvent } from '../objections/objection-event.entity';
import type { Objection } from '../objections/objection.entity';
import type { Regulation } from '../regulations/regulation.entity';
import { formProblem } from './case-forms';
import { euros } from './case-text';
import { caseFormFields } from './form-fields';
import { procedureDone } from './procedure-done';
import { procedureOverview } from './procedure-overview';
import { availableSteps, localMoment, procedureForms } from './procedure-view';

const HANDLER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const today = todayInAmsterdam();
const day = (n: number) => addDays(today, n);

function kaseOf(
  overrides: Partial<Objection> = {},
  events: Partial<ObjectionEvent>[] = [],
  advisoryCommittee = false,
) {
  const objection = {
    tenantId: 't',
    id: 'o',
    reference: 'RIV-2026-00001',
    regulationId: 'r',
    status: 'received',
    receivedAt: new Date(`${day(-10)}T09:30:00Z`),
    decision: { reference: 'PW-2026-0042', date: day(-20) },
    objector: { name: 'Bo de Vries' },
    representative: null,
    grounds: { hints: [], text: 'Ik ben het niet eens.' },
    wantsHearing: true,
    contactPreference: 'phone',
    timely: true,
    objectionTermEnds: day(22),
    decisionTermBase: day(64),
    decisionTermPauses: [],
    extensionWeeks: null,
    postponedUntil: null,
    decisionTermEnds: day(64),
    missingElements: ['address'],
    signals: null,
    repeatObjector: false,
    assigneeId: null,
    repairTermEnds: null,
    repairRequestedOn: null,
    noticeOfDefaultOn: null,
    penaltyStartsOn: null,
    firstContactAt: null,
    closedReason: null,
    primaryDecisionBy: null,
    hearing: null,
    outcome: null,
    decidedAt: null,
    costsCents: null,
    ...overrides,
  } as unknown as Objection;
  const regulation = {
    id: 'r',
    code: 'participatiewet',
    name: 'Bijstandsuitkering (Participatiewet)',
    definition: advisoryCommittee ? { advisoryCommittee: true } : {},
  } as unknown as Regulation;
  const file: CaseFile = {
    objection,
    regulation,
    events: events.map(
      (e, i) =>
        ({
          tenantId: 't',
          id: `e${i}`,
          objectionId: 'o',
          at: new Date(`${day(-1)}T10:00:0${i}Z`),
          actor: `staff:${HANDLER}`,
          data: {},
          ...e,
        }) as ObjectionEvent,
    ),
    documents: [],
    staffNames: new Map([
      [HANDLER, 'Jeroen Bakker'],
      [OTHER, 'Fatima El Amrani'],
    ]),
  };
  return staffCaseJson(file);
}

const handlers = [
  { id: HANDLER, name: 'Jeroen Bakker' },
  { id: OTHER, name: 'Fatima El Amrani' },
];
const formsOf = (kase: ReturnType<typeof kaseOf>, problem?: Parameters<typeof caseFormFields>[0]) =>
  procedureForms(kase, {
    caseHref: '/rivierstad/behandelaar/zaken/RIV-2026-00001',
    today,
    handlers,
    staff: handlers,
    fields: caseFormFields(problem),
  });
const noContact = { at: null, dueOn: day(-3), late: true };

describe('procedure overview', () => {
  it('composes the decision term: as filed, pauses, extension and postponement, then the end now', () => {
    const overview = procedureOverview(
      kaseOf(
        {
          decisionTermBase: '2027-02-26',
          decisionTermPauses: [{ from: '2027-01-05', to: '2027-01-18', reason: 'repair_term' }],
          extensionWeeks: 6,
          decisionTermEnds: '2027-04-26',
        },
        [],
        true,
      ),
      noContact,
    );
    expect(overview.decisionTerm).toEqual({
      rows: [
        { label: 'Zoals ingediend', value: '26 februari 2027 (adviescommissie: 12 weken)' },
        { label: 'Stilgestaan', value: '5 januari 2027 tot en met 18 januari 2027 (hersteltermijn)' },
        { label: 'Verdaagd', value: 'met 6 weken' },
      ],
      ends: '26 april 2027',
      endsIso: '2027-04-26',
      advisoryCommittee: true,
    });
    const postponed = procedureOverview(
      kaseOf({ postponedUntil: '2027-05-01', decisionTermEnds: '2027-05-01' }),
      noContact,
    );
    expect(postponed.decisionTerm?.rows.at(-1)).toEqual({
      label: 'Uitstel met instemming',
      value: 'tot en met 1 mei 2027',
    });
  });

  it('says when there was no contact yet and the norm, marked late; or when contact was', () => {
    expect(procedureOverview(kaseOf(), noContact).firstContact).toEqual({
      text: expect.stringMatching(/^nog geen contact; norm: \d{1,2} [a-z]+ \d{4}$/),
      late: true,
    });
    expect(
      procedureOverview(kaseOf({ firstContactAt: new Date('2026-12-03T09:30:00Z') }), noContact).firstContact,
    ).toEqual({ text: '3 december 2026 om 10:30', late: false });
  });

  it('says the decision term keeps running during informal contact', () => {
    const overview = procedureOverview(
      kaseOf({ status: 'informal_contact', decisionTermEnds: '2027-02-26' }),
      noContact,
    );
    expect(overview.informalRunning).toBe(
      'De beslistermijn loopt door tijdens informeel contact: beslis uiterlijk 26 februari 2027.',
    );
    expect(procedureOverview(kaseOf(), noContact).informalRunning).toBeUndefined();
  });

  it('shows the penalty exposure: running with the amount so far and the maximum, or when it will start', () => {
    // Term passed 30 days ago, notice 20 days ago: penalty from 6 days ago, so 7 days of € 23 by today.
    const running = procedureOverview(
      kaseOf({ decisionTermEnds: day(-30), noticeOfDefaultOn: day(-20), penaltyStartsOn: day(-6) }),
      noContact,
    ).penalty;
    expect(running?.urgent).toBe(true);
    expect(running?.text).toMatch(
      /^Dwangsom loopt sinds \d{1,2} [a-z]+ \d{4}: € 161 tot nu, maximaal € 1\.442 \(op /,
    );
    const coming = procedureOverview(
      kaseOf({ decisionTermEnds: day(-10), noticeOfDefaultOn: day(-5) }),
      noContact,
    ).penalty;
    expect(coming).toEqual({
      urgent: false,
      text: expect.stringMatching(
        /^Dwangsom gaat lopen op .* als er dan nog geen beslissing is: maximaal € 1\.442\.$/,
      ),
    });
    expect(procedureOverview(kaseOf(), noContact).penalty).toBeUndefined();
    expect(euros(23050)).toBe('€ 230,50');
  });

  it('lists the hearing and the decision as recorded', () => {
    const overview = procedureOverview(
      kaseOf({
        status: 'decided',
        hearing: {
          plannedAt: '2027-01-14T09:00:00.000Z',
          location: 'Stadhuis',
          hearerId: OTHER,
          hearerName: 'Fatima El Amrani',
          heldAt: '2027-01-14T09:00:00.000Z',
        },
        outcome: 'partially_founded',
        decidedAt: new Date('2027-02-01T10:00:00Z'),
        costsCents: 65_500,
      }),
      noContact,
    );
    expect(overview.hearing).toEqual([
      { label: 'Hoorzitting gepland', value: '14 januari 2027 om 10:00, Stadhuis' },
      { label: 'Hoorder', value: 'Fatima El Amrani' },
      { label: 'Hoorzitting gehouden', value: '14 januari 2027 om 10:00' },
    ]);
    expect(overview.decision).toEqual([
      { label: 'Beslissing', value: 'gedeeltelijk gegrond' },
      { label: 'Beslist op', value: '1 februari 2027 om 11:00' },
      { label: 'Kostenvergoeding', value: '€ 655' },
    ]);
    expect(overview.firstContact).toEqual({ text: 'geen contact vastgelegd', late: false });
    const waived = procedureOverview(kaseOf({ hearing: { waiverGround: 'waived_by_objector' } }), noContact);
    expect(waived.hearing).toEqual([
      { label: 'Afgezien van horen', value: 'indiener wil niet gehoord worden (7:3 onder c)' },
    ]);
  });
});

describe('procedure forms', () => {
  it('offers on a new case everything but what needs an earlier step', () => {
    const steps = availableSteps(kaseOf(), today);
    expect(steps).toEqual({
      informal: true,
      repairRequest: true,
      repairReceived: false,
      planHearing: true,
      waiveHearing: true,
      hearingReport: false,
      extension: true,
      postponement: true,
      noticeOfDefault: false,
      fixPenalty: false,
      decide: true,
    });
  });

  it('offers each step only when it fits: repair received, report, no second extension, notice after the term', () => {
    const steps = availableSteps(
      kaseOf({
        repairTermEnds: day(10),
        repairRequestedOn: day(-4),
        hearing: { plannedAt: '2027-01-14T09:00:00.000Z', hearerId: OTHER },
        extensionWeeks: 6,
        decisionTermEnds: day(-1),
      }),
      today,
    );
    expect(steps).toMatchObject({
      repairRequest: false,
      repairReceived: true,
      hearingReport: true,
      extension: false,
      noticeOfDefault: true,
    });
    // The term passed: no extension any more, even the first.
    expect(availableSteps(kaseOf({ decisionTermEnds: day(-1) }), today).extension).toBe(false);
    // A held hearing is neither planned nor waived again.
    expect(availableSteps(kaseOf({ hearing: { heldAt: '2027-01-14T09:00:00.000Z' } }), today)).toMatchObject({
      planHearing: false,
      waiveHearing: false,
      hearingReport: false,
    });
    // After a notice of default, no postponement and no second notice.
    expect(
      availableSteps(
        kaseOf({ decisionTermEnds: day(-30), noticeOfDefaultOn: day(-20), penaltyStartsOn: day(-6) }),
        today,
      ),
    ).toMatchObject({ postponement: false, noticeOfDefault: false, fixPenalty: true });
  });

  it('offers nothing on a closed case, except fixing a penalty owed on a decided one', () => {
    const withdrawn = formsOf(kaseOf({ status: 'withdrawn' }));
    expect(withdrawn).toEqual({ informal: undefined, formal: undefined, decide: undefined });
    const decided = formsOf(
      kaseOf({
        status: 'decided',
        decisionTermEnds: day(-30),
        noticeOfDefaultOn: day(-20),
        penaltyStartsOn: day(-6),
        decidedAt: new Date(),
      }),
    );
    expect(decided.informal).toBeUndefined();
    expect(decided.decide).toBeUndefined();
    expect(
      Object.entries(decided.formal ?? {})
        .filter(([, form]) => form)
        .map(([name]) => name),
    ).toEqual(['fixPenalty']);
    expect(decided.formal?.fixPenalty?.computed).toBe('6 dagen, € 138');
    // Fixed once: then nothing.
    const fixed = formsOf(
      kaseOf(
        { status: 'decided', decisionTermEnds: day(-30), noticeOfDefaultOn: day(-20), decidedAt: new Date() },
        [{ kind: 'penalty_fixed', data: { amountCents: 13_800, days: 6 } }],
      ),
    );
    expect(fixed.formal).toBeUndefined();
  });

  it('preselects the missing elements, checks the confirmation letter and proposes the case’s own facts', () => {
    const forms = formsOf(
      kaseOf({
        primaryDecisionBy: HANDLER,
        hearing: {
          plannedAt: '2027-01-14T09:00:00.000Z',
          location: 'Stadhuis',
          hearerId: OTHER,
          hearerName: 'Fatima El Amrani',
        },
      }),
    );
    expect(
      forms.formal?.repairRequest?.elements.options.filter((o) => o.checked).map((o) => o.value),
    ).toEqual(['address']);
    expect(forms.formal?.repairRequest?.termDays.value).toBe('14');
    expect(forms.informal?.conversation.confirm.options).toEqual([
      {
        id: 'gesprek-bevestigen',
        value: 'ja',
        label: 'Bevestigingsbrief sturen',
        hint: undefined,
        checked: true,
      },
    ]);
    // The hearer is never the one who took the decision.
    expect(forms.formal?.planHearing?.hearer.options.map((o) => o.label)).toEqual([
      'Kies een hoorder',
      'Fatima El Amrani',
    ]);
    expect(forms.formal?.planHearing?.hearer.field.value).toBe(OTHER);
    expect(forms.formal?.planHearing?.decisionMaker.field.value).toBe(HANDLER);
    expect(forms.formal?.planHearing?.replanning).toBe(true);
    expect(forms.formal?.hearingReport?.heldAt.value).toBe('2027-01-14T10:00');
    expect(forms.formal?.hearingReport?.attendees.value).toBe(
      'Bo de Vries (indiener)\nFatima El Amrani (hoorder)',
    );
    expect(forms.decide?.sendOn.value).toBe(today);
    expect(forms.decide?.outcome.options.map((o) => o.label)).toEqual([
      'Niet-ontvankelijk',
      'Ongegrond',
      'Gegrond',
      'Gedeeltelijk gegrond',
    ]);
    expect(forms.decide?.hearing.options.find((o) => o.checked)).toBeUndefined();
    const waived = formsOf(kaseOf({ hearing: { waiverGround: 'no_response' } }));
    expect(waived.decide?.hearing.options.find((o) => o.checked)?.value).toBe('no_response');
    expect(waived.formal?.waiveHearing?.ground.options.find((o) => o.checked)?.value).toBe('no_response');
  });

  it('asks on receipt about what the last repair request asked for', () => {
    const forms = formsOf(
      kaseOf(
        { repairTermEnds: day(10), repairRequestedOn: day(-4), missingElements: ['address', 'grounds'] },
        [{ kind: 'repair_requested', data: { elements: ['grounds'], repairTermEnds: day(10) } }],
      ),
    );
    expect(forms.formal?.repairReceived?.elements.options).toEqual([
      {
        id: 'ontvangen-onderdelen',
        value: 'grounds',
        label: 'gronden: waarom de indiener het niet eens is',
        hint: undefined,
        checked: true,
      },
    ]);
  });

  it('keeps what the handler typed in a refused form, opens it, and leaves the others as proposed', () => {
    const problem = formProblem(
      'gesprek',
      {
        kanaal: 'video',
        moment: '',
        verslag: 'Mijn verslag',
        speelt: '',
        route: 'referral',
        afspraak: '',
        bevestigen: '',
      },
      [{ field: 'agreement', message: 'Schrijf op wat u heeft afgesproken.' }],
      '',
    );
    const forms = formsOf(kaseOf(), problem);
    expect(forms.informal?.conversation.open).toBe(true);
    expect(forms.informal?.contact.open).toBe(false);
    expect(forms.informal?.conversation.notes.value).toBe('Mijn verslag');
    expect(forms.informal?.conversation.agreement.error).toBe('Schrijf op wat u heeft afgesproken.');
    expect(forms.informal?.conversation.channel.options.find((o) => o.checked)?.value).toBe('video');
    // Unticked by the handler: stays unticked.
    expect(forms.informal?.conversation.confirm.options[0].checked).toBe(false);
    expect(localMoment('2026-07-01T08:00:00Z')).toBe('2026-07-01T10:00');
  });
});

describe('procedure confirmations', () => {
  it('reads the result from the case as it now is', () => {
    expect(procedureDone('verdagen', kaseOf({ extensionWeeks: 6, decisionTermEnds: '2027-04-09' }))).toBe(
      'De beslistermijn is verdaagd tot en met 9 april 2027. De brief staat bij de documenten en de indiener krijgt er bericht over.',
    );
    expect(
      procedureDone(
        'gesprek',
        kaseOf({ status: 'informal_contact' }, [
          { kind: 'conversation', data: {} },
          { kind: 'agreement_confirmed', data: {} },
        ]),
      ),
    ).toBe(
      'Het gesprek is vastgelegd. De status is nu: Informeel contact. De bevestigingsbrief staat bij de documenten.',
    );
    expect(
      procedureDone(
        'contactpoging',
        kaseOf({}, [{ kind: 'contact_attempt', data: { reached: false, channel: 'phone' } }]),
      ),
    ).toBe('De contactpoging is vastgelegd: de indiener is niet bereikt.');
    expect(procedureDone('beslissen', kaseOf({ status: 'decided', outcome: 'unfounded' }))).toMatch(
      /^De beslissing is vastgelegd: ongegrond\./,
    );
    expect(
      procedureDone(
        'dwangsom',
        kaseOf({}, [{ kind: 'penalty_fixed', data: { amountCents: 23_000, days: 10 } }]),
      ),
    ).toBe('De dwangsom is vastgesteld op € 230.');
  });
});
