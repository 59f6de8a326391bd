/**
 * A repeat objector: three or more objections by the same person within 36 months in one municipality. A
 * municipal study found most of them struggle on several life domains at once: a signal to look closer, never a
 * verdict. The person is recognised by the BSN (blind index) when known, else by name, postcode and house number.
 */
export const REPEAT_OBJECTIONS = 3;
export const REPEAT_WINDOW_MONTHS = 36;

/** "Bo  de Vries", "4101ab", "12 A" → "bo de vries|4101AB|12a": the same person however they type it. */
export function nameAndAddressKey(objector: {
  name: string;
  address?: { postalCode: string; houseNumber: string };
}): string | null {
  if (!objector.address) return null;
  const name = objector.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  const postalCode = objector.address.postalCode.replace(/\s+/g, '').toUpperCase();
  const houseNumber = objector.address.houseNumber.replace(/\s+/g, '').toLowerCase();
  return `${name}|${postalCode}|${houseNumber}`;
}
