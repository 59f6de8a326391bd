import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { Tenant } from '../tenancy/tenant.entity';
import { decoyHash, passwordHasher } from './password-hasher';
import { StaffPrincipal, TokenClaims } from './staff-principal';
import { StaffUser } from './staff-user.entity';

@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The staff member these credentials belong to, or null; every failure takes the same time and says the same. */
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
    if (!tenant || !user?.passwordHash || !valid) return null;
    await this.database.forTenant(tenant.id, (db) =>
      db.getRepository(StaffUser).update({ tenantId: tenant.id, id: user.id }, { lastLoginAt: new Date() }),
    );
    return { userId: user.id, tenantId: tenant.id, tenantSlug: tenant.slug, roles: user.roles };
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
