import { Injectable } from '@nestjs/common';
import { StaffAccountsService } from '../auth/staff-accounts.service';
import type { InvitationState } from '../auth/staff-account-rules';
import { covers } from '../billing/licence-terms';
import { LicenceRecord, LicencesService } from '../billing/licences.service';
import { Database } from '../database/database.service';
import { todayInAmsterdam } from '../deadlines/local-date';
import type { LicenceState, TenantProfile, TenantStatus } from '../tenancy/tenant.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { TenantsService } from '../tenancy/tenants.service';

/** A municipality as the operator's list shows it. */
export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  inhabitants: number;
  status: TenantStatus;
  licenceState: LicenceState;
  /** The licence running today, if any. */
  licence: LicenceRecord | null;
  /** Objections received since 1 January (Europe/Amsterdam). */
  objectionsThisYear: number;
  createdAt: Date;
  offboardedAt: Date | null;
}

export interface TenantAdmin {
  name: string;
  email: string;
  active: boolean;
  invitation: InvitationState;
  invitedAt: Date | null;
  lastLoginAt: Date | null;
}

export interface TenantDetails extends TenantSummary {
  profile: TenantProfile;
  profileOrigin: 'file' | 'admin';
  admins: TenantAdmin[];
  licences: LicenceRecord[];
  /** When the data export was last downloaded (offboarding needs a recent one). */
  exportedAt: Date | null;
}

/** The operator's view of the municipalities: each tenant's own counts read in that tenant's own unit of work. */
@Injectable()
export class PlatformTenantsService {
  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly licences: LicencesService,
    private readonly staff: StaffAccountsService,
  ) {}

  async list(): Promise<TenantSummary[]> {
    const summaries: TenantSummary[] = [];
    for (const tenant of await this.tenants.list()) {
      summaries.push(await this.summary(tenant, await this.licences.history(tenant.id)));
    }
    return summaries.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  async details(slug: string): Promise<TenantDetails> {
    const tenant = await this.tenants.requireBySlug(slug);
    const licences = await this.licences.history(tenant.id);
    const summary = await this.summary(tenant, licences);
    const admins = (await this.staff.list(tenant.id))
      .filter((account) => account.roles.includes('tenant_admin'))
      .map(({ name, email, active, invitation, invitedAt, lastLoginAt }) => ({
        name,
        email,
        active,
        invitation,
        invitedAt,
        lastLoginAt,
      }));
    const { exportedAt } = await this.tenants.exportMark(tenant.id);
    return {
      ...summary,
      profile: tenant.profile,
      profileOrigin: tenant.profileOrigin,
      admins,
      licences,
      exportedAt,
    };
  }

  private async summary(tenant: Tenant, licences: LicenceRecord[]): Promise<TenantSummary> {
    const [{ n }] = (await this.database.forTenant(tenant.id, (db) =>
      db.query(
        `SELECT count(*)::int AS n FROM objections
          WHERE tenant_id = $1
            AND received_at >= date_trunc('year', now() AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam'`,
        [tenant.id],
      ),
    )) as { n: number }[];
    const today = todayInAmsterdam();
    const licence = licences.find((l) => covers(l, today)) ?? null;
    return {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      inhabitants: tenant.profile.inhabitants,
      status: tenant.status,
      licenceState: tenant.licenceState,
      licence,
      objectionsThisYear: n,
      createdAt: tenant.createdAt,
      offboardedAt: tenant.offboardedAt,
    };
  }
}
