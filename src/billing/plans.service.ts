import { Injectable } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { LicencePlan, planTermsOf, storedBands } from './entities/licence-plan.entity';
import { planProblems, PlanTerms } from './licence-plan';

/** A plan as the platform has it: its terms, whether it is offered for new licences. */
export interface PlanRecord extends PlanTerms {
  id: string;
  active: boolean;
}

/**
 * Licence plans (platform data). A change applies to invoices generated afterwards; issued invoices keep the
 * lines they were issued with. A plan is never deleted (licences refer to it): it is retired (not active).
 */
@Injectable()
export class PlansService {
  constructor(private readonly database: Database) {}

  /** Every plan, active ones first, by name. */
  async list(): Promise<PlanRecord[]> {
    const plans = await this.database.forPlatform((db) =>
      db.getRepository(LicencePlan).find({ order: { active: 'DESC', name: 'ASC' } }),
    );
    return plans.map(recordOf);
  }

  async get(code: string): Promise<PlanRecord> {
    const plan = await this.database.forPlatform((db) => db.getRepository(LicencePlan).findOneBy({ code }));
    if (!plan) throw ProblemError.notFound(`Er is geen licentieplan met de code "${code}".`);
    return recordOf(plan);
  }

  async create(terms: PlanTerms): Promise<PlanRecord> {
    assertValid(terms);
    return this.database.forPlatform(async (db) => {
      const [row] = (await db.query(
        `INSERT INTO licence_plans (code, name, implementation_fee_cents, bands, included_objections, extra_objection_cents)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [
          terms.code,
          terms.name.trim(),
          terms.implementationFeeCents.toString(),
          JSON.stringify(storedBands(terms)),
          terms.includedObjections,
          terms.extraObjectionCents.toString(),
        ],
      )) as { id: string }[];
      if (!row) {
        throw ProblemError.invalid([
          { field: 'code', message: `Er is al een plan met de code "${terms.code}". Kies een andere code.` },
        ]);
      }
      return recordOf(await db.getRepository(LicencePlan).findOneByOrFail({ id: row.id }));
    });
  }

  /** Changes a plan's terms (not its code) and whether it is offered. */
  async update(code: string, terms: Omit<PlanTerms, 'code'>, active: boolean): Promise<PlanRecord> {
    assertValid({ ...terms, code });
    return this.database.forPlatform(async (db) => {
      const repository = db.getRepository(LicencePlan);
      const plan = await repository.findOneBy({ code });
      if (!plan) throw ProblemError.notFound(`Er is geen licentieplan met de code "${code}".`);
      Object.assign(plan, {
        name: terms.name.trim(),
        implementationFeeCents: terms.implementationFeeCents,
        bands: storedBands({ ...terms, code }),
        includedObjections: terms.includedObjections,
        extraObjectionCents: terms.extraObjectionCents,
        active,
      });
      return recordOf(await repository.save(plan));
    });
  }
}

function assertValid(terms: PlanTerms): void {
  const problems = planProblems(terms);
  if (problems.length)
    throw ProblemError.invalid(problems, 'Het licentieplan is niet opgeslagen: niet alles klopt.');
}

function recordOf(plan: LicencePlan): PlanRecord {
  return { id: plan.id, active: plan.active, ...planTermsOf(plan) };
}
