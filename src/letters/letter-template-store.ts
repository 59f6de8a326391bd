import { EntityManager } from 'typeorm';
import type { LetterKind } from './letter-kinds';

/** A template a municipality saved (table letter_templates), with who saved it last. */
export interface StoredLetterTemplate {
  kind: LetterKind;
  source: string;
  updatedAt: Date;
  updatedBy: string | null;
}

/**
 * The municipality's own letter templates, read and written inside the caller's unit of work (row-level
 * security keeps them to that municipality). Read on every letter: a template saved on one replica is used by
 * every replica from the next letter on.
 */
export async function storedTemplateSource(
  db: EntityManager,
  tenantId: string,
  kind: LetterKind,
): Promise<string | null> {
  const [row] = (await db.query(`SELECT source FROM letter_templates WHERE tenant_id = $1 AND kind = $2`, [
    tenantId,
    kind,
  ])) as { source: string }[];
  return row?.source ?? null;
}

export async function storedTemplates(db: EntityManager, tenantId: string): Promise<StoredLetterTemplate[]> {
  const rows = (await db.query(
    `SELECT t.kind, t.source, t.updated_at, s.name AS updated_by
       FROM letter_templates t
       LEFT JOIN staff_users s ON s.tenant_id = t.tenant_id AND s.id = t.updated_by
      WHERE t.tenant_id = $1
      ORDER BY t.kind`,
    [tenantId],
  )) as { kind: LetterKind; source: string; updated_at: Date | string; updated_by: string | null }[];
  return rows.map((row) => ({
    kind: row.kind,
    source: row.source,
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  }));
}

export async function storeTemplate(
  db: EntityManager,
  tenantId: string,
  staffId: string | null,
  kind: LetterKind,
  source: string,
): Promise<void> {
  await db.query(
    `INSERT INTO letter_templates (tenant_id, kind, source, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, kind) DO UPDATE
       SET source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [tenantId, kind, source, staffId],
  );
}

export async function deleteTemplate(db: EntityManager, tenantId: string, kind: LetterKind): Promise<void> {
  await db.query(`DELETE FROM letter_templates WHERE tenant_id = $1 AND kind = $2`, [tenantId, kind]);
}
