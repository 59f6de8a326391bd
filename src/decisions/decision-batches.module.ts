import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { DecisionBatchPageController } from './decision-batch-page.controller';
import { DecisionBatchesController } from './decision-batches.controller';
import { DecisionBatchesService } from './decision-batches.service';
import { DecisionsModule } from './decisions.module';

/** Bulk decisions: the API to start and follow a run, its progress page, and the job that decides one case. */
@Module({
  imports: [DecisionsModule, JobsModule, StaffPagesModule],
  controllers: [DecisionBatchesController, DecisionBatchPageController],
  providers: [DecisionBatchesService],
})
export class DecisionBatchesModule {}
