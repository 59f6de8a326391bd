import type { CookieSerializeOptions } from '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OperatorAuthService } from './operator-auth.service';
import type { OperatorPrincipal } from './operator.guard';
import { PLATFORM_HOME } from './platform-paths';

/** The operator's session: the operator token in an HttpOnly cookie, sent only to the platform pages. */
export const OPERATOR_COOKIE = 'bp_operator';

type CookieRequest = Pick<FastifyRequest, 'cookies'>;
type CookieReply = Pick<FastifyReply, 'setCookie' | 'clearCookie'>;

/**
 * Reads and writes the operator cookie. SameSite=Strict (no other site can make a browser send it) and path
 * /platform (never sent to a municipality's pages or to the API, which stays bearer-only).
 */
@Injectable()
export class OperatorSessionService {
  private readonly secure: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: OperatorAuthService,
  ) {
    this.secure = config.publicUrl.startsWith('https:');
  }

  /** The operator of this cookie, or null (none, forged, expired, or the account deactivated since). */
  principal(request: CookieRequest): Promise<OperatorPrincipal | null> {
    const token = request.cookies?.[OPERATOR_COOKIE];
    return token ? this.auth.principalOf(token) : Promise.resolve(null);
  }

  open(reply: CookieReply, accessToken: string): void {
    reply.setCookie(OPERATOR_COOKIE, accessToken, { ...this.cookie(), maxAge: this.config.tokenTtlSeconds });
  }

  close(reply: CookieReply): void {
    reply.clearCookie(OPERATOR_COOKIE, this.cookie());
  }

  private cookie(): CookieSerializeOptions {
    return { path: PLATFORM_HOME, httpOnly: true, sameSite: 'strict', secure: this.secure };
  }
}
