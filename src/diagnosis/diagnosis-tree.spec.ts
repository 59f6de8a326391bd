import type { LocalDate } from '../deadlines/local-date';
import { DiagnosisAnswerError } from './diagnosis-answer.error';
import type { DiagnosisFacts } from './diagnosis-facts';
import { evaluateDiagnosis, formatTreePath, type TreeProblem, validateDiagnosisTree } from './diagnosis-tree';
import { type DiagnosisTree, diagnosisTreeSchema } from './diagnosis-tree.schema';

const TODAY = '2026-11-20' as LocalDate;
const REFS = {
  hintCodes: ['feiten_onjuist', 'terugvordering_te_hoog'],
  partnerCodes: ['schuldhulp', 'loket'],
};
const yesNo = [
  { value: 'yes', label: 'Ja' },
  { value: 'no', label: 'Nee' },
];
const is = (question: string, value: string) => ({ '==': [{ var: `answers.${question}` }, value] });

/**
 * hasDecision → (yes) decisionDate → (late) objectLate | moneyWorries → (yes) objectWithHelp | object
 *             → (no) notADecision
 */
function validTree(): DiagnosisTree {
  return diagnosisTreeSchema.parse({
    start: 'hasDecision',
    questions: [
      {
        id: 'hasDecision',
        text: 'Heeft u een brief van de gemeente gekregen met een besluit?',
        type: 'choice',
        options: yesNo,
        next: [{ when: is('hasDecision', 'yes'), goto: 'decisionDate' }, { goto: 'notADecision' }],
      },
      {
        id: 'decisionDate',
        text: 'Op welke datum is de brief verstuurd?',
        help: 'Die staat meestal bovenaan de brief.',
        type: 'date',
        next: [{ when: { var: 'facts.late' }, goto: 'objectLate' }, { goto: 'moneyWorries' }],
      },
      {
        id: 'moneyWorries',
        text: 'Heeft u op dit moment geldzorgen of schulden?',
        type: 'choice',
        options: yesNo,
        next: [{ when: is('moneyWorries', 'yes'), goto: 'objectWithHelp' }, { goto: 'object' }],
      },
    ],
    outcomes: [
      {
        id: 'object',
        kind: 'object',
        title: 'U kunt bezwaar maken',
        text: 'Tot en met {{objectionTermEnds}}, nog {{daysLeft}}.',
        hints: ['feiten_onjuist'],
      },
      {
        id: 'objectWithHelp',
        kind: 'object',
        title: 'U kunt bezwaar maken',
        text: 'Tot en met {{objectionTermEnds}}. Er is ook hulp.',
        hints: ['feiten_onjuist', 'terugvordering_te_hoog'],
        referrals: ['schuldhulp'],
      },
      {
        id: 'objectLate',
        kind: 'object_late',
        title: 'Te laat',
        text: 'De laatste dag was {{objectionTermEnds}}.',
      },
      { id: 'notADecision', kind: 'not_a_decision', title: 'Geen besluit', text: 'Dien een klacht in.' },
    ],
  });
}

/** A valid tree changed by `change`; returns the problems as "path: message". */
function problemsAfter(change: (tree: DiagnosisTree) => void): string[] {
  const tree = validTree();
  change(tree);
  return validateDiagnosisTree(tree, REFS).map((p: TreeProblem) => `${formatTreePath(p.path)}: ${p.message}`);
}

const question = (tree: DiagnosisTree, id: string) => tree.questions.find((q) => q.id === id)!;
const outcome = (tree: DiagnosisTree, id: string) => tree.outcomes.find((o) => o.id === id)!;

describe('validateDiagnosisTree', () => {
  it('accepts a tree that hangs together', () => {
    expect(validateDiagnosisTree(validTree(), REFS)).toEqual([]);
  });

  describe('structure', () => {
    it('reports a goto to an id that does not exist, with its path', () => {
      expect(
        problemsAfter((t) => {
          question(t, 'moneyWorries').next[1].goto = 'nowhere';
        }),
      ).toEqual([
        'questions[2].next[1].goto: Er is geen vraag of uitkomst met de id "nowhere".',
        expect.stringMatching(/object"/),
      ]);
    });

    it('reports an unknown start, and a start that is an outcome', () => {
      expect(problemsAfter((t) => (t.start = 'begin'))).toContain(
        'start: Er is geen vraag met de id "begin".',
      );
      expect(problemsAfter((t) => (t.start = 'object'))).toContain(
        'start: De keuzehulp moet met een vraag beginnen; "object" is een uitkomst.',
      );
    });

    it('reports a question nobody can reach', () => {
      expect(
        problemsAfter((t) =>
          t.questions.push({
            id: 'orphan',
            text: 'Vergeten?',
            type: 'choice',
            options: yesNo,
            next: [{ goto: 'object' }],
          }),
        ),
      ).toEqual(['questions[3]: De vraag "orphan" is vanaf het begin ("hasDecision") niet te bereiken.']);
    });

    it('reports an outcome nobody can reach', () => {
      expect(
        problemsAfter((t) => {
          question(t, 'moneyWorries').next = [{ goto: 'object' }];
        }),
      ).toEqual([
        'outcomes[1]: De uitkomst "objectWithHelp" is vanaf het begin ("hasDecision") niet te bereiken.',
      ]);
    });

    it('reports a cycle with the goto that closes it', () => {
      expect(
        problemsAfter((t) => {
          question(t, 'moneyWorries').next[1].goto = 'hasDecision';
        }),
      ).toContain(
        'questions[2].next[1].goto: "hasDecision" leidt terug naar een eerdere vraag (kringloop: hasDecision → decisionDate → moneyWorries → hasDecision); elke route moet eindigen in een uitkomst.',
      );
    });

    it('reports a question that points to itself', () => {
      expect(
        problemsAfter((t) => {
          question(t, 'moneyWorries').next[0].goto = 'moneyWorries';
        }),
      ).toContain(
        'questions[2].next[0].goto: "moneyWorries" leidt terug naar een eerdere vraag (kringloop: moneyWorries → moneyWorries); elke route moet eindigen in een uitkomst.',
      );
    });

    it('reports duplicate ids, also between a question and an outcome', () => {
      expect(
        problemsAfter((t) => {
          t.questions.push({ ...question(t, 'moneyWorries') });
          t.outcomes.push({ ...outcome(t, 'object'), id: 'decisionDate' });
        }),
      ).toEqual([
        'questions[3].id: De id "moneyWorries" komt twee keer voor: geef elke vraag een eigen id.',
        'outcomes[4].id: De id "decisionDate" is al in gebruik (vragen en uitkomsten delen één set ids): kies een andere id.',
      ]);
    });

    it('needs a default as the last entry of next, so that every answer leads somewhere', () => {
      expect(
        problemsAfter((t) => {
          question(t, 'moneyWorries').next = [
            { when: is('moneyWorries', 'yes'), goto: 'objectWithHelp' },
            { when: is('moneyWorries', 'no'), goto: 'object' },
          ];
        }),
      ).toEqual([
        'questions[2].next[1]: De laatste regel van "next" mag geen "when" hebben: dat is de standaardroute, zodat elk antwoord ergens heen leidt.',
      ]);
    });

    it('reports entries below a default, which are never used', () => {
      expect(
        problemsAfter((t) => {
          question(t, 'moneyWorries').next = [{ goto: 'object' }, { goto: 'objectWithHelp' }];
        }),
      ).toContain(
        'questions[2].next[0]: Alleen de laatste regel van "next" mag zonder "when": deze regel past altijd, dus de regels eronder worden nooit gebruikt.',
      );
    });
  });

  describe('questions', () => {
    it('a choice needs at least two options', () => {
      expect(problemsAfter((t) => delete question(t, 'moneyWorries').options)).toEqual([
        'questions[2].options: Een keuzevraag heeft minstens twee antwoorden nodig (options).',
      ]);
      expect(problemsAfter((t) => (question(t, 'moneyWorries').options = [yesNo[0]]))).toEqual([
        'questions[2].options: Een keuzevraag heeft minstens twee antwoorden nodig (options).',
      ]);
    });

    it('a date question has no options', () => {
      expect(problemsAfter((t) => (question(t, 'decisionDate').options = yesNo))).toEqual([
        'questions[1].options: Een datumvraag heeft geen antwoorden om uit te kiezen: laat options weg.',
      ]);
    });

    it('option values are unique within a question', () => {
      expect(problemsAfter((t) => (question(t, 'moneyWorries').options = [...yesNo, yesNo[0]]))).toEqual([
        'questions[2].options[2].value: Het antwoord "yes" komt twee keer voor bij deze vraag.',
      ]);
    });

    it('decisionDate must be a date question, since the deadline is computed from it', () => {
      expect(
        problemsAfter((t) => Object.assign(question(t, 'decisionDate'), { type: 'choice', options: yesNo })),
      ).toContain(
        'questions[1].type: "decisionDate" moet een datumvraag zijn (type: date): de termijnen worden daaruit berekend.',
      );
    });

    it('placeholders are not filled in questions', () => {
      expect(problemsAfter((t) => (question(t, 'moneyWorries').help = 'U heeft nog {{daysLeft}}.'))).toEqual([
        'questions[2].help: Invulplekken zoals {{daysLeft}} werken alleen in uitkomsten, niet in vragen.',
      ]);
    });
  });

  describe('outcomes', () => {
    it('hints must be argument hints of the regulation', () => {
      expect(problemsAfter((t) => outcome(t, 'object').hints.push('verzonnen'))).toEqual([
        'outcomes[0].hints[1]: Het argument "verzonnen" staat niet bij de argumenten van deze regeling (argumentHints): voeg het daar toe of kies een bestaande code.',
      ]);
    });

    it('referrals must be referral partners of the tenant', () => {
      expect(problemsAfter((t) => outcome(t, 'notADecision').referrals.push('bestaat_niet'))).toEqual([
        'outcomes[3].referrals[0]: De doorverwijspartner "bestaat_niet" bestaat niet bij deze gemeente (wel: schuldhulp, loket).',
      ]);
    });

    it('rejects an unknown placeholder', () => {
      expect(problemsAfter((t) => (outcome(t, 'object').title = 'Nog {{dagen}}'))).toEqual([
        'outcomes[0].title: Onbekende invulplek {{dagen}} (wel mogelijk: {{objectionTermEnds}}, {{daysLeft}}).',
      ]);
    });

    it('a deadline placeholder needs decisionDate on every path to the outcome', () => {
      expect(
        problemsAfter((t) => (outcome(t, 'notADecision').text = 'U had tot {{objectionTermEnds}}.')),
      ).toEqual([
        'outcomes[3].text: {{objectionTermEnds}} kan alleen worden ingevuld als de vraag "decisionDate" op elke route naar deze uitkomst wordt gesteld.',
      ]);
      // A shortcut around decisionDate breaks the outcomes behind it that use the deadline.
      expect(
        problemsAfter((t) => {
          question(t, 'hasDecision').next[1].goto = 'moneyWorries';
          t.outcomes.pop();
        }),
      ).toEqual([
        'outcomes[0].text: {{objectionTermEnds}} kan alleen worden ingevuld als de vraag "decisionDate" op elke route naar deze uitkomst wordt gesteld.',
        'outcomes[0].text: {{daysLeft}} kan alleen worden ingevuld als de vraag "decisionDate" op elke route naar deze uitkomst wordt gesteld.',
        'outcomes[1].text: {{objectionTermEnds}} kan alleen worden ingevuld als de vraag "decisionDate" op elke route naar deze uitkomst wordt gesteld.',
      ]);
    });
  });

  describe('JSON Logic', () => {
    const withRule = (when: Record<string, unknown>, at = 'moneyWorries') =>
      problemsAfter((t) => {
        question(t, at).next[0].when = when;
      });

    it('accepts rules on earlier answers and on facts after decisionDate', () => {
      expect(
        withRule({
          and: [
            is('hasDecision', 'yes'),
            { '<=': [{ var: 'facts.daysLeft' }, 5] },
            { '!': { var: 'facts.late' } },
          ],
        }),
      ).toEqual([]);
      expect(withRule({ in: [{ var: ['answers.moneyWorries', 'no'] }, ['yes', 'unsure']] })).toEqual([]);
      expect(withRule({ '!': { missing: ['answers.hasDecision'] } })).toEqual([]);
    });

    it('rejects what is not a rule', () => {
      expect(withRule({})).toEqual([
        'questions[2].next[0].when: Dit is geen JSON Logic-regel: gebruik één operator, bijvoorbeeld {"==": [{"var": "answers.vraag"}, "yes"]}.',
      ]);
      expect(withRule({ '==': [1, 1], '!=': [1, 2] })).toEqual([
        'questions[2].next[0].when: Dit is geen JSON Logic-regel: gebruik één operator, bijvoorbeeld {"==": [{"var": "answers.vraag"}, "yes"]}.',
      ]);
    });

    it('rejects unknown operators', () => {
      expect(withRule({ frobnicate: [{ var: 'answers.moneyWorries' }] })).toEqual([
        expect.stringMatching(
          /^questions\[2\]\.next\[0\]\.when: De operator "frobnicate" is hier niet toegestaan/,
        ),
      ]);
    });

    it('runs each rule once on sample data and reports what fails', () => {
      expect(withRule({ missing_some: [1, null] })).toEqual([
        'questions[2].next[0].when: "missing_some" moet een vast pad noemen, zoals "answers.<vraag-id>" of "facts.late".',
        expect.stringMatching(/^questions\[2\]\.next\[0\]\.when: Deze JSON Logic-regel werkt niet: .*null/),
      ]);
    });

    it('rejects "log", which would write answers to the console, and array operators', () => {
      expect(withRule({ log: { var: 'answers.moneyWorries' } })).toEqual([
        expect.stringMatching(/operator "log" is hier niet toegestaan/),
      ]);
      expect(withRule({ some: [[1], { '==': [{ var: '' }, 1] }] })).toEqual([
        expect.stringMatching(/operator "some" is hier niet toegestaan/),
      ]);
    });

    it('rejects reading an unknown question, or one asked only later', () => {
      expect(withRule(is('bestaatNiet', 'yes'))).toEqual([
        'questions[2].next[0].when: "answers.bestaatNiet": er is geen vraag "bestaatNiet".',
      ]);
      expect(withRule(is('moneyWorries', 'yes'), 'hasDecision')).toEqual([
        'questions[0].next[0].when: "answers.moneyWorries": de vraag "moneyWorries" wordt vóór dit punt nooit gesteld.',
      ]);
    });

    it('rejects facts before decisionDate is known on every path', () => {
      expect(withRule({ var: 'facts.late' }, 'hasDecision')).toEqual([
        'questions[0].next[0].when: "facts.late" is pas bekend als de vraag "decisionDate" op elke route hierheen is gesteld.',
      ]);
      // decisionDate itself may route on the facts it produces (see the valid tree).
    });

    it('rejects unknown facts, other data and paths that are not fixed', () => {
      expect(withRule({ var: 'facts.weekday' })).toEqual([
        'questions[2].next[0].when: "facts.weekday": onbekend gegeven "weekday" (wel: objectionTermEnds, daysLeft, late).',
      ]);
      expect(withRule({ var: 'tenant.name' })).toEqual([
        'questions[2].next[0].when: "tenant.name": een regel leest alleen "answers.<vraag-id>" of "facts.<naam>".',
      ]);
      expect(withRule({ var: 'answers' })).toEqual([
        'questions[2].next[0].when: "answers": een regel leest alleen "answers.<vraag-id>" of "facts.<naam>".',
      ]);
      expect(withRule({ var: { if: [true, 'answers.moneyWorries', 'facts.late'] } })).toEqual([
        'questions[2].next[0].when: "var" moet een vast pad noemen, zoals "answers.<vraag-id>" of "facts.late".',
      ]);
    });
  });
});

describe('evaluateDiagnosis', () => {
  const tree = validTree();
  const evaluate = (answers: Record<string, string>, facts?: (date: LocalDate) => DiagnosisFacts) =>
    evaluateDiagnosis(tree, answers, { today: TODAY, facts });

  it('asks the first question when nothing is answered', () => {
    const step = evaluate({});
    expect(step).toEqual({ status: 'question', question: question(tree, 'hasDecision'), answered: 0 });
  });

  it('asks the next unanswered question on the path', () => {
    expect(evaluate({ hasDecision: 'yes' })).toMatchObject({
      status: 'question',
      question: { id: 'decisionDate' },
      answered: 1,
    });
    expect(evaluate({ hasDecision: 'yes', decisionDate: '2026-11-02' })).toMatchObject({
      status: 'question',
      question: { id: 'moneyWorries' },
      answered: 2,
    });
  });

  it('ends in an outcome with the facts of the decision date (today fixed)', () => {
    const step = evaluate({ hasDecision: 'yes', decisionDate: '2026-11-02', moneyWorries: 'yes' });
    expect(step).toEqual({
      status: 'outcome',
      outcome: outcome(tree, 'objectWithHelp'),
      answered: 3,
      facts: { objectionTermEnds: '2026-12-14', daysLeft: 24, late: false },
    });
    expect(evaluate({ hasDecision: 'yes', decisionDate: '2026-11-02', moneyWorries: 'no' })).toMatchObject({
      outcome: { id: 'object' },
    });
  });

  it('routes on facts: a decision sent more than six weeks ago is late', () => {
    const step = evaluate({ hasDecision: 'yes', decisionDate: '2026-09-01', moneyWorries: 'yes' });
    expect(step).toMatchObject({
      status: 'outcome',
      outcome: { id: 'objectLate', kind: 'object_late' },
      answered: 2,
      facts: { objectionTermEnds: '2026-10-13', daysLeft: -38, late: true },
    });
  });

  it('the last day itself is not late', () => {
    const facts = () => ({ objectionTermEnds: TODAY, daysLeft: 0, late: false });
    expect(
      evaluate({ hasDecision: 'yes', decisionDate: '2026-10-09', moneyWorries: 'no' }, facts),
    ).toMatchObject({
      outcome: { id: 'object' },
    });
  });

  it('ignores answers off the path: the citizen went back and chose differently', () => {
    const step = evaluate({ hasDecision: 'no', decisionDate: '2099-99-99', moneyWorries: 'misschien' });
    expect(step).toEqual({ status: 'outcome', outcome: outcome(tree, 'notADecision'), answered: 1 });
  });

  it('ignores answers to questions the tree does not have, and inherited properties', () => {
    expect(evaluate({ somethingElse: 'x' })).toMatchObject({ question: { id: 'hasDecision' } });
    const inherited = Object.create({ hasDecision: 'yes' }) as Record<string, string>;
    expect(evaluate(inherited)).toMatchObject({ question: { id: 'hasDecision' }, answered: 0 });
  });

  it('rules see only the answers on the path', () => {
    // Not a valid tree (second reads a question off its path), which is exactly what the walk must not trust.
    const branching = diagnosisTreeSchema.parse({
      start: 'first',
      questions: [
        {
          id: 'first',
          text: 'Eerste?',
          type: 'choice',
          options: yesNo,
          next: [{ when: is('first', 'yes'), goto: 'left' }, { goto: 'right' }],
        },
        { id: 'left', text: 'Links?', type: 'choice', options: yesNo, next: [{ goto: 'end' }] },
        {
          id: 'right',
          text: 'Rechts?',
          type: 'choice',
          options: yesNo,
          next: [{ when: is('left', 'yes'), goto: 'stale' }, { goto: 'end' }],
        },
      ],
      outcomes: [
        { id: 'end', kind: 'object', title: 'Einde', text: 'Klaar.' },
        { id: 'stale', kind: 'object', title: 'Fout', text: 'Oud antwoord gebruikt.' },
      ],
    });
    const step = evaluateDiagnosis(branching, { first: 'no', left: 'yes', right: 'no' }, { today: TODAY });
    expect(step).toMatchObject({ status: 'outcome', outcome: { id: 'end' }, answered: 2 });
  });

  it('computes facts only once decisionDate is on the path, with the injected function', () => {
    const facts = jest.fn((date: LocalDate) => ({ objectionTermEnds: date, daysLeft: 3, late: false }));
    evaluate({ hasDecision: 'no', decisionDate: '2026-11-02' }, facts);
    expect(facts).not.toHaveBeenCalled();
    evaluate({ hasDecision: 'yes', decisionDate: '2026-11-02' }, facts);
    expect(facts).toHaveBeenCalledWith('2026-11-02');
  });

  it('routes on daysLeft', () => {
    const urgent = validTree();
    urgent.outcomes.push({
      id: 'hurry',
      kind: 'object',
      title: 'Snel',
      text: 'Vandaag nog!',
      hints: [],
      referrals: [],
    });
    question(urgent, 'decisionDate').next.splice(1, 0, {
      when: { '<=': [{ var: 'facts.daysLeft' }, 2] },
      goto: 'hurry',
    });
    expect(validateDiagnosisTree(urgent, REFS)).toEqual([]);
    const answers = { hasDecision: 'yes', decisionDate: '2026-10-09' };
    expect(evaluateDiagnosis(urgent, answers, { today: TODAY })).toMatchObject({
      outcome: { id: 'hurry' },
      facts: { daysLeft: 0 },
    });
    expect(evaluateDiagnosis(urgent, answers, { today: '2026-11-01' as LocalDate })).toMatchObject({
      question: { id: 'moneyWorries' },
    });
  });

  describe('invalid answers', () => {
    const invalid = (answers: Record<string, string>): DiagnosisAnswerError => {
      try {
        evaluate(answers);
      } catch (error) {
        if (error instanceof DiagnosisAnswerError) return error;
        throw error;
      }
      throw new Error('expected a DiagnosisAnswerError');
    };

    it.each([['maybe'], ['Yes'], ['']])(
      'refuses the choice %j with the question id and a Dutch message',
      (value) => {
        const error = invalid({ hasDecision: value });
        expect(error.questionId).toBe('hasDecision');
        expect(error.dutchMessage).toBe('Kies een van de antwoorden bij deze vraag.');
      },
    );

    it.each([['2026-02-30'], ['02-11-2026'], ['2026-11-2'], ['gisteren'], ['']])(
      'refuses the date %j',
      (value) => {
        const error = invalid({ hasDecision: 'yes', decisionDate: value });
        expect(error.questionId).toBe('decisionDate');
        expect(error.dutchMessage).toMatch(/^Vul een bestaande datum in, in de vorm JJJJ-MM-DD/);
      },
    );

    it('refuses a date in the future, and accepts today', () => {
      expect(invalid({ hasDecision: 'yes', decisionDate: '2026-11-21' }).dutchMessage).toMatch(
        /in de toekomst/,
      );
      expect(evaluate({ hasDecision: 'yes', decisionDate: TODAY })).toMatchObject({
        question: { id: 'moneyWorries' },
      });
    });

    it('refuses an invalid answer on the path even when later answers are given', () => {
      expect(
        invalid({ hasDecision: 'yes', decisionDate: '2026-13-01', moneyWorries: 'yes' }).questionId,
      ).toBe('decisionDate');
    });
  });

  describe('a broken tree (never one that passed validation)', () => {
    it('throws a plain error for a dangling goto', () => {
      const broken = validTree();
      question(broken, 'hasDecision').next[1].goto = 'nowhere';
      expect(() => evaluateDiagnosis(broken, { hasDecision: 'no' }, { today: TODAY })).toThrow(
        'Diagnosis tree: unknown question or outcome "nowhere"',
      );
    });

    it('throws a plain error instead of looping forever on a cycle', () => {
      const broken = validTree();
      question(broken, 'moneyWorries').next = [{ goto: 'hasDecision' }];
      expect(() =>
        evaluateDiagnosis(
          broken,
          { hasDecision: 'yes', decisionDate: '2026-11-02', moneyWorries: 'no' },
          { today: TODAY },
        ),
      ).toThrow('Diagnosis tree: the path does not end (cycle)');
    });

    it('throws a plain error when no next matches', () => {
      const broken = validTree();
      question(broken, 'hasDecision').next = [{ when: is('hasDecision', 'yes'), goto: 'decisionDate' }];
      expect(() => evaluateDiagnosis(broken, { hasDecision: 'no' }, { today: TODAY })).toThrow(
        'Diagnosis tree: no "next" of question "hasDecision" matches',
      );
    });
  });
});

describe('formatTreePath', () => {
  it('writes paths the way the tenant file loader does', () => {
    expect(formatTreePath(['questions', 2, 'next', 0, 'goto'])).toBe('questions[2].next[0].goto');
    expect(formatTreePath(['start'])).toBe('start');
  });
});
