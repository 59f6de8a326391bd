import { z } from 'zod';

/**
 * The shape of a regulation's `diagnosis:` in tenant.yaml: plain-language questions that lead a citizen to an
 * outcome. Only the structure is checked here; `validateDiagnosisTree` checks that the tree hangs together.
 */

/** Ids end up in JSON Logic paths (`answers.<id>`) and in error fields (`answers.<id>`): no dots or spaces. */
const nodeId = z
  .string()
  .regex(
    /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/,
    'Een id begint met een letter, daarna letters, cijfers of _ (hoogstens 64 tekens).',
  );

export const NOT_A_RULE =
  'Dit is geen JSON Logic-regel: gebruik één operator, bijvoorbeeld {"==": [{"var": "answers.vraag"}, "yes"]}.';

/** A JSON Logic rule, e.g. `{"==": [{"var": "answers.hasDecision"}, "yes"]}`; checked by the validator. */
const rule = z.record(z.string(), z.unknown(), { error: NOT_A_RULE });

export const DIAGNOSIS_QUESTION_TYPES = ['choice', 'date'] as const;

export const DIAGNOSIS_OUTCOME_KINDS = [
  'object',
  'object_late',
  'informal_contact',
  'not_a_decision',
  'direct_appeal',
  'help_first',
] as const;

const option = z.strictObject({
  value: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Gebruik letters, cijfers, _ of - (hoogstens 64 tekens).'),
  label: z.string().min(1),
});

const next = z.strictObject({
  /** Absent on the last entry: the default. */
  when: rule.optional(),
  goto: nodeId,
});

const question = z.strictObject({
  id: nodeId,
  /** Plain Dutch (B1), one question. */
  text: z.string().min(1),
  /** A short explanation shown under the question. */
  help: z.string().min(1).optional(),
  type: z.enum(DIAGNOSIS_QUESTION_TYPES),
  /** Choice questions only. */
  options: z.array(option).optional(),
  /** Tried in order, the first whose `when` holds wins. */
  next: z.array(next).min(1),
});

const outcome = z.strictObject({
  id: nodeId,
  kind: z.enum(DIAGNOSIS_OUTCOME_KINDS),
  title: z.string().min(1),
  /** Plain Dutch (B1). `{{objectionTermEnds}}` and `{{daysLeft}}` are filled in when the decision date is known. */
  text: z.string().min(1),
  /** Codes from the regulation's argumentHints. */
  hints: z.array(z.string()).default([]),
  /** Codes from the tenant's referralPartners. */
  referrals: z.array(z.string()).default([]),
});

export const diagnosisTreeSchema = z.strictObject({
  start: nodeId,
  questions: z.array(question).min(1),
  outcomes: z.array(outcome).min(1),
});

export type DiagnosisTree = z.infer<typeof diagnosisTreeSchema>;
export type DiagnosisQuestion = DiagnosisTree['questions'][number];
export type DiagnosisOutcome = DiagnosisTree['outcomes'][number];
export type DiagnosisNext = DiagnosisQuestion['next'][number];
export type DiagnosisOutcomeKind = (typeof DIAGNOSIS_OUTCOME_KINDS)[number];
