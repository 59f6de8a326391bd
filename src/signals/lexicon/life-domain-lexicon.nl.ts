import { LifeDomainCode } from '../life-domain-code';

/**
 * Dutch life-domain lexicon (codes from DESIGN.md, after the Zelfredzaamheid-Matrix). Versioned data: change
 * `version` whenever terms change. A domain is signalled when the weights of its non-negated matches reach 1:
 * weight 1 terms signal alone, weight 0.5–0.7 terms need company. Phrases under `ignore` are consumed without
 * signalling, so that a longer innocent phrase hides a shorter term ("bijzondere bijstand" is no income
 * benefit, "automatische incasso" no debt). Phrase syntax: see phrase-matcher.ts.
 */
export interface LifeDomainLexicon {
  version: string;
  domains: Record<LifeDomainCode, { phrase: string; weight: number }[]>;
  ignore: string[];
}

const t = (weight: number, ...phrases: string[]) => phrases.map((phrase) => ({ phrase, weight }));

export const LIFE_DOMAIN_LEXICON_NL: LifeDomainLexicon = {
  version: 'nl-life-domains-2026.1',
  domains: {
    finances: [
      ...t(
        1,
        'schuld~',
        '*schuld',
        '*schulden',
        'schuldhulp*',
        'schuldsaner*',
        'schuldregeling',
        'schuldeiser*',
      ),
      ...t(1, 'deurwaarder*', 'beslag gelegd', 'beslag op', 'beslaglegging', 'rood staan', 'staat rood'),
      ...t(
        1,
        'geen geld',
        'niks geld',
        'niet geld',
        'geen inkomen',
        'niet meer betalen',
        'niet rondkomen',
        'niet rond',
        'voedselbank',
        'bewindvoer*',
      ),
      ...t(1, 'beschermingsbewind', 'kredietbank', 'saneringskrediet', 'bkr', 'geldzorgen', 'armoede'),
      ...t(1, 'niet betalen', 'niet kan betalen', 'niet kunnen betalen', 'betalingsachterstand*'),
      ...t(1, 'huurachterstand', 'achterstallig*', 'financiele situatie', 'financieel uiterst'),
      ...t(0.7, 'achterstand', 'aanmaning~', 'aanmaningen', 'incasso*', 'betalingsregeling', 'dwangbevel'),
      ...t(0.5, 'kwijtschelding', 'cjib', 'tekort', 'lenen', 'afsluiten', 'afgesloten', 'rekeningen'),
    ],
    housing: [
      ...t(1, 'ontruim*', 'uitzetting', 'huisuitzetting', 'uit huis gezet', 'uit mijn huis', 'uit ons huis'),
      ...t(1, 'dakloos*', 'daklozen*', 'maatschappelijke opvang', 'vrouwenopvang', 'nachtopvang'),
      ...t(
        1,
        'noodopvang',
        'urgentie*',
        'geen woning',
        'geen vaste woon',
        'huurachterstand',
        'huurschuld',
        'huur schuld',
      ),
      ...t(1, 'schimmel', 'kelderbox', 'op de bank bij', 'bankslap*', 'beschermd wonen', 'begeleid wonen'),
      ...t(1, 'huis kwijt*', 'het huis uit', 'op straat komen', 'op straat belandt', 'slaapt nu op straat'),
      ...t(1, 'beschermd wonenindicatie', 'beschermde woonvorm', 'woninginrichting'),
      ...t(0.7, 'woonruimte', 'briefadres', 'vocht', 'op straat', 'woningaanpassing', 'in mijn auto'),
      ...t(0.5, 'woningcorporatie', 'woningbouw', 'verhuurder', 'pension', 'postadres', 'opvang', 'te klein'),
    ],
    work_income: [
      ...t(1, 'uitkering*', 'bijstand', 'bijstandsuitkering', 'algemene bijstand', 'ww', 'ziektewet'),
      ...t(1, 'wia', 'wajong', 'werkloos*', 'ontslag*', 'baan kwijt', 'arbeidsongeschikt*', 'afgekeurd'),
      ...t(
        1,
        'niet meer werken',
        'kan niet werken',
        'arbeidsverplichting*',
        'reintegratie*',
        'integratietraject',
      ),
      ...t(
        0.7,
        'niet werken',
        'uwv',
        'solliciter*',
        'sollicitatie*',
        'klantmanager',
        'werk en inkomen',
        'participatiewet',
      ),
      ...t(0.5, 'loonstro*', 'dienstverband', 'uitzendbureau', 'baan', 'inkomsten', 'salaris'),
    ],
    physical_health: [
      ...t(1, 'chronisch ziek', 'ziekenhuis', 'operatie*', 'geopereerd', 'kanker', 'chemo*', 'hartfalen'),
      ...t(1, 'hartinfarct', 'herseninfarct', 'beroerte', 'verlamd', 'copd', 'astma', 'artrose', 'reuma*'),
      ...t(1, 'hernia*', 'diabetes', 'suikerziekte', 'spierziekte', 'ms', 'rolstoel*', 'scootmobiel'),
      ...t(1, 'slecht ter been', 'kan niet lopen', 'niet lopen', 'lichamelijk*', 'handicap*', 'gehandicapt*'),
      ...t(
        1,
        'invalide',
        'slecht ziet',
        'blind',
        'doof',
        'mijn rug',
        'meervoudige beperking',
        'fysiotherap*',
      ),
      ...t(1, 'revalid*', 'knieoperatie', 'aan mijn hart', 'traplift', 'medische gegevens'),
      ...t(1, 'veel ziek'),
      ...t(0.7, 'ziek', 'ziekte', 'pijn', 'medicijnen', 'fysiek*', 'rollator', 'beperking'),
      ...t(0.5, 'medisch*', 'knie*', 'huisarts', 'specialist'),
    ],
    mental_health: [
      ...t(1, 'depress*', 'burn out', 'burnout', 'overspannen', 'psycholoog', 'psychiater', 'psychisch*'),
      ...t(1, 'psychot*', 'psychose', 'ggz', 'angststoornis', 'angstklacht*', 'paniekaanval*', 'trauma*'),
      ...t(1, 'ptss', 'zelfmoord*', 'suicid*', 'niet meer zitten', 'beter af zonder mij', 'geestelijk*'),
      ...t(1, 'niet meer ziet zitten'),
      ...t(0.5, 'verward'),
    ],
    addiction: [
      ...t(1, 'verslav*', 'verslaaf*', 'drugs', 'alcohol*', 'drank', 'gok*', 'afkick*', 'cocaine'),
      ...t(1, 'heroine', 'cannabis', 'blowen', 'middelengebruik'),
      ...t(0.7, 'drinkt', 'gedronken', 'clean', 'actief gebruikte'),
    ],
    family: [
      ...t(1, 'kinderen', 'kinder', 'kindje', 'baby', 'zoon~', 'zoontje', 'dochter~', 'scheiding'),
      ...t(1, 'gescheiden', 'ex man', 'ex partner', 'mijn ex', 'alimentatie', 'omgangsregeling', 'voogdij'),
      ...t(1, 'huiselijk geweld', 'mantelzorg*', 'alleenstaande moeder', 'alleenstaande ouder', 'gezin*'),
      ...t(1, 'jeugdzorg', 'als moeder', 'mijn moeder', 'mijn vader', 'kinderopvang*', 'zorg alleen voor'),
      ...t(0.7, 'kind', 'ex', 'sloeg', 'ruzie', 'geweld', 'zorg voor mijn', 'huisverbod'),
      ...t(
        0.5,
        'moeder',
        'vader',
        'alleenstaand',
        'echtgenote',
        'mijn man',
        'mijn vrouw',
        'leerlingenvervoer',
      ),
    ],
    social_network: [
      ...t(
        1,
        'eenzaam*',
        'geisoleerd',
        'isolement',
        'niemand die',
        'heb niemand',
        'niemand om',
        'geen familie',
      ),
      ...t(
        1,
        'geen vrienden',
        'geen netwerk',
        'sta er alleen voor',
        'er alleen voor',
        'alleen in nederland',
        'taalbarriere',
      ),
      ...t(1, 'niet goed nederlands', 'nederlands niet goed', 'nederlands is niet goed', 'geen nederlands'),
      ...t(1, 'nauwelijks nederlands', 'weinig nederlands', 'slecht nederlands', 'taal niet goed', 'tolk'),
      ...t(1, 'analfabeet', 'laaggeletterd*', 'kan niet lezen', 'taalhuis', 'makkelijke taal'),
      ...t(0.7, 'vertaal*', 'mijn taal', 'woon alleen', 'zie soms dagen niemand'),
    ],
    justice: [
      ...t(
        1,
        'politie',
        'gevangenis',
        'detentie',
        'gedetineerd*',
        'reclassering*',
        'taakstraf',
        'veroordel*',
      ),
      ...t(1, 'strafblad', 'justiti*', 'voorarrest', 'zit vast', 'vast zit', 'opgepakt', 'proeftijd'),
      ...t(1, 'enkelband', 'huisverbod', 'straatverbod', 'contactverbod', 'strafrecht*', 'vrijgesproken'),
      ...t(0.7, 'vrijgekomen', 'vrijlating', 'cel', 'bibob*', 'inbraak'),
    ],
  },
  ignore: [
    'bijzondere bijstand',
    'automatische incasso',
    'verstandelijke beperking',
    'in beslag genomen',
    'beslag genomen',
    'ex gedetineerden',
    'kosten van rechtsbijstand',
    'rechtsbijstand',
    'schuldig',
  ],
};
