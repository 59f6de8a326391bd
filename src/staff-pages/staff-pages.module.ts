import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DocumentsModule } from '../documents/documents.module';
import { InboxModule } from '../inbox/inbox.module';
import { MessagingModule } from '../messaging/messaging.module';
import { ObjectionsModule } from '../objections/objections.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { RegulationsModule } from '../regulations/regulations.module';
import { CasePagesService } from './case-pages.service';
import { InboxPagesService } from './inbox-pages.service';
import { LoginPagesService } from './login-pages.service';
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
  ],
})
export class StaffPagesModule {}
