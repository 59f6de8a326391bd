/**
 * Money in integer euro cents, as bigint: no amount on an invoice ever passes through a float. Every division
 * (pro rata, discount, VAT) is one integer division rounded once, half away from zero ("half-up" as
 * bookkeeping means it: 0.5 cent becomes 1 cent, -0.5 cent becomes -1 cent), so that a credit note, the exact
 * negative of its invoice, rounds to the exact negative amounts.
 */
export type Cents = bigint;

/** numerator / denominator rounded half away from zero; the denominator must be positive. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('divideHalfUp needs a positive denominator');
  if (numerator < 0n) return -divideHalfUp(-numerator, denominator);
  return (2n * numerator + denominator) / (2n * denominator);
}

/** A share of an amount in basis points (1/100 of a percent: 2100 = 21%), rounded half-up to the cent. */
export function basisPointsOf(amount: Cents, basisPoints: number): Cents {
  return divideHalfUp(amount * BigInt(basisPoints), 10_000n);
}

/** `amount × part / whole` rounded once, half-up: a yearly amount for `part` of `whole` days. */
export function proRata(amount: bigint, part: number, whole: number): bigint {
  return divideHalfUp(amount * BigInt(part), BigInt(whole));
}

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** "€ 12.345,67", "€ -12,50": always two decimals, Dutch grouping, from cents without any float. */
export function formatEuro(cents: Cents): string {
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  const euros = (absolute / 100n).toString().replace(THOUSANDS, '.');
  return `€ ${sign}${euros},${(absolute % 100n).toString().padStart(2, '0')}`;
}

/**
 * An amount typed on a form in euros: "12000", "12.000", "12000,5", "€ 12.000,50", "12000.50" → cents;
 * null when it is no amount (negative, more than two decimals, letters). Parsed as text, never as a float.
 */
export function parseEuroCents(text: string): Cents | null {
  let amount = text.replace(/[€\s]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(amount)) amount = amount.replace(/\./g, '');
  const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(amount);
  if (!match) return null;
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Cents as a JSON number; refuses (rather than rounds) an amount beyond 2^53 cents, which no invoice reaches. */
export function centsToJson(cents: Cents): number {
  const value = Number(cents);
  if (!Number.isSafeInteger(value)) throw new RangeError(`Amount of ${cents} cents is too large for JSON`);
  return value;
}

/** Cents from the database (bigint columns arrive as text) or from JSON. */
export function centsOf(value: string | number | bigint): Cents {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`Not a whole number of cents: ${value}`);
  }
  return BigInt(value);
}
