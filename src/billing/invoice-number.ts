/**
 * Invoice numbers: one gapless sequence per calendar year for the whole platform (the seller), taken when an
 * invoice or credit note is issued: `2026-000001`. Six digits keep the numbers sortable as text up to a
 * million a year; beyond that the number simply grows.
 */
export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2999)
    throw new RangeError(`Not an invoice year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`Not an invoice sequence: ${sequence}`);
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Takes the next number of `year` inside the caller's transaction. The counter row stays locked until that
 * transaction ends, so concurrent issuers queue behind it, and a rollback gives the number back: no gaps.
 */
export const NEXT_INVOICE_NUMBER_SQL = `
  INSERT INTO invoice_counters (year, last_number) VALUES ($1, 1)
  ON CONFLICT (year) DO UPDATE SET last_number = invoice_counters.last_number + 1
  RETURNING last_number`;
