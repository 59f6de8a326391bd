import { Injectable } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { Actor } from '../objections/timeline';

/** A case's legal hold as staff see it. */
export interface LegalHoldState {
  reference: string;
  held: boolean;
  reason: string | null;
  since: string | null;
  anonymised: boolean;
}

interface HoldRow {
  id: string;
  reference: string;
  legal_hold_reason: string | null;
  legal_hold_since: Date | string | null;
  anonymised_at: Date | string | null;
}

/** SQLSTATE the retention functions raise when a hold cannot be placed or lifted in the case's state. */
const HOLD_STATE = 'BZ003';

/**
 * Legal hold (e.g. a pending appeal, a Wob/Woo request, a complaint to the ombudsman): while it stands, the
 * retention job leaves the case alone. Placing and lifting go through database functions that also write the
 * case's timeline; the app role cannot change the hold columns itself.
 */
@Injectable()
export class LegalHoldService {
  constructor(private readonly database: Database) {}

  state(tenantId: string, reference: string): Promise<LegalHoldState> {
    return this.database.forTenant(tenantId, async (db) => toState(await findCase(db, tenantId, reference)));
  }

  /** All cases under hold, oldest first. */
  async heldCases(tenantId: string): Promise<LegalHoldState[]> {
    const rows = (await this.database.forTenant(tenantId, (db) =>
      db.query(
        `SELECT id, reference, legal_hold_reason, legal_hold_since, anonymised_at FROM objections
          WHERE tenant_id = $1 AND legal_hold_since IS NOT NULL ORDER BY legal_hold_since, id`,
        [tenantId],
      ),
    )) as HoldRow[];
    return rows.map(toState);
  }

  place(tenantId: string, reference: string, actor: Actor, reason: string): Promise<LegalHoldState> {
    return this.change(tenantId, reference, 'retention_place_hold', actor, reason);
  }

  lift(tenantId: string, reference: string, actor: Actor, reason: string): Promise<LegalHoldState> {
    return this.change(tenantId, reference, 'retention_lift_hold', actor, reason);
  }

  private change(
    tenantId: string,
    reference: string,
    fn: 'retention_place_hold' | 'retention_lift_hold',
    actor: Actor,
    reason: string,
  ): Promise<LegalHoldState> {
    return this.database
      .forTenant(tenantId, async (db) => {
        const kase = await findCase(db, tenantId, reference);
        await db.query(`SELECT ${fn}($1, $2, $3, $4)`, [tenantId, kase.id, actor, reason.trim()]);
        return toState(await findCase(db, tenantId, reference));
      })
      .catch((error: unknown) => {
        if ((error as { driverError?: { code?: string } }).driverError?.code === HOLD_STATE) {
          throw ProblemError.conflict(
            'legal-hold-state',
            fn === 'retention_place_hold'
              ? `Zaak ${reference} staat al onder een bewaarplicht of is al geanonimiseerd.`
              : `Zaak ${reference} staat niet onder een bewaarplicht.`,
          );
        }
        throw error;
      });
  }
}

async function findCase(
  db: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  tenantId: string,
  reference: string,
): Promise<HoldRow> {
  const [row] = (await db.query(
    `SELECT id, reference, legal_hold_reason, legal_hold_since, anonymised_at FROM objections
      WHERE tenant_id = $1 AND reference = $2`,
    [tenantId, reference],
  )) as HoldRow[];
  if (!row) throw ProblemError.notFound(`Er is geen bezwaar met kenmerk ${reference}.`);
  return row;
}

function toState(row: HoldRow): LegalHoldState {
  return {
    reference: row.reference,
    held: row.legal_hold_since !== null,
    reason: row.legal_hold_reason,
    since: row.legal_hold_since === null ? null : new Date(row.legal_hold_since).toISOString(),
    anonymised: row.anonymised_at !== null,
  };
}
