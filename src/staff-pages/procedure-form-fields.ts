import { MISSING_ELEMENT_LABELS } from '../objections/filing-rules';

/**
 * The forms of issue 5 on a case page, each posting to `…/zaken/<reference>/<action>`: their actions, the
 * inputs each posts and how a service's field names map onto them. The readers are in procedure-forms.ts.
 */

export const INFORMAL_ACTIONS = ['contactpoging', 'gesprek', 'intrekken', 'correctie'] as const;
export const FORMAL_ACTIONS = [
  'herstel-vragen',
  'herstel-ontvangen',
  'hoorzitting',
  'afzien-horen',
  'verslag',
  'verdagen',
  'uitstel',
  'ingebrekestelling',
  'dwangsom',
] as const;
export const PROCEDURE_ACTIONS = [...INFORMAL_ACTIONS, ...FORMAL_ACTIONS, 'beslissen'] as const;
export type ProcedureAction = (typeof PROCEDURE_ACTIONS)[number];

/** Inputs of each form: the name the browser posts → the element id (for labels and the error summary). */
export const PROCEDURE_FORM_FIELDS: Record<ProcedureAction, Record<string, string>> = {
  contactpoging: {
    kanaal: 'contact-kanaal',
    bereikt: 'contact-bereikt',
    moment: 'contact-moment',
    notitie: 'contact-notitie',
  },
  gesprek: {
    kanaal: 'gesprek-kanaal',
    moment: 'gesprek-moment',
    verslag: 'gesprek-verslag',
    speelt: 'gesprek-speelt',
    route: 'gesprek-route',
    afspraak: 'gesprek-afspraak',
    bevestigen: 'gesprek-bevestigen',
  },
  intrekken: { hoe: 'intrekken-hoe', notitie: 'intrekken-notitie' },
  correctie: { kenmerk: 'correctie-kenmerk', notitie: 'correctie-notitie' },
  'herstel-vragen': { onderdelen: 'herstel-onderdelen', termijn: 'herstel-termijn' },
  'herstel-ontvangen': { onderdelen: 'ontvangen-onderdelen' },
  hoorzitting: {
    moment: 'hoorzitting-moment',
    plaats: 'hoorzitting-plaats',
    videolink: 'hoorzitting-videolink',
    hoorder: 'hoorzitting-hoorder',
    besluitnemer: 'hoorzitting-besluitnemer',
  },
  'afzien-horen': { grond: 'afzien-grond' },
  verslag: { gehouden: 'verslag-gehouden', aanwezigen: 'verslag-aanwezigen', verslag: 'verslag-tekst' },
  verdagen: { weken: 'verdagen-weken', reden: 'verdagen-reden' },
  uitstel: { tot: 'uitstel-tot', instemming: 'uitstel-instemming' },
  ingebrekestelling: { ontvangen: 'ingebrekestelling-ontvangen' },
  dwangsom: { dagen: 'dwangsom-dagen', bedrag: 'dwangsom-bedrag' },
  beslissen: {
    uitkomst: 'beslissen-uitkomst',
    motivering: 'beslissen-motivering',
    hoorzitting: 'beslissen-hoorzitting',
    'kosten-gevraagd': 'beslissen-kosten-gevraagd',
    'kosten-vergoed': 'beslissen-kosten-vergoed',
    herroepen: 'beslissen-herroepen',
    verzenddatum: 'beslissen-verzenddatum',
  },
};

/** Inputs that post several values (checkboxes); the form keeps them joined by commas (codes have none). */
export const PROCEDURE_LIST_FIELDS: Partial<Record<ProcedureAction, readonly string[]>> = {
  'herstel-vragen': ['onderdelen'],
  'herstel-ontvangen': ['onderdelen'],
};

/** The field of a service's problem (API names) → the form's input. */
export const PROCEDURE_SERVICE_FIELDS: Record<ProcedureAction, Record<string, string>> = {
  contactpoging: { at: 'moment', channel: 'kanaal', reached: 'bereikt', note: 'notitie' },
  gesprek: {
    at: 'moment',
    channel: 'kanaal',
    notes: 'verslag',
    realIssue: 'speelt',
    agreedRoute: 'route',
    agreement: 'afspraak',
    confirm: 'bevestigen',
  },
  intrekken: { how: 'hoe', note: 'notitie' },
  correctie: { newDecisionReference: 'kenmerk', note: 'notitie' },
  'herstel-vragen': { elements: 'onderdelen', termDays: 'termijn' },
  'herstel-ontvangen': { elements: 'onderdelen' },
  hoorzitting: {
    at: 'moment',
    location: 'plaats',
    videoLink: 'videolink',
    hearerId: 'hoorder',
    primaryDecisionBy: 'besluitnemer',
  },
  'afzien-horen': { ground: 'grond' },
  verslag: { heldAt: 'gehouden', attendees: 'aanwezigen', report: 'verslag' },
  verdagen: { weeks: 'weken', reason: 'reden' },
  uitstel: { until: 'tot', consent: 'instemming' },
  ingebrekestelling: { receivedOn: 'ontvangen' },
  dwangsom: { amountCents: 'bedrag', days: 'dagen' },
  beslissen: {
    outcome: 'uitkomst',
    reasoning: 'motivering',
    hearing: 'hoorzitting',
    'hearing.held': 'hoorzitting',
    'hearing.ground': 'hoorzitting',
    costs: 'kosten-gevraagd',
    'costs.requested': 'kosten-gevraagd',
    'costs.reimbursed': 'kosten-vergoed',
    revokedAndReplaced: 'herroepen',
    sendOn: 'verzenddatum',
  },
};

/** A refusal without field errors (409) that is about one input, by its problem code. */
export const PROCEDURE_CONFLICT_FIELDS: Record<string, string> = {
  'hearer-took-decision': 'hoorder',
  'notice-premature': 'ontvangen',
  'notice-already-registered': 'ontvangen',
};

/** The missing parts of a filing as a handler reads them (MISSING_ELEMENT_LABELS speak to the citizen). */
export const MISSING_ELEMENT_WORDS: Record<keyof typeof MISSING_ELEMENT_LABELS, string> = {
  signature: 'handtekening (of inloggen met DigiD)',
  address: 'adres',
  grounds: 'gronden: waarom de indiener het niet eens is',
  decision_description: 'omschrijving of kenmerk van het besluit',
};

export const HELD = 'gehouden';
export const YES = 'ja';
export const NO = 'nee';

export function isProcedureAction(value: unknown): value is ProcedureAction {
  return typeof value === 'string' && (PROCEDURE_ACTIONS as readonly string[]).includes(value);
}
