import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AccountLockout } from '../abuse/account-lockout.service';
import { Database } from '../database/database.service';
import { Tenant } from '../tenancy/tenant.entity';
import { decoyHash, passwordHasher } from './password-hasher';
import { StaffPrincipal, TokenClaims } from './staff-principal';
import { StaffRole, StaffUser } from './staff-user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lockout: AccountLockout,
  ) {}

  /**
   * The staff member these credentials belong to, or null; every failure (unknown, wrong password, locked) takes
   * the same time and says the same. The password is always checked, also of a locked account.
   */
  async verifyCredentials(
    tenantSlug: string,
    email: string,
    password: string,
  ): Promise<StaffPrincipal | null> {
    const tenant = await this.database.forPlatform((db) =>
      db.getRepository(Tenant).findOneBy({ slug: tenantSlug }),
    );
    const user = tenant
      ? await this.database.forTenant(tenant.id, (db) =>
          db
            .getRepository(StaffUser)
            .createQueryBuilder('u')
            .addSelect('u.passwordHash')
            .where('u.tenant_id = :tenantId AND u.email = :email AND u.active', {
              tenantId: tenant.id,
              email: email.trim().toLowerCase(),
            })
            .getOne(),
        )
      : null;
    const valid = await passwordHasher.verify(user?.passwordHash ?? (await decoyHash()), password);
    if (!tenant || !user?.passwordHash) return null;
    const admitted = await this.database.forTenant(tenant.id, (db) =>
      this.lockout.settle(db, { table: 'staff_users', tenantId: tenant.id, id: user.id }, valid),
    );
    if (!admitted) return null;
    return {
      userId: user.id,
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      name: user.name,
      roles: user.roles,
    };
  }

  /**
   * The staff member a verified token speaks for, as the account is now: null once it is deactivated, and its
   * roles as they are now rather than as they were at login, so that a change takes effect at once.
   */
  async currentPrincipal(claims: TokenClaims): Promise<StaffPrincipal | null> {
    if (!claims.sub || !claims.tid || !UUID.test(claims.sub) || !UUID.test(claims.tid)) return null;
    const [account] = await this.database.forTenant(
      claims.tid,
      (db) =>
        db.query(`SELECT name, roles FROM staff_users WHERE tenant_id = $1 AND id = $2 AND active`, [
          claims.tid,
          claims.sub,
        ]) as Promise<{ name: string; roles: StaffRole[] }[]>,
    );
    if (!account) return null;
    return {
      userId: claims.sub,
      tenantId: claims.tid,
      tenantSlug: claims.ten,
      name: account.name,
      roles: account.roles,
    };
  }

  async issueToken(
    principal: StaffPrincipal,
  ): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const claims: TokenClaims = {
      sub: principal.userId,
      tid: principal.tenantId,
      ten: principal.tenantSlug,
      roles: principal.roles,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.tokenTtlSeconds });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.tokenTtlSeconds };
  }
}
