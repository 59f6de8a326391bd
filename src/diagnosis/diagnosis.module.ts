import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { RegulationsModule } from '../regulations/regulations.module';
import { DiagnosisController } from './diagnosis.controller';
import { DiagnosisService } from './diagnosis.service';

/** The citizens' diagnosis flow; the trees come from the regulations (tenant.yaml, checked at start-up). */
@Module({
  imports: [DeadlinesModule, RegulationsModule, ReferralsModule],
  controllers: [DiagnosisController],
  providers: [DiagnosisService],
  exports: [DiagnosisService],
})
export class DiagnosisModule {}
