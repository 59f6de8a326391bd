import { EntityManager } from 'typeorm';
import { DocumentsService } from '../documents/documents.service';
import { LetterRequest, LettersService } from '../letters/letters.service';
import { enqueueEmail } from '../messaging/outbox';
import type { Objection } from '../objections/objection.entity';
import type { Tenant } from '../tenancy/tenant.entity';
import { letterEmail } from './procedure-letters';

export interface ProcedureLetter {
  tenant: Tenant;
  objection: Objection;
  letter: LetterRequest;
  filename: string;
  /** The e-mail that carries the letter: its subject and the lines above "In de bijlage vindt u de brief." */
  subject: string;
  lines: string[];
}

/**
 * Issues a letter of the formal procedure inside the caller's unit of work: rendered, stored on the case, and
 * e-mailed with the letter attached (through the outbox, so only if the unit commits). Returns the document id.
 */
export async function issueProcedureLetter(
  db: EntityManager,
  letters: LettersService,
  { tenant, objection, letter, filename, subject, lines }: ProcedureLetter,
): Promise<string> {
  const document = await DocumentsService.store(db, tenant.id, {
    objectionId: objection.id,
    kind: 'letter',
    filename: `${filename}-${objection.reference}.pdf`,
    mediaType: 'application/pdf',
    content: await letters.render(db, letter),
  });
  const email = letterEmail({ tenant, objection, subject, lines, documentId: document.id });
  if (email) await enqueueEmail(db, tenant.id, email);
  return document.id;
}
