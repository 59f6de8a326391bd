import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../common/problems/problem.error';
import {
  IncomingFile,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  safeFilename,
} from '../documents/attachment-policy';
import { addField, FormFields, formFieldsOf } from './form-body';

export interface PortalFormPost {
  fields: FormFields;
  files: IncomingFile[];
  /** Names of files over the size limit: left out, so that the rest of the form is kept and shown again. */
  tooLarge: string[];
}

/** The form fields are many and the own-words text may be long; the API's multipart limits are for JSON. */
const FORM_LIMITS = {
  fields: 200,
  parts: 250,
  fieldSize: 256 * 1024,
  // One more than allowed, so that acceptAttachments can say in plain Dutch that there are too many.
  files: MAX_ATTACHMENTS + 1,
  fileSize: MAX_ATTACHMENT_BYTES,
};

/**
 * Reads a portal form: multipart/form-data (with files in `attachments`) or urlencoded. A file over the limit is
 * reported instead of failing the request, so that everything typed can be shown again.
 */
export async function readPortalForm(request: FastifyRequest): Promise<PortalFormPost> {
  if (!request.isMultipart()) return { fields: formFieldsOf(request.body), files: [], tooLarge: [] };
  const fields: FormFields = new Map();
  const files: IncomingFile[] = [];
  const tooLarge: string[] = [];
  try {
    const parts = request.parts({ limits: FORM_LIMITS, throwFileSizeLimit: false } as Parameters<
      FastifyRequest['parts']
    >[0]);
    for await (const part of parts) {
      if (part.type === 'field') {
        addField(fields, part.fieldname, String(part.value));
        continue;
      }
      const content = await part.toBuffer();
      // A file input left empty still sends a part: no name, no content.
      if (part.fieldname !== 'attachments' || (!part.filename && content.length === 0)) continue;
      if (part.file.truncated) tooLarge.push(safeFilename(part.filename));
      else files.push({ filename: part.filename, content });
    }
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') {
      throw new ProblemError(
        400,
        'too-many-attachments',
        'Te veel bijlagen',
        `U kunt ten hoogste ${MAX_ATTACHMENTS} bijlagen meesturen. Ga terug en kies minder bestanden.`,
      );
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw ProblemError.invalid([], 'Het formulier heeft te veel velden.');
    }
    throw error;
  }
  return { fields, files, tooLarge };
}
