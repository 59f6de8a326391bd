import { DataSource } from 'typeorm';
import { TENANT_SETTING } from '../database/tenant-isolation.sql';
import { ChainHead, ChainRow, ChainVerdict, ChainVerifier } from './audit-chain';

export interface TenantChainReport {
  tenant: string;
  verdict: ChainVerdict;
}

const BATCH = 5_000;

export class UnknownTenantError extends Error {}

/** The columns as the verifier hashes them: text, the time to the microsecond in UTC, exactly as stored. */
const ROW_SQL = `
  SELECT tenant_id::text AS "tenantId", seq::text AS seq,
         to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
         action, object_type AS "objectType", object_id AS "objectId", case_reference AS "caseReference",
         result, status::text AS status, channel, client_ip AS "clientIp", request_id AS "requestId",
         actor_type AS "actorType", actor_id AS "actorId", actor_role AS "actorRole",
         other_tenant_id::text AS "otherTenantId", method, route, prev_hash AS "prevHash", hash
    FROM audit_events WHERE tenant_id = $1 AND seq > $2 ORDER BY audit_events.seq LIMIT ${BATCH}`;

/**
 * Recomputes every tenant's chain (or one tenant's, by slug) from the stored rows, in batches, each tenant in a
 * transaction of its own with the tenant set as row-level security wants it. Runs as the owner role (the
 * command) or, on the embedded database, as its superuser; never needs to write.
 */
export async function verifyAuditChains(
  dataSource: DataSource,
  tenantSlug?: string,
): Promise<TenantChainReport[]> {
  const tenants = (await dataSource.query(
    `SELECT id, slug FROM tenants ${tenantSlug ? 'WHERE slug = $1' : ''} ORDER BY slug`,
    tenantSlug ? [tenantSlug] : [],
  )) as { id: string; slug: string }[];
  if (tenantSlug && tenants.length === 0) throw new UnknownTenantError(`Unknown tenant: ${tenantSlug}`);
  const reports: TenantChainReport[] = [];
  for (const tenant of tenants) {
    // One snapshot per tenant: the head and the rows agree even while new events are being written.
    const verdict = await dataSource.transaction('REPEATABLE READ', async (db) => {
      await db.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenant.id]);
      const [head] = (await db.query(
        `SELECT last_seq::text AS "lastSeq", last_hash AS "lastHash" FROM audit_chain_heads WHERE tenant_id = $1`,
        [tenant.id],
      )) as ChainHead[];
      const verifier = new ChainVerifier();
      let after = '0';
      for (;;) {
        const rows = (await db.query(ROW_SQL, [tenant.id, after])) as ChainRow[];
        let broken = false;
        for (const row of rows) if ((broken = verifier.push(row) !== null)) break;
        if (broken || rows.length < BATCH) break;
        after = rows[rows.length - 1].seq;
      }
      return verifier.end(head ?? null);
    });
    reports.push({ tenant: tenant.slug, verdict });
  }
  return reports;
}

/** One line per tenant, as the command prints it. */
export function reportLine({ tenant, verdict }: TenantChainReport): string {
  return verdict.ok
    ? `${tenant}: ok, ${verdict.events} events, last hash ${verdict.lastHash}`
    : `${tenant}: BROKEN at seq ${verdict.seq}: ${verdict.reason}`;
}
