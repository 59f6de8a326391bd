import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { isOpen, ObjectionStatus, STATUS_LABELS } from './case-status';
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

/**
 * The case, locked, for a change: 404 when there is none, 409 'case-closed' when it has ended (unless its
 * status is one of `alsoWhen`, e.g. fixing a penalty after the decision). `detail` says what cannot be done.
 */
export async function caseForChange(
  db: EntityManager,
  tenantId: string,
  by: { reference: string } | { caseTokenHash: string },
  detail: string,
  alsoWhen: readonly ObjectionStatus[] = [],
): Promise<Objection> {
  const objection = await lockCase(db, tenantId, by);
  if (!objection) {
    throw ProblemError.notFound(
      'reference' in by
        ? `Er is geen bezwaar met kenmerk ${by.reference}.`
        : 'Dit bezwaar bestaat niet (of de link is niet juist).',
    );
  }
  if (!isOpen(objection.status) && !alsoWhen.includes(objection.status)) {
    throw ProblemError.conflict(
      'case-closed',
      `Dit bezwaar is niet meer in behandeling (status ${STATUS_LABELS[objection.status]}). ${detail}`,
    );
  }
  return objection;
}
