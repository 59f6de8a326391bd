import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { InboxModule } from '../inbox/inbox.module';
import { MessagingModule } from '../messaging/messaging.module';
import { ObjectionsModule } from '../objections/objections.module';
import { ProcedureModule } from '../procedure/procedure.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { RegulationsModule } from '../regulations/regulations.module';
import { ResolutionModule } from '../resolution/resolution.module';
import { CasePagesService } from './case-pages.service';
import { InboxPagesService } from './inbox-pages.service';
import { LoginPagesService } from './login-pages.service';
import { ProcedureActionsService } from './procedure-actions.service';
import { StaffAssetsController } from './staff-assets.controller';
import { StaffCaseController } from './staff-case.controller';
import { StaffErrorFilter } from './staff-error.filter';
import { StaffInboxController } from './staff-inbox.controller';
import { StaffLoginController } from './staff-login.controller';
import { SameOriginPostGuard, StaffSessionGuard } from './staff-page.guards';
import { StaffPagesService } from './staff-pages.service';
import { StaffSessionService } from './staff-session.service';

/**
 * The handlers' server-rendered pages under `/:tenant/behandelaar`: login, inbox and case, working without
 * JavaScript. The staff session is a cookie read only here; the JSON API stays bearer-only. Import it before
 * PortalModule, whose `/:tenant/...` routes must come last.
 */
@Module({
  imports: [
    AuthModule,
    InboxModule,
    ObjectionsModule,
    ReferralsModule,
    MessagingModule,
    DocumentsModule,
    DeadlinesModule,
    RegulationsModule,
    ResolutionModule,
    ProcedureModule,
    DecisionsModule,
  ],
  controllers: [StaffAssetsController, StaffLoginController, StaffInboxController, StaffCaseController],
  providers: [
    StaffPagesService,
    StaffSessionService,
    StaffErrorFilter,
    SameOriginPostGuard,
    StaffSessionGuard,
    LoginPagesService,
    InboxPagesService,
    CasePagesService,
    ProcedureActionsService,
  ],
  // For the staff pages of other modules (reports, bulk decisions): the same layout, session and checks.
  exports: [StaffPagesService, StaffSessionService, StaffSessionGuard, SameOriginPostGuard, StaffErrorFilter],
})
export class StaffPagesModule {}
