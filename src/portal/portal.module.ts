import { Module } from '@nestjs/common';
import { DiagnosisModule } from '../diagnosis/diagnosis.module';
import { DocumentsModule } from '../documents/documents.module';
import { ObjectionsModule } from '../objections/objections.module';
import { PortalExportController } from '../privacy/portal-export.controller';
import { PrivacyModule } from '../privacy/privacy.module';
import { RegulationsModule } from '../regulations/regulations.module';
import { CasePagesService } from './case-pages.service';
import { DiagnosisPagesService } from './diagnosis-pages.service';
import { FilingPagesService } from './filing-pages.service';
import { PortalAssetsController } from './portal-assets.controller';
import { PortalCaseController } from './portal-case.controller';
import { PortalDiagnosisController } from './portal-diagnosis.controller';
import { PortalErrorFilter } from './portal-error.filter';
import { PortalFilingController } from './portal-filing.controller';
import { PortalMyCasesController } from './portal-my-cases.controller';
import { PortalPagesService } from './portal-pages.service';
import { PortalStartController } from './portal-start.controller';
import { StartPagesService } from './start-pages.service';

/**
 * The citizens' portal: server-rendered Dutch pages per municipality under `/:tenant`, working without
 * JavaScript. Import it last in AppModule, so that its `/:tenant/...` routes come after every other route.
 */
@Module({
  imports: [RegulationsModule, DiagnosisModule, ObjectionsModule, DocumentsModule, PrivacyModule],
  controllers: [
    PortalAssetsController,
    PortalStartController,
    PortalDiagnosisController,
    PortalFilingController,
    PortalCaseController,
    PortalMyCasesController,
    PortalExportController,
  ],
  providers: [
    PortalPagesService,
    PortalErrorFilter,
    StartPagesService,
    DiagnosisPagesService,
    FilingPagesService,
    CasePagesService,
  ],
})
export class PortalModule {}
