import { ProblemError } from '../common/problems/problem.error';
import { FieldCipher, FieldCipherError } from './field-cipher';

/**
 * A jsonb column of personal data kept sealed at rest: the fields in `keep` stay readable (the inbox searches
 * and lists the name), every other field goes into one AES-256-GCM ciphertext under `sealed`:
 * `{ "name": "Bo de Vries", "sealed": "v1.<keyId>.…" }`. Sealing everything but a named few means a field added
 * later is encrypted without anyone remembering to.
 */
export interface SealedColumn {
  /** `table.column`: part of the encryption context, so a ciphertext does not decrypt in another column. */
  readonly column: string;
  readonly keep: readonly string[];
}

/** The objector: name readable (inbox search); e-mail, phone and address sealed. */
export const OBJECTOR_COLUMN: SealedColumn = { column: 'objections.objector', keep: ['name'] };
/** The representative: name and organisation readable; e-mail and phone sealed. */
export const REPRESENTATIVE_COLUMN: SealedColumn = {
  column: 'objections.representative',
  keep: ['name', 'organisation'],
};
/** A logged-in citizen's address (from the DigiD broker): sealed whole. */
export const CITIZEN_ADDRESS_COLUMN: SealedColumn = { column: 'citizens.address', keep: [] };

export const SEALED_COLUMNS = [OBJECTOR_COLUMN, REPRESENTATIVE_COLUMN, CITIZEN_ADDRESS_COLUMN] as const;

/** The key under which the ciphertext sits in the stored object. */
export const SEALED_KEY = 'sealed';

type JsonObject = Record<string, unknown>;

/** The AES-GCM context of a sealed column: it decrypts only in this column of this tenant. */
export function sealedContext(column: SealedColumn, tenantId: string): string {
  return `${column.column}:${tenantId}`;
}

/** The stored form of `value`: kept fields as they are, all others in one ciphertext under the current key. */
export function sealFields(
  cipher: FieldCipher,
  column: SealedColumn,
  tenantId: string,
  value: JsonObject,
): JsonObject {
  // A value that is (partly) sealed already is opened first, so nothing it holds is lost.
  const plain = isSealed(value) ? openFields(cipher, column, tenantId, value) : value;
  const kept: JsonObject = {};
  const secret: JsonObject = {};
  for (const [key, field] of Object.entries(plain)) {
    if (field === undefined) continue;
    if (column.keep.includes(key)) kept[key] = field;
    else secret[key] = field;
  }
  if (!Object.keys(secret).length) return kept;
  return { ...kept, [SEALED_KEY]: cipher.encrypt(JSON.stringify(secret), sealedContext(column, tenantId)) };
}

/**
 * The readable form of a stored value. A value without a ciphertext is returned as it is: a row from before
 * encryption (the rotation sweep seals it) or one anonymised to `{ "name": "[geanonimiseerd]" }`.
 * Throws a problem (500, `unreadable-personal-data`) when the ciphertext does not decrypt here: its key is not
 * configured, it was tampered with, or it was copied from another tenant or column.
 */
export function openFields(
  cipher: FieldCipher,
  column: SealedColumn,
  tenantId: string,
  value: JsonObject,
): JsonObject {
  if (!isSealed(value)) return value;
  const { [SEALED_KEY]: sealed, ...kept } = value;
  let secret: unknown;
  try {
    secret = JSON.parse(cipher.decrypt(sealed as string, sealedContext(column, tenantId)));
  } catch (error) {
    if (error instanceof FieldCipherError || error instanceof SyntaxError) throw unreadable(column);
    throw error;
  }
  if (!secret || typeof secret !== 'object' || Array.isArray(secret)) throw unreadable(column);
  return { ...kept, ...(secret as JsonObject) };
}

/**
 * Whether the stored value should be written again: it holds a field in clear that belongs sealed (a row from
 * before encryption), or its ciphertext was made with a key that is no longer the current one.
 */
export function needsResealing(cipher: FieldCipher, column: SealedColumn, value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (key !== SEALED_KEY && !column.keep.includes(key) && value[key] !== undefined) return true;
  }
  return isSealed(value) && cipher.needsRotation(value[SEALED_KEY] as string);
}

export function isSealed(value: unknown): value is JsonObject {
  return isObject(value) && typeof value[SEALED_KEY] === 'string';
}

/**
 * SQL that is true when the jsonb expression `sql` needs resealing (the counterpart of needsResealing), with
 * `currentKeyId` the SQL of the current key id (a parameter). The key id is compared by splitting, not by LIKE:
 * a key id may hold `_`.
 */
export function staleSql(sql: string, column: SealedColumn, currentKeyId: string): string {
  const readable = [...column.keep, SEALED_KEY].map((key) => key.replace(/[^a-zA-Z_]/g, '')).join(',');
  return `(jsonb_typeof(${sql}) = 'object' AND ((${sql} - '{${readable}}'::text[]) <> '{}'::jsonb
    OR split_part(${sql} ->> '${SEALED_KEY}', '.', 2) <> ${currentKeyId}))`;
}

/** What a reader gets for a ciphertext that does not decrypt: a clear problem, never a crash or a guess. */
export function unreadable(column: SealedColumn): ProblemError {
  return new ProblemError(
    500,
    'unreadable-personal-data',
    'Gegevens niet leesbaar',
    `Versleutelde persoonsgegevens (${column.column}) zijn niet te ontsleutelen: de sleutel ontbreekt, ` +
      'of de gegevens zijn gewijzigd of horen niet bij deze gemeente. De beheerder van het platform kan dit nagaan.',
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
