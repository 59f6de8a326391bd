import type { FieldError } from '../common/problems/problem.error';
import { formatDutchDate } from '../deadlines/dutch-dates';
import { isLocalDate, LocalDate } from '../deadlines/local-date';

/** A municipality's licence as the operator sets it: from a date, optionally until one, with any discount. */
export interface LicenceInput {
  startsOn: string;
  endsOn: string | null;
  discountBasisPoints: number;
  discountReason: string | null;
}

/** What is wrong with a licence's own terms, in Dutch per field; empty when it can be saved. */
export function licenceProblems(licence: LicenceInput): FieldError[] {
  const problems: FieldError[] = [];
  if (!isLocalDate(licence.startsOn)) {
    problems.push({ field: 'startsOn', message: 'Vul een geldige begindatum in, zoals 2026-01-01.' });
  }
  if (licence.endsOn !== null && !isLocalDate(licence.endsOn)) {
    problems.push({
      field: 'endsOn',
      message: 'Vul een geldige einddatum in, zoals 2026-12-31, of laat het leeg.',
    });
  } else if (licence.endsOn !== null && isLocalDate(licence.startsOn) && licence.endsOn < licence.startsOn) {
    problems.push({
      field: 'endsOn',
      message: `De einddatum ligt voor de begindatum (${formatDutchDate(licence.startsOn, { weekday: false })}).`,
    });
  }
  const bp = licence.discountBasisPoints;
  if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) {
    problems.push({
      field: 'discountBasisPoints',
      message: 'Een korting is 0 tot en met 10000 basispunten (0% tot en met 100%), in hele basispunten.',
    });
  } else if (bp > 0 && !licence.discountReason?.trim()) {
    problems.push({ field: 'discountReason', message: 'Schrijf op waarom de gemeente korting krijgt.' });
  }
  if ((licence.discountReason ?? '').length > 200) {
    problems.push({ field: 'discountReason', message: 'De reden van de korting is hoogstens 200 tekens.' });
  }
  return problems;
}

/** Whether a licence covers a day. */
export function covers(licence: { startsOn: LocalDate; endsOn: LocalDate | null }, day: LocalDate): boolean {
  return licence.startsOn <= day && (licence.endsOn === null || licence.endsOn >= day);
}
