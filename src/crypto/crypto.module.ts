import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FieldCipher } from './field-cipher';

/** The field cipher for personal data at rest (BSN), with the keys from the validated config. */
@Module({
  providers: [
    {
      provide: FieldCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new FieldCipher(config.encryptionKeys, config.blindIndexKey),
    },
  ],
  exports: [FieldCipher],
})
export class CryptoModule {}
