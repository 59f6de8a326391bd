import { randomBytes } from 'node:crypto';
import { FieldCipher, FieldCipherError, generateKey, parseEncryptionKeys, parseKey } from './field-cipher';

const key = () => randomBytes(32);

describe('FieldCipher', () => {
  const indexKey = key();
  const cipher = new FieldCipher([{ id: 'k2', key: key() }], indexKey);

  it('writes v1.<keyId>.<iv>.<tag>.<data> that does not contain the plaintext and reads it back', () => {
    const text = cipher.encrypt('999993653', 'tenant-a');
    expect(text).toMatch(/^v1\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(text).not.toContain('999993653');
    expect(cipher.decrypt(text, 'tenant-a')).toBe('999993653');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('999993653')).not.toBe(cipher.encrypt('999993653'));
  });

  it('refuses another context, a tampered ciphertext and an unknown key id', () => {
    const text = cipher.encrypt('999993653', 'tenant-a');
    expect(() => cipher.decrypt(text, 'tenant-b')).toThrow(FieldCipherError);
    const parts = text.split('.');
    const data = Buffer.from(parts[4], 'base64url');
    data[0] ^= 1;
    parts[4] = data.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'tenant-a')).toThrow(FieldCipherError);
    expect(() => cipher.decrypt(text.replace('.k2.', '.k9.'), 'tenant-a')).toThrow(/k9/);
    expect(() => cipher.decrypt('999993653')).toThrow(FieldCipherError);
  });

  it('decrypts with an older key after rotation and encrypts with the current one', () => {
    const old = { id: 'k1', key: key() };
    const before = new FieldCipher([old], indexKey).encrypt('999991772');
    const rotated = new FieldCipher([{ id: 'k2', key: key() }, old], indexKey);
    expect(rotated.decrypt(before)).toBe('999991772');
    expect(rotated.needsRotation(before)).toBe(true);
    expect(rotated.encrypt('999991772').split('.')[1]).toBe('k2');
    expect(rotated.needsRotation(rotated.encrypt('x'))).toBe(false);
  });

  it('gives a stable keyed blind index per scope', () => {
    const index = cipher.blindIndex('999993653', 'tenant-a');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex('999993653', 'tenant-a')).toBe(index);
    expect(cipher.blindIndex('999993653', 'tenant-b')).not.toBe(index);
    expect(new FieldCipher([{ id: 'k2', key: key() }], key()).blindIndex('999993653', 'tenant-a')).not.toBe(
      index,
    );
    expect(cipher.matchesIndex('999993653', index, 'tenant-a')).toBe(true);
    expect(cipher.matchesIndex('999991772', index, 'tenant-a')).toBe(false);
  });

  it('refuses keys of the wrong size and duplicate ids', () => {
    expect(() => new FieldCipher([{ id: 'a', key: randomBytes(16) }], indexKey)).toThrow(/32 bytes/);
    expect(() => new FieldCipher([], indexKey)).toThrow();
    expect(() => new FieldCipher([{ id: 'a', key: key() }], randomBytes(8))).toThrow(/index key/);
    expect(
      () =>
        new FieldCipher(
          [
            { id: 'a', key: key() },
            { id: 'a', key: key() },
          ],
          indexKey,
        ),
    ).toThrow(/unique/);
  });
});

describe('parseEncryptionKeys', () => {
  it('reads keyId:base64 entries, the first being current', () => {
    const [a, b] = [generateKey(), generateKey()];
    const keys = parseEncryptionKeys(` 2025-02:${a}, 2024-01:${b} `);
    expect(keys.map((k) => k.id)).toEqual(['2025-02', '2024-01']);
    expect(keys[0].key.toString('base64')).toBe(a);
  });

  it.each([
    ['', /at least one key/],
    ['nokey', /keyId:base64/],
    [`bad.id:${generateKey()}`, /key id/],
    ['k1:c2hvcnQ=', /32 bytes/],
    ['k1:not base64!', /base64/],
  ])('refuses %j', (text, message) => {
    expect(() => parseEncryptionKeys(text)).toThrow(message);
  });

  it('refuses a duplicate key id', () => {
    expect(() => parseEncryptionKeys(`k1:${generateKey()},k1:${generateKey()}`)).toThrow(/unique/);
  });
});

describe('parseKey', () => {
  it('accepts base64 and base64url of 32 bytes', () => {
    const bytes = randomBytes(32);
    expect(parseKey(bytes.toString('base64')).equals(bytes)).toBe(true);
    expect(parseKey(bytes.toString('base64url')).equals(bytes)).toBe(true);
  });
});
