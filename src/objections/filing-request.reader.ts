import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../common/problems/problem.error';
import { MAX_ATTACHMENT_BYTES } from '../documents/attachment-policy';
import { IncomingFile } from '../documents/attachment-policy';

/**
 * A filing arrives as JSON, or as multipart/form-data with the JSON in the field `objection` and the files in
 * `attachments`: one request, so the case and its attachments are stored together or not at all.
 */
export async function readFilingRequest(
  request: FastifyRequest,
): Promise<{ body: unknown; files: IncomingFile[] }> {
  if (!request.isMultipart()) return { body: request.body, files: [] };
  let body: unknown;
  const files: IncomingFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'attachments') {
        files.push({ filename: part.filename, content: await part.toBuffer() });
      } else if (part.type === 'field' && part.fieldname === 'objection') {
        body = parseJson(String(part.value));
      } else {
        throw ProblemError.invalid([{ field: part.fieldname, message: 'Dit veld is onbekend.' }]);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ProblemError(
        413,
        'attachment-too-large',
        'Bijlage te groot',
        `Een bijlage is groter dan ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
      );
    }
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') {
      throw new ProblemError(
        400,
        'too-many-attachments',
        'Te veel bijlagen',
        'U heeft te veel bijlagen meegestuurd.',
      );
    }
    if (error instanceof ProblemError || isClientError(error)) throw error;
    // Anything else here is a body that is not the multipart it says it is (no boundary, cut off, …).
    throw ProblemError.invalid([], 'Het verzoek (multipart/form-data) kon niet worden gelezen.');
  }
  if (body === undefined) {
    throw ProblemError.invalid([
      { field: 'objection', message: 'Het deel "objection" met de gegevens van het bezwaar ontbreekt.' },
    ]);
  }
  return { body, files };
}

/** An error of the HTTP layer that already says what is wrong with the request (a 4xx statusCode). */
function isClientError(error: unknown): boolean {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw ProblemError.invalid([
      { field: 'objection', message: 'Het deel "objection" is geen geldige JSON.' },
    ]);
  }
}
