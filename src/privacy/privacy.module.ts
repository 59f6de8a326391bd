import { Module } from '@nestjs/common';
import { CryptoModule } from '../crypto/crypto.module';
import { CitizenExportController, StaffExportController } from './privacy-export.controller';
import { PrivacyExportService } from './privacy-export.service';

/** A citizen's data export (AVG art. 15 and 20): for the citizen in the portal, and for a tenant admin on request. */
@Module({
  imports: [CryptoModule],
  // The portal's download button (PortalExportController) is served by PortalModule, with its error pages.
  controllers: [CitizenExportController, StaffExportController],
  providers: [PrivacyExportService],
  exports: [PrivacyExportService],
})
export class PrivacyModule {}
