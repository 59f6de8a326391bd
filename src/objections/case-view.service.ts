import { Injectable } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { StoredDocument } from '../documents/stored-document.entity';
import { Regulation } from '../regulations/regulation.entity';
import { CaseLinks } from './case-links';
import { caseFlags } from './case-flags';
import { MISSING_ELEMENT_LABELS, MissingElement } from './filing-rules';
import { Objection } from './objection.entity';
import { ObjectionEvent } from './objection-event.entity';

export interface CaseFile {
  objection: Objection;
  regulation: Regulation;
  events: ObjectionEvent[];
  documents: StoredDocument[];
}

/** Reads a whole case: for staff by reference, for the citizen by the secret link. */
@Injectable()
export class CaseViewService {
  constructor(private readonly database: Database) {}

  byReference(tenantId: string, reference: string): Promise<CaseFile> {
    return this.load(tenantId, { reference });
  }

  byCaseToken(tenantId: string, token: string): Promise<CaseFile> {
    return this.load(tenantId, { caseTokenHash: CaseLinks.hash(token) });
  }

  private async load(
    tenantId: string,
    where: { reference: string } | { caseTokenHash: string },
  ): Promise<CaseFile> {
    const found = await this.database.forTenant(tenantId, async (db) => {
      const objection = await db.getRepository(Objection).findOneBy({ tenantId, ...where });
      if (!objection) return null;
      // One after the other: the queries share the transaction's connection.
      const regulation = await db
        .getRepository(Regulation)
        .findOneByOrFail({ tenantId, id: objection.regulationId });
      const events = await db
        .getRepository(ObjectionEvent)
        .find({ where: { tenantId, objectionId: objection.id }, order: { at: 'ASC' } });
      const documents = await db.getRepository(StoredDocument).find({
        where: { tenantId, objectionId: objection.id },
        order: { createdAt: 'ASC' },
      });
      return { objection, regulation, events, documents };
    });
    if (!found) throw ProblemError.notFound('Dit bezwaar bestaat niet (of de link is niet juist).');
    return found;
  }
}

export function staffCaseJson(file: CaseFile) {
  const { objection, regulation } = file;
  return {
    reference: objection.reference,
    status: objection.status,
    regulation: { code: regulation.code, name: regulation.name },
    receivedAt: objection.receivedAt.toISOString(),
    timely: objection.timely,
    objectionTermEnds: objection.objectionTermEnds,
    decisionTermEnds: objection.decisionTermEnds,
    decision: objection.decision,
    objector: objection.objector,
    representative: objection.representative,
    grounds: objection.grounds,
    wantsHearing: objection.wantsHearing,
    contactPreference: objection.contactPreference,
    missingElements: objection.missingElements.map((code) => ({
      code,
      label: MISSING_ELEMENT_LABELS[code as MissingElement] ?? code,
    })),
    flags: caseFlags(objection),
    signals: objection.signals,
    assigneeId: objection.assigneeId,
    events: file.events.map((e) => ({ at: e.at.toISOString(), actor: e.actor, kind: e.kind, data: e.data })),
    documents: file.documents.map(documentJson),
  };
}

export function documentJson(d: StoredDocument) {
  return {
    id: d.id,
    kind: d.kind,
    filename: d.filename,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    createdAt: d.createdAt.toISOString(),
  };
}
