import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { RegulationAdminPagesController } from './regulation-admin-pages.controller';
import { RegulationAdminPagesService } from './regulation-admin-pages.service';
import { RegulationsModule } from './regulations.module';

/**
 * The tenant admin's regulation pages (`/:tenant/behandelaar/beheer/regelingen`). Apart from RegulationsModule
 * because StaffPagesModule imports that one; register it before StaffPagesModule.
 */
@Module({
  imports: [RegulationsModule, ReferralsModule, StaffPagesModule],
  controllers: [RegulationAdminPagesController],
  providers: [RegulationAdminPagesService],
})
export class RegulationAdminModule {}
