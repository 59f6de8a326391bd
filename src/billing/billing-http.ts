import { StreamableFile } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { todayInAmsterdam } from '../deadlines/local-date';

/** A `year` from a query string; this year when absent. */
export function yearOf(value: unknown): number {
  if (value === undefined || value === '') return Number(todayInAmsterdam().slice(0, 4));
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= 2000 && year <= 2999)) {
    throw ProblemError.invalid([{ field: 'year', message: 'Kies een jaar, zoals 2026.' }]);
  }
  return year;
}

/** An invoice PDF as a download with its own name (ASCII by construction: factuur-2026-000001.pdf). */
export function pdfDownload(file: { filename: string; content: Buffer }): StreamableFile {
  return new StreamableFile(file.content, {
    type: 'application/pdf',
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}
