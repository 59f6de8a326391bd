import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { LegalHoldService } from './legal-hold.service';
import { LegalHoldPagesController, RetentionAdminPagesController } from './retention-pages.controller';
import { RetentionPagesService } from './retention-pages.service';
import { LegalHoldController, RetentionAdminController } from './retention.controller';
import { RetentionScheduler } from './retention-scheduler.service';
import { RetentionService } from './retention.service';

/**
 * Retention per the Selectielijst: a daily job per municipality anonymises closed cases past their term and
 * reports what it did; a legal hold stops it for a case.
 */
@Module({
  imports: [JobsModule, StaffPagesModule],
  controllers: [
    LegalHoldController,
    RetentionAdminController,
    LegalHoldPagesController,
    RetentionAdminPagesController,
  ],
  providers: [RetentionService, RetentionScheduler, LegalHoldService, RetentionPagesService],
  exports: [RetentionService, LegalHoldService],
})
export class RetentionModule {}
