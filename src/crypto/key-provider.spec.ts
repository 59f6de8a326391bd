import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';
import { EnvironmentKeyProvider } from './key-provider';

describe('EnvironmentKeyProvider', () => {
  it('hands over the configured keys, the first being current', async () => {
    const current = { id: 'k2', key: randomBytes(32) };
    const old = { id: 'k1', key: randomBytes(32) };
    const blindIndexKey = randomBytes(32);
    const keys = await new EnvironmentKeyProvider({ encryptionKeys: [current, old], blindIndexKey }).load();
    expect(keys.encryptionKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(keys.blindIndexKey.equals(blindIndexKey)).toBe(true);
    expect(new FieldCipher(keys.encryptionKeys, keys.blindIndexKey).currentKeyId).toBe('k2');
  });
});
