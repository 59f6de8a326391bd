import { EntityManager } from 'typeorm';
import { Objection } from './objection.entity';

/**
 * The case, locked (SELECT … FOR UPDATE) until the unit of work ends, so that two changes to one case run one
 * after the other and each sees what the other did; null when there is no such case.
 */
export function lockCase(
  db: EntityManager,
  tenantId: string,
  by: { reference: string } | { caseTokenHash: string },
): Promise<Objection | null> {
  const [column, value] =
    'reference' in by ? ['o.reference', by.reference] : ['o.case_token_hash', by.caseTokenHash];
  return db
    .getRepository(Objection)
    .createQueryBuilder('o')
    .where(`o.tenant_id = :tenantId AND ${column} = :value`, { tenantId, value })
    .setLock('pessimistic_write')
    .getOne();
}
