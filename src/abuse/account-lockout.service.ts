import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LockoutPolicy } from './abuse-limits';

/** An account that logs in with a password: a municipality's staff member, or a platform operator. */
export type LockableAccount =
  { table: 'staff_users'; tenantId: string; id: string } | { table: 'platform_operators'; id: string };

const NOT_LOCKED = `(locked_until IS NULL OR locked_until <= now())`;

/**
 * Lock-out with back-off per account (columns failed_logins, locked_until): after `afterFailures` failed logins
 * in a row the account is locked, for a period that doubles with every further failure (see lockSeconds, which
 * the SQL mirrors). While locked, every attempt is refused, the right password too, and not counted; a login
 * after the lock resets the count. Each outcome is one conditional UPDATE … RETURNING, so concurrent attempts
 * on several replicas can neither lose a failure nor slip a login past a lock another one just set.
 */
@Injectable()
export class AccountLockout {
  private readonly logger = new Logger('AbuseLimits');
  private readonly policy: LockoutPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = config.abuseLimits.lockout;
  }

  /**
   * Settles a login attempt whose password was checked, inside the caller's transaction: true when it may log in
   * (right password, not locked; last_login_at is set), false otherwise (the failure is counted unless locked).
   */
  async settle(db: EntityManager, account: LockableAccount, passwordValid: boolean): Promise<boolean> {
    const [where, params] =
      account.table === 'staff_users'
        ? ['tenant_id = $1 AND id = $2', [account.tenantId, account.id]]
        : ['id = $1', [account.id]];
    if (passwordValid) {
      const admitted = (await db.query(
        `UPDATE ${account.table} SET failed_logins = 0, locked_until = NULL, last_login_at = now()
         WHERE ${where} AND ${NOT_LOCKED} RETURNING id`,
        params,
      )) as [unknown[], number];
      if (rowsOf(admitted).length) return true;
      this.logger.warn(
        { event: 'login-refused-locked', account: account.id },
        'login refused: account locked',
      );
      return false;
    }
    const n = params.length;
    const failed = rowsOf<{ failed_logins: number; locked_until: Date | null }>(
      (await db.query(
        `UPDATE ${account.table} SET
           failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $${n + 1}::int
             THEN now() + make_interval(secs => least($${n + 3}::float8,
               $${n + 2}::float8 * power(2, least(failed_logins + 1 - $${n + 1}::int, 30))))
           END
         WHERE ${where} AND ${NOT_LOCKED}
         RETURNING failed_logins, locked_until`,
        [...params, this.policy.afterFailures, this.policy.firstSeconds, this.policy.maxSeconds],
      )) as unknown[],
    );
    const [state] = failed;
    if (state?.locked_until) {
      this.logger.warn(
        {
          event: 'account-locked',
          account: account.id,
          failures: state.failed_logins,
          lockedUntil: new Date(state.locked_until).toISOString(),
        },
        'account locked after failed logins',
      );
    }
    return false;
  }
}

/** An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver. */
export function rowsOf<T = unknown>(result: unknown): T[] {
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0] as T[];
  return (Array.isArray(result) ? result : []) as T[];
}
