import { EntityManager } from 'typeorm';
import { FieldError, ProblemError } from '../common/problems/problem.error';
import { ReferralPartner } from '../referrals/referral-partner.entity';
import { type RegulationConfig, regulationProblems, regulationSchema } from '../tenancy/tenant-config.schema';
import { definitionsEqual, type RegulationContent, regulationContent } from './regulation-definition';
import { Regulation } from './regulation.entity';

/**
 * Saving a regulation as its next version, inside the caller's unit of work: the row is locked, so that two
 * saves on the same version follow each other and the second is refused; versions are only ever added.
 */

export interface SaveOptions {
  /** The version the change was made on: 0 for a new regulation; left out, the last save wins. */
  expectedVersion?: number;
  /** What changed, in the admin's words (may be empty). */
  note: string;
}

export interface SaveResult {
  code: string;
  /** The current version after the save. */
  version: number;
  created: boolean;
  /** False when the content equalled the current version: then no version was added. */
  changed: boolean;
}

/**
 * Validates `input` (a regulation in the tenant.yaml shape; its `code` may be left out) against the rules and
 * the municipality's partners, and saves it as the next version: one call inside a unit of work, so that an
 * import can save several regulations all or nothing.
 * @throws ProblemError 400 with a field error per problem, 409 when someone else saved in between
 */
export async function saveRegulation(
  db: EntityManager,
  tenantId: string,
  staffId: string | null,
  code: string,
  input: unknown,
  options: SaveOptions,
  refusal = 'De regeling is niet opgeslagen',
): Promise<SaveResult> {
  const config = validated(code, input, await partnerCodes(db, tenantId), refusal);
  return storeVersion(db, tenantId, staffId, config, options);
}

/** Saves `config` as the next version, locked against concurrent saves; nothing when the content is the same. */
async function storeVersion(
  db: EntityManager,
  tenantId: string,
  staffId: string | null,
  config: RegulationConfig,
  { expectedVersion, note }: SaveOptions,
): Promise<SaveResult> {
  const { code } = config;
  const content = regulationContent(config);
  const current = await db
    .getRepository(Regulation)
    .findOne({ where: { tenantId, code }, lock: { mode: 'pessimistic_write' } });
  if (!current) {
    if (expectedVersion) {
      throw ProblemError.notFound(`Deze gemeente heeft geen regeling met de code "${code}".`);
    }
    // A concurrent creation of the same code waits on the unique key, then inserts nothing.
    const [created] = (await db.query(
      `INSERT INTO regulations (tenant_id, code, name, definition, origin) VALUES ($1, $2, $3, $4, 'admin')
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [tenantId, code, content.name, JSON.stringify(content.definition)],
    )) as { id: string }[];
    if (!created) throw exists(code);
    await insertVersion(db, { tenantId, id: created.id, version: 1 }, content, true, note, staffId);
    return { code, version: 1, created: true, changed: true };
  }
  if (expectedVersion === 0) throw exists(code, current.version);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw ProblemError.conflict(
      'regulation-version-conflict',
      `Iemand anders heeft deze regeling intussen opgeslagen: de huidige versie is ${current.version}, u ging uit ` +
        `van versie ${expectedVersion}. Uw wijziging is niet opgeslagen. Open de regeling opnieuw en breng uw ` +
        'wijziging daarin aan.',
    );
  }
  if (definitionsEqual(content, { name: current.name, definition: current.definition })) {
    return { code, version: current.version, created: false, changed: false };
  }
  const version = await addVersion(db, current, content, current.active, note, staffId, 'admin');
  return { code, version, created: false, changed: true };
}

/** Makes `content` (with `active`) the next version of the locked regulation row. */
export async function addVersion(
  db: EntityManager,
  current: Regulation,
  content: RegulationContent,
  active: boolean,
  note: string,
  staffId: string | null,
  origin: Regulation['origin'] = current.origin,
): Promise<number> {
  const version = current.version + 1;
  const { tenantId, id } = current;
  await db.query(
    `UPDATE regulations SET name = $3, definition = $4, active = $5, version = $6, origin = $7, updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, content.name, JSON.stringify(content.definition), active, version, origin],
  );
  await insertVersion(db, { tenantId, id, version }, content, active, note, staffId);
  return version;
}

async function insertVersion(
  db: EntityManager,
  { tenantId, id, version }: Pick<Regulation, 'tenantId' | 'id' | 'version'>,
  content: RegulationContent,
  active: boolean,
  note: string,
  staffId: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO regulation_versions (tenant_id, regulation_id, version, name, definition, active, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenantId, id, version, content.name, JSON.stringify(content.definition), active, note.trim(), staffId],
  );
}

function exists(code: string, version?: number): ProblemError {
  return ProblemError.conflict(
    'regulation-exists',
    `Er is al een regeling met de code "${code}"${version ? ` (versie ${version})` : ''}. Kies een andere code, ` +
      'of wijzig de bestaande regeling.',
  );
}

/** The codes a regulation and its diagnosis may refer to: the municipality's partners in use. */
async function partnerCodes(db: EntityManager, tenantId: string): Promise<string[]> {
  const partners = await db
    .getRepository(ReferralPartner)
    .find({ where: { tenantId, active: true }, order: { code: 'ASC' } });
  return partners.map((p) => p.code);
}

function validated(
  code: string,
  input: unknown,
  partners: readonly string[],
  refusal: string,
): RegulationConfig {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw ProblemError.invalid([], 'Stuur de regeling als JSON-object, in de vorm van tenant.yaml.');
  }
  const given = (input as { code?: unknown }).code;
  const errors: FieldError[] =
    given !== undefined && given !== code
      ? [{ field: 'code', message: `De code moet "${code}" zijn, de code van de regeling die u opslaat.` }]
      : regulationProblems({ ...input, code }, partners);
  if (errors.length) {
    throw ProblemError.invalid(errors, `${refusal}: los de genoemde punten op en probeer het opnieuw.`);
  }
  return regulationSchema.parse({ ...input, code });
}

/** Retires a regulation (citizens no longer see it; its cases carry on) or takes it into use again, as a version. */
export async function setRegulationActive(
  db: EntityManager,
  tenantId: string,
  staffId: string | null,
  code: string,
  active: boolean,
): Promise<SaveResult> {
  const current = await existingRegulation(db, tenantId, code, true);
  if (current.active === active) return { code, version: current.version, created: false, changed: false };
  const note = active ? 'Weer in gebruik genomen' : 'Buiten gebruik gezet';
  const version = await addVersion(db, current, current, active, note, staffId);
  return { code, version, created: false, changed: true };
}

/** The regulation with this code (404 when there is none), optionally locked for a change. */
export async function existingRegulation(
  db: EntityManager,
  tenantId: string,
  code: string,
  lock = false,
): Promise<Regulation> {
  const regulation = await db.getRepository(Regulation).findOne({
    where: { tenantId, code },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!regulation) throw ProblemError.notFound(`Deze gemeente heeft geen regeling met de code "${code}".`);
  return regulation;
}
