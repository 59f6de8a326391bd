import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RegulationsModule } from '../regulations/regulations.module';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { TenantSettingsModule } from '../tenancy/tenant-settings.module';
import { AdminOverviewController } from './admin-overview.controller';
import { AdminOverviewService } from './admin-overview.service';
import { ConfigurationPagesController } from './configuration-pages.controller';
import { ConfigurationPagesService } from './configuration-pages.service';
import { ConfigurationController } from './configuration.controller';
import { ConfigurationService } from './configuration.service';
import { InvitationPagesController } from './invitation-pages.controller';
import { InvitationPagesService } from './invitation-pages.service';
import { StaffAdminPagesController } from './staff-admin-pages.controller';
import { StaffAdminPagesService } from './staff-admin-pages.service';
import { YamlBodyParser } from './yaml-body.parser';

/**
 * The tenant admin's pages under `/:tenant/behandelaar/beheer`: the overview, staff, and the configuration as
 * tenant.yaml (with its API); and the invitation page a new colleague opens from the e-mail. The staff accounts
 * themselves live in AuthModule (this module imports the staff pages, which import AuthModule).
 */
@Module({
  imports: [AuthModule, RegulationsModule, StaffPagesModule, TenantSettingsModule],
  controllers: [
    AdminOverviewController,
    StaffAdminPagesController,
    InvitationPagesController,
    ConfigurationController,
    ConfigurationPagesController,
  ],
  providers: [
    AdminOverviewService,
    StaffAdminPagesService,
    InvitationPagesService,
    ConfigurationService,
    ConfigurationPagesService,
    YamlBodyParser,
  ],
})
export class AdminModule {}
