import { ProblemError } from '../common/problems/problem.error';
import { formatDutchDate } from '../deadlines/dutch-dates';
import { DECISION_DATE_QUESTION } from '../diagnosis/diagnosis-facts';
import type {
  DiagnosisOutcomeDto,
  DiagnosisQuestionDto,
  DiagnosisReferralDto,
} from '../diagnosis/dto/diagnosis.dto';
import { MAX_ANSWER_LENGTH, MAX_ANSWERS } from '../diagnosis/dto/diagnosis.dto';
import type { LocalDate } from '../deadlines/local-date';
import { DateParts, datePartsOf } from './date-parts';
import { field, FormFields } from './form-body';
import { phoneHref, safeWebsite, websiteLabel } from './contact-links';

/**
 * The diagnosis as HTML forms, one question per page and nothing stored: the answers given so far travel along in
 * hidden inputs named `answers.<questionId>`, in the order they were given; "Vorige vraag" drops the last one.
 */

export const ANSWER_PREFIX = 'answers.';
const QUESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const OBJECT_KINDS = new Set(['object', 'object_late']);

export interface DiagnosisPost {
  /** Question id → answer, in the order given. */
  answers: Record<string, string>;
  /** The question the page showed. */
  questionId: string;
  action: 'next' | 'back';
  choice: string;
  date: DateParts;
}

export function readDiagnosisPost(fields: FormFields): DiagnosisPost {
  const answers: Record<string, string> = {};
  for (const [name, values] of fields) {
    if (!name.startsWith(ANSWER_PREFIX)) continue;
    const id = name.slice(ANSWER_PREFIX.length);
    if (!QUESTION_ID.test(id) || values[0].length > MAX_ANSWER_LENGTH) throw badForm();
    answers[id] = values[0];
  }
  if (Object.keys(answers).length > MAX_ANSWERS) throw badForm();
  return {
    answers,
    questionId: field(fields, 'question'),
    action: field(fields, 'action') === 'back' ? 'back' : 'next',
    choice: field(fields, 'answer'),
    date: {
      day: field(fields, 'answer-day'),
      month: field(fields, 'answer-month'),
      year: field(fields, 'answer-year'),
    },
  };
}

function badForm(): ProblemError {
  return ProblemError.invalid([], 'De antwoorden in het formulier zijn niet te lezen. Begin opnieuw.');
}

export interface HiddenAnswer {
  name: string;
  value: string;
}

export function hiddenAnswers(answers: Record<string, string>): HiddenAnswer[] {
  return Object.entries(answers).map(([id, value]) => ({ name: `${ANSWER_PREFIX}${id}`, value }));
}

export interface QuestionState {
  /** 1 for the first question. */
  number: number;
  answers: Record<string, string>;
  /** The answer to show as chosen (after "Vorige vraag" or an error). */
  selected?: string;
  /** What was typed in a date question. */
  date?: DateParts;
  error?: string;
}

export function questionView(question: DiagnosisQuestionDto, state: QuestionState) {
  const isDate = question.type === 'date';
  const options = (question.options ?? []).map((option, index) => ({
    id: `answer-${index + 1}`,
    value: option.value,
    label: option.label,
    checked: option.value === state.selected,
  }));
  const date = state.date ?? datePartsOf(isDate ? state.selected : undefined);
  const firstInput = isDate ? 'answer-day' : (options[0]?.id ?? 'answer-1');
  return {
    question: { id: question.id, text: question.text, help: question.help, isDate },
    number: state.number,
    options,
    date,
    hiddenAnswers: hiddenAnswers(state.answers),
    canGoBack: Object.keys(state.answers).length > 0,
    error: state.error,
    errors: state.error ? [{ href: `#${firstInput}`, message: state.error }] : [],
    hasHint: Boolean(question.help) || isDate,
    describedBy: [question.help || isDate ? 'answer-hint' : '', state.error ? 'answer-error' : '']
      .filter(Boolean)
      .join(' '),
  };
}

export function outcomeView(
  outcome: DiagnosisOutcomeDto,
  context: { tenantHome: string; regulationCode: string; answers: Record<string, string> },
) {
  const decisionDate = context.answers[DECISION_DATE_QUESTION];
  const canObject = OBJECT_KINDS.has(outcome.kind);
  const query = [
    ...(decisionDate ? [`besluitdatum=${encodeURIComponent(decisionDate)}`] : []),
    ...(outcome.hints.length
      ? [`redenen=${outcome.hints.map((h) => encodeURIComponent(h.code)).join(',')}`]
      : []),
  ].join('&');
  const daysLeft = outcome.daysLeft ?? 0;
  return {
    outcome: {
      kind: outcome.kind,
      title: outcome.title,
      paragraphs: outcome.text
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean),
    },
    deadline: outcome.objectionTermEnds
      ? {
          date: formatDutchDate(outcome.objectionTermEnds as LocalDate),
          late: outcome.late === true,
          daysLeft: `${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagen'}`,
        }
      : undefined,
    hints: outcome.hints,
    referrals: outcome.referrals.map(referralView),
    fileHref: canObject
      ? `${context.tenantHome}/bezwaar/${encodeURIComponent(context.regulationCode)}${query ? `?${query}` : ''}`
      : undefined,
    hiddenAnswers: hiddenAnswers(context.answers),
  };
}

function referralView(referral: DiagnosisReferralDto) {
  return {
    name: referral.name,
    description: referral.description,
    phone: referral.phone,
    phoneHref: referral.phone ? phoneHref(referral.phone) : undefined,
    email: referral.email,
    website: safeWebsite(referral.website),
    websiteLabel: referral.website ? websiteLabel(referral.website) : undefined,
  };
}
