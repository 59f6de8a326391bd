import { EntityManager } from 'typeorm';
import type { Logo, LogoMediaType } from './tenant-settings-logo';

/** A municipality's logo in table tenant_logos, read and written inside the caller's unit of work. */
export async function readLogo(db: EntityManager, tenantId: string): Promise<Logo | null> {
  const [row] = (await db.query(`SELECT media_type, content, sha256 FROM tenant_logos WHERE tenant_id = $1`, [
    tenantId,
  ])) as { media_type: LogoMediaType; content: Buffer | Uint8Array; sha256: string }[];
  return row ? { mediaType: row.media_type, content: Buffer.from(row.content), sha256: row.sha256 } : null;
}

/** Stores the logo and notes its hash in the profile (pages link it by that), which is the admin's from then on. */
export async function storeLogo(
  db: EntityManager,
  tenantId: string,
  staffId: string | null,
  logo: Logo,
): Promise<void> {
  await db.query(
    `INSERT INTO tenant_logos (tenant_id, media_type, content, sha256, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id) DO UPDATE SET media_type = EXCLUDED.media_type, content = EXCLUDED.content,
       sha256 = EXCLUDED.sha256, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [tenantId, logo.mediaType, logo.content, logo.sha256, staffId],
  );
  await db.query(
    `UPDATE tenants SET profile = jsonb_set(profile, '{branding,logo}', to_jsonb($2::text)),
       profile_origin = 'admin', updated_at = now()
     WHERE id = $1`,
    [tenantId, logo.sha256],
  );
}

export async function deleteLogo(db: EntityManager, tenantId: string): Promise<void> {
  await db.query(`DELETE FROM tenant_logos WHERE tenant_id = $1`, [tenantId]);
  await db.query(
    `UPDATE tenants SET profile = profile #- '{branding,logo}', profile_origin = 'admin', updated_at = now()
     WHERE id = $1`,
    [tenantId],
  );
}
