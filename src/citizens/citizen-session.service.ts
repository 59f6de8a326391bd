import type { CookieSerializeOptions } from '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CitizenAddress } from './citizen-claims';
import { CitizensService } from './citizens.service';
import { LoginChecks } from './oidc-client.service';

/** The citizen's session: a signed JWT (tenant, citizen id, subject) in an HttpOnly cookie, for 30 minutes. */
export const SESSION_COOKIE = 'bp_citizen';
/** The login in progress (state, nonce, PKCE verifier, where to return), for 10 minutes. */
export const LOGIN_COOKIE = 'bp_login';

const SESSION_SECONDS = 30 * 60;
const LOGIN_SECONDS = 10 * 60;
const SESSION_AUDIENCE = 'citizen-session';
const LOGIN_AUDIENCE = 'citizen-login';

/** Who is logged in, as other code may use it: never the BSN. */
export interface CurrentCitizen {
  citizenId: string;
  subject: string;
  name: string | null;
  address: CitizenAddress | null;
}

/** A login in progress, bound to the municipality it started at. */
export interface PendingLogin extends LoginChecks {
  returnTo: string;
}

interface SessionClaims {
  sub: string;
  cid: string;
  tid: string;
}

interface LoginClaims {
  tid: string;
  st: string;
  nc: string;
  cv: string;
  rt: string;
}

type CookieRequest = Pick<FastifyRequest, 'cookies'>;
type CookieReply = Pick<FastifyReply, 'setCookie' | 'clearCookie'>;

/**
 * Citizen sessions. Other code asks `currentCitizen(request, tenantId)`; a session is only valid for the
 * municipality it was made at. The cookies are SameSite=Lax (so a cross-site POST never carries them),
 * HttpOnly, Secure when PUBLIC_URL is https, and signed with a key derived from TOKEN_SECRET for this purpose
 * only: a citizen token is never accepted as a staff token, nor the other way round.
 */
@Injectable()
export class CitizenSessionService {
  private readonly jwt: JwtService;
  private readonly secure: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly citizens: CitizensService,
  ) {
    this.jwt = new JwtService({
      secret: createHmac('sha256', config.tokenSecret).update('bezwaarplatform:citizen-cookies').digest(),
      signOptions: { algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
    this.secure = config.publicUrl.startsWith('https:');
  }

  /** The logged-in citizen of this municipality, or null (no, an expired or another municipality's session). */
  async currentCitizen(request: CookieRequest, tenantId: string): Promise<CurrentCitizen | null> {
    const claims = this.sessionClaims(request);
    if (!claims || claims.tid !== tenantId) return null;
    const citizen = await this.citizens.find(tenantId, claims.cid, claims.sub);
    return citizen
      ? { citizenId: citizen.id, subject: citizen.subject, name: citizen.name, address: citizen.address }
      : null;
  }

  /** As currentCitizen, for API routes: 401 without a session, 403 with another municipality's. */
  async requireCitizen(request: CookieRequest, tenantId: string): Promise<CurrentCitizen> {
    const citizen = await this.currentCitizen(request, tenantId);
    if (citizen) return citizen;
    if (this.sessionClaims(request)) {
      throw ProblemError.forbidden('U bent bij een andere gemeente ingelogd. Log hier opnieuw in met DigiD.');
    }
    throw new ProblemError(401, 'unauthenticated', 'Niet ingelogd', 'Log in met DigiD om verder te gaan.');
  }

  open(reply: CookieReply, tenantId: string, citizen: { id: string; subject: string }): void {
    const claims: SessionClaims = { sub: citizen.subject, cid: citizen.id, tid: tenantId };
    const token = this.jwt.sign(claims, { audience: SESSION_AUDIENCE, expiresIn: SESSION_SECONDS });
    reply.setCookie(SESSION_COOKIE, token, this.cookie('/', SESSION_SECONDS));
  }

  close(reply: CookieReply): void {
    reply.clearCookie(SESSION_COOKIE, this.cookie('/'));
  }

  /** Keeps the checks of a login in progress; the cookie only goes to `/<tenant>/inloggen…`. */
  startLogin(reply: CookieReply, tenant: { id: string; slug: string }, login: PendingLogin): void {
    const claims: LoginClaims = {
      tid: tenant.id,
      st: login.state,
      nc: login.nonce,
      cv: login.codeVerifier,
      rt: login.returnTo,
    };
    const token = this.jwt.sign(claims, { audience: LOGIN_AUDIENCE, expiresIn: LOGIN_SECONDS });
    reply.setCookie(LOGIN_COOKIE, token, this.cookie(loginPath(tenant.slug), LOGIN_SECONDS));
  }

  /** The login in progress at this municipality, or null; the cookie is cleared either way (one use). */
  takeLogin(
    request: CookieRequest,
    reply: CookieReply,
    tenant: { id: string; slug: string },
  ): PendingLogin | null {
    const claims = this.verify<LoginClaims>(request.cookies?.[LOGIN_COOKIE], LOGIN_AUDIENCE);
    reply.clearCookie(LOGIN_COOKIE, this.cookie(loginPath(tenant.slug)));
    if (!claims || claims.tid !== tenant.id) return null;
    return { state: claims.st, nonce: claims.nc, codeVerifier: claims.cv, returnTo: claims.rt };
  }

  private sessionClaims(request: CookieRequest): SessionClaims | null {
    return this.verify<SessionClaims>(request.cookies?.[SESSION_COOKIE], SESSION_AUDIENCE);
  }

  private verify<T extends object>(token: string | undefined, audience: string): T | null {
    if (!token) return null;
    try {
      return this.jwt.verify<T>(token, { audience });
    } catch {
      return null;
    }
  }

  private cookie(path: string, maxAge?: number): CookieSerializeOptions {
    return { path, httpOnly: true, sameSite: 'lax', secure: this.secure, ...(maxAge ? { maxAge } : {}) };
  }
}

function loginPath(tenantSlug: string): string {
  return `/${tenantSlug}/inloggen`;
}
