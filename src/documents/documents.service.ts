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

/** Makes a document that is known but not rendered yet; resolves false when `id` is no such document. */
export type LateDocumentMaker = (tenantId: string, id: string) => Promise<boolean>;

@Injectable()
export class DocumentsService {
  private readonly lateMakers: LateDocumentMaker[] = [];

  constructor(private readonly database: Database) {}

  /**
   * Documents rendered in the background (the receipt) have their id before their content: a request that
   * comes first has it made by `maker` then, instead of a 404.
   */
  makeLateWith(maker: LateDocumentMaker): void {
    this.lateMakers.push(maker);
  }

  /** Makes a document known but not rendered yet (see makeLateWith); false when `id` is no such document. */
  async makeLate(tenantId: string, id: string): Promise<boolean> {
    for (const make of this.lateMakers) if (await make(tenantId, id)) return true;
    return false;
  }

  /** Stores a document under an id given earlier; false when it was stored already (a retried job). */
  static async storeOnce(
    db: EntityManager,
    tenantId: string,
    id: string,
    document: NewDocument,
  ): Promise<boolean> {
    const { content } = document;
    const stored = (await db.query(
      `INSERT INTO documents (tenant_id, id, objection_id, kind, filename, media_type, size, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
      [
        tenantId,
        id,
        document.objectionId,
        document.kind,
        document.filename,
        document.mediaType,
        content.length,
        createHash('sha256').update(content).digest('hex'),
        content,
      ],
    )) as unknown[];
    return stored.length === 1;
  }

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
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw ProblemError.notFound('Dit document bestaat niet.');
    const find = () =>
      this.database.forTenant(tenantId, (db) =>
        db
          .getRepository(StoredDocument)
          .createQueryBuilder('d')
          .addSelect('d.content')
          .where('d.tenant_id = :tenantId AND d.id = :id', { tenantId, id })
          .andWhere(objectionId ? 'd.objection_id = :objectionId' : 'true', { objectionId })
          .getOne(),
      );
    let document = await find();
    if (!document && (await this.makeLate(tenantId, id))) document = await find();
    if (!document) throw ProblemError.notFound('Dit document bestaat niet.');
    return document;
  }
}
