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
import { StaffDirectoryController } from './staff-directory.controller';
import { StaffDirectoryService } from './staff-directory.service';
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
  controllers: [AuthController, StaffDirectoryController],
  providers: [AuthService, LocalStrategy, JwtStrategy, DemoAccountsService, StaffDirectoryService],
  exports: [AuthService, JwtModule, StaffDirectoryService],
})
export class AuthModule {}
