import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../crypto/crypto.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DocumentsModule } from '../documents/documents.module';
import { LettersModule } from '../letters/letters.module';
import { RegulationsModule } from '../regulations/regulations.module';
import { CaseViewService } from './case-view.service';
import { CaseWorkController } from './case-work.controller';
import { CaseWorkService } from './case-work.service';
import { DemoCasesService } from './demo-cases.service';
import { CitizenCaseController } from './citizen-case.controller';
import { Objection } from './objection.entity';
import { ObjectionEvent } from './objection-event.entity';
import { ObjectionFilingController } from './objection-filing.controller';
import { ObjectionFilingService } from './objection-filing.service';
import { FilingReceiptsService } from './filing-receipts.service';
import { JobsModule } from '../jobs/jobs.module';
import { ObjectionsController } from './objections.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([Objection, ObjectionEvent]),
    RegulationsModule,
    DocumentsModule,
    LettersModule,
    DeadlinesModule,
    CryptoModule,
    JobsModule,
  ],
  controllers: [ObjectionFilingController, ObjectionsController, CaseWorkController, CitizenCaseController],
  providers: [
    ObjectionFilingService,
    FilingReceiptsService,
    CaseViewService,
    CaseWorkService,
    DemoCasesService,
  ],
  exports: [ObjectionFilingService, CaseViewService, CaseWorkService],
})
export class ObjectionsModule {}
