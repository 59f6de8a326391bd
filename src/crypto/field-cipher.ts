import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** One AES-256 key with the id that ciphertexts made with it carry. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown for a ciphertext that cannot be read: unknown key id, wrong format, or tampered with. */
export class FieldCipherError extends Error {}

/**
 * Encryption at rest of single fields (the BSN): AES-256-GCM under the current key, written as
 * `v1.<keyId>.<iv>.<tag>.<data>` (base64url parts). Decryption picks the key by its id, so keys can rotate:
 * configure the new key first and keep the old ones until every row was rewritten.
 *
 * `context` is bound as additional authenticated data (e.g. the tenant and column): a ciphertext copied to
 * another tenant or column does not decrypt there.
 *
 * `blindIndex` is a keyed hash (HMAC-SHA256, a separate key) for exact-match lookups without decrypting; the
 * same value gives the same index only with the same key and scope.
 */
export class FieldCipher {
  private readonly current: EncryptionKey;
  private readonly byId: Map<string, Buffer>;

  constructor(
    keys: readonly EncryptionKey[],
    private readonly indexKey: Buffer,
  ) {
    if (!keys.length) throw new Error('FieldCipher needs at least one encryption key');
    for (const { id, key } of keys) assertKey(id, key);
    if (indexKey.length !== KEY_BYTES) throw new Error(`The blind index key must be ${KEY_BYTES} bytes`);
    this.current = keys[0];
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
    if (this.byId.size !== keys.length) throw new Error('Encryption key ids must be unique');
  }

  /** The id of the key new ciphertexts are made with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.current.id, b64(iv), b64(tag), b64(data)].join('.');
  }

  decrypt(ciphertext: string, context = ''): string {
    const parts = ciphertext.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new FieldCipherError('Unknown ciphertext format');
    const [, keyId, iv, tag, data] = parts;
    const key = this.byId.get(keyId);
    if (!key) throw new FieldCipherError(`No encryption key with id "${keyId}" is configured`);
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
      throw new FieldCipherError('Unknown ciphertext format');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new FieldCipherError('The ciphertext does not authenticate (wrong key, context or tampered)');
    }
  }

  /** True when a ciphertext was made with an older key and should be rewritten with the current one. */
  needsRotation(ciphertext: string): boolean {
    return ciphertext.split('.')[1] !== this.current.id;
  }

  /** HMAC-SHA256 of `value` (within `scope`, e.g. a tenant id) under the index key, as hex. */
  blindIndex(value: string, scope = ''): string {
    return createHmac('sha256', this.indexKey).update(`${scope}\u0000${value}`, 'utf8').digest('hex');
  }

  /** Compares a value with a stored blind index in constant time. */
  matchesIndex(value: string, index: string, scope = ''): boolean {
    const expected = Buffer.from(this.blindIndex(value, scope), 'hex');
    const actual = Buffer.from(index, 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}

/**
 * Reads `keyId:base64,keyId:base64,…` (first is current), each key 32 bytes. Throws an Error whose message
 * says what is wrong, without echoing key material.
 */
export function parseEncryptionKeys(text: string): EncryptionKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) throw new Error('must list at least one key as keyId:base64');
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    if (colon < 1) throw new Error(`entry ${index + 1} must be keyId:base64-of-32-bytes`);
    const id = entry.slice(0, colon);
    if (!KEY_ID.test(id)) throw new Error(`key id "${id}" may only hold letters, digits, _ and - (1-32)`);
    return { id, key: parseKey(entry.slice(colon + 1), `key "${id}"`) };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}

/** A base64 (or base64url) encoded 32-byte key. */
export function parseKey(text: string, what = 'the key'): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new Error(`${what} must be base64`);
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== KEY_BYTES)
    throw new Error(`${what} must be ${KEY_BYTES} bytes (base64 of 32 random bytes)`);
  return key;
}

/** A fresh random key, base64: for `ENCRYPTION_KEYS=<id>:<this>` or `BLIND_INDEX_KEY`. */
export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

function assertKey(id: string, key: Buffer): void {
  if (!KEY_ID.test(id)) throw new Error(`Invalid encryption key id "${id}"`);
  if (key.length !== KEY_BYTES) throw new Error(`Encryption key "${id}" must be ${KEY_BYTES} bytes`);
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}
