import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { bsnCipherContext } from '../citizens/citizens.service';
import { ProblemError } from '../common/problems/problem.error';
import { FieldCipher } from '../crypto/field-cipher';
import { CITIZEN_ADDRESS_COLUMN, isSealed, openFields } from '../crypto/sealed-fields';
import { Database } from '../database/database.service';
import { Objection } from '../objections/objection.entity';
import { TenantContext } from '../tenancy/tenant-context';
import { CitizenExport, ExportedCase, ExportedCitizen, exportArchive } from './citizen-export';

export interface ExportFile {
  filename: string;
  content: Buffer;
}

interface CitizenRow {
  id: string;
  subject: string;
  bsn_encrypted: string | null;
  bsn_index: string | null;
  name: string | null;
  address: unknown;
  created_at: Date | string;
  last_login_at: Date | string | null;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/**
 * Gathers everything a municipality holds about one citizen: their citizen record (with the BSN decrypted), the
 * cases filed while logged in as them or with their BSN, each case's timeline, messages and documents. One unit
 * of work for the tenant, so row-level security keeps every other municipality out; the cases are chosen by the
 * citizen's own subject and BSN index only, so no other citizen's case can be in it.
 */
@Injectable()
export class PrivacyExportService {
  constructor(
    private readonly database: Database,
    private readonly cipher: FieldCipher,
  ) {}

  /** The logged-in citizen's own export. */
  forCitizen(tenant: TenantContext, citizenId: string): Promise<ExportFile> {
    return this.database.forTenant(tenant.id, async (db) => {
      const [citizen] = (await db.query(`SELECT * FROM citizens WHERE tenant_id = $1 AND id = $2`, [
        tenant.id,
        citizenId,
      ])) as CitizenRow[];
      if (!citizen) throw ProblemError.notFound('Deze burger is niet bekend bij de gemeente.');
      return this.pack(tenant, await this.gather(db, tenant, citizen, null));
    });
  }

  /** On a request received otherwise (by letter, at the desk): the citizen with this BSN, or this case's objector. */
  requested(tenant: TenantContext, by: { bsn?: string; reference?: string }): Promise<ExportFile> {
    return this.database.forTenant(tenant.id, async (db) => {
      let citizen: CitizenRow | undefined;
      let bsnIndex: string | null = null;
      let caseIds: string[] = [];
      if (by.bsn) {
        bsnIndex = this.cipher.blindIndex(by.bsn, tenant.id);
        [citizen] = (await db.query(`SELECT * FROM citizens WHERE tenant_id = $1 AND bsn_index = $2`, [
          tenant.id,
          bsnIndex,
        ])) as CitizenRow[];
      } else if (by.reference) {
        const [kase] = (await db.query(
          `SELECT id, citizen_subject FROM objections WHERE tenant_id = $1 AND reference = $2`,
          [tenant.id, by.reference],
        )) as { id: string; citizen_subject: string | null }[];
        if (!kase) throw ProblemError.notFound(`Er is geen bezwaar met kenmerk ${by.reference}.`);
        caseIds = [kase.id];
        if (kase.citizen_subject) {
          [citizen] = (await db.query(`SELECT * FROM citizens WHERE tenant_id = $1 AND subject = $2`, [
            tenant.id,
            kase.citizen_subject,
          ])) as CitizenRow[];
        }
      }
      const data = citizen
        ? await this.gather(db, tenant, citizen, null)
        : await this.gather(db, tenant, null, { bsnIndex, caseIds });
      if (!data.citizen && !data.cases.length) {
        throw ProblemError.notFound('Over deze persoon zijn geen gegevens bekend bij de gemeente.');
      }
      return this.pack(tenant, data);
    });
  }

  private async gather(
    db: EntityManager,
    tenant: TenantContext,
    citizen: CitizenRow | null,
    without: { bsnIndex: string | null; caseIds: string[] } | null,
  ): Promise<CitizenExport> {
    const bsnIndex = citizen?.bsn_index ?? without?.bsnIndex ?? null;
    const ids = (await db.query(
      `SELECT id FROM objections
        WHERE tenant_id = $1 AND anonymised_at IS NULL
          AND (citizen_subject = $2 OR person_bsn_index = $3 OR id = ANY($4::uuid[]))
        ORDER BY received_at, id`,
      [tenant.id, citizen?.subject ?? null, bsnIndex, without?.caseIds ?? []],
    )) as { id: string }[];
    return {
      municipality: tenant.name,
      exportedAt: new Date().toISOString(),
      citizen: citizen ? this.citizenPart(tenant.id, citizen) : null,
      cases: await this.cases(
        db,
        tenant.id,
        ids.map((r) => r.id),
      ),
    };
  }

  private citizenPart(tenantId: string, row: CitizenRow): ExportedCitizen {
    return {
      name: row.name,
      bsn: row.bsn_encrypted ? this.cipher.decrypt(row.bsn_encrypted, bsnCipherContext(tenantId)) : null,
      // Sealed at rest (src/crypto/sealed-fields.ts): the citizen gets it readable.
      address: isSealed(row.address)
        ? openFields(this.cipher, CITIZEN_ADDRESS_COLUMN, tenantId, row.address)
        : row.address,
      firstLoginAt: iso(row.created_at)!,
      lastLoginAt: iso(row.last_login_at),
    };
  }

  private async cases(db: EntityManager, tenantId: string, ids: string[]): Promise<ExportedCase[]> {
    if (!ids.length) return [];
    // Through the entity, so that fields sealed at rest are opened as everywhere else.
    const objections = await db.getRepository(Objection).find({ where: { tenantId, id: In(ids) } });
    const regulations = (await db.query(`SELECT id, code, name FROM regulations WHERE tenant_id = $1`, [
      tenantId,
    ])) as { id: string; code: string; name: string }[];
    const events = (await db.query(
      `SELECT objection_id, at, actor, kind, data FROM objection_events
        WHERE tenant_id = $1 AND objection_id = ANY($2::uuid[]) ORDER BY at, id`,
      [tenantId, ids],
    )) as {
      objection_id: string;
      at: Date | string;
      actor: string;
      kind: string;
      data: Record<string, unknown>;
    }[];
    const documents = (await db.query(
      `SELECT id, objection_id, kind, filename, media_type, size, sha256, content, created_at FROM documents
        WHERE tenant_id = $1 AND objection_id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [tenantId, ids],
    )) as {
      id: string;
      objection_id: string;
      kind: string;
      filename: string;
      media_type: string;
      size: number;
      sha256: string;
      content: Buffer | Uint8Array;
      created_at: Date | string;
    }[];
    const byId = new Map(objections.map((o) => [o.id, o]));
    return ids.flatMap((id) => {
      const o = byId.get(id);
      if (!o) return [];
      const regulation = regulations.find((r) => r.id === o.regulationId);
      return [
        {
          reference: o.reference,
          record: {
            regulation: regulation ? { code: regulation.code, name: regulation.name } : null,
            status: o.status,
            channel: o.channel,
            receivedAt: iso(o.receivedAt),
            decision: o.decision,
            objector: o.objector,
            representative: o.representative,
            grounds: o.grounds,
            wantsHearing: o.wantsHearing,
            contactPreference: o.contactPreference,
            timely: o.timely,
            objectionTermEnds: o.objectionTermEnds,
            decisionTermEnds: o.decisionTermEnds,
            missingElements: o.missingElements,
            flags: o.flags,
            signals: o.signals,
            hearing: o.hearing,
            outcome: o.outcome,
            decidedAt: iso(o.decidedAt),
            closedReason: o.closedReason,
            costsCents: o.costsCents,
          },
          events: events
            .filter((e) => e.objection_id === id)
            .map((e) => ({ at: iso(e.at)!, kind: e.kind, actor: e.actor, data: e.data })),
          documents: documents
            .filter((d) => d.objection_id === id)
            .map((d) => ({
              id: d.id,
              kind: d.kind,
              filename: d.filename,
              mediaType: d.media_type,
              size: d.size,
              sha256: d.sha256,
              createdAt: iso(d.created_at)!,
              content: new Uint8Array(d.content),
            })),
        },
      ];
    });
  }

  private pack(tenant: TenantContext, data: CitizenExport): ExportFile {
    return {
      filename: `mijn-gegevens-${tenant.slug}-${data.exportedAt.slice(0, 10)}.zip`,
      content: Buffer.from(exportArchive(data)),
    };
  }
}
