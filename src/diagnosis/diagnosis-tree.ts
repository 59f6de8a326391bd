import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { type LocalDate, parseLocalDate } from '../deadlines/local-date';
import { DiagnosisAnswerError } from './diagnosis-answer.error';
import {
  DECISION_DATE_QUESTION,
  DIAGNOSIS_FACT_NAMES,
  type DiagnosisFacts,
  diagnosisFacts,
} from './diagnosis-facts';
import { TreeGraph } from './diagnosis-tree-graph';
import {
  type DiagnosisOutcome,
  type DiagnosisQuestion,
  type DiagnosisTree,
  NOT_A_RULE,
} from './diagnosis-tree.schema';
import { OUTCOME_PLACEHOLDERS, PLACEHOLDER } from './outcome-text';

/**
 * The diagnosis flow as pure functions: checking a tree once (at start-up) and walking it for one request.
 * No state between requests: the citizen's answers come in whole every time.
 */

export type TreePath = (string | number)[];

export interface TreeProblem {
  /** Inside the tree, e.g. ['questions', 2, 'next', 0, 'goto']. */
  path: TreePath;
  message: string;
}

export interface TreeReferences {
  /** The regulation's argument hint codes. */
  hintCodes: readonly string[];
  /** The tenant's referral partner codes. */
  partnerCodes: readonly string[];
}

/**
 * Operators a rule may use. Left out: `log` (writes to the console, so answers would end up in logs), the array
 * operators (`map`, `filter`, `all`, … change what `var` refers to, which defeats the checks below) and
 * string operators nobody needs for routing.
 */
const ALLOWED_OPERATORS = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'and',
  'or',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
]);

const SAMPLE_DATE = '2026-01-05' as LocalDate;
const SAMPLE_FACTS: DiagnosisFacts = {
  objectionTermEnds: '2026-02-16' as LocalDate,
  daysLeft: 10,
  late: false,
};

/** `questions[2].next[0].goto` */
export function formatTreePath(path: TreePath): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

/** The message for a referral partner code the municipality does not have (also used for a regulation's list). */
export function unknownPartner(code: string, known: ReadonlySet<string> | readonly string[]): string {
  const codes = [...known];
  return `De doorverwijspartner "${code}" bestaat niet bij deze gemeente (${
    codes.length ? `wel: ${codes.join(', ')}` : 'er zijn nog geen doorverwijspartners'
  }).`;
}

/**
 * Everything that would make the tree fail a citizen: ids that lead nowhere, nodes nobody can reach, loops,
 * malformed questions, unknown hint or partner codes, rules that cannot run or read what is not there yet.
 * An empty list means the tree is usable. The messages are Dutch: a tenant admin reads them when saving.
 */
export function validateDiagnosisTree(tree: DiagnosisTree, references: TreeReferences): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const add = (path: TreePath, message: string) => problems.push({ path, message });

  const questionIndex = new Map<string, number>();
  const outcomeIndex = new Map<string, number>();
  tree.questions.forEach((q, i) => {
    if (questionIndex.has(q.id))
      add(['questions', i, 'id'], `De id "${q.id}" komt twee keer voor: geef elke vraag een eigen id.`);
    else questionIndex.set(q.id, i);
  });
  tree.outcomes.forEach((o, i) => {
    if (questionIndex.has(o.id) || outcomeIndex.has(o.id)) {
      add(
        ['outcomes', i, 'id'],
        `De id "${o.id}" is al in gebruik (vragen en uitkomsten delen één set ids): kies een andere id.`,
      );
    } else outcomeIndex.set(o.id, i);
  });
  const exists = (id: string) => questionIndex.has(id) || outcomeIndex.has(id);

  if (!questionIndex.has(tree.start)) {
    add(
      ['start'],
      outcomeIndex.has(tree.start)
        ? `De keuzehulp moet met een vraag beginnen; "${tree.start}" is een uitkomst.`
        : `Er is geen vraag met de id "${tree.start}".`,
    );
  }

  tree.questions.forEach((q, i) => {
    checkQuestionShape(q, i, add);
    q.next.forEach((entry, j) => {
      if (!exists(entry.goto))
        add(['questions', i, 'next', j, 'goto'], `Er is geen vraag of uitkomst met de id "${entry.goto}".`);
      if (entry.when === undefined && j < q.next.length - 1) {
        add(
          ['questions', i, 'next', j],
          'Alleen de laatste regel van "next" mag zonder "when": deze regel past altijd, dus de regels eronder worden nooit gebruikt.',
        );
      }
    });
    if (q.next[q.next.length - 1].when !== undefined) {
      add(
        ['questions', i, 'next', q.next.length - 1],
        'De laatste regel van "next" mag geen "when" hebben: dat is de standaardroute, zodat elk antwoord ergens heen leidt.',
      );
    }
  });

  const graph = new TreeGraph(tree, exists);
  const reachable = graph.reachableFrom(tree.start);
  tree.questions.forEach((q, i) => {
    if (questionIndex.get(q.id) === i && !reachable.has(q.id)) {
      add(['questions', i], `De vraag "${q.id}" is vanaf het begin ("${tree.start}") niet te bereiken.`);
    }
  });
  tree.outcomes.forEach((o, i) => {
    if (outcomeIndex.get(o.id) === i && !reachable.has(o.id)) {
      add(['outcomes', i], `De uitkomst "${o.id}" is vanaf het begin ("${tree.start}") niet te bereiken.`);
    }
  });
  for (const cycle of graph.cycles(tree.start)) {
    add(
      ['questions', questionIndex.get(cycle.from)!, 'next', cycle.entry, 'goto'],
      `"${cycle.to}" leidt terug naar een eerdere vraag (kringloop: ${cycle.ids.join(' → ')}); elke route moet eindigen in een uitkomst.`,
    );
  }

  const mustPass = graph.mustPass(tree.start, reachable);
  tree.questions.forEach((q, i) => {
    q.next.forEach((entry, j) => {
      if (entry.when === undefined) return;
      const path = ['questions', i, 'next', j, 'when'];
      if (!jsonLogic.is_logic(entry.when)) {
        add(path, NOT_A_RULE);
        return;
      }
      const { reads, allowed } = inspectRule(entry.when, path, add);
      if (reachable.has(q.id)) {
        const before = graph.ancestors(q.id, reachable);
        for (const read of reads) checkRead(read, q.id, before, mustPass.get(q.id), questionIndex, add);
      }
      // A rule with a forbidden operator is not run at all (`log` would print the sample answers).
      if (!allowed) return;
      try {
        jsonLogic.apply(entry.when as RulesLogic, sampleData(tree));
      } catch (error) {
        add(
          path,
          `Deze JSON Logic-regel werkt niet: ${error instanceof Error ? error.message : String(error)}.`,
        );
      }
    });
  });

  const hints = new Set(references.hintCodes);
  const partners = new Set(references.partnerCodes);
  tree.outcomes.forEach((o, i) => {
    o.hints.forEach((code, j) => {
      if (!hints.has(code)) {
        add(
          ['outcomes', i, 'hints', j],
          `Het argument "${code}" staat niet bij de argumenten van deze regeling (argumentHints): voeg het daar toe of kies een bestaande code.`,
        );
      }
    });
    o.referrals.forEach((code, j) => {
      if (!partners.has(code)) add(['outcomes', i, 'referrals', j], unknownPartner(code, partners));
    });
    for (const field of ['title', 'text'] as const) {
      for (const [, name] of o[field].matchAll(PLACEHOLDER)) {
        if (!(OUTCOME_PLACEHOLDERS as readonly string[]).includes(name)) {
          add(
            ['outcomes', i, field],
            `Onbekende invulplek {{${name}}} (wel mogelijk: ${OUTCOME_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}).`,
          );
        } else if (
          outcomeIndex.get(o.id) === i &&
          reachable.has(o.id) &&
          !mustPass.get(o.id)?.has(DECISION_DATE_QUESTION)
        ) {
          add(
            ['outcomes', i, field],
            `{{${name}}} kan alleen worden ingevuld als de vraag "${DECISION_DATE_QUESTION}" op elke route naar deze uitkomst wordt gesteld.`,
          );
        }
      }
    }
  });
  return problems;
}

function checkQuestionShape(
  q: DiagnosisQuestion,
  i: number,
  add: (path: TreePath, message: string) => void,
): void {
  if (q.type === 'choice' && (q.options?.length ?? 0) < 2) {
    add(['questions', i, 'options'], 'Een keuzevraag heeft minstens twee antwoorden nodig (options).');
  }
  if (q.type === 'date' && q.options !== undefined)
    add(
      ['questions', i, 'options'],
      'Een datumvraag heeft geen antwoorden om uit te kiezen: laat options weg.',
    );
  const values = (q.options ?? []).map((o) => o.value);
  values.forEach((value, j) => {
    if (values.indexOf(value) !== j)
      add(
        ['questions', i, 'options', j, 'value'],
        `Het antwoord "${value}" komt twee keer voor bij deze vraag.`,
      );
  });
  if (q.id === DECISION_DATE_QUESTION && q.type !== 'date') {
    add(
      ['questions', i, 'type'],
      `"${DECISION_DATE_QUESTION}" moet een datumvraag zijn (type: date): de termijnen worden daaruit berekend.`,
    );
  }
  for (const field of ['text', 'help'] as const) {
    if (q[field]?.match(PLACEHOLDER)) {
      add(
        ['questions', i, field],
        'Invulplekken zoals {{daysLeft}} werken alleen in uitkomsten, niet in vragen.',
      );
    }
  }
}

interface RuleRead {
  /** e.g. "answers.hasDecision" or "facts.late" */
  name: string;
  path: TreePath;
}

/** Checks the operators of a rule and lists the data it reads. */
function inspectRule(
  rule: unknown,
  path: TreePath,
  add: (path: TreePath, message: string) => void,
): { reads: RuleRead[]; allowed: boolean } {
  const reads: RuleRead[] = [];
  let allowed = true;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!jsonLogic.is_logic(node)) return;
    const operator = jsonLogic.get_operator(node as Record<string, unknown>);
    const raw: unknown = (node as Record<string, unknown>)[operator];
    const args: unknown[] = Array.isArray(raw) ? raw : [raw];
    if (!ALLOWED_OPERATORS.has(operator)) {
      add(
        path,
        `De operator "${operator}" is hier niet toegestaan (wel: ${[...ALLOWED_OPERATORS].join(' ')}).`,
      );
      allowed = false;
      return;
    }
    if (operator === 'var' || operator === 'missing' || operator === 'missing_some') {
      const names = operator === 'var' ? [args[0]] : operator === 'missing' ? args : [args[1]].flat();
      for (const name of names) {
        if (typeof name === 'string' && name !== '') reads.push({ name, path });
        else add(path, `"${operator}" moet een vast pad noemen, zoals "answers.<vraag-id>" of "facts.late".`);
      }
      if (operator === 'var') args.slice(1).forEach(visit);
      return;
    }
    args.forEach(visit);
  };
  visit(rule);
  return { reads, allowed };
}

/** A rule may read answers that can have been given by then, and facts only once the decision date is known. */
function checkRead(
  read: RuleRead,
  questionId: string,
  askedBefore: ReadonlySet<string>,
  alwaysAskedBefore: ReadonlySet<string> | undefined,
  questionIndex: ReadonlyMap<string, number>,
  add: (path: TreePath, message: string) => void,
): void {
  const [scope, name, ...rest] = read.name.split('.');
  if ((scope !== 'answers' && scope !== 'facts') || !name || rest.length) {
    add(read.path, `"${read.name}": een regel leest alleen "answers.<vraag-id>" of "facts.<naam>".`);
  } else if (scope === 'answers') {
    if (!questionIndex.has(name)) add(read.path, `"${read.name}": er is geen vraag "${name}".`);
    else if (name !== questionId && !askedBefore.has(name)) {
      add(read.path, `"${read.name}": de vraag "${name}" wordt vóór dit punt nooit gesteld.`);
    }
  } else if (!(DIAGNOSIS_FACT_NAMES as readonly string[]).includes(name)) {
    add(read.path, `"${read.name}": onbekend gegeven "${name}" (wel: ${DIAGNOSIS_FACT_NAMES.join(', ')}).`);
  } else if (questionId !== DECISION_DATE_QUESTION && !alwaysAskedBefore?.has(DECISION_DATE_QUESTION)) {
    add(
      read.path,
      `"${read.name}" is pas bekend als de vraag "${DECISION_DATE_QUESTION}" op elke route hierheen is gesteld.`,
    );
  }
}

function sampleData(tree: DiagnosisTree): { answers: Record<string, string>; facts: DiagnosisFacts } {
  const answers: Record<string, string> = {};
  for (const q of tree.questions)
    answers[q.id] = q.type === 'date' ? SAMPLE_DATE : (q.options?.[0]?.value ?? '');
  return { answers, facts: SAMPLE_FACTS };
}

// -------------------------------------------------------------------------------------------------------------
// Evaluation
// -------------------------------------------------------------------------------------------------------------

/** Question id → answer (choice: an option value; date: YYYY-MM-DD). */
export type DiagnosisAnswers = Readonly<Record<string, string>>;

export interface EvaluateOptions {
  /** Today in Europe/Amsterdam: a decision date after it is refused. */
  today: LocalDate;
  /** Derives the facts from the decision date; default `diagnosisFacts(date, today)`. */
  facts?: (decisionDate: LocalDate) => DiagnosisFacts;
}

export type DiagnosisStep =
  | { status: 'question'; question: DiagnosisQuestion; answered: number }
  | { status: 'outcome'; outcome: DiagnosisOutcome; answered: number; facts?: DiagnosisFacts };

/**
 * Walks the tree from start with the given answers and stops at the first unanswered question or at an outcome.
 * Only answers on the path count, for the rules too: an answer left behind after the citizen went back and chose
 * differently is ignored. Facts exist once `decisionDate` has been answered on the path.
 *
 * @throws DiagnosisAnswerError for an answer on the path that is not allowed
 * @throws Error when the tree itself is broken (never for a tree without problems from validateDiagnosisTree)
 */
export function evaluateDiagnosis(
  tree: DiagnosisTree,
  answers: DiagnosisAnswers,
  options: EvaluateOptions,
): DiagnosisStep {
  const questions = new Map(tree.questions.map((q) => [q.id, q]));
  const outcomes = new Map(tree.outcomes.map((o) => [o.id, o]));
  const deriveFacts = options.facts ?? ((date: LocalDate) => diagnosisFacts(date, options.today));
  // Null prototypes: a rule reading "answers.constructor" must find nothing rather than Object's own property.
  const onPath: Record<string, string> = Object.create(null) as Record<string, string>;
  let facts: DiagnosisFacts | undefined;
  let id = tree.start;
  for (let answered = 0; answered <= questions.size; answered++) {
    const outcome = outcomes.get(id);
    if (outcome) return { status: 'outcome', outcome, answered, ...(facts ? { facts } : {}) };
    const question = questions.get(id);
    if (!question) throw new Error(`Diagnosis tree: unknown question or outcome "${id}"`);
    const answer = Object.hasOwn(answers, id) ? answers[id] : undefined;
    if (answer === undefined) return { status: 'question', question, answered };
    const date = checkAnswer(question, answer, options.today);
    onPath[id] = answer;
    if (id === DECISION_DATE_QUESTION && date) facts = deriveFacts(date);
    const data = { answers: onPath, facts: facts ?? Object.create(null) };
    const next = question.next.find(
      (entry) =>
        entry.when === undefined || jsonLogic.truthy(jsonLogic.apply(entry.when as RulesLogic, data)),
    );
    if (!next) throw new Error(`Diagnosis tree: no "next" of question "${id}" matches`);
    id = next.goto;
  }
  throw new Error('Diagnosis tree: the path does not end (cycle)');
}

/** Returns the date for a date question. */
function checkAnswer(question: DiagnosisQuestion, answer: unknown, today: LocalDate): LocalDate | undefined {
  if (question.type === 'choice') {
    if (!question.options?.some((o) => o.value === answer)) {
      throw new DiagnosisAnswerError(question.id, 'Kies een van de antwoorden bij deze vraag.');
    }
    return undefined;
  }
  const date = typeof answer === 'string' ? parseLocalDate(answer) : null;
  if (!date) {
    throw new DiagnosisAnswerError(
      question.id,
      'Vul een bestaande datum in, in de vorm JJJJ-MM-DD, bijvoorbeeld 2026-11-02.',
    );
  }
  if (date > today) {
    throw new DiagnosisAnswerError(
      question.id,
      'Deze datum ligt in de toekomst. Vul een datum in van vandaag of eerder.',
    );
  }
  return date;
}
