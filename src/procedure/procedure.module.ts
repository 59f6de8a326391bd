import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { LettersModule } from '../letters/letters.module';
import { DecisionTermService } from './decision-term.service';
import { HearingService } from './hearing.service';
import { ProcedureController } from './procedure.controller';
import { RepairService } from './repair.service';

/** The formal procedure: repair request, hearing, extension, postponement, notice of default and penalty. */
@Module({
  imports: [LettersModule, DeadlinesModule],
  controllers: [ProcedureController],
  providers: [RepairService, HearingService, DecisionTermService],
  exports: [RepairService, HearingService, DecisionTermService],
})
export class ProcedureModule {}
