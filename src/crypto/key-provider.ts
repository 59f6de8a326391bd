import { AppConfig } from '../config/app-config';
import { EncryptionKey } from './field-cipher';

/** The keys the field cipher works with: the first encryption key is current, the others still decrypt. */
export interface FieldKeys {
  encryptionKeys: readonly EncryptionKey[];
  blindIndexKey: Buffer;
}

/**
 * Where the keys come from. Today the environment (ENCRYPTION_KEYS, BLIND_INDEX_KEY, validated in app-config);
 * a KMS would be another implementation that fetches or unwraps them once at start-up, behind the same token.
 */
export interface KeyProvider {
  load(): Promise<FieldKeys>;
}

export const KEY_PROVIDER = Symbol('KEY_PROVIDER');

/** The keys of the validated configuration (from the environment, or DATA_DIR outside production). */
export class EnvironmentKeyProvider implements KeyProvider {
  constructor(private readonly config: Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>) {}

  load(): Promise<FieldKeys> {
    return Promise.resolve({
      encryptionKeys: this.config.encryptionKeys,
      blindIndexKey: this.config.blindIndexKey,
    });
  }
}
