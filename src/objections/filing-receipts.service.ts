import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { LocalDate } from '../deadlines/local-date';
import { DocumentsService } from '../documents/documents.service';
import { JobQueue } from '../jobs/job-queue.service';
import { JobWorker } from '../jobs/job-worker.service';
import { LettersService } from '../letters/letters.service';
import { enqueueEmail } from '../messaging/outbox';
import { regulationAsFiled } from '../regulations/regulation-as-filed';
import { Tenant } from '../tenancy/tenant.entity';
import { CaseLinks } from './case-links';
import { receiptEmail, receiptLetter } from './filing-receipt';
import { MissingElement } from './filing-rules';
import { Objection } from './objection.entity';

const RECEIPT_JOB = 'filing-receipt';

interface ReceiptJob {
  objectionId: string;
}

/**
 * The receipt (Awb 6:14) of a filing, rendered after the filing committed, so a burst of filings (a WOZ round)
 * is answered at the rate the database takes them, not the rate PDFs are made. The filing answers with the
 * receipt's id; a job renders it, stores it under that id and only then queues the e-mail that carries it. A
 * download that comes before the job renders it itself. Both store at most once, so whichever comes second,
 * or a retried job, finds it there and sends nothing again.
 */
@Injectable()
export class FilingReceiptsService implements OnModuleInit {
  private readonly caseLinks: CaseLinks;

  constructor(
    private readonly database: Database,
    private readonly queue: JobQueue,
    private readonly worker: JobWorker,
    private readonly letters: LettersService,
    private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.caseLinks = new CaseLinks(config.tokenSecret, config.publicUrl);
  }

  onModuleInit(): void {
    this.worker.register<ReceiptJob>(RECEIPT_JOB, async ({ tenantId, payload }) => ({
      rendered: await this.render(tenantId, { id: payload.objectionId }),
    }));
    this.documents.makeLateWith((tenantId, documentId) => this.render(tenantId, { documentId }));
  }

  /** Inside the filing's unit of work: the receipt is made exactly when the filing commits. */
  async schedule(db: EntityManager, tenantId: string, objectionId: string): Promise<void> {
    await this.queue.enqueue<ReceiptJob>(db, tenantId, { kind: RECEIPT_JOB, payload: { objectionId } });
  }

  /** Renders and stores the receipt of a case (found by case or receipt id); false when there is no such case. */
  private async render(tenantId: string, which: { id: string } | { documentId: string }): Promise<boolean> {
    const tenant = await this.database.forPlatform((db) =>
      db.getRepository(Tenant).findOneBy({ id: tenantId }),
    );
    if (!tenant) return false;
    return this.database.forTenant(tenantId, async (db) => {
      const objection = await db
        .getRepository(Objection)
        .findOneBy(
          'id' in which ? { tenantId, id: which.id } : { tenantId, receiptDocumentId: which.documentId },
        );
      if (!objection?.receiptDocumentId) return false;
      const { reference, receivedAt } = objection;
      const facts = {
        tenant,
        regulation: await regulationAsFiled(db, objection),
        input: objection,
        reference,
        receivedAt,
        // The terms as they were at receipt: a later extension is a letter of its own.
        terms: {
          timely: objection.timely,
          objectionTermEnds: objection.objectionTermEnds as LocalDate,
          decisionTermEnds: objection.decisionTermBase as LocalDate,
        },
        missing: objection.missingElements as MissingElement[],
      };
      const receiptDocumentId = objection.receiptDocumentId;
      const stored = await DocumentsService.storeOnce(db, tenantId, receiptDocumentId, {
        objectionId: objection.id,
        kind: 'receipt',
        filename: `ontvangstbevestiging-${reference}.pdf`,
        mediaType: 'application/pdf',
        content: await this.letters.render(db, receiptLetter(facts)),
      });
      if (stored) {
        const caseUrl = this.caseLinks.url(tenant.slug, this.caseLinks.token(tenantId, objection.id));
        const email = receiptEmail({ ...facts, caseUrl, receiptDocumentId });
        if (email) await enqueueEmail(db, tenantId, email);
      }
      return true;
    });
  }
}
