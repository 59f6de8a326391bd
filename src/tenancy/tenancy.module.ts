import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { loadTenantConfigs } from './tenant-config.loader';
import { TENANT_CONFIGS, TenantSeedService } from './tenant-seed.service';
import { Tenant } from './tenant.entity';
import { TenantGuard } from './tenant.guard';
import { TenantsService } from './tenants.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Tenant])],
  providers: [
    TenantsService,
    TenantSeedService,
    { provide: APP_GUARD, useClass: TenantGuard },
    {
      provide: TENANT_CONFIGS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loadTenantConfigs(config.tenantsDir),
    },
  ],
  exports: [TenantsService, TENANT_CONFIGS],
})
export class TenancyModule {}
