import { CaseAction, FORM_FIELDS, FormProblem } from './case-forms';

/** One input of a case form as a template shows it. */
export interface FieldView {
  id: string;
  name: string;
  value: string;
  error?: string;
}

export interface OptionView {
  id: string;
  value: string;
  label: string;
  hint?: string;
  checked: boolean;
}

/** A group of radios or checkboxes: the first option carries the field's id (the error summary links to it). */
export interface ChoicesView {
  id: string;
  name: string;
  error?: string;
  options: OptionView[];
}

export interface SelectView {
  field: FieldView;
  options: { value: string; label: string; selected: boolean }[];
}

/**
 * The inputs of the case forms, each with what the handler typed when its form came back with a problem, or
 * else the value the page proposes.
 */
export function caseFormFields(problem: FormProblem | undefined) {
  const mine = (action: CaseAction) => problem?.action === action;
  const value = (action: CaseAction, name: string, fallback = ''): string =>
    mine(action) ? (problem!.values[name] ?? fallback) : fallback;
  const error = (action: CaseAction, name: string): string | undefined =>
    mine(action) ? problem!.fields[name] : undefined;

  const field = (action: CaseAction, name: string, fallback = ''): FieldView => ({
    id: FORM_FIELDS[action][name],
    name,
    value: value(action, name, fallback),
    error: error(action, name),
  });

  const options = (
    action: CaseAction,
    name: string,
    choices: { value: string; label: string; hint?: string }[],
    isChecked: (value: string) => boolean,
  ): ChoicesView => {
    const id = FORM_FIELDS[action][name];
    return {
      id,
      name,
      error: error(action, name),
      options: choices.map((choice, index) => ({
        id: index === 0 ? id : `${id}-${choice.value}`,
        value: choice.value,
        label: choice.label,
        hint: choice.hint,
        checked: isChecked(choice.value),
      })),
    };
  };

  return {
    /** Whether this form came back with a problem (its <details> opens). */
    open: mine,
    field,
    /** Radios: one value. */
    radios(
      action: CaseAction,
      name: string,
      choices: { value: string; label: string; hint?: string }[],
      fallback = '',
    ): ChoicesView {
      const chosen = value(action, name, fallback);
      return options(action, name, choices, (v) => v === chosen);
    },
    /** Checkboxes: the ticked values, kept comma-joined (see formValues). */
    checkboxes(
      action: CaseAction,
      name: string,
      choices: { value: string; label: string; hint?: string }[],
      fallback: string[],
    ): ChoicesView {
      const ticked = value(action, name, fallback.join(',')).split(',');
      return options(action, name, choices, (v) => ticked.includes(v));
    },
    select(
      action: CaseAction,
      name: string,
      choices: { value: string; label: string }[],
      fallback = '',
    ): SelectView {
      const chosen = field(action, name, fallback);
      return {
        field: chosen,
        options: choices.map((choice) => ({ ...choice, selected: choice.value === chosen.value })),
      };
    },
  };
}

export type CaseFormFields = ReturnType<typeof caseFormFields>;
