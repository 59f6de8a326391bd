import { Inject, Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { derivedColumns } from '../objections/case-derived';
import { CaseFlag } from '../objections/case-flags';
import { lockCase } from '../objections/case-lock';
import { CaseLinks } from '../objections/case-links';
import { isOpen } from '../objections/case-status';
import { Objection } from '../objections/objection.entity';
import { recordEvent, staffActor } from '../objections/timeline';
import { analyzeText, LEXICON_VERSIONS } from '../signals';
import { staffHome } from '../staff-pages/request-checks';
import { Tenant } from '../tenancy/tenant.entity';
import { citizenText, messageBodyError, normalizeMessage } from './case-conversation';
import { citizenMessageEmail, handlerMessageEmail } from './message-notification';
import { enqueueEmail } from './outbox';

type StoredSignals = NonNullable<Objection['signals']>;

/**
 * Messages between the handler and the citizen on a case. Each message is one unit of work: the timeline
 * entry, the case's "last written" moment, recomputed signals and the e-mail that announces it commit together.
 */
@Injectable()
export class CaseMessagesService {
  constructor(
    private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Handler → citizen: event 'message_to_citizen', last_staff_message_at, e-mail notification. */
  async sendToCitizen(
    tenantId: string,
    reference: string,
    body: string,
    by: StaffPrincipal,
    at: Date = new Date(),
  ): Promise<void> {
    if (by.tenantId !== tenantId) throw ProblemError.forbidden();
    const text = checkedBody(body);
    const tenant = await this.tenant(tenantId);
    await this.database.forTenant(tenantId, async (db) => {
      const objection = await lockCase(db, tenantId, { reference });
      if (!objection) throw ProblemError.notFound(`Er is geen bezwaar met kenmerk ${reference}.`);
      requireOpen(objection, 'U kunt de indiener hier geen bericht meer sturen.');
      await recordEvent(
        db,
        {
          tenantId,
          objectionId: objection.id,
          actor: staffActor(by.userId),
          kind: 'message_to_citizen',
          data: { body: text },
        },
        at,
      );
      await db.getRepository(Objection).update({ tenantId, id: objection.id }, { lastStaffMessageAt: at });
      const email = citizenMessageEmail({
        tenant,
        publicUrl: this.config.publicUrl,
        reference: objection.reference,
        objector: objection.objector,
        representative: objection.representative,
        filedWithDigid: Boolean(objection.citizenSubject),
      });
      if (email) await enqueueEmail(db, tenantId, email);
    });
  }

  /**
   * Citizen → handler, the case found by the secret link token: event 'message_from_citizen',
   * last_citizen_message_at, signals recomputed (event 'signals_updated' when label, domains or flags change).
   */
  async fromCitizen(tenantId: string, caseToken: string, body: string, at: Date = new Date()): Promise<void> {
    const text = checkedBody(body);
    const tenant = await this.tenant(tenantId);
    await this.database.forTenant(tenantId, async (db) => {
      const objection = await lockCase(db, tenantId, { caseTokenHash: CaseLinks.hash(caseToken) });
      if (!objection) throw ProblemError.notFound('Dit bezwaar bestaat niet (of de link is niet juist).');
      requireOpen(
        objection,
        `U kunt geen berichten meer sturen. Heeft u een vraag? Bel ${tenant.profile.contact.phone} of mail ${tenant.profile.contact.email}.`,
      );
      await recordEvent(
        db,
        {
          tenantId,
          objectionId: objection.id,
          actor: 'citizen',
          kind: 'message_from_citizen',
          data: { body: text },
        },
        at,
      );

      // What the citizen wrote so far, this message included (the row lock keeps a concurrent one out).
      const messages = (await db.query(
        `SELECT data->>'body' AS body FROM objection_events
          WHERE tenant_id = $1 AND objection_id = $2 AND kind = 'message_from_citizen' ORDER BY at`,
        [tenantId, objection.id],
      )) as { body: string }[];
      const signals: StoredSignals = {
        ...analyzeText(
          citizenText(
            objection.grounds.text,
            messages.map((m) => m.body),
          ),
          { extraTerms: tenant.profile.signals },
        ),
        lexicons: LEXICON_VERSIONS,
      };
      const derived = derivedColumns({ ...objection, signals });
      await db
        .getRepository(Objection)
        .update({ tenantId, id: objection.id }, { signals, ...derived, lastCitizenMessageAt: at });
      if (signalsChanged(objection, signals, derived.flags)) {
        await recordEvent(
          db,
          {
            tenantId,
            objectionId: objection.id,
            actor: 'system',
            kind: 'signals_updated',
            data: {
              sentiment: signals.sentiment.label,
              lifeDomains: signals.lifeDomains.map((d) => d.code),
              flags: derived.flags,
            },
          },
          // Just after the message that caused it, so the timeline lists them in that order.
          new Date(at.getTime() + 1),
        );
      }

      if (objection.assigneeId) {
        const [handler] = (await db.query(
          `SELECT name, email FROM staff_users WHERE tenant_id = $1 AND id = $2 AND active`,
          [tenantId, objection.assigneeId],
        )) as { name: string; email: string }[];
        if (handler) {
          const caseUrl = `${this.config.publicUrl}${staffHome(tenant.slug)}/zaken/${encodeURIComponent(objection.reference)}`;
          await enqueueEmail(
            db,
            tenantId,
            handlerMessageEmail({ tenant, reference: objection.reference, handler, caseUrl }),
          );
        }
      }
    });
  }

  private async tenant(tenantId: string): Promise<Tenant> {
    const tenant = await this.database.forPlatform((db) =>
      db.getRepository(Tenant).findOneBy({ id: tenantId }),
    );
    if (!tenant) throw ProblemError.notFound('Deze gemeente bestaat niet.');
    return tenant;
  }
}

function checkedBody(body: string): string {
  const error = messageBodyError(typeof body === 'string' ? body : '');
  if (error) throw ProblemError.invalid([{ field: 'body', message: error }]);
  return normalizeMessage(body);
}

function requireOpen(objection: Objection, detail: string): void {
  if (!isOpen(objection.status)) {
    throw ProblemError.conflict('case-closed', `Dit bezwaar is afgehandeld. ${detail}`);
  }
}

function signalsChanged(before: Objection, after: StoredSignals, flags: CaseFlag[]): boolean {
  const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
  return (
    (before.signals?.sentiment.label ?? 'neutral') !== after.sentiment.label ||
    !same(
      before.signals?.lifeDomains.map((d) => d.code) ?? [],
      after.lifeDomains.map((d) => d.code),
    ) ||
    !same(before.flags ?? [], flags)
  );
}
