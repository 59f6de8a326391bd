import { StreamableFile } from '@nestjs/common';
import { Report } from './report';
import { CSV_MEDIA_TYPE, reportCsv, reportFilename } from './report-csv';

/** The report's CSV as an attachment, named after the municipality and the period (ASCII by construction). */
export function csvDownload(tenantSlug: string, report: Report): StreamableFile {
  const content = Buffer.from(reportCsv(report), 'utf8');
  return new StreamableFile(content, {
    type: CSV_MEDIA_TYPE,
    disposition: `attachment; filename="${reportFilename(tenantSlug, report)}"`,
    length: content.length,
  });
}
