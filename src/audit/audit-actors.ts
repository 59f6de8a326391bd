import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import type { StaffPrincipal, TokenClaims } from '../auth/staff-principal';
import { CitizenSessionService, SESSION_COOKIE } from '../citizens/citizen-session.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { OperatorPrincipal } from '../operators/operator.guard';
import { STAFF_COOKIE } from '../staff-pages/staff-session.service';

/** Who made a request, as the audit trail records it: ids and roles, never a name or an e-mail address. */
export interface AuditActor {
  type: 'staff' | 'citizen' | 'case_link' | 'operator' | 'anonymous';
  id: string | null;
  role: string | null;
  /** The municipality a staff member belongs to (may differ from the path's, in an attempt across tenants). */
  tenantId: string | null;
}

const ANONYMOUS: AuditActor = { type: 'anonymous', id: null, role: null, tenantId: null };

type AuditedRequest = FastifyRequest & { user?: Partial<StaffPrincipal & OperatorPrincipal> };

/**
 * Finds the actor of a request. A guard that let it through has put the principal on `request.user`; a refused
 * request has none, so the signed credential it carried (bearer token, staff cookie, citizen session) is read
 * here, checked by its signature only: an attempt by a deactivated account or with another municipality's token
 * is still attributed to whom the token was issued.
 */
@Injectable()
export class AuditActors {
  private readonly jwt: JwtService;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly citizens: CitizenSessionService,
  ) {
    this.jwt = new JwtService({ secret: config.tokenSecret, verifyOptions: { algorithms: ['HS256'] } });
  }

  async of(request: AuditedRequest, tenantId: string): Promise<AuditActor> {
    const user = request.user;
    if (typeof user?.userId === 'string' && Array.isArray(user.roles)) {
      return { type: 'staff', id: user.userId, role: user.roles.join(','), tenantId: user.tenantId ?? null };
    }
    if (typeof user?.operatorId === 'string') {
      return { type: 'operator', id: user.operatorId, role: 'operator', tenantId: null };
    }
    const staff = this.staffClaims(bearerOf(request)) ?? this.staffClaims(request.cookies?.[STAFF_COOKIE]);
    if (staff) return { type: 'staff', id: staff.sub, role: staff.roles.join(','), tenantId: staff.tid };
    if (request.cookies?.[SESSION_COOKIE]) {
      const citizen = await this.citizens.currentCitizen(request, tenantId);
      if (citizen) return { type: 'citizen', id: citizen.subject, role: null, tenantId };
    }
    const params = request.params as Record<string, string> | undefined;
    if (params?.token) return { type: 'case_link', id: null, role: null, tenantId };
    return ANONYMOUS;
  }

  private staffClaims(token: string | undefined): TokenClaims | null {
    if (!token) return null;
    try {
      const claims = this.jwt.verify<Partial<TokenClaims> & { aud?: unknown }>(token);
      // An operator token is signed with the same secret but carries an audience and no tenant.
      if (claims.aud !== undefined || typeof claims.sub !== 'string' || typeof claims.tid !== 'string')
        return null;
      return { sub: claims.sub, tid: claims.tid, ten: claims.ten ?? '', roles: claims.roles ?? [] };
    } catch {
      return null;
    }
  }
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}
