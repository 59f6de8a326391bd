import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffDirectoryService } from '../auth/staff-directory.service';
import { StaffPrincipal } from '../auth/staff-principal';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { DocumentsService } from '../documents/documents.service';
import { LettersService } from '../letters/letters.service';
import { enqueueEmail } from '../messaging/outbox';
import { ObjectionStatus } from '../objections/case-status';
import { moveCase } from '../objections/case-transition';
import { Objection } from '../objections/objection.entity';
import { recordEvent, staffActor } from '../objections/timeline';
import { Tenant } from '../tenancy/tenant.entity';
import { agreementEmail, agreementLetter, agreementLetterFilename } from './agreement-letter';
import { markFirstContact, openCase, requireAfterReceipt, requireSameTenant, ticker } from './case-steps';
import { RESOLVED_INFORMALLY } from './informal-route';
import {
  ContactInput,
  ConversationInput,
  CorrectionInput,
  parseContactInput,
  parseConversationInput,
  parseCorrectionInput,
  parseWithdrawalInput,
  RawInput,
  WithdrawalInput,
} from './resolution-input';

export interface ContactLogged {
  reference: string;
  at: string;
  reached: boolean;
  firstContactAt: string | null;
}

export interface ConversationRecorded {
  reference: string;
  status: ObjectionStatus;
  firstContactAt: string;
  /** The confirmation letter; null when none was asked for. */
  documentId: string | null;
}

export interface CaseEnded {
  reference: string;
  status: ObjectionStatus;
  closedReason: string | null;
}

/**
 * The informal approach (domain-nl §5) on a case: contact attempts, conversations with the route agreed and its
 * confirmation letter, and the two informal endings (a withdrawal, a corrected decision). One method per action,
 * each one unit of work on the locked case; input may come as JSON or form fields and bad input is a 400 with a
 * Dutch message per field. A case that is no longer open is a 409 'case-closed'.
 */
@Injectable()
export class InformalResolutionService {
  constructor(
    private readonly database: Database,
    private readonly letters: LettersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A call, mail, visit or video call, reached or not; the first one that reached the objector is first contact. */
  logContact(
    tenantId: string,
    reference: string,
    raw: RawInput<ContactInput>,
    by: StaffPrincipal,
  ): Promise<ContactLogged> {
    requireSameTenant(tenantId, by);
    const input = parseContactInput(raw, new Date());
    return this.database.forTenant(tenantId, async (db) => {
      const objection = await openCase(db, tenantId, reference, 'U kunt geen contact meer vastleggen.');
      requireAfterReceipt(objection, input.at);
      await recordEvent(
        db,
        {
          tenantId,
          objectionId: objection.id,
          actor: staffActor(by.userId),
          kind: 'contact_attempt',
          data: {
            channel: input.channel,
            reached: input.reached,
            ...(input.note ? { note: input.note } : {}),
          },
        },
        input.at,
      );
      const firstContactAt = input.reached
        ? await markFirstContact(db, objection, input.at)
        : objection.firstContactAt;
      return {
        reference: objection.reference,
        at: input.at.toISOString(),
        reached: input.reached,
        firstContactAt: firstContactAt?.toISOString() ?? null,
      };
    });
  }

  /**
   * A conversation with the objector and the route agreed. It is first contact if there was none; a case just
   * received moves to informal contact, and on to the formal procedure when that is the route. Unless `confirm`
   * is false the objector gets a letter of what was agreed and an e-mail that it is there.
   */
  recordConversation(
    tenantId: string,
    reference: string,
    raw: RawInput<ConversationInput>,
    by: StaffPrincipal,
  ): Promise<ConversationRecorded> {
    requireSameTenant(tenantId, by);
    const now = new Date();
    const input = parseConversationInput(raw, now);
    // Everything this records happens now, just after the conversation itself, in this order on the timeline.
    const tick = ticker(new Date(Math.max(now.getTime(), input.at.getTime())));
    return this.database.forTenant(tenantId, async (db) => {
      let objection = await openCase(db, tenantId, reference, 'U kunt geen gesprek meer vastleggen.');
      requireAfterReceipt(objection, input.at);
      const actor = staffActor(by.userId);
      await recordEvent(
        db,
        {
          tenantId,
          objectionId: objection.id,
          actor,
          kind: 'conversation',
          data: {
            channel: input.channel,
            notes: input.notes,
            ...(input.realIssue ? { realIssue: input.realIssue } : {}),
            agreedRoute: input.agreedRoute,
            ...(input.agreement ? { agreement: input.agreement } : {}),
          },
        },
        input.at,
      );
      const firstContactAt = await markFirstContact(db, objection, input.at);

      if (objection.status === 'received')
        objection = await moveCase(db, objection, 'informal_contact', actor, tick());
      if (input.agreedRoute === 'formal_procedure' && objection.status === 'informal_contact') {
        objection = await moveCase(db, objection, 'formal_procedure', actor, tick());
      }

      const documentId = input.confirm ? await this.confirm(db, objection, input, by, tick()) : null;
      return {
        reference: objection.reference,
        status: objection.status,
        firstContactAt: firstContactAt.toISOString(),
        documentId,
      };
    });
  }

  /** The objector withdrew (in writing, or confirmed to the handler): the case ends without a decision. */
  withdraw(
    tenantId: string,
    reference: string,
    raw: RawInput<WithdrawalInput>,
    by: StaffPrincipal,
  ): Promise<CaseEnded> {
    requireSameTenant(tenantId, by);
    const input = parseWithdrawalInput(raw);
    const tick = ticker(new Date());
    return this.database.forTenant(tenantId, async (db) => {
      const objection = await openCase(
        db,
        tenantId,
        reference,
        'Intrekken kan alleen bij een bezwaar dat nog loopt.',
      );
      const actor = staffActor(by.userId);
      await recordEvent(
        db,
        {
          tenantId,
          objectionId: objection.id,
          actor,
          kind: 'withdrawn',
          data: { how: input.how, ...(input.note ? { note: input.note } : {}) },
        },
        tick(),
      );
      const ended = await moveCase(db, objection, 'withdrawn', actor, tick());
      return { reference: ended.reference, status: ended.status, closedReason: ended.closedReason };
    });
  }

  /**
   * The contested decision was corrected outside the formal procedure (a new decision with its own reference):
   * the objection is resolved informally and the case closes without a decision on it.
   */
  recordCorrection(
    tenantId: string,
    reference: string,
    raw: RawInput<CorrectionInput>,
    by: StaffPrincipal,
  ): Promise<CaseEnded> {
    requireSameTenant(tenantId, by);
    const input = parseCorrectionInput(raw);
    const tick = ticker(new Date());
    return this.database.forTenant(tenantId, async (db) => {
      const objection = await openCase(
        db,
        tenantId,
        reference,
        'Een aangepast besluit vastleggen kan alleen bij een bezwaar dat nog loopt.',
      );
      const actor = staffActor(by.userId);
      await recordEvent(
        db,
        {
          tenantId,
          objectionId: objection.id,
          actor,
          kind: 'decision_corrected',
          data: {
            newDecisionReference: input.newDecisionReference,
            ...(input.note ? { note: input.note } : {}),
          },
        },
        tick(),
      );
      const ended = await moveCase(db, objection, 'closed', actor, tick(), {
        closedReason: RESOLVED_INFORMALLY,
      });
      return { reference: ended.reference, status: ended.status, closedReason: ended.closedReason };
    });
  }

  /** The confirmation letter, stored on the case, announced by e-mail and recorded; returns the document id. */
  private async confirm(
    db: EntityManager,
    objection: Objection,
    conversation: ConversationInput,
    by: StaffPrincipal,
    at: Date,
  ): Promise<string> {
    const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: objection.tenantId });
    const names = await StaffDirectoryService.namesIn(db, objection.tenantId, [by.userId]);
    const pdf = await this.letters.render(
      db,
      agreementLetter({
        tenant,
        objection,
        conversation,
        handlerName: names.get(by.userId) ?? tenant.name,
        issuedAt: at,
      }),
    );
    const document = await DocumentsService.store(db, objection.tenantId, {
      objectionId: objection.id,
      kind: 'letter',
      filename: agreementLetterFilename(objection.reference),
      mediaType: 'application/pdf',
      content: pdf,
    });
    const email = agreementEmail({
      tenant,
      publicUrl: this.config.publicUrl,
      objection,
      filedWithDigid: Boolean(objection.citizenSubject),
    });
    if (email) await enqueueEmail(db, objection.tenantId, email);
    await recordEvent(
      db,
      {
        tenantId: objection.tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'agreement_confirmed',
        data: { route: conversation.agreedRoute, documentId: document.id },
      },
      at,
    );
    return document.id;
  }
}
