import { canonicalText, chainHash, ChainRow, GENESIS_HASH, verifyChain } from './audit-chain';

function chain(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const row: ChainRow = {
      tenantId: '6f1b1c8e-0000-4000-8000-000000000001',
      seq: String(i),
      occurredAt: `2026-12-01T10:00:0${i}.123456Z`,
      action: i % 2 ? 'case.read' : 'case.change',
      objectType: 'case',
      objectId: `BZ-2026-00${i}`,
      caseReference: `BZ-2026-00${i}`,
      result: 'success',
      status: '200',
      channel: 'api',
      clientIp: '127.0.0.1',
      requestId: `req-${i}`,
      actorType: 'staff',
      actorId: 'a0000000-0000-4000-8000-000000000001',
      actorRole: 'handler',
      otherTenantId: null,
      method: 'GET',
      route: '/api/v1/tenants/:tenant/objections/:reference',
      prevHash,
      hash: '',
    };
    row.hash = chainHash(prevHash, row);
    prevHash = row.hash;
    rows.push(row);
  }
  return rows;
}

describe('verifyChain', () => {
  it('accepts an intact chain, and an empty one', () => {
    const rows = chain(4);
    expect(verifyChain(rows)).toEqual({ ok: true, events: 4, lastHash: rows[3].hash });
    expect(verifyChain([])).toEqual({ ok: true, events: 0, lastHash: GENESIS_HASH });
    expect(verifyChain(rows, { lastSeq: '4', lastHash: rows[3].hash }).ok).toBe(true);
  });

  it('names the first edited event', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2], result: 'refused' };
    expect(verifyChain(rows)).toMatchObject({
      ok: false,
      seq: 3,
      reason: expect.stringContaining('changed'),
    });
  });

  it('notices a changed NULL as much as a changed value', () => {
    const rows = chain(2);
    rows[1] = { ...rows[1], otherTenantId: '' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, seq: 2 });
  });

  it('names a deleted event', () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, seq: 2, reason: 'event 2 is missing' });
  });

  it('names a reordered event', () => {
    const rows = chain(4);
    [rows[1], rows[2]] = [rows[2], rows[1]];
    expect(verifyChain(rows)).toMatchObject({ ok: false, seq: 2 });
  });

  it('with the head, notices the last events deleted', () => {
    const rows = chain(4);
    expect(verifyChain(rows.slice(0, 3), { lastSeq: '4', lastHash: rows[3].hash })).toMatchObject({
      ok: false,
      seq: 4,
    });
  });

  it('keeps fields apart, so moving text between fields changes the hash', () => {
    const [row] = chain(1);
    const moved = { ...row, objectType: 'casec', objectId: 'ase' };
    const original = { ...row, objectType: 'case', objectId: 'case' };
    expect(canonicalText(moved)).not.toBe(canonicalText(original));
  });
});
