import { ProblemError } from '../common/problems/problem.error';
import type { LicenceState } from '../tenancy/tenant.entity';

/**
 * What a licence state allows. A suspended licence leaves staff reading and exporting only; citizens are never
 * affected: a municipality's legal duty to receive objections does not lapse with its licence.
 */
export function staffMayChange(state: LicenceState): boolean {
  return state !== 'suspended';
}

const READING = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws the 403 a staff member gets for a change (any non-reading request) under a suspended licence. */
export function assertStaffMayChange(
  tenant: { name: string; licenceState: LicenceState },
  method: string,
): void {
  if (READING.has(method.toUpperCase()) || staffMayChange(tenant.licenceState)) return;
  throw new ProblemError(
    403,
    'licence-suspended',
    'Licentie opgeschort',
    `De licentie van ${tenant.name} is opgeschort. U kunt zaken inzien en exporteren, maar niets wijzigen. ` +
      'Burgers kunnen wel bezwaar blijven maken. Neem contact op met de beheerder van uw gemeente.',
  );
}
