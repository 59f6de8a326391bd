import type { FieldError } from '../common/problems/problem.error';
import { DECISION_OUTCOMES, DecisionOutcome } from '../decisions/decision-outcome';
import { MAX_BATCH_CASES } from '../decisions/dto/batch-decision.dto';
import { GROUND_FITS, HearingWaiverGround, isHearingWaiverGround } from '../procedure/hearing-grounds';
import { hearingChoiceMessage } from './procedure-forms';
import { HELD } from './procedure-form-fields';

/**
 * The inbox's bulk form: the cases ticked in the table (`zaak`, one per checkbox), one outcome, reasoning and
 * hearing for all of them; `lijst` carries the inbox's filters so a refused form comes back on the same list.
 */

export const BULK_INPUTS = ['zaak', 'uitkomst', 'motivering', 'hoorzitting'] as const;
export type BulkInput = (typeof BULK_INPUTS)[number];

/** Element ids of the inputs; `zaak` is the table of cases itself. */
export const BULK_IDS: Record<BulkInput, string> = {
  zaak: 'bulk-zaken',
  uitkomst: 'bulk-uitkomst',
  motivering: 'bulk-motivering',
  hoorzitting: 'bulk-hoorzitting',
};

export const MAX_REASONING = 20_000;

export interface BulkValues {
  zaken: string[];
  uitkomst: string;
  motivering: string;
  hoorzitting: string;
  /** The inbox's query string (filters and page) the form was posted from. */
  lijst: string;
}

export interface BulkDecision {
  references: string[];
  outcome: DecisionOutcome;
  reasoning: string;
  hearing?: { held: true } | { ground: HearingWaiverGround };
}

export interface BulkProblem {
  values: BulkValues;
  /** Input → message. */
  fields: Partial<Record<BulkInput, string>>;
  /** Reference → why that case cannot be in the run. */
  cases: Record<string, string>;
}

/** The checkbox of a case in the inbox table. */
export function caseCheckboxId(reference: string): string {
  return `kies-${reference.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function bulkValues(body: unknown): BulkValues {
  const source =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const all = (name: string) =>
    (Array.isArray(source[name]) ? (source[name] as unknown[]) : [source[name]]).filter(
      (v): v is string => typeof v === 'string',
    );
  const one = (name: string) => (all(name)[0] ?? '').replace(/\r\n?/g, '\n');
  return {
    zaken: [
      ...new Set(
        all('zaak')
          .map((r) => r.trim())
          .filter(Boolean),
      ),
    ],
    uitkomst: one('uitkomst').trim(),
    motivering: one('motivering'),
    hoorzitting: one('hoorzitting').trim(),
    lijst: one('lijst').slice(0, 2000),
  };
}

/** What the form asks for, or what the handler can fix first (in the form's words). */
export function readBulkDecision(values: BulkValues): BulkDecision | FieldError[] {
  const errors: FieldError[] = [];
  if (!values.zaken.length) {
    errors.push({ field: 'zaak', message: 'Kies in de tabel de zaken waarover u wilt beslissen.' });
  } else if (values.zaken.length > MAX_BATCH_CASES) {
    errors.push({ field: 'zaak', message: `Kies hoogstens ${MAX_BATCH_CASES} zaken tegelijk.` });
  }
  const outcome = DECISION_OUTCOMES.find((o) => o === values.uitkomst);
  if (!outcome) errors.push({ field: 'uitkomst', message: 'Kies de beslissing voor alle gekozen zaken.' });
  const reasoning = values.motivering.trim();
  if (!reasoning) errors.push({ field: 'motivering', message: 'Schrijf de motivering van de beslissing.' });
  else if (reasoning.length > MAX_REASONING) {
    errors.push({ field: 'motivering', message: 'De motivering is te lang (hoogstens 20.000 tekens).' });
  }
  const hearing = values.hoorzitting;
  if (hearing && hearing !== HELD && !isHearingWaiverGround(hearing)) {
    errors.push({
      field: 'hoorzitting',
      message: 'Kies uit de lijst of de indieners zijn gehoord, of op welke grond niet.',
    });
  } else if (outcome && isHearingWaiverGround(hearing) && !GROUND_FITS[hearing].includes(outcome)) {
    errors.push({ field: 'hoorzitting', message: hearingChoiceMessage(outcome, hearing) });
  }
  if (errors.length) return errors;
  return {
    references: values.zaken,
    outcome: outcome!,
    reasoning: values.motivering,
    ...(hearing === HELD ? { hearing: { held: true as const } } : {}),
    ...(isHearingWaiverGround(hearing) ? { hearing: { ground: hearing } } : {}),
  };
}

const SERVICE_INPUTS: Record<string, BulkInput> = {
  references: 'zaak',
  outcome: 'uitkomst',
  reasoning: 'motivering',
  hearing: 'hoorzitting',
  'hearing.held': 'hoorzitting',
  'hearing.ground': 'hoorzitting',
};

/**
 * A refused form for the page: the message of each case beside its checkbox (the service names them as
 * `references[i]`), the others beside their inputs; a refusal without field errors above the table.
 */
export function bulkProblem(
  values: BulkValues,
  errors: FieldError[] | undefined,
  detail: string,
): BulkProblem {
  const fields: BulkProblem['fields'] = {};
  const cases: Record<string, string> = {};
  const add = (input: BulkInput, message: string) => {
    if (fields[input]?.includes(message)) return;
    fields[input] = fields[input] ? `${fields[input]} ${message}` : message;
  };
  for (const error of errors?.length ? errors : [{ field: 'zaak', message: detail }]) {
    const index = /^references\[(\d+)\]$/.exec(error.field);
    const reference = index ? values.zaken[Number(index[1])] : undefined;
    if (reference)
      cases[reference] = cases[reference] ? `${cases[reference]} ${error.message}` : error.message;
    else
      add(
        (BULK_INPUTS as readonly string[]).includes(error.field)
          ? (error.field as BulkInput)
          : (SERVICE_INPUTS[error.field] ?? 'zaak'),
        error.message,
      );
  }
  // A run refused for some cases says so as a whole, too.
  if (Object.keys(cases).length && detail && !fields.zaak) add('zaak', detail);
  return { values, fields, cases };
}
