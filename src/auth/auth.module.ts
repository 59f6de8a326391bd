import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoAccountsService } from './demo-accounts.service';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { StaffAccountsService } from './staff-accounts.service';
import { StaffAdminController } from './staff-admin.controller';
import { StaffDirectoryController } from './staff-directory.controller';
import { StaffDirectoryService } from './staff-directory.service';
import { StaffInvitationsService } from './staff-invitations.service';
import { StaffUser } from './staff-user.entity';

@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([StaffUser]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.tokenSecret,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, StaffDirectoryController, StaffAdminController],
  providers: [
    AuthService,
    LocalStrategy,
    JwtStrategy,
    DemoAccountsService,
    StaffDirectoryService,
    StaffAccountsService,
    StaffInvitationsService,
  ],
  exports: [AuthService, JwtModule, StaffDirectoryService, StaffAccountsService, StaffInvitationsService],
})
export class AuthModule {}
