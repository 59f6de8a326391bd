import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { EntityManager, Not, IsNull } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import { enqueueEmail } from '../messaging/outbox';
import { adminHome } from '../staff-pages/request-checks';
import { Tenant, type LicenceState } from '../tenancy/tenant.entity';
import { TenantsService } from '../tenancy/tenants.service';
import { PLATFORM_CONFIG } from './billing-config';
import { Invoice } from './entities/invoice.entity';
import { LicenceStateChange } from './entities/licence-state-change.entity';
import { TenantLicence } from './entities/tenant-licence.entity';
import { dueLicenceState, LicenceHold } from './licence-state';
import { licenceStateEmail } from './licence-state-email';
import { lockBilling } from './licence-lock';
import type { PlatformConfig } from './platform-config';

/** What an operator does by hand: suspend, or reactivate until a date. */
export type OperatorLicenceAction =
  { state: 'suspended'; reason: string } | { state: 'active'; reason: string; holdUntil: LocalDate };

/**
 * Keeps each municipality's licence state (tenants.licence_state) at what the facts call for: periodically
 * (every evaluateEveryMinutes, on every replica: the tenant row lock and the "only when different" rule make
 * that harmless), after a payment, a credit note or a new licence, and when an operator acts by hand. Every
 * change is recorded with its reason and e-mailed to the municipality's admins in the same transaction.
 */
@Injectable()
export class LicenceStateService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LicenceStates');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.backgroundWork) return;
    const every = this.platform.licenceStates.evaluateEveryMinutes * 60_000;
    this.timer = setInterval(() => void this.evaluateAll().catch((error) => this.logger.error(error)), every);
    this.timer.unref();
  }

  /** Before the database closes, so a round in progress can finish. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Evaluates every municipality still on the platform; returns how many changed state. Never twice at once here. */
  evaluateAll(today?: LocalDate): Promise<number> {
    this.running ??= (async () => {
      let changed = 0;
      for (const tenant of await this.tenants.list()) {
        if (tenant.status !== 'offboarded' && (await this.evaluate(tenant.id, today))) changed++;
      }
      return changed;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Brings one municipality's state to what is due; true when it changed. Its own unit of work. */
  evaluate(tenantId: string, today: LocalDate = todayInAmsterdam()): Promise<boolean> {
    return this.database.forTenant(tenantId, (db) => this.apply(db, tenantId, today, null));
  }

  /** An operator suspends, or reactivates until a date; the hold is recorded and applied at once. */
  async setByOperator(tenantId: string, operatorId: string, action: OperatorLicenceAction): Promise<void> {
    const reason = action.reason.trim();
    if (!reason) {
      throw ProblemError.invalid([
        {
          field: 'reason',
          message: 'Schrijf de reden op: de beheerders van de gemeente krijgen die te lezen.',
        },
      ]);
    }
    const today = todayInAmsterdam();
    if (action.state === 'active' && action.holdUntil < today) {
      throw ProblemError.invalid([{ field: 'holdUntil', message: 'Kies een datum vanaf vandaag.' }]);
    }
    await this.database.forTenant(tenantId, (db) =>
      this.apply(db, tenantId, today, {
        operatorId,
        reason,
        toState: action.state,
        holdUntil: action.state === 'active' ? action.holdUntil : null,
      }),
    );
  }

  /** The state changes of a municipality, newest first. */
  history(tenantId: string): Promise<LicenceStateChange[]> {
    return this.database.forTenant(tenantId, (db) =>
      db.getRepository(LicenceStateChange).find({ where: { tenantId }, order: { createdAt: 'DESC' } }),
    );
  }

  private async apply(
    db: EntityManager,
    tenantId: string,
    today: LocalDate,
    manual: { operatorId: string; reason: string; toState: LicenceState; holdUntil: LocalDate | null } | null,
  ): Promise<boolean> {
    await lockBilling(db, tenantId);
    const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: tenantId });
    const changes = db.getRepository(LicenceStateChange);
    if (manual) {
      await changes.insert({ tenantId, fromState: tenant.licenceState, ...manual });
    }
    const due = dueLicenceState(
      {
        today,
        licences: await db
          .getRepository(TenantLicence)
          .find({ where: { tenantId }, select: ['startsOn', 'endsOn'] }),
        unpaidInvoices: (
          await db.getRepository(Invoice).find({ where: { tenantId, kind: 'invoice', status: 'issued' } })
        ).map((i) => ({ number: i.number!, dueOn: i.dueOn! })),
        hold: holdOf(
          await changes.findOne({
            where: { tenantId, operatorId: Not(IsNull()) },
            order: { createdAt: 'DESC' },
          }),
        ),
      },
      this.platform.licenceStates,
    );
    if (due.state === tenant.licenceState) return false;

    const reason = manual?.reason ?? due.reason;
    await db.query(`UPDATE tenants SET licence_state = $2, licence_state_since = now() WHERE id = $1`, [
      tenantId,
      due.state,
    ]);
    if (!manual)
      await changes.insert({ tenantId, fromState: tenant.licenceState, toState: due.state, reason });
    await this.warnAdmins(db, tenant, due.state, reason);
    this.logger.log(`${tenant.slug}: licence ${tenant.licenceState} → ${due.state}`);
    return true;
  }

  private async warnAdmins(
    db: EntityManager,
    tenant: Tenant,
    state: LicenceState,
    reason: string,
  ): Promise<void> {
    const admins = (await db.query(
      `SELECT email FROM staff_users
        WHERE tenant_id = $1 AND active AND deactivated_at IS NULL AND 'tenant_admin' = ANY (roles) ORDER BY email`,
      [tenant.id],
    )) as { email: string }[];
    if (!admins.length) return;
    await enqueueEmail(
      db,
      tenant.id,
      licenceStateEmail({
        to: admins.map((a) => a.email),
        municipality: tenant.name,
        state,
        reason,
        licencePageUrl: `${this.config.publicUrl.replace(/\/$/, '')}${adminHome(tenant.slug)}/licentie`,
        sellerName: this.platform.seller.name,
        sellerEmail: this.platform.seller.email,
      }),
    );
  }
}

function holdOf(change: LicenceStateChange | null): LicenceHold | null {
  if (!change) return null;
  if (change.toState === 'suspended') return { state: 'suspended' };
  return change.holdUntil ? { state: 'active', until: change.holdUntil } : null;
}
