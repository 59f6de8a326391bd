/**
 * The burgerservicenummer (BSN): nine digits (older ones were written with eight, a leading zero implied) that
 * pass the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. Never log it, never put it in a URL.
 */
export function normalizeBsn(value: string): string | null {
  const digits = value.trim();
  if (!/^[0-9]{8,9}$/.test(digits)) return null;
  const bsn = digits.padStart(9, '0');
  return isValidBsn(bsn) ? bsn : null;
}

/** The 11-test on exactly nine digits; 000000000 is not a BSN. */
export function isValidBsn(bsn: string): boolean {
  if (!/^[0-9]{9}$/.test(bsn) || /^0+$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}
