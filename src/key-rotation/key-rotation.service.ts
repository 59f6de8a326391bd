import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { EntityManager } from 'typeorm';
import { bsnCipherContext } from '../citizens/citizens.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ProblemError } from '../common/problems/problem.error';
import { FieldCipher, FieldCipherError } from '../crypto/field-cipher';
import {
  CITIZEN_ADDRESS_COLUMN,
  needsResealing,
  OBJECTOR_COLUMN,
  REPRESENTATIVE_COLUMN,
  sealFields,
  staleSql,
} from '../crypto/sealed-fields';
import { Database } from '../database/database.service';
import { Metrics } from '../metrics/metrics.service';
import { TenantsService } from '../tenancy/tenants.service';

/** The encrypted values the sweep looks after, as the gauge labels them. */
export const ROTATED_FIELDS = [
  'citizens.bsn',
  'citizens.address',
  'objections.objector',
  'objections.representative',
] as const;
export type RotatedField = (typeof ROTATED_FIELDS)[number];
export type FieldCounts = Record<RotatedField, number>;

export interface SweepReport {
  /** Rows written again under the current key. */
  rewritten: number;
  /** Rows that could not be read (unknown key, tampered, copied from elsewhere): left as they are, logged. */
  unreadable: number;
  /** What is still under an older key or in clear after the sweep (unreadable rows, rows written meanwhile). */
  remaining: FieldCounts;
}

/** Rows per transaction: short locks, and a replica stopping mid-sweep loses at most this little work. */
const BATCH = 100;
/** After start-up the first sweep waits this long (or the interval, if shorter): the app is serving first. */
const FIRST_SWEEP_MS = 30_000;

const BSN_STALE = `(bsn_encrypted IS NOT NULL AND split_part(bsn_encrypted, '.', 2) <> $2)`;
const ADDRESS_STALE = staleSql('address', CITIZEN_ADDRESS_COLUMN, '$2');
const OBJECTOR_STALE = staleSql('objector', OBJECTOR_COLUMN, '$2');
const REPRESENTATIVE_STALE = staleSql('representative', REPRESENTATIVE_COLUMN, '$2');

/**
 * Key rotation without downtime. After ENCRYPTION_KEYS gets a new first (current) key, with the old ones kept
 * after it, the app at once writes under the new key and still reads both; this sweep re-encrypts in the
 * background whatever is still under an older key (and seals rows from before encryption): the citizens' BSN
 * and address, the objections' contact details. Every replica sweeps every tenant in small batches, each
 * claimed with FOR UPDATE SKIP LOCKED, so replicas share the work and never write a row twice at once; a row
 * being changed by a request is skipped and taken at the next sweep. Progress: the gauge
 * bezwaar_encryption_stale_values (per field, as of this replica's last sweep). Once it reads 0 everywhere
 * the old key can be removed from ENCRYPTION_KEYS. The blind index key (BLIND_INDEX_KEY) is not rotated here.
 */
@Injectable()
export class KeyRotationService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('KeyRotation');
  private readonly gauge: Gauge<'field'>;
  private timers: NodeJS.Timeout[] = [];
  private running?: Promise<SweepReport>;
  private stopped = false;

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly cipher: FieldCipher,
    metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.gauge = new Gauge({
      name: 'bezwaar_encryption_stale_values',
      help: 'Encrypted personal data still under an older key, or not yet encrypted, as of the last key rotation sweep',
      labelNames: ['field'] as const,
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    const every = this.config.keyRotationIntervalMs;
    if (!every || !this.config.backgroundWork) return;
    const sweep = () =>
      void this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'Sweep failed'));
    this.timers = [setTimeout(sweep, Math.min(every, FIRST_SWEEP_MS)), setInterval(sweep, every)];
    for (const timer of this.timers) timer.unref();
  }

  /** A sweep in progress stops after its current batch; the database is still there for it. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await this.running?.catch(() => undefined);
  }

  /** Sweeps every tenant now (one sweep at a time in this process: a call during one gets that one). */
  sweep(): Promise<SweepReport> {
    this.running ??= this.sweepAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Counts what is still under an older key or in clear, per field, over all tenants; sets the gauge. */
  async remaining(): Promise<FieldCounts> {
    const total = zeroCounts();
    for (const tenant of await this.tenants.list()) addCounts(total, await this.countTenant(tenant.id));
    this.setGauge(total);
    return total;
  }

  private async sweepAll(): Promise<SweepReport> {
    const report: SweepReport = { rewritten: 0, unreadable: 0, remaining: zeroCounts() };
    for (const tenant of await this.tenants.list()) {
      if (this.stopped) break;
      const unreadable = new Set<string>();
      report.rewritten += await this.rotateTable(tenant.id, 'citizens', unreadable);
      report.rewritten += await this.rotateTable(tenant.id, 'objections', unreadable);
      report.unreadable += unreadable.size;
      addCounts(report.remaining, await this.countTenant(tenant.id));
    }
    this.setGauge(report.remaining);
    if (report.rewritten || report.unreadable) {
      this.logger.log(
        `Re-encrypted ${report.rewritten} rows under key ${this.cipher.currentKeyId}; ${report.unreadable} unreadable`,
      );
    }
    return report;
  }

  /** Batches of one table of one tenant until none is left that this replica can take. */
  private async rotateTable(
    tenantId: string,
    table: 'citizens' | 'objections',
    unreadable: Set<string>,
  ): Promise<number> {
    let rewritten = 0;
    while (!this.stopped) {
      const batch = await this.database.forTenant(tenantId, (db) =>
        table === 'citizens'
          ? this.rotateCitizens(db, tenantId, unreadable)
          : this.rotateObjections(db, tenantId, unreadable),
      );
      rewritten += batch.rewritten;
      if (batch.claimed < BATCH) break;
    }
    return rewritten;
  }

  private async rotateCitizens(
    db: EntityManager,
    tenantId: string,
    unreadable: Set<string>,
  ): Promise<{ claimed: number; rewritten: number }> {
    const rows = (await db.query(
      `SELECT id, bsn_encrypted, address FROM citizens
        WHERE tenant_id = $1 AND NOT (id = ANY($4::uuid[])) AND (${BSN_STALE} OR ${ADDRESS_STALE})
        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [tenantId, this.cipher.currentKeyId, BATCH, [...unreadable]],
    )) as { id: string; bsn_encrypted: string | null; address: Record<string, unknown> | null }[];
    let rewritten = 0;
    for (const row of rows) {
      try {
        const bsn =
          row.bsn_encrypted && this.cipher.needsRotation(row.bsn_encrypted)
            ? this.cipher.encrypt(
                this.cipher.decrypt(row.bsn_encrypted, bsnCipherContext(tenantId)),
                bsnCipherContext(tenantId),
              )
            : row.bsn_encrypted;
        const address =
          row.address && needsResealing(this.cipher, CITIZEN_ADDRESS_COLUMN, row.address)
            ? sealFields(this.cipher, CITIZEN_ADDRESS_COLUMN, tenantId, row.address)
            : row.address;
        await db.query(
          `UPDATE citizens SET bsn_encrypted = $3, address = $4::jsonb WHERE tenant_id = $1 AND id = $2`,
          [tenantId, row.id, bsn, address ? JSON.stringify(address) : null],
        );
        rewritten++;
      } catch (error) {
        this.skip(unreadable, tenantId, 'citizens', row.id, error);
      }
    }
    return { claimed: rows.length, rewritten };
  }

  private async rotateObjections(
    db: EntityManager,
    tenantId: string,
    unreadable: Set<string>,
  ): Promise<{ claimed: number; rewritten: number }> {
    const rows = (await db.query(
      `SELECT id, objector, representative FROM objections
        WHERE tenant_id = $1 AND NOT (id = ANY($4::uuid[])) AND (${OBJECTOR_STALE} OR ${REPRESENTATIVE_STALE})
        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [tenantId, this.cipher.currentKeyId, BATCH, [...unreadable]],
    )) as { id: string; objector: Record<string, unknown>; representative: Record<string, unknown> | null }[];
    let rewritten = 0;
    for (const row of rows) {
      try {
        const objector = needsResealing(this.cipher, OBJECTOR_COLUMN, row.objector)
          ? sealFields(this.cipher, OBJECTOR_COLUMN, tenantId, row.objector)
          : row.objector;
        const representative =
          row.representative && needsResealing(this.cipher, REPRESENTATIVE_COLUMN, row.representative)
            ? sealFields(this.cipher, REPRESENTATIVE_COLUMN, tenantId, row.representative)
            : row.representative;
        await db.query(
          `UPDATE objections SET objector = $3::jsonb, representative = $4::jsonb WHERE tenant_id = $1 AND id = $2`,
          [
            tenantId,
            row.id,
            JSON.stringify(objector),
            representative ? JSON.stringify(representative) : null,
          ],
        );
        rewritten++;
      } catch (error) {
        this.skip(unreadable, tenantId, 'objections', row.id, error);
      }
    }
    return { claimed: rows.length, rewritten };
  }

  /**
   * A row that does not decrypt stays as it is (readers get a clear error for it) and is logged for an operator,
   * by id only. Any other error ends the batch.
   */
  private skip(unreadable: Set<string>, tenantId: string, table: string, id: string, error: unknown): void {
    if (!(error instanceof FieldCipherError || error instanceof ProblemError)) throw error;
    unreadable.add(id);
    this.logger.warn({ tenantId, table, id }, `Cannot re-encrypt ${table} row ${id}: ${error.message}`);
  }

  private async countTenant(tenantId: string): Promise<FieldCounts> {
    const [row] = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `SELECT
           (SELECT count(*)::int FROM citizens WHERE tenant_id = $1 AND ${BSN_STALE}) AS "citizens.bsn",
           (SELECT count(*)::int FROM citizens WHERE tenant_id = $1 AND ${ADDRESS_STALE}) AS "citizens.address",
           (SELECT count(*)::int FROM objections WHERE tenant_id = $1 AND ${OBJECTOR_STALE}) AS "objections.objector",
           (SELECT count(*)::int FROM objections WHERE tenant_id = $1 AND ${REPRESENTATIVE_STALE})
             AS "objections.representative"`,
        [tenantId, this.cipher.currentKeyId],
      ),
    )) as FieldCounts[];
    return row;
  }

  private setGauge(counts: FieldCounts): void {
    for (const field of ROTATED_FIELDS) this.gauge.set({ field }, counts[field]);
  }
}

function zeroCounts(): FieldCounts {
  return {
    'citizens.bsn': 0,
    'citizens.address': 0,
    'objections.objector': 0,
    'objections.representative': 0,
  };
}

function addCounts(total: FieldCounts, more: FieldCounts): void {
  for (const field of ROTATED_FIELDS) total[field] += more[field];
}
