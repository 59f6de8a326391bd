import type { FieldError } from '../common/problems/problem.error';
import { Cents, formatEuro } from './money';

/** One inhabitant band of a plan: the yearly licence fee for municipalities up to (and including) a size. */
export interface PlanBand {
  /** The largest municipality in the band; null for the last band (every larger municipality). */
  upToInhabitants: number | null;
  yearlyFeeCents: Cents;
}

/** What a plan charges; a licence refers to a plan, an invoice copies what it used into its lines. */
export interface PlanTerms {
  code: string;
  name: string;
  implementationFeeCents: Cents;
  /** Ascending by upToInhabitants; the last one open-ended. */
  bands: PlanBand[];
  /** Objections per licence year included in the yearly fee. */
  includedObjections: number;
  /** The price of every objection above the included number. */
  extraObjectionCents: Cents;
}

export const PLAN_CODE = /^[a-z0-9][a-z0-9_-]*$/;
/** No plan charges more than € 100 million for anything: a typo, not a price. */
const MAX_CENTS = 10_000_000_000n;
const MAX_OBJECTIONS = 1_000_000;

/**
 * Everything wrong with a plan, each with the field (`bands[1].upToInhabitants`) and a Dutch message that says
 * what to fix. Empty when the plan can be saved.
 */
export function planProblems(plan: PlanTerms): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  if (!PLAN_CODE.test(plan.code) || plan.code.length > 40) {
    problem(
      'code',
      'Geef een code van hoogstens 40 tekens met kleine letters, cijfers, - en _, bijvoorbeeld "standaard".',
    );
  }
  if (!plan.name.trim()) problem('name', 'Geef het plan een naam.');
  else if (plan.name.length > 100) problem('name', 'Een naam is hoogstens 100 tekens.');
  checkAmount(plan.implementationFeeCents, 'implementationFeeCents', 'De implementatiekosten', problem);
  if (!Number.isInteger(plan.includedObjections) || plan.includedObjections < 0) {
    problem(
      'includedObjections',
      'Vul het aantal inbegrepen bezwaren per jaar in als heel getal (0 of meer).',
    );
  } else if (plan.includedObjections > MAX_OBJECTIONS) {
    problem('includedObjections', 'Meer dan 1.000.000 inbegrepen bezwaren per jaar kan niet.');
  }
  checkAmount(plan.extraObjectionCents, 'extraObjectionCents', 'De prijs per extra bezwaar', problem);
  bandProblems(plan.bands).forEach((p) => problems.push(p));
  return problems;
}

function checkAmount(
  cents: Cents,
  field: string,
  what: string,
  problem: (field: string, message: string) => void,
): void {
  if (cents < 0n) problem(field, `${what} kunnen niet negatief zijn.`);
  else if (cents > MAX_CENTS)
    problem(field, `${what} zijn hoger dan ${formatEuro(MAX_CENTS)}. Klopt het bedrag?`);
}

function bandProblems(bands: PlanBand[]): FieldError[] {
  if (!bands.length) {
    return [
      {
        field: 'bands',
        message:
          'Geef minstens één staffel op. De laatste staffel heeft geen bovengrens (alle grotere gemeenten).',
      },
    ];
  }
  const problems: FieldError[] = [];
  let previous = 0;
  bands.forEach((band, index) => {
    const field = `bands[${index}].upToInhabitants`;
    const last = index === bands.length - 1;
    const upTo = band.upToInhabitants;
    if (last && upTo !== null) {
      problems.push({
        field,
        message: `De laatste staffel geldt voor alle grotere gemeenten: laat het aantal inwoners leeg (nu ${upTo}).`,
      });
    } else if (!last && upTo === null) {
      problems.push({
        field,
        message: 'Alleen de laatste staffel is zonder bovengrens. Vul hier het hoogste aantal inwoners in.',
      });
    } else if (upTo !== null && (!Number.isInteger(upTo) || upTo < 1)) {
      problems.push({ field, message: 'Vul het aantal inwoners in als heel getal groter dan 0.' });
    } else if (upTo !== null && upTo <= previous) {
      problems.push({
        field,
        message: `De staffels lopen op: vul meer inwoners in dan de staffel ervoor (${formatCount(previous)}).`,
      });
    }
    if (upTo !== null && Number.isInteger(upTo)) previous = Math.max(previous, upTo);
    checkAmount(band.yearlyFeeCents, `bands[${index}].yearlyFeeCents`, 'Jaarbedragen', (f, m) =>
      problems.push({ field: f, message: m }),
    );
  });
  return problems;
}

/** The band a municipality of this size falls in: the first whose upper bound it does not exceed. */
export function bandFor(bands: readonly PlanBand[], inhabitants: number): { band: PlanBand; index: number } {
  const index = bands.findIndex((b) => b.upToInhabitants === null || inhabitants <= b.upToInhabitants);
  if (index < 0) throw new RangeError('A plan needs an open-ended last band');
  return { band: bands[index], index };
}

/** "tot en met 25.000 inwoners", "25.001 tot en met 50.000 inwoners", "meer dan 100.000 inwoners". */
export function bandLabel(bands: readonly PlanBand[], index: number): string {
  const upTo = bands[index].upToInhabitants;
  const from = index > 0 ? bands[index - 1].upToInhabitants : null;
  if (upTo === null) return from === null ? 'elk aantal inwoners' : `meer dan ${formatCount(from)} inwoners`;
  if (from === null) return `tot en met ${formatCount(upTo)} inwoners`;
  return `${formatCount(from + 1)} tot en met ${formatCount(upTo)} inwoners`;
}

/** 25000 → "25.000". */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
