import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemType } from '../common/problems/problem-details.filter';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../common/problems/database-unavailable';
import { Database } from '../database/database.service';
import { CaseLinks } from '../objections/case-links';
import type { RequestWithTenant } from '../tenancy/tenant-context';
import { AuditActor, AuditActors } from './audit-actors';
import { channelOf, describeRequest, isChange, resultOf, safeToken } from './audit-record';
import { AUDIT_ACTION } from './audited.decorator';

type AuditedRequest = FastifyRequest & RequestWithTenant;

/** One event as written; the database adds seq, time and the hashes. */
export interface AuditEventInput {
  tenantId: string;
  action: string;
  objectType: string;
  objectId: string | null;
  caseReference: string | null;
  result: string;
  status: number;
  channel: string;
  clientIp: string | null;
  requestId: string | null;
  actor: AuditActor;
  /** In an attempt across municipalities: the actor's in the path's trail, the path's in the actor's trail. */
  otherTenantId: string | null;
  method: string;
  route: string;
  /** A citizen's secret case link, looked up to the case's reference inside the writing transaction. */
  caseToken?: string;
}

/**
 * Writes the audit trail (BIO 8.15) for every request on a municipality's routes that changes something
 * (POST, PUT, PATCH, DELETE, refused or not) or that reads personal data (GET routes marked @Audited). One
 * Fastify onSend hook sees every answer, including those a guard refused before any interceptor would run,
 * and writes the event before the answer leaves, in a short transaction of its own (so the chain head stays
 * locked for a moment only). If the event cannot be written, the answer becomes a 500: nothing is read or
 * reported done without its trace.
 */
@Injectable()
export class AuditTrail implements OnModuleInit {
  private readonly logger = new Logger(AuditTrail.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly database: Database,
    private readonly actors: AuditActors,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', (request, reply, payload) =>
      this.onSend(request as AuditedRequest, reply, payload),
    );
  }

  private async onSend(request: AuditedRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const tenant = request.tenant;
    const route = request.routeOptions.url;
    const declared = (request.routeOptions.config as { [AUDIT_ACTION]?: string } | undefined)?.[AUDIT_ACTION];
    if (!tenant || !route || !(isChange(request.method) || declared)) return payload;
    try {
      const events = await this.eventsOf(request, reply, payload, tenant.id, route, declared);
      for (const event of events) await this.write(event);
      return payload;
    } catch (error) {
      this.logger.error(
        { err: { name: (error as Error)?.name, message: (error as Error)?.message }, requestId: request.id },
        'audit event could not be written; the answer is withheld',
      );
      (payload as { destroy?: () => void } | null)?.destroy?.();
      // The database away: temporary, so 503 with Retry-After, and the client retries (a filing with its key).
      const unavailable = isDatabaseUnavailable(error);
      const status = unavailable ? 503 : 500;
      if (unavailable) reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      reply.code(status).header('content-type', PROBLEM_CONTENT_TYPE).removeHeader('content-length');
      reply.removeHeader('content-disposition');
      reply.removeHeader('location');
      return JSON.stringify({
        type: problemType(unavailable ? 'unavailable' : 'audit-unavailable'),
        title: unavailable ? 'Tijdelijk niet beschikbaar' : 'Er ging iets mis',
        status,
        detail: 'Het verzoek kon niet worden vastgelegd. Probeer het later opnieuw.',
        instance: request.url.split('?')[0],
        correlationId: String(request.id ?? ''),
      });
    }
  }

  private async eventsOf(
    request: AuditedRequest,
    reply: FastifyReply,
    payload: unknown,
    tenantId: string,
    route: string,
    declared: string | undefined,
  ): Promise<AuditEventInput[]> {
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const { action, object } = describeRequest({ method: request.method, route, params }, declared);
    const status = reply.statusCode;
    const location = headerText(reply.getHeader('location'));
    let result = resultOf(status);
    // A page without a (valid) session answers with a redirect to the login page: refused, not done.
    if (result === 'success' && location && LOGIN_PAGE.test(location) && !route.endsWith('/inloggen')) {
      result = 'refused';
    }
    let caseToken = params.token;
    if (!object.id && result === 'success') {
      // What a request created: the reference in the JSON answer, or the case behind the link it redirects to.
      const created = createdReference(payload, headerText(reply.getHeader('content-type')));
      const linked = location ? CASE_LINK.exec(location)?.[1] : undefined;
      if (created) [object.type, object.id, object.caseReference] = ['case', created, created];
      else if (linked) [object.type, caseToken] = ['case', linked];
    }
    const actor = await this.actors.of(request, tenantId);
    const event: AuditEventInput = {
      tenantId,
      action,
      objectType: object.type,
      objectId: object.id,
      caseReference: object.caseReference,
      result,
      status,
      channel: channelOf(route),
      clientIp: request.ip ?? null,
      requestId: safeToken(String(request.id ?? '')),
      actor,
      otherTenantId: null,
      method: request.method,
      route,
      caseToken,
    };
    // An attempt with another municipality's credentials: in the trail of both, so each of their admins sees it.
    if (!actor.tenantId || actor.tenantId === tenantId) return [event];
    return [
      { ...event, otherTenantId: actor.tenantId },
      { ...event, tenantId: actor.tenantId, otherTenantId: tenantId, caseToken: undefined },
    ];
  }

  /** Inserts one event, as late and as short as possible: the trigger locks the tenant's chain head. */
  async write(event: AuditEventInput): Promise<void> {
    await this.database.forTenant(event.tenantId, async (db) => {
      let { objectId, caseReference } = event;
      if (event.caseToken) {
        const [found] = (await db.query(
          `SELECT reference FROM objections WHERE tenant_id = $1 AND case_token_hash = $2`,
          [event.tenantId, CaseLinks.hash(event.caseToken)],
        )) as { reference: string }[];
        if (found) [objectId, caseReference] = [found.reference, found.reference];
      }
      await db.query(
        `INSERT INTO audit_events (tenant_id, seq, occurred_at, action, object_type, object_id, case_reference,
           result, status, channel, client_ip, request_id, actor_type, actor_id, actor_role, other_tenant_id,
           method, route, prev_hash, hash)
         VALUES ($1, 1, now(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, '', '')`,
        [
          event.tenantId,
          event.action,
          event.objectType,
          objectId,
          caseReference,
          event.result,
          event.status,
          event.channel,
          event.clientIp,
          event.requestId,
          event.actor.type,
          event.actor.id,
          event.actor.role,
          event.otherTenantId,
          event.method,
          event.route,
        ],
      );
    });
  }
}

const LOGIN_PAGE = /\/inloggen(\?|$)/;
const CASE_LINK = /\/zaak\/([A-Za-z0-9_-]{16,})(?:[/?]|$)/;

function headerText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** The `reference` of a JSON answer that made a case (filing): a short identifier, nothing else is read. */
function createdReference(payload: unknown, contentType: string | undefined): string | null {
  if (typeof payload !== 'string' || !contentType?.includes('json') || !payload.includes('"reference"'))
    return null;
  try {
    const reference = (JSON.parse(payload) as { reference?: unknown }).reference;
    return typeof reference === 'string' ? safeToken(reference) : null;
  } catch {
    return null;
  }
}
