import { StreamableFile } from '@nestjs/common';

export const EXPORT_MEDIA_TYPE = 'application/gzip';

/** The export as an attachment (the file name is ASCII by construction: slug and date). */
export function exportDownload(file: { fileName: string; content: Buffer }): StreamableFile {
  return new StreamableFile(file.content, {
    type: EXPORT_MEDIA_TYPE,
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.content.length,
  });
}
