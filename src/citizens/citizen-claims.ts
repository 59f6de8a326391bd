import { normalizeBsn } from './bsn';

/** A postal address as the broker gives it (and as an objection stores it). */
export interface CitizenAddress {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

/** What the platform keeps of a login: the subject, and the BSN, name and address when the broker gives them. */
export interface CitizenIdentity {
  subject: string;
  bsn?: string;
  name?: string;
  address?: CitizenAddress;
}

/** The broker sent something the platform cannot accept as a citizen's identity. */
export class CitizenClaimsError extends Error {}

/** The scopes asked for: `bsn` is the broker's scope for the BSN claim, `profile` for name and address. */
export const CITIZEN_SCOPE = 'openid profile bsn';

const HOUSE_NUMBER = /^[0-9]{1,5}\s?[a-zA-Z0-9 -]{0,10}$/;
const POSTAL_CODE = /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/;

/**
 * Reads the ID token (and userinfo) claims: `sub` is required; a `bsn` must pass the elfproef (a broker that
 * sends a wrong one is refused, never stored); a name or address that does not fit is left out, so the
 * citizen types it instead.
 */
export function citizenFromClaims(claims: Record<string, unknown>): CitizenIdentity {
  const subject = claims.sub;
  if (typeof subject !== 'string' || !subject || subject.length > 255) {
    throw new CitizenClaimsError('The identity provider sent no usable subject');
  }
  const identity: CitizenIdentity = { subject };
  if (claims.bsn !== undefined && claims.bsn !== null) {
    const bsn = typeof claims.bsn === 'string' ? normalizeBsn(claims.bsn) : null;
    if (!bsn) throw new CitizenClaimsError('The identity provider sent a BSN that fails the elfproef');
    identity.bsn = bsn;
  }
  const name = text(claims.name, 200);
  if (name) identity.name = name;
  const address = addressOf(claims.address);
  if (address) identity.address = address;
  return identity;
}

function addressOf(value: unknown): CitizenAddress | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const a = value as Record<string, unknown>;
  const street = text(a.street, 120);
  const houseNumber = text(a.houseNumber, 16);
  const postalCode = text(a.postalCode, 7);
  const city = text(a.city, 80);
  if (!street || !houseNumber || !postalCode || !city) return undefined;
  if (!HOUSE_NUMBER.test(houseNumber) || !POSTAL_CODE.test(postalCode)) return undefined;
  return { street, houseNumber, postalCode: postalCode.toUpperCase(), city };
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}
