import { analyzeText, lexiconsFor, MAX_COMPILED_TERM_SETS } from './text-signals';

const sentiment = (text: string) => analyzeText(text).sentiment;
const domains = (text: string) => analyzeText(text).lifeDomains.map((d) => d.code);

describe('analyzeText: sentiment', () => {
  it('reads a factual objection as neutral, with no evidence', () => {
    const s = sentiment('Ik maak bezwaar tegen de WOZ-waarde. Nummer 14 is verkocht voor € 378.000.');
    expect(s).toEqual({ label: 'neutral', score: 1, evidence: [] });
  });

  it('reads plain anger, quoting the phrases as written', () => {
    const s = sentiment('Dit is Schandalig. Ik ben woedend over deze beslissing.');
    expect(s.label).toBe('angry');
    expect(s.evidence).toEqual(expect.arrayContaining(['Schandalig', 'woedend']));
    expect(s.score).toBeGreaterThan(0.5);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  it('reads distress about money, housing and children', () => {
    const s = sentiment(
      'Ik weet het niet meer. Ik ben bang dat ik met mijn kinderen op straat kom te staan.',
    );
    expect(s.label).toBe('distressed');
    expect(s.evidence).toEqual(expect.arrayContaining(['weet het niet meer', 'bang']));
  });

  describe('negation', () => {
    it('cancels a cue with a negator shortly before it in the same clause', () => {
      expect(sentiment('Ik ben niet boos op de handhaver.').label).toBe('neutral');
      expect(sentiment('Ik ben boos op de handhaver.').label).toBe('angry');
    });

    it('does not carry over "maar": "niet boos, maar wel kwaad"', () => {
      const s = sentiment('Ik ben niet boos, maar ik ben wel heel erg kwaad.');
      expect(s.label).toBe('angry');
      expect(s.evidence).toEqual(['erg kwaad']);
    });
  });

  it('strengthens a cue after an intensifier ("echt", "absoluut", "totaal")', () => {
    const plain = sentiment('Ik vind dit ongelofelijk en onzin.');
    const intensified = sentiment('Ik vind dit echt ongelofelijk en totaal onzin.');
    expect(intensified.label).toBe('angry');
    expect(intensified.score).toBeGreaterThan(plain.score);
    expect(intensified.evidence).toEqual(expect.arrayContaining(['echt ongelofelijk', 'totaal onzin']));
  });

  describe('capitals', () => {
    it('reads a text in capitals as shouting', () => {
      const s = sentiment('WAAROM IS MIJN UITKERING GESTOPT. NIEMAND BELT TERUG.');
      expect(s.label).toBe('angry');
      expect(s.evidence[0]).toBe('WAAROM IS MIJN UITKERING GESTOPT');
    });

    it('does not count acronyms such as WOZ, UWV, CJIB', () => {
      expect(sentiment('Bezwaar tegen de WOZ-beschikking; het UWV en het CJIB zijn ingelicht.').label).toBe(
        'neutral',
      );
    });

    it('amplifies distress when distress dominates', () => {
      expect(sentiment('HELP. Ik ben zo bang. Alstublieft bel mij. ALSTUBLIEFT.').label).toBe('distressed');
    });
  });

  it('counts runs of exclamation marks', () => {
    expect(sentiment('Ik heb dit al vaak gemeld.').label).toBe('neutral');
    const s = sentiment('Ik heb dit al vaak gemeld!!! Belachelijk.');
    expect(s.label).toBe('angry');
    expect(s.evidence).toContain('!!!');
  });

  describe('sarcasm', () => {
    it.each([
      'Nou, dank je wel hoor. Weer een brief dat mijn aanvraag onvolledig is.',
      'Bedankt voor niets. De boete blijft gewoon staan.',
      'Geweldig hoor, drie maanden wachten op een beslissing.',
    ])('reads ironic thanks and praise as anger: %s', (text) => {
      expect(sentiment(text).label).toBe('angry');
    });

    it('counts scare quotes around a word with another cue', () => {
      const s = sentiment('Weer die "hulp" van de gemeente. Ik ben het zat.');
      expect(s.label).toBe('angry');
      expect(s.evidence).toEqual(['ben het zat', '"hulp"']);
    });
  });

  describe('formal legal register', () => {
    it('is not angry by itself, even with "ten onrechte" and threatening nouns', () => {
      const s = sentiment(
        'Namens cliënte maak ik bezwaar. Het besluit is ten onrechte genomen; de deurwaarder heeft beslag gelegd. ' +
          'Cliënte verzoekt u het besluit te herroepen op grond van artikel 7:11 Awb. Hoogachtend, mr. X',
      );
      expect(s.label).toBe('neutral');
    });

    it('tempers but does not hide strong anger in a formal letter', () => {
      const s = sentiment(
        'Namens cliënte: het is volstrekt onacceptabel en schandalig dat u opnieuw niet beslist. ' +
          'Cliënte is het meer dan beu. Ik verzoek u op grond van artikel 4:17 Awb. Hoogachtend, mr. X',
      );
      expect(s.label).toBe('angry');
    });
  });

  it('quotes at most five evidence phrases, without duplicates', () => {
    const s = sentiment(
      'Woedend! Schandalig! Belachelijk! Walgelijk! Onacceptabel! Diefstal! Schandalig! Woedend!',
    );
    expect(s.evidence.length).toBeLessThanOrEqual(5);
    expect(new Set(s.evidence.map((e) => e.toLowerCase())).size).toBe(s.evidence.length);
  });
});

describe('analyzeText: life domains', () => {
  it.each([
    ['finances', 'Ik heb schulden en de deurwaarder staat voor de deur.', 'schulden'],
    ['housing', 'De woningcorporatie heeft de ontruiming aangekondigd.', 'ontruiming'],
    ['work_income', 'Mijn uitkering is stopgezet.', 'uitkering'],
    ['physical_health', 'Na mijn hartinfarct lig ik weken in het ziekenhuis.', 'hartinfarct'],
    ['mental_health', 'Ik heb een burn-out en ben in behandeling bij een psycholoog.', 'burn-out'],
    ['addiction', 'Ik heb een gokverslaving gehad.', 'gokverslaving'],
    ['family', 'Sinds de scheiding zorg ik alleen voor de kinderen.', 'scheiding'],
    ['social_network', 'Ik heb niemand die mij kan helpen en spreek weinig Nederlands.', 'heb niemand'],
    ['justice', 'Ik ben vrijgekomen uit detentie en sta onder toezicht van de reclassering.', 'detentie'],
  ])('finds %s with evidence quoted from the text', (code, text, phrase) => {
    const found = analyzeText(text).lifeDomains.find((d) => d.code === code);
    expect(found?.evidence).toContain(phrase);
  });

  it('ignores negated terms: "geen schulden" does not flag finances', () => {
    expect(domains('Ik heb geen schulden en kan de aanslag betalen.')).toEqual([]);
    expect(domains('Ik heb geen kinderen en niemand die me kan helpen.')).toEqual(['social_network']);
  });

  it('needs two weak terms, or one strong one', () => {
    expect(domains('Ik kreeg een aanmaning.')).toEqual([]);
    expect(domains('Ik kreeg een aanmaning en een dwangbevel.')).toEqual(['finances']);
  });

  it('does not read "bijzondere bijstand" as an income benefit', () => {
    expect(domains('Bezwaar tegen de afwijzing van bijzondere bijstand voor een bril.')).toEqual([]);
  });

  it('flags multi-problem from two domains on, in a stable order', () => {
    const one = analyzeText('Mijn uitkering is stopgezet.');
    expect(one.multiProblem).toBe(false);
    const many = analyzeText(
      'Ik heb schulden, een huurachterstand en een depressie. Mijn uitkering is gestopt.',
    );
    expect(many.lifeDomains.map((d) => d.code)).toEqual([
      'finances',
      'housing',
      'work_income',
      'mental_health',
    ]);
    expect(many.multiProblem).toBe(true);
  });
});

describe('analyzeText: extra tenant terms', () => {
  it('accepts extra terms per call without changing the defaults', () => {
    const extraTerms = {
      sentiment: [{ phrase: 'kapot balen', label: 'angry' as const, weight: 1.5 }],
      lifeDomains: [{ phrase: 'kluswoning', code: 'housing' as const }],
    };
    const text = 'Ik zit in een kluswoning en ik ben er kapot balen van.';
    const withTerms = analyzeText(text, { extraTerms });
    expect(withTerms.sentiment.label).toBe('angry');
    expect(withTerms.lifeDomains).toEqual([{ code: 'housing', evidence: ['kluswoning'] }]);
    expect(analyzeText(text).sentiment.label).toBe('neutral');
    expect(analyzeText(text).lifeDomains).toEqual([]);
  });
});

describe('lexiconsFor: compiled tenant terms cached by content', () => {
  const terms = (phrase: string) => ({ lifeDomains: [{ phrase, code: 'finances' as const }] });

  it('reuses the compilation for equal terms in a new object (a tenant read afresh per request)', () => {
    const first = lexiconsFor(terms('stadsbank'));
    expect(lexiconsFor(structuredClone(terms('stadsbank')))).toBe(first);
    expect(lexiconsFor(terms('kledingbank'))).not.toBe(first);
    // No terms at all: the built-in lexicons.
    expect(lexiconsFor(undefined)).toBe(lexiconsFor({ sentiment: [], lifeDomains: [] }));
    expect(lexiconsFor({ lifeDomains: [{ phrase: 'stadsbank', code: 'finances', weight: 0.5 }] })).not.toBe(
      first,
    );
  });

  it('keeps a bounded number of term sets, dropping the least recently used', () => {
    const kept = lexiconsFor(terms('blijft'));
    const dropped = lexiconsFor(terms('verdwijnt'));
    for (let i = 0; i < MAX_COMPILED_TERM_SETS - 1; i++) {
      lexiconsFor(terms('blijft'));
      lexiconsFor(terms(`term${i}`));
    }
    expect(lexiconsFor(terms('blijft'))).toBe(kept);
    expect(lexiconsFor(terms('verdwijnt'))).not.toBe(dropped);
  });
});
