import { EntityManager } from 'typeorm';
import { Regulation } from './regulation.entity';
import { RegulationVersion } from './regulation-version.entity';

/**
 * The regulation of a filed case as the case was filed under it: name, definition and version of the version
 * the case keeps (an admin's later change is a new version and does not reach it); id, code and whether it is
 * still in use as they are now.
 */
export async function regulationAsFiled(
  db: EntityManager,
  objection: { tenantId: string; regulationId: string; regulationVersion: number },
): Promise<Regulation> {
  const { tenantId, regulationId, regulationVersion } = objection;
  const regulation = await db.getRepository(Regulation).findOneByOrFail({ tenantId, id: regulationId });
  if (regulationVersion === regulation.version) return regulation;
  const { name, definition, version } = await db
    .getRepository(RegulationVersion)
    .findOneByOrFail({ tenantId, regulationId, version: regulationVersion });
  return { ...regulation, name, definition, version };
}
