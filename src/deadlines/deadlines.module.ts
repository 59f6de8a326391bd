import { Module } from '@nestjs/common';
import { RegulationsModule } from '../regulations/regulations.module';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';
import { LegalCalendarService } from './legal-calendar.service';

@Module({
  imports: [RegulationsModule],
  controllers: [DeadlinesController],
  providers: [DeadlinesService, LegalCalendarService],
  exports: [LegalCalendarService],
})
export class DeadlinesModule {}
