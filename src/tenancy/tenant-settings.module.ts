import { Module } from '@nestjs/common';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { TenantSettingsLogoController } from './tenant-settings-logo.controller';
import { TenantSettingsPagesController } from './tenant-settings-pages.controller';
import { TenantSettingsPagesService } from './tenant-settings-pages.service';
import { TenantSettingsController } from './tenant-settings.controller';
import { TenantSettingsService } from './tenant-settings.service';

/**
 * A municipality's branding, contact details and working settings as its admin edits them:
 * `/api/v1/tenants/{t}/admin/settings` (and `…/logo`), the page `/:tenant/behandelaar/beheer/instellingen`, and
 * the public logo `/:tenant/logo`. Register it before StaffPagesModule and PortalModule.
 */
@Module({
  imports: [StaffPagesModule],
  controllers: [TenantSettingsController, TenantSettingsLogoController, TenantSettingsPagesController],
  providers: [TenantSettingsService, TenantSettingsPagesService],
  exports: [TenantSettingsService],
})
export class TenantSettingsModule {}
