import { Injectable } from '@nestjs/common';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { bsnCipherContext } from '../citizens/citizens.service';
import { FieldCipher } from '../crypto/field-cipher';
import {
  CITIZEN_ADDRESS_COLUMN,
  OBJECTOR_COLUMN,
  openFields,
  REPRESENTATIVE_COLUMN,
  SealedColumn,
} from '../crypto/sealed-fields';
import { Database } from '../database/database.service';
import type { OperatorPrincipal } from '../operators/operator.guard';
import { TenantsService } from '../tenancy/tenants.service';
import {
  EXPORT_FORMAT,
  EXPORT_NOTES,
  EXPORT_VERSION,
  exportFileName,
  exportQuery,
  ExportRow,
  TableColumns,
  TenantExport,
} from './tenant-export';

const gzipAsync = promisify(gzip);

/**
 * A complete export of one municipality's data, gzipped JSON: every table with a tenant_id (found in the
 * catalogue, so a table added later is exported too), read in one unit of work of that tenant, and its registry
 * row with the configuration (profile). Downloading it is noted on the tenant: offboarding asks for a recent one.
 */
@Injectable()
export class TenantExportService {
  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly cipher: FieldCipher,
  ) {}

  async export(slug: string, operator: OperatorPrincipal): Promise<{ fileName: string; content: Buffer }> {
    const tenant = await this.tenants.requireBySlug(slug);
    const tables = await this.database.forPlatform(tenantOwnedTables);
    const [registry] = (await this.database.forPlatform((db) =>
      db.query(`SELECT to_jsonb(t) AS row FROM tenants t WHERE id = $1`, [tenant.id]),
    )) as { row: ExportRow }[];
    const rows = await this.database.forTenant(tenant.id, async (db) => {
      const out: Record<string, ExportRow[]> = {};
      for (const table of tables) {
        out[table.table] = ((await db.query(exportQuery(table))) as { row: ExportRow }[]).map((r) => r.row);
      }
      return out;
    });
    rows.citizens = (rows.citizens ?? []).map((citizen) =>
      this.opened(this.withBsn(citizen, tenant.id), tenant.id, { address: CITIZEN_ADDRESS_COLUMN }),
    );
    rows.objections = (rows.objections ?? []).map((objection) =>
      this.opened(objection, tenant.id, { objector: OBJECTOR_COLUMN, representative: REPRESENTATIVE_COLUMN }),
    );
    const exportedAt = new Date();
    const document: TenantExport = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: exportedAt.toISOString(),
      tenant: registry.row,
      notes: EXPORT_NOTES,
      tables: rows,
    };
    const content = await gzipAsync(Buffer.from(JSON.stringify(document), 'utf8'));
    await this.tenants.markExported(tenant.id, operator.operatorId);
    return { fileName: exportFileName(tenant.slug, exportedAt), content };
  }

  /** Sealed contact details and addresses leave opened, for the same reason as the BSN. */
  private opened(row: ExportRow, tenantId: string, columns: Record<string, SealedColumn>): ExportRow {
    const out = { ...row };
    for (const [name, column] of Object.entries(columns)) {
      const value = out[name];
      if (value && typeof value === 'object') {
        out[name] = openFields(this.cipher, column, tenantId, value as Record<string, unknown>);
      }
    }
    return out;
  }

  /** The municipality's own system cannot decrypt with the platform's key: the BSN leaves decrypted. */
  private withBsn(citizen: ExportRow, tenantId: string): ExportRow {
    const { bsn_encrypted: encrypted, ...rest } = citizen;
    return {
      ...rest,
      bsn: typeof encrypted === 'string' ? this.cipher.decrypt(encrypted, bsnCipherContext(tenantId)) : null,
    };
  }
}

/** Every table of the schema with a tenant_id column, with its columns and their types. */
async function tenantOwnedTables(db: import('typeorm').EntityManager): Promise<TableColumns[]> {
  const columns = (await db.query(`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT c.relispartition
       AND EXISTS (SELECT 1 FROM pg_attribute t
                    WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
     ORDER BY c.relname, a.attnum`)) as { table: string; name: string; type: string }[];
  const tables = new Map<string, TableColumns>();
  for (const { table, name, type } of columns) {
    const entry = tables.get(table) ?? { table, columns: [] };
    entry.columns.push({ name, type });
    tables.set(table, entry);
  }
  return [...tables.values()];
}
