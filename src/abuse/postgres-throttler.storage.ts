import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Database } from '../database/database.service';
import { rowsOf } from './account-lockout.service';

const PRUNE_EVERY_MS = 60_000;

/**
 * The throttler's counters in the database, so that every replica counts the same hits: one row per throttler key
 * (a hash of the limit's name and the IP address or account) holding its current window. One atomic upsert per
 * hit: a new window starts when the old one is over and no block runs; a hit past the limit blocks the key for
 * `blockDuration`. Times come from the database clock, the one clock all replicas share. The table is UNLOGGED:
 * counters need no crash safety, and skipping the WAL keeps a hit cheap.
 */
@Injectable()
export class PostgresThrottlerStorage
  implements ThrottlerStorage, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('AbuseLimits');
  private pruner?: NodeJS.Timeout;

  constructor(private readonly database: Database) {}

  /** ttl and blockDuration in milliseconds (as ThrottlerGuard passes them); the times returned in seconds. */
  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    const [row] = await this.database.forPlatform(
      (db) =>
        db.query(
          `WITH hit AS (
             INSERT INTO throttle_counters AS c (key, hits, window_ends_at, blocked_until)
             VALUES ($1, 1, now() + $2::float8 * interval '1 millisecond',
                     CASE WHEN 1 > $3::int THEN now() + $4::float8 * interval '1 millisecond' END)
             ON CONFLICT (key) DO UPDATE SET
               hits = CASE WHEN ${FRESH} THEN 1 ELSE c.hits + 1 END,
               window_ends_at = CASE WHEN ${FRESH} THEN excluded.window_ends_at ELSE c.window_ends_at END,
               blocked_until = CASE
                 WHEN c.blocked_until > now() THEN c.blocked_until
                 WHEN (CASE WHEN ${FRESH} THEN 1 ELSE c.hits + 1 END) > $3::int
                   THEN now() + $4::float8 * interval '1 millisecond'
               END
             RETURNING hits, window_ends_at, blocked_until)
           SELECT hits,
                  greatest(0, ceil(extract(epoch FROM window_ends_at - now())))::int AS "timeToExpire",
                  coalesce(blocked_until > now(), false) AS "isBlocked",
                  greatest(0, ceil(extract(epoch FROM blocked_until - now())))::int AS "timeToBlockExpire"
           FROM hit`,
          [key, ttl, limit, blockDuration],
        ) as Promise<
          { hits: number; timeToExpire: number; isBlocked: boolean; timeToBlockExpire: number | null }[]
        >,
    );
    return {
      totalHits: row.hits,
      timeToExpire: row.timeToExpire,
      isBlocked: row.isBlocked,
      timeToBlockExpire: row.isBlocked ? (row.timeToBlockExpire ?? 0) : 0,
    };
  }

  /** Removes the counters whose window and block are over; returns how many. */
  async prune(): Promise<number> {
    const result: unknown = await this.database.forPlatform((db) =>
      db.query(`DELETE FROM throttle_counters c WHERE ${EXPIRED} RETURNING 1 AS gone`),
    );
    return rowsOf(result).length;
  }

  /** Called twice: this instance is also the throttler module's storage provider. One timer is enough. */
  onApplicationBootstrap(): void {
    if (this.pruner) return;
    this.pruner = setInterval(() => {
      this.prune().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'pruning throttle counters failed'),
      );
    }, PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.pruner);
  }
}

/** The key's window is over and no block runs: the next hit starts afresh. */
const FRESH = `(c.window_ends_at <= now() AND (c.blocked_until IS NULL OR c.blocked_until <= now()))`;
const EXPIRED = FRESH;
