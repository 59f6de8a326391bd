import { EntityManager } from 'typeorm';
import type { AtwCalendar } from '../deadlines/atw-calendar';
import { amsterdamDateOf, type LocalDate } from '../deadlines/local-date';
import { derivedColumns } from '../objections/case-derived';
import { caseForChange as lockedCaseForChange } from '../objections/case-lock';
import { type ObjectionStatus } from '../objections/case-status';
import { Objection } from '../objections/objection.entity';
import { Regulation } from '../regulations/regulation.entity';
import { regulationAsFiled } from '../regulations/regulation-as-filed';
import { Tenant } from '../tenancy/tenant.entity';
import { currentDecisionTermEnds, filedDecisionTerm, penaltyStartsOn } from './decision-term';

/** What every step of the formal procedure starts from, inside its unit of work. */
export interface ProcedureCase {
  objection: Objection;
  regulation: Regulation;
  tenant: Tenant;
}

/**
 * The case locked for the change (two steps on one case run one after the other), with its regulation and
 * tenant; 404 when there is no such case and 409 'case-closed' when it is no longer open (`alsoWhen` names
 * further statuses a step accepts, e.g. fixing a penalty after the decision).
 */
export async function caseForChange(
  db: EntityManager,
  tenantId: string,
  reference: string,
  action: string,
  alsoWhen: readonly ObjectionStatus[] = [],
): Promise<ProcedureCase> {
  const objection = await lockedCaseForChange(
    db,
    tenantId,
    { reference },
    `${action} kan alleen bij een bezwaar dat nog loopt.`,
    alsoWhen,
  );
  const regulation = await regulationAsFiled(db, objection);
  const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: tenantId });
  return { objection, regulation, tenant };
}

/** The decision term of the case with `changes` applied (see decision-term.ts). */
export function decisionTermOf(
  calendar: AtwCalendar,
  { objection, regulation }: Pick<ProcedureCase, 'objection' | 'regulation'>,
  changes: Partial<Objection> = {},
): LocalDate | null {
  const next = { ...objection, ...changes };
  const base = next.decisionTermBase as LocalDate | null;
  const filed = base
    ? filedDecisionTerm(calendar, {
        decisionTermBase: base,
        objectionTermEnds: next.objectionTermEnds as LocalDate | null,
        receivedDate: amsterdamDateOf(next.receivedAt),
        termModel: regulation.definition.termModel,
      })
    : null;
  return currentDecisionTermEnds(calendar, {
    decisionTermBase: base,
    baseBeforeAtw: filed?.beforeAtw,
    atw: filed?.atw,
    decisionTermPauses: next.decisionTermPauses ?? [],
    extensionWeeks: next.extensionWeeks,
    postponedUntil: next.postponedUntil,
  });
}

/**
 * Stores `changes` together with what follows from them: the decision term as it now stands, the first penalty
 * day, and the inbox's derived columns, in one statement. Returns the case as stored.
 */
export async function saveChanges(
  db: EntityManager,
  calendar: AtwCalendar,
  kase: Pick<ProcedureCase, 'objection' | 'regulation'>,
  changes: Partial<Objection>,
): Promise<Objection> {
  const decisionTermEnds = decisionTermOf(calendar, kase, changes);
  const next = { ...kase.objection, ...changes, decisionTermEnds };
  const columns = {
    ...changes,
    decisionTermEnds,
    penaltyStartsOn: penaltyStartsOn(decisionTermEnds, next.noticeOfDefaultOn as LocalDate | null),
  };
  const derived = derivedColumns({ ...next, ...columns });
  await db
    .getRepository(Objection)
    .update({ tenantId: kase.objection.tenantId, id: kase.objection.id }, { ...columns, ...derived });
  return { ...next, ...columns, ...derived };
}
