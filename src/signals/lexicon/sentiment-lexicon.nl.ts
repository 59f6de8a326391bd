/**
 * Dutch sentiment lexicon for objection letters. Versioned data: change `version` whenever terms or weights
 * change, so that a stored signal can say which lexicon produced it. Phrase syntax: see phrase-matcher.ts.
 * Weights: about 1 for a clear cue, 1.5 for an unmistakable one, below 1 for cues that only count together.
 */
export interface WeightedPhrase {
  phrase: string;
  weight: number;
}

export interface SentimentLexicon {
  version: string;
  /** Indignation, contempt, insult, threats to escalate. */
  anger: WeightedPhrase[];
  /** Fear, despair, helplessness, pleading; also the threats of formal Dutch (deurwaarder, ontruiming). */
  distress: WeightedPhrase[];
  /** Ironic praise and thanks: counted as anger. */
  sarcasm: WeightedPhrase[];
  /** Markers of the formal legal register (lawyers, representatives): dampen, never signal by themselves. */
  formal: string[];
  /** Words that strengthen the next cue (within two words). */
  intensifiers: string[];
  /** Words that cancel a cue within three words before it, in the same clause. */
  negators: string[];
  /** Capitalised words that are acronyms, not shouting. */
  acronyms: string[];
}

const w = (weight: number, ...phrases: string[]): WeightedPhrase[] =>
  phrases.map((phrase) => ({ phrase, weight }));

export const SENTIMENT_LEXICON_NL: SentimentLexicon = {
  version: 'nl-sentiment-2026.1',
  anger: [
    ...w(
      1.5,
      'woedend',
      'woest',
      'razend',
      'ziedend',
      'furieus',
      'pissig',
      'spuugzat',
      'kotsbeu',
      'schaam je',
    ),
    ...w(
      1.5,
      'schandalig*',
      'schande',
      'schandelijk*',
      'walgelijk*',
      'zouden je moeten schamen',
      'hoe durven',
    ),
    ...w(1.2, 'boos', 'kwaad', 'belachelijk*', 'onacceptabel*', 'onaanvaardbaar*', 'te gek voor woorden'),
    ...w(1.2, 'respectloos', 'onbeschoft*', 'onmenselijk*', 'vernederend*', 'aanfluiting', 'diefstal'),
    ...w(1.2, 'pik ik niet', 'pik dit niet', 'pikt dit niet', 'pik het niet', 'het zat', 'ben het zat'),
    ...w(1.2, 'het beu', 'zo beu', 'ontzettend beu', 'klaar mee', 'genoeg van', 'zijn jullie gek'),
    ...w(1.2, 'helemaal gek', 'hoe haal je het', 'doe eens normaal', 'niet normaal', 'verontwaardig*'),
    ...w(1.0, 'ongelofelijk', 'ongelooflijk', 'lachwekkend', 'absurd', 'waanzin', 'flauwekul', 'onzin'),
    ...w(1.0, 'puinhoop', 'bende', 'waardeloos', 'waardeloze', 'amateurs', 'amateuristisch', 'incompetent*'),
    ...w(1.0, 'idioot', 'idioten', 'stom', 'oplichting', 'oplichters', 'zakkenvullers', 'graaiers'),
    ...w(1.0, 'minachting', 'stuitend*', 'ergerlijk*', 'willekeur', 'twee maten', '2 maten', 'leugen~'),
    ...w(1.0, 'liegen', 'discriminatie', 'pesten', 'pesterij', 'treiter*', 'omgekeerde wereld', 'geen hart'),
    ...w(1.0, 'geen respect', 'geen fatsoen', 'niet eerlijk', 'oneerlijk', 'kastje naar de muur', 'lijntje'),
    ...w(
      1.0,
      'genegeerd',
      'een grap',
      'kafka*',
      'te gek',
      'schamen',
      'niets beters te doen',
      'nooit geluisterd',
    ),
    ...w(0.8, 'verbazing', 'verbijster*'),
    ...w(0.8, 'naar de krant', 'de media', 'ombudsman', 'ik eis', 'eis dat', 'frustr*', 'geirriteerd'),
    ...w(0.8, 'bureaucrat*', 'als een crimineel', 'onbehoorlijk', 'slap', 'regeltjes', 'teleurgesteld'),
    ...w(0.6, 'klacht', 'aansprakelijk', 'advocaat nemen', 'neem een advocaat', 'ga naar advocaat'),
  ],
  distress: [
    ...w(1.5, 'wanhopig', 'wanhoop', 'ten einde raad', 'radeloos', 'weet het niet meer', 'weet niet meer'),
    ...w(1.5, 'weet het echt niet meer', 'weet echt niet meer', 'kan het niet meer aan', 'niet meer zitten'),
    ...w(
      1.5,
      'niet meer ziet zitten',
      'kan het echt niet meer aan',
      'niet meer aan',
      'beter af zonder mij',
      'geen kracht meer',
      'uitzichtloos',
      'hopeloos',
      'breekt mijn hart',
    ),
    ...w(1.2, 'bang', 'angstig', 'paniek', 'slapeloze nachten', 'overstuur', 'smeek*', 'geen uitweg'),
    ...w(1.2, 'niet meer wat doen', 'weet niet wat ik moet', 'weet niet hoe ik', 'wat moet ik doen'),
    ...w(1.2, 'waar moet ik heen', 'waar moet ik naartoe', 'geen kant meer op', 'in grote nood', 'help mij'),
    ...w(1.2, 'help ons', 'help alstublieft', 'tranen', 'huil~', 'huilt', 'verdrietig', 'kapot van'),
    ...w(1.0, 'van slag', 'niet meer slapen', 'slaap niet', 'slaap nauwelijks', 'slaap bijna niet'),
    ...w(1.0, 'slaap slecht', 'slaap er niet', 'wakker', 'me zorgen', 'me zoveel zorgen', 'veel zorgen'),
    ...w(1.0, 'boven het hoofd', 'geschrokken', 'kan niet meer', 'volhoud*', 'klem', 'ziek van', 'verdriet'),
    ...w(0.8, 'schaam me', 'stress', 'pieker*', 'onzekerheid', 'alleen voor', 'niet rond', 'te eten'),
    ...w(
      0.6,
      'alstublieft',
      'alsjeblieft',
      'a.u.b',
      'aub',
      'geen geld',
      'niks geld',
      'niet geld',
      'voedselbank',
      'moe',
    ),
    ...w(0.6, 'op straat', 'dakloos', 'ontruiming*', 'uit mijn huis', 'uit ons huis', 'vrees*', 'spijt me'),
    ...w(0.5, 'deurwaarder', 'afsluit*', 'dringend', 'met spoed', 'grote spoed', 'eenzaam', 'niet betalen'),
    ...w(0.3, 'beslag', 'aanmaning*', 'huurachterstand', 'schulden', 'kinderen'),
  ],
  sarcasm: [
    ...w(1.5, 'dank je wel hoor', 'dank je hoor', 'bedankt hoor', 'bedankt voor niets', 'bedankt voor niks'),
    ...w(1.5, 'geweldig hoor', 'fijn hoor', 'leuk hoor', 'knap hoor', 'fantastisch hoor', 'lekker bezig'),
    ...w(1.2, 'goed bezig', 'top geregeld', 'goed geregeld', 'chapeau', 'bravo', 'hulde', 'gefeliciteerd'),
    ...w(1.2, 'slim bedacht', 'echt slim', 'zo help je', 'wat fijn dat', 'fijn om te weten', 'heel attent'),
    ...w(1.2, 'heel sportief', 'heel efficient', 'blij te lezen', 'wat een service'),
    ...w(0.8, 'geweldig', 'fantastisch', 'complimenten', 'klantvriendelijk', 'super dat'),
  ],
  formal: [
    'client',
    'cliente',
    'clienten',
    'namens',
    'gemachtigde',
    'verzoek',
    'verzoeken',
    'verzoekt',
    'ten onrechte',
    'hoogachtend',
    'geacht college',
    'awb',
    'artikel',
    'op grond van',
    'derhalve',
    'ten overvloede',
    'bestreden besluit',
    'mr',
    'advocaat',
    'raadsman',
    'bewindvoerder',
    'gronden',
    'onverwijld',
    'thans',
  ],
  intensifiers: [
    'echt',
    'absoluut',
    'totaal',
    'volstrekt',
    'ontzettend',
    'enorm',
    'zeer',
    'heel',
    'erg',
    'zo',
    'zoveel',
    'super',
    'compleet',
    'volledig',
    'werkelijk',
    'ronduit',
    'helemaal',
    'vreselijk',
    'verschrikkelijk',
    'intens',
    'diep',
    'hartstikke',
    'ongelooflijk',
    'gewoon',
  ],
  negators: ['niet', 'geen', 'nooit', 'nergens', 'niets', 'niks', 'zonder', 'noch', 'geenszins'],
  acronyms: [
    'WOZ',
    'OZB',
    'CJIB',
    'UWV',
    'DUO',
    'SVB',
    'BSN',
    'AOW',
    'WMO',
    'IBAN',
    'BKR',
    'GGZ',
    'BRP',
    'NEN',
    'PGB',
    'WIA',
    'ADHD',
    'PTSS',
    'COPD',
    'APK',
    'BBZ',
    'IOAW',
    'IOAZ',
    'VVE',
    'VOG',
    'AVG',
    'ZZP',
    'CAO',
  ],
};
