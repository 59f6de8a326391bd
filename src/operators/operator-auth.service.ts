import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccountLockout } from '../abuse/account-lockout.service';
import { passwordHasher, decoyHash } from '../auth/password-hasher';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import type { OperatorPrincipal } from './operator.guard';
import { PlatformOperator } from './platform-operator.entity';

/**
 * An operator token is signed with the same secret as a staff token, so it is told apart by its type and
 * audience: a staff token has neither (and is refused here), and an operator token has no tenant (and is refused
 * by the staff checks, which look the account up in that tenant's staff_users).
 */
export const OPERATOR_TOKEN_TYPE = 'operator';
export const OPERATOR_AUDIENCE = 'bezwaarplatform:platform';

interface OperatorTokenClaims {
  sub: string;
  typ: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OperatorToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Operator login and tokens; every token is checked against the account on every request. */
@Injectable()
export class OperatorAuthService {
  constructor(
    private readonly database: Database,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lockout: AccountLockout,
  ) {}

  /** The active operator these credentials belong to, or null; every failure (also: locked) takes the same time. */
  async verifyCredentials(email: string, password: string): Promise<OperatorPrincipal | null> {
    const operator = await this.database.forPlatform((db) =>
      db
        .getRepository(PlatformOperator)
        .createQueryBuilder('o')
        .addSelect('o.passwordHash')
        .where('o.email = :email AND o.active', { email: email.trim().toLowerCase() })
        .getOne(),
    );
    const valid = await passwordHasher.verify(operator?.passwordHash ?? (await decoyHash()), password);
    if (!operator?.passwordHash) return null;
    const admitted = await this.database.forPlatform((db) =>
      this.lockout.settle(db, { table: 'platform_operators', id: operator.id }, valid),
    );
    if (!admitted) return null;
    return { operatorId: operator.id, name: operator.name };
  }

  async issueToken(principal: OperatorPrincipal): Promise<OperatorToken> {
    const claims: OperatorTokenClaims = { sub: principal.operatorId, typ: OPERATOR_TOKEN_TYPE };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.tokenTtlSeconds,
      audience: OPERATOR_AUDIENCE,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.tokenTtlSeconds };
  }

  /** The active operator an operator token speaks for, or null (forged, expired, a staff token, deactivated). */
  async principalOf(token: string): Promise<OperatorPrincipal | null> {
    let claims: OperatorTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<OperatorTokenClaims>(token, {
        algorithms: ['HS256'],
        audience: OPERATOR_AUDIENCE,
      });
    } catch {
      return null;
    }
    if (claims.typ !== OPERATOR_TOKEN_TYPE || typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
      return null;
    }
    const operator = await this.database.forPlatform((db) =>
      db.getRepository(PlatformOperator).findOneBy({ id: claims.sub, active: true }),
    );
    return operator ? { operatorId: operator.id, name: operator.name } : null;
  }
}
