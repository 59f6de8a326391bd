import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BillingModule } from '../billing/billing.module';
import { CryptoModule } from '../crypto/crypto.module';
import { OperatorsModule } from '../operators/operators.module';
import { PlatformTenantPagesController } from './platform-tenant-pages.controller';
import { PlatformTenantPagesService } from './platform-tenant-pages.service';
import { PlatformTenantsController } from './platform-tenants.controller';
import { PlatformTenantsService } from './platform-tenants.service';
import { TenantAdminsService } from './tenant-admins.service';
import { TenantExportService } from './tenant-export.service';
import { TenantOffboardingService } from './tenant-offboarding.service';
import { TenantOnboardingService } from './tenant-onboarding.service';

/** The platform operator: onboarding and offboarding municipalities, their data export, and the operator's pages. */
@Module({
  imports: [OperatorsModule, AuthModule, BillingModule, CryptoModule],
  controllers: [PlatformTenantsController, PlatformTenantPagesController],
  providers: [
    PlatformTenantsService,
    TenantOnboardingService,
    TenantExportService,
    TenantOffboardingService,
    TenantAdminsService,
    PlatformTenantPagesService,
  ],
})
export class PlatformModule {}
