import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { DocumentKind, StoredDocument } from './stored-document.entity';

export interface NewDocument {
  objectionId: string;
  kind: DocumentKind;
  filename: string;
  mediaType: string;
  content: Buffer;
}

@Injectable()
export class DocumentsService {
  constructor(private readonly database: Database) {}

  /** Stores a document inside the caller's unit of work; its sha256 is kept to show it never changed. */
  static async store(db: EntityManager, tenantId: string, document: NewDocument): Promise<StoredDocument> {
    const row = {
      tenantId,
      ...document,
      size: document.content.length,
      sha256: createHash('sha256').update(document.content).digest('hex'),
    };
    const result = await db.getRepository(StoredDocument).insert(row);
    return { ...row, id: result.identifiers[0].id as string, createdAt: new Date() };
  }

  /** One document with its content; `objectionId` narrows it to a case (the citizen's view). */
  async getWithContent(tenantId: string, id: string, objectionId?: string): Promise<StoredDocument> {
    const document = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.database.forTenant(tenantId, (db) =>
          db
            .getRepository(StoredDocument)
            .createQueryBuilder('d')
            .addSelect('d.content')
            .where('d.tenant_id = :tenantId AND d.id = :id', { tenantId, id })
            .andWhere(objectionId ? 'd.objection_id = :objectionId' : 'true', { objectionId })
            .getOne(),
        )
      : null;
    if (!document) throw ProblemError.notFound('Dit document bestaat niet.');
    return document;
  }
}
