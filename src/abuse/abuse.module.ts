import { Global, Module } from '@nestjs/common';
import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LIMIT_NAMES, SURFACES } from './abuse-limits';
import { surfaceOf } from './abuse-limit.guard';
import { AccountLockout } from './account-lockout.service';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';

@Module({ providers: [PostgresThrottlerStorage], exports: [PostgresThrottlerStorage] })
class ThrottlerStorageModule {}

/**
 * Abuse limits (issue 8): the named throttlers of @nestjs/throttler on the database-backed storage, the guard
 * that @AbuseLimit puts on a route, and the lock-out of accounts after failed logins.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [APP_CONFIG, PostgresThrottlerStorage],
      useFactory: (config: AppConfig, storage: PostgresThrottlerStorage) => ({
        storage,
        setHeaders: false,
        // One key per limit and tracker, whichever route counted it: the API and the form share a login count.
        generateKey: (_context, tracker, name) =>
          createHash('sha256').update(`${name}|${tracker}`).digest('hex'),
        throttlers: LIMIT_NAMES.map((name): ThrottlerOptions => ({
          name,
          limit: config.abuseLimits.limits[name].count,
          ttl: config.abuseLimits.limits[name].seconds * 1000,
          skipIf: (context) => {
            const surface = surfaceOf(context);
            return !surface || !(SURFACES[surface] as readonly string[]).includes(name);
          },
        })),
      }),
    }),
  ],
  providers: [AccountLockout],
  exports: [AccountLockout],
})
export class AbuseModule {}
