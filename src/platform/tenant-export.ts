/**
 * The data export of one municipality: every tenant-owned table as JSON, so that the municipality can take its
 * data elsewhere when it leaves the platform. Pure: the service runs the queries and gzips the result.
 */

export const EXPORT_FORMAT = 'bezwaarplatform-tenant-export';
export const EXPORT_VERSION = 1;

/** Credentials of the platform's own logins: useless elsewhere, and never to leave the platform. */
const SECRET_COLUMN = /(^|_)(password|invitation)_hash$/;

export interface TableColumns {
  table: string;
  columns: { name: string; type: string }[];
}

export type ExportRow = Record<string, unknown>;

export interface TenantExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** The municipality's registry row: name, profile (contact, court, branding, settings), status. */
  tenant: ExportRow;
  notes: string[];
  /** Table name → its rows, every column as stored except the ones the notes name. */
  tables: Record<string, ExportRow[]>;
}

export const EXPORT_NOTES = [
  'Binary columns (such as documents.content: the PDF or attachment itself) are base64-encoded.',
  'Times are ISO 8601 with their offset; dates are YYYY-MM-DD.',
  'citizens.bsn is decrypted; the platform-internal bsn_encrypted column is left out.',
  'Contact details (objections.objector, objections.representative) and citizens.address are decrypted.',
  'Password and invitation hashes of staff accounts are left out.',
];

/**
 * The query that reads a whole table as one JSON object per row, letting PostgreSQL write dates, times and
 * numbers exactly (no time-zone shifts in the driver): binary columns as base64 without line breaks, secret
 * columns left out.
 */
export function exportQuery({ table, columns }: TableColumns): string {
  const secrets = columns.filter((c) => SECRET_COLUMN.test(c.name));
  const binary = columns.filter((c) => c.type === 'bytea' && !SECRET_COLUMN.test(c.name));
  let row = 'to_jsonb(t)';
  for (const column of secrets) row = `${row} - ${literal(column.name)}`;
  if (binary.length) {
    const pairs = binary.map(
      (c) => `${literal(c.name)}, translate(encode(t.${identifier(c.name)}, 'base64'), E'\\n', '')`,
    );
    row = `(${row}) || jsonb_build_object(${pairs.join(', ')})`;
  }
  return `SELECT ${row} AS row FROM ${identifier(table)} t`;
}

/** `zeestad-export-2026-11-29.json.gz` */
export function exportFileName(slug: string, at: Date): string {
  return `${slug}-export-${at.toISOString().slice(0, 10)}.json.gz`;
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
