import { Injectable, Logger } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { formatDutchDate } from '../deadlines/dutch-dates';
import { amsterdamDateOf, todayInAmsterdam } from '../deadlines/local-date';
import { LicencesService } from '../billing/licences.service';
import type { OperatorPrincipal } from '../operators/operator.guard';
import { TenantsService } from '../tenancy/tenants.service';
import { offboardingProblem } from './offboarding-rules';

/**
 * Takes a municipality off the platform. Nothing is deleted: its data stays (and can be exported again), but
 * its portal, staff pages and API answer 410 with its own contact details (TenantGuard), and its staff accounts
 * are deactivated so that nobody logs in any more. Asks for the slug typed as confirmation and a data export
 * downloaded within the last hour, so that the municipality's data is in hand before it goes.
 */
@Injectable()
export class TenantOffboardingService {
  private readonly logger = new Logger('Offboarding');

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
  ) {}

  async offboard(slug: string, confirmation: unknown, operator: OperatorPrincipal): Promise<void> {
    const tenant = await this.tenants.requireBySlug(slug);
    await this.database.forTenant(tenant.id, async (db) => {
      const [row] = (await db.query(
        `SELECT status, offboarded_at, exported_at FROM tenants WHERE id = $1 FOR UPDATE`,
        [tenant.id],
      )) as { status: string; offboarded_at: Date | null; exported_at: Date | null }[];
      if (row.status === 'offboarded') {
        throw ProblemError.conflict(
          'tenant-offboarded',
          `${tenant.name} is al van het platform gehaald op ${formatDutchDate(amsterdamDateOf(row.offboarded_at!), { weekday: false })}.`,
        );
      }
      const problem = offboardingProblem({
        slug: tenant.slug,
        confirmation,
        exportedAt: row.exported_at,
        now: new Date(),
      });
      if (problem) throw problem;
      await db.query(
        `UPDATE tenants SET status = 'offboarded', offboarded_at = now(), offboarded_by = $2, updated_at = now()
          WHERE id = $1`,
        [tenant.id, operator.operatorId],
      );
      await db.query(
        `UPDATE staff_users SET active = false, deactivated_at = now() WHERE tenant_id = $1 AND active`,
        [tenant.id],
      );
      await LicencesService.endAllIn(db, tenant.id, todayInAmsterdam());
    });
    this.logger.log(`${slug}: offboarded by operator ${operator.operatorId}`);
  }
}
