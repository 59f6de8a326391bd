import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FieldCipher } from './field-cipher';
import { EnvironmentKeyProvider, KEY_PROVIDER, KeyProvider } from './key-provider';
import { ObjectionContactSubscriber } from './objection-contact.subscriber';

/**
 * The field cipher for personal data at rest (the BSN, contact details, addresses), with the keys of the key
 * provider (the environment today), and the subscriber that keeps the objections' contact details sealed.
 */
@Module({
  providers: [
    {
      provide: KEY_PROVIDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): KeyProvider => new EnvironmentKeyProvider(config),
    },
    {
      provide: FieldCipher,
      inject: [KEY_PROVIDER],
      useFactory: async (keys: KeyProvider) => {
        const { encryptionKeys, blindIndexKey } = await keys.load();
        return new FieldCipher(encryptionKeys, blindIndexKey);
      },
    },
    ObjectionContactSubscriber,
  ],
  exports: [FieldCipher],
})
export class CryptoModule {}
