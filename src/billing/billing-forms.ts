import type { FieldError } from '../common/problems/problem.error';
import { isLocalDate } from '../deadlines/local-date';
import { field, FormFields } from '../portal/form-body';
import { PlanBand, PlanTerms } from './licence-plan';
import { formatEuro, parseEuroCents } from './money';

/**
 * The operator's forms (and their problems) in the words of the form: Dutch input names, amounts typed in
 * euros, a discount as a percentage. Each form reads into what the services take, or into field errors by
 * input name; a service's own field errors (API names) are mapped back onto the inputs.
 */

/** What came back with a form that has a problem: the values typed and a message per input. */
export interface FormState {
  form: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

export type FormResult<T> = { ok: T } | { errors: Record<string, string> };

/** How many band rows the plan form offers. */
export const BAND_ROWS = 6;

const bandInputs = (row: number) => ({ upTo: `staffel-${row}-inwoners`, fee: `staffel-${row}-bedrag` });

/** A plan form's inputs, all as text. */
export function planFormValues(fields: FormFields): Record<string, string> {
  const names = ['code', 'naam', 'implementatie', 'inbegrepen', 'extra', 'actief'];
  for (let row = 1; row <= BAND_ROWS; row++) names.push(...Object.values(bandInputs(row)));
  return Object.fromEntries(names.map((name) => [name, field(fields, name).trim()]));
}

/** A plan's terms as the form shows them (amounts in euros without the sign). */
export function planFormOf(plan: PlanTerms & { active: boolean }): Record<string, string> {
  const values: Record<string, string> = {
    code: plan.code,
    naam: plan.name,
    implementatie: euroText(plan.implementationFeeCents),
    inbegrepen: String(plan.includedObjections),
    extra: euroText(plan.extraObjectionCents),
    actief: plan.active ? 'ja' : '',
  };
  plan.bands.forEach((band, index) => {
    const inputs = bandInputs(index + 1);
    values[inputs.upTo] = band.upToInhabitants === null ? '' : String(band.upToInhabitants);
    values[inputs.fee] = euroText(band.yearlyFeeCents);
  });
  return values;
}

/**
 * The plan form read into terms. Band rows left empty are skipped; a row with an amount and no inhabitants is
 * the open-ended band. Problems the plan rules find come back on the input they are about.
 */
export function readPlanForm(
  values: Record<string, string>,
  planProblems: (terms: PlanTerms) => FieldError[],
): FormResult<PlanTerms & { active: boolean }> {
  const errors: Record<string, string> = {};
  const amount = (name: string, what: string) => {
    const cents = parseEuroCents(values[name] ?? '');
    if (cents === null) errors[name] = `Vul ${what} in euro in, zoals 7500 of 7.500,00.`;
    return cents ?? 0n;
  };
  const count = (name: string, message: string) => {
    const text = values[name] ?? '';
    if (!/^\d{1,9}$/.test(text.replace(/\./g, ''))) errors[name] = message;
    return Number(text.replace(/\./g, ''));
  };

  const bands: PlanBand[] = [];
  const rowOfBand: number[] = [];
  for (let row = 1; row <= BAND_ROWS; row++) {
    const inputs = bandInputs(row);
    if (!values[inputs.upTo] && !values[inputs.fee]) continue;
    const upTo = values[inputs.upTo]
      ? count(
          inputs.upTo,
          'Vul het aantal inwoners in als heel getal, of laat het leeg bij de laatste staffel.',
        )
      : null;
    bands.push({ upToInhabitants: upTo, yearlyFeeCents: amount(inputs.fee, 'het jaarbedrag') });
    rowOfBand.push(row);
  }
  const terms: PlanTerms = {
    code: values.code ?? '',
    name: values.naam ?? '',
    implementationFeeCents: amount('implementatie', 'de implementatiekosten'),
    bands,
    includedObjections: count(
      'inbegrepen',
      'Vul het aantal inbegrepen bezwaren per jaar in als heel getal (0 of meer).',
    ),
    extraObjectionCents: amount('extra', 'de prijs per extra bezwaar'),
  };
  for (const problem of planProblems(terms)) {
    const name = planInput(problem.field, rowOfBand);
    errors[name] ??= problem.message;
  }
  return Object.keys(errors).length ? { errors } : { ok: { ...terms, active: values.actief === 'ja' } };
}

/** A plan rule's field (`bands[1].upToInhabitants`) → the form's input. */
function planInput(fieldName: string, rowOfBand: number[]): string {
  const band = /^bands\[(\d+)\]\.(\w+)$/.exec(fieldName);
  if (band) {
    const inputs = bandInputs(rowOfBand[Number(band[1])]);
    return band[2] === 'yearlyFeeCents' ? inputs.fee : inputs.upTo;
  }
  const names: Record<string, string> = {
    code: 'code',
    name: 'naam',
    implementationFeeCents: 'implementatie',
    includedObjections: 'inbegrepen',
    extraObjectionCents: 'extra',
    bands: bandInputs(1).fee,
  };
  return names[fieldName] ?? 'naam';
}

/** The licence form: plan, dates, discount as a percentage (10 or 12,5) and its reason. */
export function readLicenceForm(values: Record<string, string>): FormResult<{
  planCode: string;
  startsOn: string;
  endsOn?: string;
  discountBasisPoints: number;
  discountReason?: string;
}> {
  const errors: Record<string, string> = {};
  if (!values.plan) errors.plan = 'Kies een licentieplan.';
  if (!isLocalDate(values.begin ?? '')) errors.begin = 'Vul een geldige begindatum in.';
  if (values.einde && !isLocalDate(values.einde))
    errors.einde = 'Vul een geldige einddatum in, of laat het leeg.';
  const discount = basisPointsOfPercent(values.korting || '0');
  if (discount === null)
    errors.korting = 'Vul de korting in als percentage van 0 tot en met 100, zoals 10 of 12,5.';
  if (Object.keys(errors).length) return { errors };
  return {
    ok: {
      planCode: values.plan,
      startsOn: values.begin,
      endsOn: values.einde || undefined,
      discountBasisPoints: discount!,
      discountReason: values.reden || undefined,
    },
  };
}

/** "10" → 1000, "12,5" → 1250, "0,05" → 5; null when it is no percentage from 0 to 100. */
export function basisPointsOfPercent(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= 10_000 ? basisPoints : null;
}

/** A service's field errors (API names) on the inputs of a form; what has no input goes to `fallback`. */
export function formErrors(
  errors: readonly FieldError[],
  names: Record<string, string>,
  fallback: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) result[names[error.field] ?? fallback] ??= error.message;
  return result;
}

/** "7.500,00": an amount as it is typed back into a form. */
export function euroText(cents: bigint): string {
  return formatEuro(cents).slice(2);
}
