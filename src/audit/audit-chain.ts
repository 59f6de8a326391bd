import { createHash } from 'node:crypto';

/**
 * The hash chain of a tenant's audit trail, recomputed independently of the database trigger that builds it
 * (migration 1765584000000-audit-trail): event n's hash is sha256(hash of n-1 ‖ canonical text of n), the first
 * one chained to 64 zeros. Any edited, deleted, inserted or reordered row breaks it from that row on.
 */

/** One stored event as the verifier reads it: every hashed column as text (NULL as null), in hashed order. */
export interface ChainRow {
  tenantId: string;
  seq: string;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, microseconds as stored. */
  occurredAt: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  caseReference: string | null;
  result: string;
  status: string;
  channel: string;
  clientIp: string | null;
  requestId: string | null;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  otherTenantId: string | null;
  method: string;
  route: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

const HASHED: readonly (keyof ChainRow)[] = [
  'tenantId',
  'seq',
  'occurredAt',
  'action',
  'objectType',
  'objectId',
  'caseReference',
  'result',
  'status',
  'channel',
  'clientIp',
  'requestId',
  'actorType',
  'actorId',
  'actorRole',
  'otherTenantId',
  'method',
  'route',
];

/** Each field as "<UTF-8 bytes>:<text>", NULL as "~": no two different rows give the same text. */
export function canonicalText(row: ChainRow): string {
  return HASHED.map((field) => {
    const value = row[field];
    return value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
  }).join('');
}

export function chainHash(prevHash: string, row: ChainRow): string {
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(canonicalText(row), 'utf8')
    .digest('hex');
}

export type ChainVerdict =
  { ok: true; events: number; lastHash: string } | { ok: false; seq: number; reason: string };

/** Where the chain keeps its end: the last sequence number and hash the trigger handed out. */
export interface ChainHead {
  lastSeq: string;
  lastHash: string;
}

/**
 * Checks one tenant's events fed in seq order (any number of batches), so that a long trail need not be held in
 * memory at once. `push` returns the first break found, `end` also a removed tail (the last events deleted).
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  private broken: ChainVerdict | null = null;

  push(row: ChainRow): ChainVerdict | null {
    if (this.broken) return this.broken;
    const seq = Number(row.seq);
    const expected = this.expectedSeq;
    if (seq !== expected) {
      this.broken =
        seq > expected
          ? { ok: false, seq: expected, reason: `event ${expected} is missing` }
          : { ok: false, seq, reason: `event ${seq} is out of order` };
    } else if (row.prevHash !== this.prevHash) {
      this.broken = { ok: false, seq, reason: `event ${seq} does not follow the event before it` };
    } else if (chainHash(this.prevHash, row) !== row.hash) {
      this.broken = { ok: false, seq, reason: `event ${seq} was changed after it was written` };
    } else {
      this.prevHash = row.hash;
      this.expectedSeq += 1;
    }
    return this.broken;
  }

  end(head?: ChainHead | null): ChainVerdict {
    if (this.broken) return this.broken;
    const last = this.expectedSeq - 1;
    if (head && (Number(head.lastSeq) !== last || head.lastHash !== this.prevHash)) {
      return Number(head.lastSeq) > last
        ? { ok: false, seq: last + 1, reason: `events from ${last + 1} on are missing` }
        : { ok: false, seq: Number(head.lastSeq), reason: 'the chain does not end where its head says' };
    }
    return { ok: true, events: last, lastHash: this.prevHash };
  }
}

/** Checks one tenant's events, given in seq order: ok, or the first seq at which the chain breaks and why. */
export function verifyChain(rows: readonly ChainRow[], head?: ChainHead | null): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const row of rows) if (verifier.push(row)) break;
  return verifier.end(head);
}
