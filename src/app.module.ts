import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AbuseModule } from './abuse/abuse.module';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BillingModule } from './billing/billing.module';
import { CitizensModule } from './citizens/citizens.module';
import { ProblemDetailsFilter } from './common/problems/problem-details.filter';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DiagnosisModule } from './diagnosis/diagnosis.module';
import { HealthModule } from './health/health.module';
import { DocumentsModule } from './documents/documents.module';
import { DecisionsModule } from './decisions/decisions.module';
import { DecisionBatchesModule } from './decisions/decision-batches.module';
import { InboxModule } from './inbox/inbox.module';
import { JobsModule } from './jobs/jobs.module';
import { KeyRotationModule } from './key-rotation/key-rotation.module';
import { LetterAdminModule } from './letters/letter-admin.module';
import { MessagingModule } from './messaging/messaging.module';
import { MetricsModule } from './metrics/metrics.module';
import { loggerOptions } from './logging/logger-options';
import { ObjectionsModule } from './objections/objections.module';
import { OperatorsModule } from './operators/operators.module';
import { PlatformModule } from './platform/platform.module';
import { PortalModule } from './portal/portal.module';
import { ProcedureModule } from './procedure/procedure.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RegulationAdminModule } from './regulations/regulation-admin.module';
import { RegulationsModule } from './regulations/regulations.module';
import { ReportsModule } from './reports/reports.module';
import { ResolutionModule } from './resolution/resolution.module';
import { SignalsModule } from './signals/signals.module';
import { StaffPagesModule } from './staff-pages/staff-pages.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { TenantSettingsModule } from './tenancy/tenant-settings.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule,
        AbuseModule,
        TenancyModule,
        AuthModule,
        HealthModule,
        MetricsModule,
        RegulationsModule,
        ReferralsModule,
        ObjectionsModule,
        DocumentsModule,
        MessagingModule,
        InboxModule,
        ResolutionModule,
        ProcedureModule,
        DecisionsModule,
        DecisionBatchesModule,
        JobsModule,
        KeyRotationModule,
        ReportsModule,
        DeadlinesModule,
        DiagnosisModule,
        SignalsModule,
        CitizensModule,
        OperatorsModule,
        BillingModule,
        RetentionModule,
        PrivacyModule,
        // Before PortalModule: its `/:tenant/...` routes must stay last.
        PlatformModule,
        AdminModule,
        TenantSettingsModule,
        LetterAdminModule,
        RegulationAdminModule,
        AuditModule,
        StaffPagesModule,
        PortalModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
