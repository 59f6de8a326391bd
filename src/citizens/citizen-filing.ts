import { CitizenAddress } from './citizen-claims';

/** What a logged-in citizen's filing may take from the login. */
export interface CitizenDetails {
  name: string | null;
  address: CitizenAddress | null;
}

/**
 * A logged-in citizen need not retype name and address: fills `objector.name` and `objector.address` from the
 * login where the request leaves them out. What the citizen did type wins (e.g. a corrected address); anything
 * that is not a JSON object is left as it is for validation to refuse.
 */
export function withCitizenDetails(body: unknown, citizen: CitizenDetails): unknown {
  if (!isObject(body)) return body;
  const given = body.objector;
  if (given !== undefined && given !== null && !isObject(given)) return body;
  const objector: Record<string, unknown> = { ...(given ?? {}) };
  if (citizen.name && isBlank(objector.name)) objector.name = citizen.name;
  if (citizen.address && (objector.address === undefined || objector.address === null)) {
    objector.address = { ...citizen.address };
  }
  return { ...body, objector };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}
