import type { DiagnosisOutcomeDto } from '../diagnosis/dto/diagnosis.dto';
import { outcomeView, questionView, readDiagnosisPost } from './diagnosis-form';
import type { FormFields } from './form-body';

const fields = (entries: [string, string][]): FormFields => new Map(entries.map(([k, v]) => [k, [v]]));

describe('readDiagnosisPost', () => {
  it('reads the answers so far in their order, the question, the action and the new answer', () => {
    const post = readDiagnosisPost(
      fields([
        ['answers.hasDecision', 'yes'],
        ['answers.subject', 'stop'],
        ['question', 'decisionDate'],
        ['answer-day', '2'],
        ['answer-month', '11'],
        ['answer-year', '2026'],
        ['action', 'next'],
      ]),
    );
    expect(Object.entries(post.answers)).toEqual([
      ['hasDecision', 'yes'],
      ['subject', 'stop'],
    ]);
    expect(post).toMatchObject({
      questionId: 'decisionDate',
      action: 'next',
      choice: '',
      date: { day: '2', month: '11', year: '2026' },
    });
    expect(readDiagnosisPost(fields([['action', 'back']])).action).toBe('back');
    expect(readDiagnosisPost(fields([['action', 'iets anders']])).action).toBe('next');
  });

  it('refuses answers that no form of ours sends', () => {
    expect(() => readDiagnosisPost(fields([['answers.__proto__!', 'x']]))).toThrow();
    expect(() => readDiagnosisPost(fields([['answers.subject', 'x'.repeat(201)]]))).toThrow();
    const many = Array.from({ length: 51 }, (_, i): [string, string] => [`answers.q${i}`, 'yes']);
    expect(() => readDiagnosisPost(fields(many))).toThrow();
  });
});

describe('questionView', () => {
  const choice = {
    id: 'hasDecision',
    text: 'Heeft u een brief gekregen?',
    help: 'Een besluit is een beslissing.',
    type: 'choice' as const,
    options: [
      { value: 'yes', label: 'Ja' },
      { value: 'no', label: 'Nee' },
    ],
  };

  it('shows the chosen answer, the hidden answers and an error linked to the first option', () => {
    const view = questionView(choice, {
      number: 2,
      answers: { earlier: 'a' },
      selected: 'no',
      error: 'Kies een antwoord.',
    });
    expect(view.options.map((o) => [o.id, o.checked])).toEqual([
      ['answer-1', false],
      ['answer-2', true],
    ]);
    expect(view.hiddenAnswers).toEqual([{ name: 'answers.earlier', value: 'a' }]);
    expect(view.errors).toEqual([{ href: '#answer-1', message: 'Kies een antwoord.' }]);
    expect(view.describedBy).toBe('answer-hint answer-error');
    expect(view.canGoBack).toBe(true);
  });

  it('splits a date answer into day, month and year and links errors to the day', () => {
    const view = questionView(
      { id: 'decisionDate', text: 'Datum?', type: 'date' },
      { number: 3, answers: {}, selected: '2026-01-09', error: 'Fout' },
    );
    expect(view.date).toEqual({ day: '9', month: '1', year: '2026' });
    expect(view.errors[0].href).toBe('#answer-day');
    expect(view.describedBy).toBe('answer-hint answer-error');
    expect(view.canGoBack).toBe(false);
  });
});

describe('outcomeView', () => {
  const outcome: DiagnosisOutcomeDto = {
    id: 'objectStop',
    kind: 'object',
    title: 'U kunt bezwaar maken',
    text: 'Eerste alinea.\nTweede alinea.',
    objectionTermEnds: '2026-12-14',
    daysLeft: 1,
    late: false,
    hints: [
      { code: 'a_b', title: 'A', explanation: 'uitleg' },
      { code: 'c', title: 'C', explanation: 'uitleg' },
    ],
    referrals: [
      {
        code: 'x',
        name: 'Hulp',
        kind: 'debt_counselling',
        description: 'd',
        phone: '14 0123',
        website: 'javascript:alert(1)',
      },
    ],
  };
  const context = {
    tenantHome: '/rivierstad',
    regulationCode: 'participatiewet',
    answers: { decisionDate: '2026-11-02' },
  };

  it('links to the form with the decision date and the reasons, and writes the deadline out', () => {
    const view = outcomeView(outcome, context);
    expect(view.fileHref).toBe('/rivierstad/bezwaar/participatiewet?besluitdatum=2026-11-02&redenen=a_b,c');
    expect(view.outcome.paragraphs).toEqual(['Eerste alinea.', 'Tweede alinea.']);
    expect(view.deadline).toEqual({ date: 'maandag 14 december 2026', late: false, daysLeft: '1 dag' });
    expect(view.referrals[0]).toMatchObject({ phoneHref: 'tel:140123', website: undefined });
  });

  it('offers no form for outcomes where objecting is not the way', () => {
    expect(outcomeView({ ...outcome, kind: 'informal_contact' }, context).fileHref).toBeUndefined();
    expect(outcomeView({ ...outcome, kind: 'object_late' }, context).fileHref).toBeDefined();
  });
});
