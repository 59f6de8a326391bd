import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../common/problems/problem.error';
import { LOGO_TOO_LARGE, MAX_LOGO_BYTES } from './tenant-settings-logo';

/**
 * The file of the field `logo` from a multipart/form-data request (the admin page's upload form, or the API).
 * A file over the limit is not read further than the limit: refused with the field's message.
 */
export async function readLogoUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw ProblemError.invalid(
      [{ field: 'logo', message: 'Stuur het logo als multipart/form-data, in het veld "logo".' }],
      'Er is geen logo meegestuurd.',
    );
  }
  let logo: Buffer | undefined;
  const parts = request.parts({
    limits: { files: 1, fileSize: MAX_LOGO_BYTES, fields: 2, parts: 3 },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0]);
  for await (const part of parts) {
    if (part.type !== 'file') continue;
    const content = await part.toBuffer();
    if (part.fieldname !== 'logo') continue;
    if (part.file.truncated)
      throw ProblemError.invalid([{ field: 'logo', message: LOGO_TOO_LARGE }], LOGO_TOO_LARGE);
    logo = content;
  }
  return logo ?? Buffer.alloc(0);
}
