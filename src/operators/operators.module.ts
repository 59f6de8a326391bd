import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { DemoOperatorService } from './demo-operator.service';
import { OperatorAuthController } from './operator-auth.controller';
import { OperatorAuthService } from './operator-auth.service';
import { OperatorLoginController } from './operator-login.controller';
import { OperatorLoginPagesService } from './operator-login-pages.service';
import { OperatorSessionGuard } from './operator-session.guard';
import { OperatorSessionService } from './operator-session.service';
import { OperatorBearerGuard } from './operator.guard';
import { PlatformErrorFilter } from './platform-error.filter';
import { PlatformOperator } from './platform-operator.entity';

/** Platform operators: their accounts, login (API token and page session) and the guards of platform routes. */
@Module({
  imports: [TypeOrmModule.forFeature([PlatformOperator]), AuthModule, StaffPagesModule],
  controllers: [OperatorAuthController, OperatorLoginController],
  providers: [
    OperatorAuthService,
    OperatorSessionService,
    OperatorBearerGuard,
    OperatorSessionGuard,
    OperatorLoginPagesService,
    PlatformErrorFilter,
    DemoOperatorService,
  ],
  // For the platform's pages and API elsewhere (tenants, billing): the guards, what they need, the error page.
  exports: [
    OperatorAuthService,
    OperatorSessionService,
    OperatorBearerGuard,
    OperatorSessionGuard,
    PlatformErrorFilter,
    StaffPagesModule,
  ],
})
export class OperatorsModule {}
