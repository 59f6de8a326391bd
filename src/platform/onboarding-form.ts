import type { FieldError } from '../common/problems/problem.error';
import type { FormFields } from '../portal/form-body';
import { field } from '../portal/form-body';

/** The onboarding form's inputs (name and id) and where each goes in the API's request body. */
export const ONBOARDING_FORM_FIELDS = [
  ['naam', 'name'],
  ['slug', 'slug'],
  ['inwoners', 'inhabitants'],
  ['bestuursorgaan', 'governingBody'],
  ['rechtbank', 'court'],
  ['telefoon', 'contact.phone'],
  ['email', 'contact.email'],
  ['website', 'contact.website'],
  ['straat', 'contact.postalAddress.street'],
  ['huisnummer', 'contact.postalAddress.houseNumber'],
  ['postcode', 'contact.postalAddress.postalCode'],
  ['plaats', 'contact.postalAddress.city'],
  ['kleur', 'primaryColor'],
  ['plan', 'licence.planCode'],
  ['ingangsdatum', 'licence.startsOn'],
  ['beheerder-naam', 'admin.name'],
  ['beheerder-email', 'admin.email'],
] as const;

export type OnboardingFormField = (typeof ONBOARDING_FORM_FIELDS)[number][0];
export type OnboardingFormValues = Record<OnboardingFormField, string>;

/** What the operator typed, field by field (trimmed, at most 300 characters each). */
export function onboardingFormValues(fields: FormFields): OnboardingFormValues {
  return Object.fromEntries(
    ONBOARDING_FORM_FIELDS.map(([name]) => [name, field(fields, name).trim().slice(0, 300)]),
  ) as OnboardingFormValues;
}

/**
 * The API's request body for these form values, so that the form and the API share one set of rules. The
 * number of inhabitants may be typed with dots or spaces ("45.000"); an empty colour means the default.
 */
export function onboardingRequest(values: OnboardingFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, path] of ONBOARDING_FORM_FIELDS) {
    const value = values[name];
    if (name === 'kleur' && !value) continue;
    set(body, path, name === 'inwoners' ? inhabitants(value) : value);
  }
  return body;
}

/**
 * API field errors placed on a form's inputs (`inputs`: API field → input name), the first per input; an error
 * of no input goes to the summary only.
 */
export function placeFieldErrors<Input extends string>(
  errors: readonly FieldError[],
  inputs: Readonly<Record<string, Input>>,
): { fields: Partial<Record<Input, string>>; other: string[] } {
  const fields: Partial<Record<Input, string>> = {};
  const other: string[] = [];
  for (const error of errors) {
    const input = Object.hasOwn(inputs, error.field) ? inputs[error.field] : undefined;
    if (input) fields[input] ??= error.message;
    else other.push(error.message);
  }
  return { fields, other };
}

const ONBOARDING_INPUTS = Object.fromEntries(
  ONBOARDING_FORM_FIELDS.map(([input, path]) => [path, input]),
) as Record<string, OnboardingFormField>;

/** The onboarding API's field errors on the onboarding form's inputs. */
export function onboardingFormErrors(errors: readonly FieldError[]) {
  return placeFieldErrors(errors, ONBOARDING_INPUTS);
}

function inhabitants(value: string): number | string {
  const digits = value.replace(/[.\s]/g, '');
  return /^[0-9]{1,9}$/.test(digits) ? Number(digits) : value;
}

function set(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
