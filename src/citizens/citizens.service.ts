import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FieldCipher } from '../crypto/field-cipher';
import { CITIZEN_ADDRESS_COLUMN, openFields, sealFields } from '../crypto/sealed-fields';
import { Database } from '../database/database.service';
import { CaseLinks } from '../objections/case-links';
import { CitizenAddress, CitizenIdentity } from './citizen-claims';

/** A citizen as the rest of the platform may see them: never the BSN. */
export interface CitizenRecord {
  id: string;
  subject: string;
  name: string | null;
  address: CitizenAddress | null;
}

/** One of a citizen's cases, for "mijn bezwaren". */
export interface CitizenCase {
  reference: string;
  status: string;
  regulation: string;
  receivedAt: string;
  decisionTermEnds: string | null;
  caseUrl: string;
}

/** The AES-GCM context (additional authenticated data) of a stored BSN: it decrypts only for its own tenant. */
export function bsnCipherContext(tenantId: string): string {
  return `citizens.bsn:${tenantId}`;
}

/**
 * Citizens who logged in, per municipality (row-level security by tenant). The BSN is stored encrypted under
 * the current key, with a blind index scoped to the tenant for lookups; it is re-encrypted at every login, which
 * also moves it to the newest key after a rotation (src/key-rotation does the rest in the background). The
 * address is sealed too (sealed-fields.ts); the name stays readable.
 */
@Injectable()
export class CitizensService {
  private readonly caseLinks: CaseLinks;

  constructor(
    private readonly database: Database,
    private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.caseLinks = new CaseLinks(config.tokenSecret, config.publicUrl);
  }

  /** Adds or updates the citizen of a login; what the broker did not send this time is kept. */
  async recordLogin(tenantId: string, identity: CitizenIdentity): Promise<CitizenRecord> {
    const bsnEncrypted = identity.bsn ? this.cipher.encrypt(identity.bsn, bsnCipherContext(tenantId)) : null;
    const bsnIndex = identity.bsn ? this.cipher.blindIndex(identity.bsn, tenantId) : null;
    const [row] = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `INSERT INTO citizens (tenant_id, subject, bsn_encrypted, bsn_index, name, address, last_login_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, now())
         ON CONFLICT (tenant_id, subject) DO UPDATE SET
           bsn_encrypted = COALESCE(EXCLUDED.bsn_encrypted, citizens.bsn_encrypted),
           bsn_index = COALESCE(EXCLUDED.bsn_index, citizens.bsn_index),
           name = COALESCE(EXCLUDED.name, citizens.name),
           address = COALESCE(EXCLUDED.address, citizens.address),
           last_login_at = now()
         RETURNING id, subject, name, address`,
        [
          tenantId,
          identity.subject,
          bsnEncrypted,
          bsnIndex,
          identity.name ?? null,
          identity.address
            ? JSON.stringify(
                sealFields(this.cipher, CITIZEN_ADDRESS_COLUMN, tenantId, { ...identity.address }),
              )
            : null,
        ],
      ),
    )) as CitizenRecord[];
    return this.opened(tenantId, row);
  }

  async find(tenantId: string, id: string, subject: string): Promise<CitizenRecord | null> {
    const [row] = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `SELECT id, subject, name, address FROM citizens WHERE tenant_id = $1 AND id = $2 AND subject = $3`,
        [tenantId, id, subject],
      ),
    )) as CitizenRecord[];
    return row ? this.opened(tenantId, row) : null;
  }

  private opened(tenantId: string, row: CitizenRecord): CitizenRecord {
    if (!row.address) return row;
    const address = openFields(this.cipher, CITIZEN_ADDRESS_COLUMN, tenantId, { ...row.address });
    return { ...row, address: address as unknown as CitizenAddress };
  }

  /** Every objection filed while logged in as this subject, newest first. */
  async cases(tenant: { id: string; slug: string }, subject: string): Promise<CitizenCase[]> {
    const tenantId = tenant.id;
    const rows = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `SELECT o.id, o.reference, o.status, r.name AS regulation, o.received_at,
                to_char(o.decision_term_ends, 'YYYY-MM-DD') AS decision_term_ends
           FROM objections o
           JOIN regulations r ON r.tenant_id = o.tenant_id AND r.id = o.regulation_id
          WHERE o.tenant_id = $1 AND o.citizen_subject = $2
          ORDER BY o.received_at DESC`,
        [tenantId, subject],
      ),
    )) as {
      id: string;
      reference: string;
      status: string;
      regulation: string;
      received_at: Date | string;
      decision_term_ends: string | null;
    }[];
    return rows.map((row) => ({
      reference: row.reference,
      status: row.status,
      regulation: row.regulation,
      receivedAt: new Date(row.received_at).toISOString(),
      decisionTermEnds: row.decision_term_ends,
      caseUrl: this.caseLinks.url(tenant.slug, this.caseLinks.token(tenantId, row.id)),
    }));
  }
}
