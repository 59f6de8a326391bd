/** Every letter the platform sends; each has a template `templates/letters/<kind>.hbs`. */
export const LETTER_KINDS = [
  'receipt',
  'repair_request',
  'hearing_invitation',
  'hearing_report',
  'extension',
  'informal_agreement',
  'decision',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

/** What an admin calls each letter. */
export const LETTER_KIND_NAMES: Record<LetterKind, string> = {
  receipt: 'Ontvangstbevestiging',
  repair_request: 'Verzoek om aanvulling (herstel verzuim)',
  hearing_invitation: 'Uitnodiging voor de hoorzitting',
  hearing_report: 'Verslag van de hoorzitting',
  extension: 'Verdaging van de beslistermijn',
  informal_agreement: 'Bevestiging van een informele afspraak',
  decision: 'Beslissing op bezwaar',
};

/**
 * The values a template of each kind must show: without them the letter is not what the law asks of it (the
 * receipt's terms, 6:14; the repair term, 6:6; the 7:4 dates of a hearing; the new term of a verdaging, 7:10;
 * the outcome, reasons, hearing or its 7:3 ground and the appeal clause of a decision, 7:12 and 6:23).
 * A template that does not always show one of these fails the check (see letter-template-check).
 */
export const REQUIRED_PARTS: Record<LetterKind, readonly string[]> = {
  receipt: ['reference', 'objectionTermEnds', 'decisionTermEnds'],
  repair_request: ['reference', 'missing', 'repairTermEnds'],
  hearing_invitation: [
    'reference',
    'hearingDate',
    'hearingTime',
    'location',
    'documentsUntil',
    'fileOpenFrom',
  ],
  hearing_report: ['reference', 'hearingDate', 'hearer', 'report'],
  extension: ['reference', 'previousDecisionTermEnds', 'newDecisionTermEnds', 'reason'],
  informal_agreement: ['reference', 'agreedRoute', 'agreement'],
  decision: [
    'reference',
    'outcomeText',
    'reasoning',
    'hearingText',
    'appealWho',
    'appealCourt',
    'appealTermEnds',
    'appealHow',
  ],
};

/**
 * What each value a letter template can use means, for the admin who edits it. Every value of every kind's
 * context has an explanation here (a unit test holds the sample letters to that).
 */
export const LETTER_VALUE_EXPLANATIONS: Record<string, string> = {
  addresseeName: 'de naam van wie de brief krijgt: de gemachtigde als die er is, anders de indiener',
  objectorName: 'de naam van de indiener van het bezwaar',
  representativeName: 'de naam van de gemachtigde; leeg als er geen gemachtigde is',
  reference: 'het kenmerk van het bezwaar, zoals RIV-2026-00042',
  regulationName: 'de regeling waar het besluit over gaat',
  decisionLabel: 'de omschrijving en het kenmerk van het besluit waartegen bezwaar is gemaakt',
  decisionDate: 'de datum van het besluit waartegen bezwaar is gemaakt',
  receivedAt: 'wanneer het bezwaar binnenkwam, met dag en tijd',
  receivedOn: 'de dag waarop het bezwaar binnenkwam',
  objectionTermEnds: 'de laatste dag om bezwaar te maken (artikel 6:7 Awb)',
  decisionTermEnds: 'de dag waarop de gemeente uiterlijk beslist (artikel 7:10 Awb)',
  timely: 'ja als het bezwaar op tijd binnenkwam; voor {{#if timely}}',
  missing: 'de lijst van wat in het bezwaar ontbreekt; voor {{#each missing}}',
  wantsHearing: 'ja als de indiener gehoord wil worden; voor {{#if wantsHearing}}',
  firstContactWorkingDays: 'binnen hoeveel werkdagen een behandelaar contact opneemt',
  phone: 'het telefoonnummer van de gemeente',
  email: 'het e-mailadres van de gemeente',
  repairTermEnds: 'de laatste dag om het bezwaar aan te vullen (artikel 6:6 Awb)',
  hearingDate: 'de dag van de hoorzitting',
  hearingTime: 'het tijdstip van de hoorzitting',
  location: 'waar de hoorzitting is (of dat zij online is)',
  videoLink: 'de link van een online hoorzitting; leeg bij een hoorzitting op locatie',
  hearerName: 'wie de indiener hoort',
  hearer: 'wie de indiener heeft gehoord',
  documentsUntil: 'tot wanneer de indiener nog stukken kan sturen (artikel 7:4, lid 1, Awb)',
  fileOpenFrom: 'vanaf wanneer het dossier ter inzage ligt (artikel 7:4, lid 2, Awb)',
  attendees: 'wie er bij de hoorzitting waren',
  report: 'het verslag van de hoorzitting, in alinea’s; voor {{#each report}}',
  previousDecisionTermEnds: 'de dag waarop de gemeente eerst uiterlijk zou beslissen',
  newDecisionTermEnds: 'de nieuwe dag waarop de gemeente uiterlijk beslist (artikel 7:10, lid 3, Awb)',
  weeksText: 'met hoeveel weken de beslissing wordt uitgesteld',
  reason: 'waarom de gemeente meer tijd nodig heeft',
  conversationDate: 'de dag van het gesprek met de indiener',
  channelText: 'hoe het gesprek ging, zoals "telefonisch"',
  handlerName: 'de naam van de behandelaar die het gesprek voerde',
  agreedRoute: 'de afgesproken oplossing',
  agreement: 'wat er precies is afgesproken',
  nextSteps: 'wat er na de afspraak gebeurt',
  outcome: 'de uitkomst als code (inadmissible, unfounded, founded of partially_founded)',
  outcomeText: 'de uitkomst in woorden: niet-ontvankelijk, ongegrond, gegrond of gedeeltelijk gegrond',
  outcomeIs: 'per uitkomst ja of nee, voor {{#if outcomeIs.founded}} en dergelijke',
  revokedAndReplaced: 'wat in de plaats komt van het herroepen besluit; leeg als niets wordt herroepen',
  reasoning: 'de motivering van de beslissing, in alinea’s (artikel 7:12 Awb); voor {{#each reasoning}}',
  hearingText: 'of er een hoorzitting was, of waarom niet (artikel 7:3 Awb)',
  costsRequested: 'ja als de indiener om vergoeding van kosten vroeg',
  costsReimbursed: 'ja als de gemeente de kosten vergoedt',
  costsAmount: 'het bedrag dat de gemeente vergoedt; leeg als zij niets vergoedt',
  costsText: 'de beslissing over de kosten (artikel 7:15 Awb); leeg als niemand erom vroeg',
  appealWho: 'wie in beroep kan gaan (artikel 8:1 Awb)',
  appealCourt: 'de rechtbank waar het beroep heen gaat',
  appealCourtAddress: 'het adres van die rechtbank',
  appealTermEnds: 'de laatste dag om in beroep te gaan (artikel 6:7 Awb)',
  appealHow: 'hoe de indiener in beroep gaat (artikel 6:23 Awb)',
  appealInterim: 'dat een beroep de beslissing niet tegenhoudt, en de voorlopige voorziening',
  appealOnward: 'waar hoger beroep mogelijk is',
};
