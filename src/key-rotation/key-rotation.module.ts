import { Module } from '@nestjs/common';
import { CryptoModule } from '../crypto/crypto.module';
import { MetricsModule } from '../metrics/metrics.module';
import { KeyRotationService } from './key-rotation.service';

/** Re-encrypts personal data under the current key in the background, on every replica (see the service). */
@Module({
  imports: [CryptoModule, MetricsModule],
  providers: [KeyRotationService],
  exports: [KeyRotationService],
})
export class KeyRotationModule {}
