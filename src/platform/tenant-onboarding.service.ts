import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffAccountsService } from '../auth/staff-accounts.service';
import { LicencesService } from '../billing/licences.service';
import { PlansService } from '../billing/plans.service';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { TENANT_SETTING } from '../database/tenant-isolation.sql';
import type { OperatorPrincipal } from '../operators/operator.guard';
import type { RegulationConfig } from '../tenancy/tenant-config.schema';
import { districtCourt } from './district-courts';
import { OnboardTenantDto } from './dto/onboard-tenant.dto';
import { generalRegulationFor } from './general-regulation';
import { onboardingProfile, slugProblem } from './onboarding-rules';

/**
 * Brings a new municipality onto the platform: its registry row (profile owned by the admins from now on) and a
 * general regulation, so that citizens can object from the first day, in one transaction; then its licence and
 * the invitation of its first tenant admin, each in its own unit of work (their services own them). A second
 * onboarding of the same slug is a 409, whatever state the first left.
 */
@Injectable()
export class TenantOnboardingService {
  private readonly logger = new Logger('Onboarding');

  constructor(
    private readonly database: Database,
    private readonly plans: PlansService,
    private readonly licences: LicencesService,
    private readonly staff: StaffAccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onboard(input: OnboardTenantDto, operator: OperatorPrincipal): Promise<{ tenantId: string }> {
    const slug = input.slug;
    const problem = slugProblem(slug);
    if (problem) throw ProblemError.invalid([{ field: 'slug', message: problem }]);
    const plan = (await this.plans.list()).find((p) => p.code === input.licence.planCode && p.active);
    if (!plan) {
      throw ProblemError.invalid([
        { field: 'licence.planCode', message: 'Kies een licentieplan uit de lijst van actieve plannen.' },
      ]);
    }
    const court = districtCourt(input.court)!;
    const profile = onboardingProfile(input, court);
    const regulation = generalRegulationFor(this.config.templatesDir, {
      slug,
      name: input.name.trim(),
      inhabitants: profile.inhabitants,
      governingBody: profile.governingBody,
      court: profile.court,
      contact: profile.contact,
      branding: profile.branding,
    });

    const tenantId = await this.database.forPlatform(async (db) => {
      const [created] = (await db.query(
        `INSERT INTO tenants (slug, name, profile, profile_origin) VALUES ($1, $2, $3, 'admin')
         ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [slug, input.name.trim(), JSON.stringify(profile)],
      )) as { id: string }[];
      if (!created) {
        throw ProblemError.conflict(
          'tenant-exists',
          `Er is al een gemeente met de korte naam "${slug}". Open die gemeente in de lijst, of kies een andere korte naam.`,
        );
      }
      // The same transaction goes on as the new tenant: its rows pass row-level security like any other's.
      await db.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [created.id]);
      await insertRegulation(db, created.id, regulation);
      // Never a municipality without an admin: the invitation (and its e-mail) commits with the tenant.
      const admin = {
        email: input.admin.email,
        name: input.admin.name.trim(),
        roles: ['tenant_admin'] as const,
      };
      await this.staff.inviteIn(db, created.id, admin, null);
      return created.id;
    });
    this.logger.log(`${slug}: onboarded by operator ${operator.operatorId}`);
    await this.licences.assign(tenantId, { planCode: plan.code, startsOn: input.licence.startsOn });
    return { tenantId };
  }
}

/** As the seed does for a tenant.yaml regulation: the current row and its first version. */
async function insertRegulation(
  db: EntityManager,
  tenantId: string,
  regulation: RegulationConfig,
): Promise<void> {
  const { code, name, ...definition } = regulation;
  await db.query(
    `WITH saved AS (
       INSERT INTO regulations (tenant_id, code, name, definition, origin) VALUES ($1, $2, $3, $4, 'admin')
       RETURNING id, version, name, definition, active)
     INSERT INTO regulation_versions (tenant_id, regulation_id, version, name, definition, active, note)
     SELECT $1, id, version, name, definition, active, 'onboarding' FROM saved`,
    [tenantId, code, name, JSON.stringify(definition)],
  );
}
