import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { AUDIT_PAGE_SIZE, AuditFilters, auditWhere } from './audit-search';

/** One event as a tenant admin sees it; the actor's name only for this municipality's own staff. */
export interface AuditEventView {
  seq: number;
  occurredAt: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  caseReference: string | null;
  result: string;
  status: number;
  channel: string;
  clientIp: string | null;
  requestId: string | null;
  actor: { type: string; id: string | null; role: string | null; name: string | null };
  /** Set on an attempt across municipalities: the other municipality's id. */
  otherTenantId: string | null;
  method: string;
  route: string;
  hash: string;
}

export interface AuditPage {
  events: AuditEventView[];
  page: number;
  hasMore: boolean;
}

interface Row {
  seq: string;
  occurred_at: Date;
  action: string;
  object_type: string | null;
  object_id: string | null;
  case_reference: string | null;
  result: string;
  status: number;
  channel: string;
  client_ip: string | null;
  request_id: string | null;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  other_tenant_id: string | null;
  actor_name: string | null;
  method: string;
  route: string;
  hash: string;
}

/** Searches one municipality's audit trail, newest first, a page at a time (read only: the app cannot change it). */
@Injectable()
export class AuditSearchService {
  constructor(private readonly database: Database) {}

  search(tenantId: string, filters: AuditFilters): Promise<AuditPage> {
    const where = auditWhere(filters);
    return this.database.forTenant(tenantId, async (db) => {
      const rows = (await db.query(
        `SELECT e.*, s.name AS actor_name
           FROM audit_events e
           LEFT JOIN staff_users s
             ON e.actor_type = 'staff' AND s.tenant_id = e.tenant_id
            AND s.id::text = e.actor_id
          WHERE ${where.sql}
          ORDER BY e.seq DESC
          LIMIT ${AUDIT_PAGE_SIZE + 1} OFFSET ${(filters.page - 1) * AUDIT_PAGE_SIZE}`,
        [tenantId, ...where.params],
      )) as Row[];
      return {
        events: rows.slice(0, AUDIT_PAGE_SIZE).map(viewOf),
        page: filters.page,
        hasMore: rows.length > AUDIT_PAGE_SIZE,
      };
    });
  }
}

function viewOf(row: Row): AuditEventView {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    caseReference: row.case_reference,
    result: row.result,
    status: row.status,
    channel: row.channel,
    clientIp: row.client_ip,
    requestId: row.request_id,
    actor: {
      type: row.actor_type,
      id: row.actor_id,
      role: row.actor_role,
      name: row.actor_name,
    },
    otherTenantId: row.other_tenant_id,
    method: row.method,
    route: row.route,
    hash: row.hash,
  };
}
