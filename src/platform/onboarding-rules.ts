import type { Address, TenantProfile } from '../tenancy/tenant.entity';
import type { DistrictCourt } from './district-courts';

/** The same rule as the database's check on tenants.slug. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * First path segments the application itself uses (or may soon): a municipality with such a slug would be
 * unreachable, or would take over the platform's own pages.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'api',
  'assets',
  'platform',
  'health',
  'docs',
  'static',
  'admin',
  'beheer',
  'login',
  'inloggen',
  'uitloggen',
  'oidc',
  'auth',
  'www',
]);

export const DEFAULT_PRIMARY_COLOR = '#1D4F91';

/** Why this slug cannot be used for a new municipality (Dutch, for the operator), or null when it can. */
export function slugProblem(slug: string): string | null {
  if (!SLUG_PATTERN.test(slug)) {
    return 'De korte naam mag alleen kleine letters, cijfers en streepjes bevatten, begint met een letter of cijfer en is 2 tot 63 tekens lang.';
  }
  if (RESERVED_SLUGS.has(slug)) {
    return `De korte naam "${slug}" is gereserveerd voor het platform zelf. Kies een andere, bijvoorbeeld de naam van de gemeente.`;
  }
  return null;
}

/** "1234ab" and "1234  AB" as the profile keeps them: "1234 AB". */
export function normalisePostalCode(postalCode: string): string {
  const compact = postalCode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

export interface OnboardingProfileInput {
  inhabitants: number;
  governingBody: string;
  contact: { phone: string; email: string; website: string; postalAddress: Address };
  primaryColor?: string;
}

/** A new municipality's profile: what it entered, its court, and the platform's default working settings. */
export function onboardingProfile(input: OnboardingProfileInput, court: DistrictCourt): TenantProfile {
  const address = input.contact.postalAddress;
  return {
    inhabitants: input.inhabitants,
    governingBody: input.governingBody.trim(),
    court: { name: court.name, address: court.address },
    contact: {
      phone: input.contact.phone.trim(),
      email: input.contact.email.trim().toLowerCase(),
      website: input.contact.website.trim(),
      postalAddress: {
        street: address.street.trim(),
        houseNumber: address.houseNumber.trim(),
        postalCode: normalisePostalCode(address.postalCode),
        city: address.city.trim(),
      },
    },
    branding: { primaryColor: (input.primaryColor ?? DEFAULT_PRIMARY_COLOR).toUpperCase() },
    settings: { atRiskWorkingDays: 5, firstContactWorkingDays: 5 },
  };
}
