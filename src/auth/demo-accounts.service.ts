import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { TENANT_CONFIGS } from '../tenancy/tenant-seed.service';
import { TenantConfig } from '../tenancy/tenant-config.schema';
import { TenantsService } from '../tenancy/tenants.service';
import { passwordHasher } from './password-hasher';
import { StaffUser } from './staff-user.entity';

/** Outside production, each tenant file's demo staff can log in with DEMO_PASSWORD. */
@Injectable()
export class DemoAccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoAccounts');

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    @Inject(TENANT_CONFIGS) private readonly configs: TenantConfig[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.demoPassword;
    if (password === undefined) return;
    const emails: string[] = [];
    // One hash for all of them, checked once per stored hash: argon2 is slow by design, and the demo accounts
    // share their password anyway.
    let fresh: Promise<string> | undefined;
    const checked = new Map<string, Promise<boolean>>();
    const matches = (stored: string) => {
      if (!checked.has(stored)) checked.set(stored, passwordHasher.verify(stored, password));
      return checked.get(stored) as Promise<boolean>;
    };
    for (const tenantConfig of this.configs) {
      const tenant = await this.tenants.requireBySlug(tenantConfig.slug);
      for (const demo of tenantConfig.demoStaff) {
        await this.database.forTenant(tenant.id, async (db) => {
          const users = db.getRepository(StaffUser);
          const email = demo.email.toLowerCase();
          const existing = await users
            .createQueryBuilder('u')
            .addSelect('u.passwordHash')
            .where('u.tenant_id = :tenantId AND u.email = :email', { tenantId: tenant.id, email })
            .getOne();
          if (existing?.passwordHash && (await matches(existing.passwordHash))) return;
          const passwordHash = await (fresh ??= passwordHasher.hash(password));
          await users.upsert(
            {
              tenantId: tenant.id,
              email,
              name: demo.name,
              roles: demo.roles,
              passwordHash,
              demo: true,
              active: true,
            },
            ['tenantId', 'email'],
          );
        });
        emails.push(demo.email);
      }
    }
    if (emails.length) this.logger.log(`Demo staff (password "${password}"): ${emails.join(', ')}`);
  }
}
