import type { FieldError } from '../common/problems/problem.error';
import { isObjectionStatus, ObjectionStatus } from '../objections/case-status';
import { ProcedureCommand, procedureMessage, readProcedureCommand } from './procedure-forms';
import {
  isProcedureAction,
  PROCEDURE_ACTIONS,
  PROCEDURE_CONFLICT_FIELDS,
  PROCEDURE_FORM_FIELDS,
  PROCEDURE_LIST_FIELDS,
  PROCEDURE_SERVICE_FIELDS,
} from './procedure-form-fields';

/** The forms on a case page, each posting to `…/zaken/<reference>/<action>`: working the case, then issue 5's. */
export const BASIC_ACTIONS = ['toewijzen', 'status', 'bericht', 'doorverwijzen'] as const;
export const CASE_ACTIONS = [...BASIC_ACTIONS, ...PROCEDURE_ACTIONS] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Values of a form as the handler typed them: shown again when the form comes back with an error. */
export type FormValues = Record<string, string>;

/** Inputs of each form: the name the browser posts → the element id (for labels and the error summary). */
export const FORM_FIELDS: Record<CaseAction, Record<string, string>> = {
  toewijzen: { behandelaar: 'toewijzen-behandelaar' },
  status: { status: 'status-keuze', toelichting: 'status-toelichting' },
  bericht: { bericht: 'bericht-tekst' },
  doorverwijzen: { organisatie: 'doorverwijzen-organisatie', toelichting: 'doorverwijzen-toelichting' },
  ...PROCEDURE_FORM_FIELDS,
};

/** The field of a service's problem (API names) → the form's input. Unknown fields go to the form's first input. */
const SERVICE_FIELDS: Record<CaseAction, Record<string, string>> = {
  toewijzen: { assigneeId: 'behandelaar', assignee: 'behandelaar' },
  status: { status: 'status', to: 'status', note: 'toelichting' },
  bericht: { body: 'bericht', text: 'bericht', message: 'bericht' },
  doorverwijzen: {
    partnerCode: 'organisatie',
    partner: 'organisatie',
    code: 'organisatie',
    note: 'toelichting',
  },
  ...PROCEDURE_SERVICE_FIELDS,
};

export const NOBODY = 'niemand';
export const MAX_NOTE = 2000;

/** A form that came back: what was typed, the message per input, and the summary at the top of the page. */
export interface FormProblem {
  action: CaseAction;
  values: FormValues;
  /** Input name → message. */
  fields: Record<string, string>;
  summary: { href: string; message: string }[];
}

export function isCaseAction(value: unknown): value is CaseAction {
  return typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value);
}

/** The posted values of one form, only its own inputs, each one string. */
export function formValues(action: CaseAction, body: unknown): FormValues {
  const source =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const values: FormValues = {};
  const lists: readonly string[] = isProcedureAction(action) ? (PROCEDURE_LIST_FIELDS[action] ?? []) : [];
  for (const name of Object.keys(FORM_FIELDS[action])) {
    const raw = source[name];
    if (lists.includes(name)) {
      // Ticked checkboxes, kept as one value: their codes contain no commas.
      const ticked = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
      values[name] = ticked.join(',');
      continue;
    }
    const value = Array.isArray(raw) ? raw[0] : raw;
    values[name] = typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
  }
  return values;
}

export type CaseCommand =
  | { action: 'toewijzen'; assigneeId: string | null }
  | { action: 'status'; to: ObjectionStatus; note?: string }
  | { action: 'bericht'; body: string }
  | { action: 'doorverwijzen'; partnerCode: string; note?: string }
  | ProcedureCommand;

/**
 * What the form asks for, or the problems a handler can fix before anything is sent. Everything else (is this
 * a handler, may the case move there, does this partner exist) is for the services to say.
 */
export function readCaseCommand(action: CaseAction, values: FormValues): CaseCommand | FieldError[] {
  if (isProcedureAction(action)) return readProcedureCommand(action, values);
  const missing = (field: string, message: string): FieldError[] => [{ field, message }];
  switch (action) {
    case 'toewijzen': {
      const choice = values.behandelaar.trim();
      if (!choice) return missing('behandelaar', 'Kies een behandelaar.');
      return { action, assigneeId: choice === NOBODY ? null : choice };
    }
    case 'status': {
      const to = values.status.trim();
      if (!to) return missing('status', 'Kies de nieuwe status.');
      if (!isObjectionStatus(to)) return missing('status', 'Kies een status uit de lijst.');
      if (values.toelichting.length > MAX_NOTE) {
        return missing('toelichting', `De toelichting is te lang: hoogstens ${MAX_NOTE} tekens.`);
      }
      return { action, to, ...optionalNote(values.toelichting) };
    }
    case 'bericht':
      // Empty or too long: CaseMessagesService says so, in the same words as everywhere else.
      return { action, body: values.bericht };
    case 'doorverwijzen': {
      // No or an unknown partner: ReferralsService says so.
      const partnerCode = values.organisatie.trim();
      if (values.toelichting.length > MAX_NOTE) {
        return missing('toelichting', `De toelichting is te lang: hoogstens ${MAX_NOTE} tekens.`);
      }
      return { action, partnerCode, ...optionalNote(values.toelichting) };
    }
  }
}

function optionalNote(note: string): { note?: string } {
  const text = note.trim();
  return text ? { note: text } : {};
}

/**
 * A form's problem for the page: each field error beside its input (a service's API field names mapped to the
 * form's), and the summary linking to them. A problem without field errors (a 409: "this cannot happen now")
 * is shown with the input its code is about, else with the form's first input.
 */
export function formProblem(
  action: CaseAction,
  values: FormValues,
  errors: FieldError[] | undefined,
  detail: string,
  code?: string,
): FormProblem {
  const inputs = FORM_FIELDS[action];
  const firstInput = Object.keys(inputs)[0];
  const conflictInput = code ? PROCEDURE_CONFLICT_FIELDS[code] : undefined;
  const fields: Record<string, string> = {};
  const listed = errors?.length
    ? errors
    : [{ field: conflictInput && inputs[conflictInput] ? conflictInput : firstInput, message: detail }];
  for (const error of listed) {
    const name = inputs[error.field] ? error.field : (SERVICE_FIELDS[action][error.field] ?? firstInput);
    const message = isProcedureAction(action)
      ? procedureMessage(action, name, error.message, values)
      : error.message;
    if (fields[name]?.includes(message)) continue;
    fields[name] = fields[name] ? `${fields[name]} ${message}` : message;
  }
  return {
    action,
    values,
    fields,
    summary: Object.entries(fields).map(([name, message]) => ({ href: `#${inputs[name]}`, message })),
  };
}
