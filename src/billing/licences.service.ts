import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { formatDutchDate } from '../deadlines/dutch-dates';
import { addDays, LocalDate } from '../deadlines/local-date';
import { LicencePlan } from './entities/licence-plan.entity';
import { TenantLicence } from './entities/tenant-licence.entity';
import { licenceProblems } from './licence-terms';
import { lockBilling } from './licence-lock';
import { LicenceStateService } from './licence-state.service';

export interface AssignLicenceInput {
  planCode: string;
  startsOn: string;
  endsOn?: string;
  discountBasisPoints?: number;
  discountReason?: string;
}

/** A licence with the plan it is on, as the pages and the API show it. */
export interface LicenceRecord {
  id: string;
  planCode: string;
  planName: string;
  startsOn: LocalDate;
  endsOn: LocalDate | null;
  discountBasisPoints: number;
  discountReason: string | null;
}

/**
 * Municipalities' licences. A licence is never edited: a change of plan or terms is a new licence from a date,
 * and the licence running then ends the day before (its invoices stay as they are; credit and invoice again
 * what was invoiced beyond that day).
 */
@Injectable()
export class LicencesService {
  constructor(
    private readonly database: Database,
    private readonly licenceStates: LicenceStateService,
  ) {}

  /** Gives a municipality a licence from `startsOn`. Its own unit of work: never call it inside another one. */
  async assign(tenantId: string, input: AssignLicenceInput): Promise<{ id: string }> {
    const terms = {
      startsOn: input.startsOn,
      endsOn: input.endsOn || null,
      discountBasisPoints: input.discountBasisPoints ?? 0,
      discountReason: input.discountReason?.trim() || null,
    };
    const problems = licenceProblems(terms);
    if (problems.length)
      throw ProblemError.invalid(problems, 'De licentie is niet toegekend: niet alles klopt.');
    const startsOn = terms.startsOn as LocalDate;

    const id = await this.database.forTenant(tenantId, async (db) => {
      const plan = await db.getRepository(LicencePlan).findOneBy({ code: input.planCode, active: true });
      if (!plan) {
        throw ProblemError.invalid([
          {
            field: 'planCode',
            message: `Er is geen actief licentieplan met de code "${input.planCode}". Kies een plan uit de lijst.`,
          },
        ]);
      }
      await lockBilling(db, tenantId);
      const repository = db.getRepository(TenantLicence);
      const existing = await repository.find({ where: { tenantId }, order: { startsOn: 'ASC' } });
      const later = existing.find((l) => l.startsOn >= startsOn);
      if (later) {
        throw ProblemError.conflict(
          'licence-overlap',
          `Er is al een licentie vanaf ${formatDutchDate(later.startsOn, { weekday: false })}. ` +
            'Een nieuwe licentie begint na de laatste.',
        );
      }
      const running = existing.find((l) => l.endsOn === null || l.endsOn >= startsOn);
      if (running) await repository.update({ tenantId, id: running.id }, { endsOn: addDays(startsOn, -1) });
      const saved = await repository.save(
        repository.create({
          tenantId,
          planId: plan.id,
          ...terms,
          startsOn,
          endsOn: terms.endsOn as LocalDate | null,
        }),
      );
      return saved.id;
    });
    // A new licence can end a grace period that an ended licence began.
    await this.licenceStates.evaluate(tenantId);
    return { id };
  }

  /**
   * Ends every licence still running after `lastDay` on that day (one that has not started yet ends on its first
   * day), inside the caller's unit of work: a municipality leaving the platform is billed no further.
   */
  static async endAllIn(db: EntityManager, tenantId: string, lastDay: LocalDate): Promise<void> {
    await db.query(
      `UPDATE tenant_licences SET ends_on = GREATEST(starts_on, $2::date)
        WHERE tenant_id = $1 AND (ends_on IS NULL OR ends_on > $2::date)`,
      [tenantId, lastDay],
    );
  }

  /** Every licence of a municipality, oldest first. */
  async history(tenantId: string): Promise<LicenceRecord[]> {
    const licences = await this.database.forTenant(tenantId, (db) =>
      db.getRepository(TenantLicence).find({ where: { tenantId }, order: { startsOn: 'ASC' } }),
    );
    return licences.map(licenceRecord);
  }
}

export function licenceRecord(licence: TenantLicence): LicenceRecord {
  return {
    id: licence.id,
    planCode: licence.plan.code,
    planName: licence.plan.name,
    startsOn: licence.startsOn,
    endsOn: licence.endsOn,
    discountBasisPoints: licence.discountBasisPoints,
    discountReason: licence.discountReason,
  };
}
