/**
 * Numbers as a Dutch reader (and Dutch Excel) reads them: decimal comma, no value shown as "—". The page groups
 * thousands ("1.442"); the CSV does not, so that Excel reads every cell as a number.
 */
export const NO_VALUE = '—';

const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const oneDecimalPlain = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, useGrouping: false });
const euros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const centsPlain = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});

export function formatCount(value: number): string {
  return whole.format(value);
}

/** A share (0..1) as a percentage with at most one decimal: "62,5%". */
export function formatPercent(share: number | null): string {
  return share === null ? NO_VALUE : `${oneDecimal.format(share * 100)}%`;
}

/** A median of days: "3" or "2,5". */
export function formatDays(days: number | null): string {
  return days === null ? NO_VALUE : oneDecimal.format(days);
}

/** "€ 1.442,00" */
export function formatEuros(cents: number): string {
  return euros.format(cents / 100);
}

/** For the CSV: "62,5" (a percentage), "2,5" (days), "—" for none. */
export function plainNumber(value: number | null): string {
  return value === null ? NO_VALUE : oneDecimalPlain.format(value);
}

export function plainPercent(share: number | null): string {
  return share === null ? NO_VALUE : oneDecimalPlain.format(share * 100);
}

/** For the CSV: "1442,00" */
export function plainEuros(cents: number): string {
  return centsPlain.format(cents / 100);
}
