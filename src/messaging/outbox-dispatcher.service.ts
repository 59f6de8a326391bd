import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { In } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { announce } from '../metrics/app-events';
import { StoredDocument } from '../documents/stored-document.entity';
import { TenantsService } from '../tenancy/tenants.service';
import { Mailer } from './mailer';
import { OutboxMessage } from './outbox-message.entity';
import { retryDelayMs } from './outbox';

/** How long a claimed message is reserved for the replica sending it; a crashed sender's claim runs out. */
const LEASE_MS = 120_000;
const BATCH = 20;

/**
 * Sends queued e-mails. A message is claimed (leased) in one short transaction, sent outside it, then marked
 * sent: a crash between sending and marking sends it again after the lease (SMTP cannot tell us otherwise;
 * the stable Message-ID lets mail clients fold the duplicate). A failure is retried with back-off.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly mailer: Mailer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.mailer = new Mailer(config);
  }

  onApplicationBootstrap(): void {
    if (!this.config.backgroundWork) return;
    this.timer = setInterval(() => void this.dispatchRound(), this.config.outboxPollMs);
    this.timer.unref();
  }

  /** Before any module shuts down, so a round in progress still has its database connection. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.mailer.close();
  }

  /** A timer's round: the database away for a moment is tried again next time (a rejection would end the process). */
  private async dispatchRound(): Promise<void> {
    try {
      await this.dispatchDue();
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not look for e-mails to send; trying again at the next poll');
    }
  }

  /** Sends what is due for every tenant; returns how many messages were sent. Never runs twice at once here. */
  dispatchDue(): Promise<number> {
    this.running ??= this.dispatchAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async dispatchAll(): Promise<number> {
    let sent = 0;
    for (const tenant of await this.tenants.list()) {
      sent += await this.dispatchTenant(tenant.id);
    }
    return sent;
  }

  private async dispatchTenant(tenantId: string): Promise<number> {
    const claimed = await this.database.forTenant(tenantId, async (db) => {
      const due: OutboxMessage[] = await db
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where('m.tenant_id = :tenantId AND m.sent_at IS NULL AND m.next_attempt_at <= now()', { tenantId })
        .orderBy('m.next_attempt_at')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length) {
        await db
          .getRepository(OutboxMessage)
          .update(
            { tenantId, id: In(due.map((m) => m.id)) },
            { nextAttemptAt: new Date(Date.now() + LEASE_MS) },
          );
      }
      return due;
    });
    let sent = 0;
    for (const message of claimed) {
      try {
        await this.send(message);
        await this.database.forTenant(tenantId, (db) =>
          db
            .getRepository(OutboxMessage)
            .update({ tenantId, id: message.id }, { sentAt: new Date(), lastError: null }),
        );
        sent++;
        announce('emailAttempted', { outcome: 'sent' });
      } catch (error) {
        const attempts = message.attempts + 1;
        announce('emailAttempted', { outcome: 'failed' });
        this.logger.warn(`E-mail ${message.id} failed (attempt ${attempts}); retrying later`);
        await this.database.forTenant(tenantId, (db) =>
          db.getRepository(OutboxMessage).update(
            { tenantId, id: message.id },
            {
              attempts,
              // Not `instanceof Error`: errors from other realms (sockets, workers) fail that test.
              lastError: String((error as { message?: unknown })?.message ?? error).slice(0, 500),
              nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
            },
          ),
        );
      }
    }
    return sent;
  }

  private async send(message: OutboxMessage): Promise<void> {
    const { payload, tenantId } = message;
    const documents = payload.documentIds?.length
      ? await this.database.forTenant(tenantId, (db) =>
          db
            .getRepository(StoredDocument)
            .createQueryBuilder('d')
            .addSelect('d.content')
            .where('d.tenant_id = :tenantId AND d.id IN (:...ids)', { tenantId, ids: payload.documentIds })
            .getMany(),
        )
      : [];
    await this.mailer.send({
      messageId: `<${message.id}@bezwaarplatform>`,
      to: payload.to,
      cc: payload.cc,
      subject: payload.subject,
      text: payload.text,
      attachments: documents.map((d) => ({
        filename: d.filename,
        content: d.content,
        contentType: d.mediaType,
      })),
    });
  }
}
