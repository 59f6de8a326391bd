import { euroCents, hearingChoiceMessage, readProcedureCommand } from './procedure-forms';

describe('procedure forms', () => {
  it('passes the informal forms to the resolution service as typed, with the choices as its codes', () => {
    expect(
      readProcedureCommand('contactpoging', {
        kanaal: 'phone',
        bereikt: 'nee',
        moment: '',
        notitie: 'Voicemail',
      }),
    ).toEqual({
      action: 'contactpoging',
      input: { at: '', channel: 'phone', reached: 'false', note: 'Voicemail' },
    });
    expect(
      readProcedureCommand('gesprek', {
        kanaal: 'phone',
        moment: '2026-12-03 10:30',
        verslag: 'Gebeld.',
        speelt: '',
        route: 'referral',
        afspraak: 'Schuldhulp belt u.',
        bevestigen: 'ja',
      }),
    ).toEqual({
      action: 'gesprek',
      input: {
        at: '2026-12-03T10:30',
        channel: 'phone',
        notes: 'Gebeld.',
        realIssue: '',
        agreedRoute: 'referral',
        agreement: 'Schuldhulp belt u.',
        confirm: 'true',
      },
    });
    // Unticked: no confirmation letter.
    const unticked = readProcedureCommand('gesprek', {
      kanaal: 'video',
      route: 'explanation',
      bevestigen: '',
    });
    expect(unticked).toMatchObject({ input: { confirm: 'false' } });
  });

  it('asks for a choice left open in the form’s own words', () => {
    expect(readProcedureCommand('contactpoging', { kanaal: '', bereikt: '' })).toEqual([
      { field: 'kanaal', message: 'Kies hoe het contact was.' },
      { field: 'bereikt', message: 'Geef aan of u de indiener heeft bereikt.' },
    ]);
    expect(readProcedureCommand('intrekken', { hoe: 'gefaxt' })).toEqual([
      { field: 'hoe', message: 'Kies hoe het bezwaar is ingetrokken.' },
    ]);
    expect(readProcedureCommand('afzien-horen', { grond: '' })).toEqual([
      { field: 'grond', message: 'Kies de grond om de indiener niet te horen (artikel 7:3 Awb).' },
    ]);
  });

  it('reads a repair request: the ticked elements and a term of 7 to 28 days', () => {
    expect(readProcedureCommand('herstel-vragen', { onderdelen: 'address,grounds', termijn: '21' })).toEqual({
      action: 'herstel-vragen',
      input: { elements: ['address', 'grounds'], termDays: 21 },
    });
    expect(readProcedureCommand('herstel-vragen', { onderdelen: '', termijn: '3' })).toEqual([
      { field: 'onderdelen', message: 'Kies wat de indiener moet aanvullen.' },
      { field: 'termijn', message: 'Geef de hersteltermijn in hele dagen, van 7 tot en met 28.' },
    ]);
    expect(readProcedureCommand('herstel-vragen', { onderdelen: 'bsn', termijn: '14' })).toEqual([
      { field: 'onderdelen', message: 'Kies alleen onderdelen uit de lijst.' },
    ]);
    // Nothing ticked on receipt: the term ran out unused, which the service records.
    expect(readProcedureCommand('herstel-ontvangen', { onderdelen: '' })).toEqual({
      action: 'herstel-ontvangen',
      elements: [],
    });
  });

  it('reads a hearing: the time in the Netherlands as an instant, a place or an https video link', () => {
    expect(
      readProcedureCommand('hoorzitting', {
        moment: '2027-01-14T10:00',
        plaats: ' Stadhuis, zaal 2 ',
        videolink: '',
        hoorder: 'h1',
        besluitnemer: '',
      }),
    ).toEqual({
      action: 'hoorzitting',
      input: { at: '2027-01-14T09:00:00.000Z', location: 'Stadhuis, zaal 2', hearerId: 'h1' },
    });
    expect(
      readProcedureCommand('hoorzitting', {
        moment: 'morgen',
        plaats: '',
        videolink: 'http://video.example/x',
        hoorder: '',
        besluitnemer: '',
      }),
    ).toEqual([
      { field: 'moment', message: 'Vul datum en tijd in als 2027-01-14T10:00 (tijd in Nederland).' },
      { field: 'videolink', message: 'Geef een videolink die begint met https://.' },
      { field: 'hoorder', message: 'Kies wie de indiener hoort.' },
    ]);
  });

  it('reads a hearing report with one attendee per line', () => {
    expect(
      readProcedureCommand('verslag', {
        gehouden: '',
        aanwezigen: 'Bo de Vries\n\n Jeroen Bakker ',
        verslag: 'Zij lichtte toe.',
      }),
    ).toEqual({
      action: 'verslag',
      input: { attendees: ['Bo de Vries', 'Jeroen Bakker'], report: 'Zij lichtte toe.' },
    });
    expect(readProcedureCommand('verslag', { gehouden: '', aanwezigen: ' ', verslag: '' })).toEqual([
      { field: 'aanwezigen', message: 'Noem wie er aanwezig waren, één naam per regel.' },
      { field: 'verslag', message: 'Schrijf het verslag van de hoorzitting.' },
    ]);
  });

  it('reads the decision-term steps: weeks, dates and the consent', () => {
    expect(readProcedureCommand('verdagen', { weken: '6', reden: ' Advies commissie. ' })).toEqual({
      action: 'verdagen',
      input: { weeks: 6, reason: 'Advies commissie.' },
    });
    expect(readProcedureCommand('verdagen', { weken: '7', reden: '' })).toEqual([
      { field: 'weken', message: 'Kies met hoeveel weken: 1 tot en met 6 (artikel 7:10, lid 3, Awb).' },
      { field: 'reden', message: 'Schrijf waarom de beslissing later komt; dat staat in de brief.' },
    ]);
    expect(
      readProcedureCommand('uitstel', { tot: '2027-04-01', instemming: 'Telefonisch akkoord.' }),
    ).toEqual({
      action: 'uitstel',
      input: { until: '2027-04-01', consent: 'Telefonisch akkoord.' },
    });
    expect(readProcedureCommand('ingebrekestelling', { ontvangen: '1 maart' })).toEqual([
      {
        field: 'ontvangen',
        message: 'Vul de datum in waarop de ingebrekestelling binnenkwam. Schrijf de datum als 2027-03-01.',
      },
    ]);
  });

  it('fixes the penalty as computed, or as the handler gives it', () => {
    expect(readProcedureCommand('dwangsom', { dagen: '', bedrag: '' })).toEqual({
      action: 'dwangsom',
      input: {},
    });
    expect(readProcedureCommand('dwangsom', { dagen: '10', bedrag: '230,50' })).toEqual({
      action: 'dwangsom',
      input: { days: 10, amountCents: 23050 },
    });
    expect(readProcedureCommand('dwangsom', { dagen: '43', bedrag: '1.500' })).toEqual([
      { field: 'dagen', message: 'Geef het aantal dagen als heel getal van 0 tot en met 42.' },
      { field: 'bedrag', message: 'De dwangsom is hoogstens € 1.442 (artikel 4:17 Awb).' },
    ]);
    expect([
      euroCents('1.442'),
      euroCents('€ 23'),
      euroCents('1023,5'),
      euroCents('12.5'),
      euroCents('veel'),
    ]).toEqual([144200, 2300, 102350, 1250, null]);
  });

  it('reads a decision into the decision service’s body', () => {
    expect(
      readProcedureCommand('beslissen', {
        uitkomst: 'partially_founded',
        motivering: 'De terugvordering vervalt.',
        hoorzitting: 'gehouden',
        'kosten-gevraagd': 'ja',
        'kosten-vergoed': '',
        herroepen: 'Er wordt niets teruggevorderd.',
        verzenddatum: '2026-12-10',
      }),
    ).toEqual({
      action: 'beslissen',
      input: {
        outcome: 'partially_founded',
        reasoning: 'De terugvordering vervalt.',
        hearing: { held: true },
        costs: { requested: true },
        revokedAndReplaced: 'Er wordt niets teruggevorderd.',
        sendOn: '2026-12-10',
      },
    });
    expect(
      readProcedureCommand('beslissen', {
        uitkomst: 'unfounded',
        motivering: 'x',
        hoorzitting: 'clearly_unfounded',
        'kosten-gevraagd': '',
        'kosten-vergoed': 'nee',
        herroepen: '',
        verzenddatum: '',
      }),
    ).toMatchObject({
      input: { hearing: { ground: 'clearly_unfounded' }, costs: { requested: false, reimbursed: false } },
    });
    expect(readProcedureCommand('beslissen', { uitkomst: '', motivering: '' })).toEqual([
      { field: 'uitkomst', message: 'Kies de beslissing op het bezwaar.' },
    ]);
  });

  it('names the hearing choices that fit the outcome', () => {
    expect(hearingChoiceMessage('founded', 'clearly_unfounded')).toBe(
      'De grond "kennelijk ongegrond (7:3 onder b)" past niet bij een gegrond bezwaar. Kies "De indiener is gehoord" of: ' +
        'indiener wil niet gehoord worden (7:3 onder c); indiener reageerde niet op tijd (7:3 onder d); ' +
        'bezwaar volledig toegewezen (7:3 onder e).',
    );
  });
});
