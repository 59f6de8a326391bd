import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { Database } from '../database/database.service';
import { StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from '../tenancy/tenant-context';
import { AdminFigures, overviewCards } from './admin-overview';

/** The tenant admin's home page: every section, with the figures that say where it stands. */
@Injectable()
export class AdminOverviewService {
  constructor(
    private readonly database: Database,
    private readonly pages: StaffPagesService,
  ) {}

  async page(tenant: TenantContext, staff: StaffPrincipal): Promise<string> {
    const figures = await this.figures(tenant.id);
    return this.pages.renderAdmin(
      tenant,
      'overview',
      'admin/home',
      'Beheer',
      { cards: overviewCards(tenant.slug, figures) },
      { viewer: staff },
    );
  }

  figures(tenantId: string): Promise<AdminFigures> {
    return this.database.forTenant(tenantId, async (db) => {
      const one = async <T>(sql: string): Promise<T> => ((await db.query(sql, [tenantId])) as T[])[0];
      const regulations = await one<{ active: number; retired: number }>(
        `SELECT count(*) FILTER (WHERE active)::int AS active, count(*) FILTER (WHERE NOT active)::int AS retired
         FROM regulations WHERE tenant_id = $1`,
      );
      const letters = await one<{ own: number }>(
        `SELECT count(*)::int AS own FROM letter_templates WHERE tenant_id = $1`,
      );
      const partners = await one<{ active: number }>(
        `SELECT count(*)::int AS active FROM referral_partners WHERE tenant_id = $1 AND active`,
      );
      const staff = await one<AdminFigures['staff']>(
        `SELECT count(*) FILTER (WHERE password_hash IS NOT NULL)::int AS active,
           count(*) FILTER (WHERE password_hash IS NOT NULL AND 'tenant_admin' = ANY(roles))::int AS admins,
           count(*) FILTER (WHERE password_hash IS NULL AND invitation_expires_at > now())::int
             AS "pendingInvitations",
           count(*) FILTER (WHERE password_hash IS NULL AND (invitation_expires_at IS NULL OR invitation_expires_at <= now()))::int
             AS "expiredInvitations"
         FROM staff_users WHERE tenant_id = $1 AND active`,
      );
      const tenant = await one<{ state: AdminFigures['licence']['state']; since: string }>(
        `SELECT licence_state AS state, (licence_state_since AT TIME ZONE 'Europe/Amsterdam')::date::text AS since
         FROM tenants WHERE id = $1`,
      );
      const plan = await one<{ name: string; startsOn: string; endsOn: string | null } | undefined>(
        `SELECT p.name, l.starts_on::text AS "startsOn", l.ends_on::text AS "endsOn"
         FROM tenant_licences l JOIN licence_plans p ON p.id = l.plan_id
         WHERE l.tenant_id = $1 AND l.starts_on <= current_date AND (l.ends_on IS NULL OR l.ends_on >= current_date)
         ORDER BY l.starts_on DESC LIMIT 1`,
      );
      return {
        regulations,
        ownLetterTemplates: letters.own,
        referralPartners: partners.active,
        staff,
        licence: { ...tenant, plan: plan ?? null },
      };
    });
  }
}
