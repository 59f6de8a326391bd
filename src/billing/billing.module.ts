import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OperatorsModule } from '../operators/operators.module';
import { PLATFORM_CONFIG } from './billing-config';
import { BillingSeedService } from './billing-seed.service';
import { Invoice } from './entities/invoice.entity';
import { LicencePlan } from './entities/licence-plan.entity';
import { LicenceStateChange } from './entities/licence-state-change.entity';
import { TenantLicence } from './entities/tenant-licence.entity';
import { InvoiceGenerationService } from './invoice-generation.service';
import { InvoiceIssuingService } from './invoice-issuing.service';
import { InvoicePdf } from './invoice-pdf';
import { InvoicesService } from './invoices.service';
import { LicencesService } from './licences.service';
import { LicenceStateService } from './licence-state.service';
import { AdminLicencePagesService } from './pages/admin-licence-pages.service';
import { AdminLicenceController } from './pages/admin-licence.controller';
import { InvoicePagesService } from './pages/invoice-pages.service';
import { LicencePagesService } from './pages/licence-pages.service';
import { PlanPagesService } from './pages/plan-pages.service';
import { PlatformBillingPagesController } from './pages/platform-billing-pages.controller';
import { loadPlatformConfig, PlatformConfig } from './platform-config';
import { PlatformBillingController } from './platform-billing.controller';
import { PlatformInvoicesController } from './platform-invoices.controller';
import { PlatformPlansController } from './platform-plans.controller';
import { PlansService } from './plans.service';
import { TenantBillingService } from './tenant-billing.service';
import { TenantLicenceController } from './tenant-licence.controller';
import { UsageService } from './usage.service';

/**
 * Licence plans, licences, metering, invoices and the licence state of each municipality: the operator's API
 * (`/api/v1/platform/...`) and pages (`/platform/...`), and the municipality's own read-only licence page.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([LicencePlan, TenantLicence, Invoice, LicenceStateChange]),
    OperatorsModule,
  ],
  controllers: [
    PlatformPlansController,
    PlatformBillingController,
    PlatformInvoicesController,
    TenantLicenceController,
    PlatformBillingPagesController,
    AdminLicenceController,
  ],
  providers: [
    // config/platform.yaml, checked at start-up: a wrong file stops the application with its problems listed.
    {
      provide: PLATFORM_CONFIG,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loadPlatformConfig(config.platformConfigFile),
    },
    {
      provide: InvoicePdf,
      inject: [APP_CONFIG, PLATFORM_CONFIG],
      useFactory: (config: AppConfig, platform: PlatformConfig) =>
        new InvoicePdf(config.templatesDir, platform.seller),
    },
    PlansService,
    LicencesService,
    UsageService,
    InvoicesService,
    InvoiceGenerationService,
    InvoiceIssuingService,
    LicenceStateService,
    TenantBillingService,
    BillingSeedService,
    PlanPagesService,
    LicencePagesService,
    InvoicePagesService,
    AdminLicencePagesService,
  ],
  exports: [PlansService, LicencesService, LicenceStateService],
})
export class BillingModule {}
