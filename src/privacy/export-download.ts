import { StreamableFile } from '@nestjs/common';
import type { ExportFile } from './privacy-export.service';

export const ZIP_MEDIA_TYPE = 'application/zip';

/** The export as an attachment (the file name is ASCII by construction: slug and date). */
export function zipDownload(file: ExportFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: ZIP_MEDIA_TYPE,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}
