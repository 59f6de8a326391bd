import type { CookieSerializeOptions } from '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService } from '../auth/auth.service';
import { StaffPrincipal, TokenClaims } from '../auth/staff-principal';

/** The staff session: the same JWT the API issues as a bearer token, in an HttpOnly cookie. */
export const STAFF_COOKIE = 'bp_staff';

type CookieRequest = Pick<FastifyRequest, 'cookies'>;
type CookieReply = Pick<FastifyReply, 'setCookie' | 'clearCookie'>;

/**
 * Reads and writes the staff cookie. The token is verified exactly as the API's JwtStrategy does (same secret,
 * HS256 only, expiry enforced); the cookie is only ever read by the staff pages, so the API stays bearer-only.
 * SameSite=Strict: no other site can make a browser send it.
 */
@Injectable()
export class StaffSessionService {
  private readonly jwt: JwtService;
  private readonly secure: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {
    this.jwt = new JwtService({ secret: config.tokenSecret, verifyOptions: { algorithms: ['HS256'] } });
    this.secure = config.publicUrl.startsWith('https:');
  }

  /**
   * The staff member of this cookie, or null (none, forged, expired, or the account deactivated since); roles
   * as the account has them now. The caller checks the tenant.
   */
  async principal(request: CookieRequest): Promise<StaffPrincipal | null> {
    const token = request.cookies?.[STAFF_COOKIE];
    if (!token) return null;
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token);
    } catch {
      return null;
    }
    return this.auth.currentPrincipal(claims);
  }

  open(reply: CookieReply, accessToken: string): void {
    reply.setCookie(STAFF_COOKIE, accessToken, { ...this.cookie(), maxAge: this.config.tokenTtlSeconds });
  }

  close(reply: CookieReply): void {
    reply.clearCookie(STAFF_COOKIE, this.cookie());
  }

  private cookie(): CookieSerializeOptions {
    return { path: '/', httpOnly: true, sameSite: 'strict', secure: this.secure };
  }
}
