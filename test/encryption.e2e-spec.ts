import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CitizensService } from '../src/citizens/citizens.service';
import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { generateKey } from '../src/crypto/field-cipher';
import { KeyRotationService } from '../src/key-rotation/key-rotation.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const OLD = `k2025a:${generateKey()}`;
const NEW = `k2026b:${generateKey()}`;
const BLIND_INDEX_KEY = generateKey();
const METRICS_TOKEN = 'encryption-test-metrics-token';

const BSN = '999993653';
const BO_ADDRESS = { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city: 'Rivierstad' };
const REPRESENTATIVE = {
  name: 'Mr. A. Jansen',
  organisation: 'Het Juridisch Loket',
  email: 'jansen@loket.example',
  phone: '010 7654321',
};
/** What must never be readable in a raw row. */
const SECRETS = [
  'bo.devries@example.nl',
  '12345678',
  'Dijkstraat',
  '4101 AB',
  'jansen@loket.example',
  '7654321',
  BSN,
];

interface RawObjection {
  reference: string;
  objector: string;
  representative: string | null;
}

/**
 * Encryption at rest of the BSN, contact details and addresses (issue 8), and key rotation without downtime:
 * the same database is served by an app with the old key, then one with a new current key (the old one second)
 * whose background sweep re-encrypts everything, then one with only the new key.
 */
describe('encryption at rest and key rotation', () => {
  const embedded = !process.env.TEST_DATABASE_URL;
  /** On PGlite one process at a time owns the data directory; it outlives the apps. */
  const dataDir = mkdtempSync(join(tmpdir(), 'bezwaar-encryption-'));
  /** The first app; on PostgreSQL it owns the database and stays up (an old replica) until the end. */
  let first: TestApp;
  let t: TestApp;
  const apps: TestApp[] = [];
  let keys = 0;

  const boot = async (encryptionKeys: string) => {
    const app = await startTestApp({
      ENCRYPTION_KEYS: encryptionKeys,
      BLIND_INDEX_KEY,
      METRICS_TOKEN,
      OUTBOX_POLL_MS: '600000',
      // The test sweeps when it wants to.
      KEY_ROTATION_INTERVAL_MS: '0',
      ...(embedded ? { DATA_DIR: dataDir } : first ? { DATABASE_URL: first.config.databaseUrl! } : {}),
    });
    apps.push(app);
    return app;
  };
  /** Next app on the same data: on PGlite the previous one must let go of the directory first. */
  const reboot = async (encryptionKeys: string) => {
    if (embedded) await t.close();
    t = await boot(encryptionKeys);
  };
  const owner = <T>(sql: string, params?: unknown[]) => (embedded ? t : first).asOwner<T>(sql, params);

  const file = async (tenant: string, body: object) => {
    const response = await t
      .http()
      .post(`/api/v1/tenants/${tenant}/objections`)
      .set('Idempotency-Key', `encryption-${Date.now()}-${++keys}`)
      .send(body);
    if (response.status !== 201) throw new Error(`filing failed: ${JSON.stringify(response.body)}`);
    return (response.body as { reference: string }).reference;
  };
  const tokens = new Map<TestApp, Map<string, string>>();
  const tokenOf = async (tenant: string) => {
    const mine = tokens.get(t) ?? new Map<string, string>();
    tokens.set(t, mine);
    if (!mine.has(tenant)) mine.set(tenant, await t.tokenFor(tenant));
    return mine.get(tenant)!;
  };
  const staffResponse = async (tenant: string, reference: string) =>
    t
      .http()
      .get(`/api/v1/tenants/${tenant}/objections/${reference}`)
      .set('Authorization', `Bearer ${await tokenOf(tenant)}`);
  /** The case as a handler gets it through the API. */
  const staffCase = async (tenant: string, reference: string) => {
    const response = await staffResponse(tenant, reference);
    expect(response.status).toBe(200);
    return response.body as { objector: Record<string, unknown>; representative: unknown };
  };
  const raw = (reference: string) =>
    owner<RawObjection>(
      `SELECT reference, objector::text AS objector, representative::text AS representative
         FROM objections WHERE reference = $1`,
      [reference],
    ).then((rows) => rows[0]);
  const tenantId = async (slug: string) => (await t.app.get(TenantsService).requireBySlug(slug)).id;
  const citizen = async () =>
    (
      await owner<{ id: string; bsn_encrypted: string; address: string }>(
        `SELECT c.id, c.bsn_encrypted, c.address::text AS address
           FROM citizens c JOIN tenants t ON t.id = c.tenant_id
          WHERE t.slug = 'rivierstad' AND c.subject = 'bo-encryption'`,
      )
    )[0];
  /** Every ciphertext in the rotated columns, with the key id it was made under. */
  const keyIdsInUse = async () =>
    (
      await owner<{ key_id: string }>(
        `SELECT DISTINCT split_part(c, '.', 2) AS key_id FROM (
           SELECT objector ->> 'sealed' AS c FROM objections
           UNION ALL SELECT representative ->> 'sealed' FROM objections
           UNION ALL SELECT bsn_encrypted FROM citizens
           UNION ALL SELECT address ->> 'sealed' FROM citizens) sealed
          WHERE c IS NOT NULL ORDER BY 1`,
      )
    ).map((r) => r.key_id);
  const scrape = async () =>
    (await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;
  const stale = (metrics: string, field: string) => {
    const line = metrics
      .split('\n')
      .find((l) => l.startsWith(`bezwaar_encryption_stale_values{field="${field}"} `));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };

  let bo: string;
  let legacy: string;
  let anonymised: string;
  let heuveldorp: string;

  beforeAll(async () => {
    if (embedded && process.env.BEZWAAR_PGLITE_TEMPLATE) {
      cpSync(process.env.BEZWAAR_PGLITE_TEMPLATE, dataDir, { recursive: true });
    }
    first = await boot(OLD);
    t = first;
  }, 60_000);
  afterAll(async () => {
    // The first app last: on PostgreSQL it drops the database the others use.
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps e-mail, phone, address and BSN out of the raw rows, and shows them through the API and the case page', async () => {
    bo = await file('rivierstad', bosObjection({ representative: REPRESENTATIVE }));
    await t.app.get(CitizensService).recordLogin(await tenantId('rivierstad'), {
      subject: 'bo-encryption',
      bsn: BSN,
      name: 'Bo de Vries',
      address: BO_ADDRESS,
    });

    const row = await raw(bo);
    const stored = `${row.objector} ${row.representative}`;
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    // The names stay readable: the inbox searches them (row-level security guards them).
    expect(JSON.parse(row.objector)).toEqual({
      name: 'Bo de Vries',
      sealed: expect.stringMatching(/^v1\.k2025a\./),
    });
    expect(JSON.parse(row.representative!)).toEqual({
      name: 'Mr. A. Jansen',
      organisation: 'Het Juridisch Loket',
      sealed: expect.stringMatching(/^v1\.k2025a\./),
    });
    const person = await citizen();
    expect(`${person.bsn_encrypted} ${person.address}`).not.toMatch(new RegExp(`${BSN}|Dijkstraat|4101`));
    expect(JSON.parse(person.address)).toEqual({ sealed: expect.stringMatching(/^v1\.k2025a\./) });

    const kase = await staffCase('rivierstad', bo);
    expect(kase.objector).toEqual({
      name: 'Bo de Vries',
      email: 'bo.devries@example.nl',
      phone: '06 12345678',
      address: BO_ADDRESS,
    });
    expect(kase.representative).toEqual(REPRESENTATIVE);
    const page = await t
      .page(`/rivierstad/behandelaar/zaken/${bo}`, await t.staffCookie('rivierstad'))
      .expect(200);
    expect(page.text).toContain('bo.devries@example.nl');
    expect(page.text).toContain('Dijkstraat');
    expect(
      await t.app.get(CitizensService).find(await tenantId('rivierstad'), person.id, 'bo-encryption'),
    ).toMatchObject({
      address: BO_ADDRESS,
    });
  });

  it('reads a row from before encryption, and one anonymised to a name only', async () => {
    legacy = await file('rivierstad', bosObjection());
    anonymised = await file('rivierstad', bosObjection());
    heuveldorp = await file('heuveldorp', bosObjection({ regulation: 'wmo' }));
    await owner(`UPDATE objections SET objector = $2::jsonb WHERE reference = $1`, [
      legacy,
      JSON.stringify(bosObjection().objector),
    ]);
    await owner(
      `UPDATE objections SET objector = '{"name": "[geanonimiseerd]"}'::jsonb WHERE reference = $1`,
      [anonymised],
    );
    expect((await staffCase('rivierstad', legacy)).objector).toEqual(bosObjection().objector);
    expect((await staffCase('rivierstad', anonymised)).objector).toEqual({
      name: '[geanonimiseerd]',
    });
  });

  it('after a new current key, reads both keys and re-encrypts every row in the background', async () => {
    await reboot(`${NEW},${OLD}`);
    // Both ciphertexts read at once, and new data is written under the new key.
    expect((await staffCase('rivierstad', bo)).representative).toEqual(REPRESENTATIVE);
    const fresh = await file('rivierstad', bosObjection({ representative: REPRESENTATIVE }));
    expect(JSON.parse((await raw(fresh)).objector).sealed).toMatch(/^v1\.k2026b\./);
    expect(await keyIdsInUse()).toEqual(['k2025a', 'k2026b']);

    const rotation = t.app.get(KeyRotationService);
    const before = await rotation.remaining();
    expect(before).toEqual({
      'citizens.bsn': 1,
      'citizens.address': 1,
      // Bo's case, the legacy row in clear, Heuveldorp's case (the anonymised one holds nothing to seal).
      'objections.objector': 3,
      'objections.representative': 1,
    });
    expect(stale(await scrape(), 'objections.objector')).toBe(3);

    // Reads go on while the sweep runs.
    await tokenOf('heuveldorp');
    const [report, ...reads] = await Promise.all([
      rotation.sweep(),
      staffResponse('rivierstad', bo),
      staffResponse('rivierstad', legacy),
      staffResponse('heuveldorp', heuveldorp),
    ]);
    for (const read of reads) expect(read.status).toBe(200);
    expect(report).toMatchObject({
      unreadable: 0,
      remaining: { 'objections.objector': 0, 'citizens.bsn': 0 },
    });
    expect(report.rewritten).toBeGreaterThanOrEqual(4);

    // No ciphertext under the old key is left, and the legacy row is sealed now.
    expect(await keyIdsInUse()).toEqual(['k2026b']);
    const legacyRow = await raw(legacy);
    for (const secret of SECRETS) expect(legacyRow.objector).not.toContain(secret);
    expect(JSON.parse((await raw(anonymised)).objector)).toEqual({ name: '[geanonimiseerd]' });
    const metrics = await scrape();
    for (const field of [
      'citizens.bsn',
      'citizens.address',
      'objections.objector',
      'objections.representative',
    ]) {
      expect(stale(metrics, field)).toBe(0);
    }
    // A second sweep finds nothing to do.
    expect((await rotation.sweep()).rewritten).toBe(0);
  }, 120_000);

  it('with only the new key, reads everything', async () => {
    await reboot(NEW);
    const kase = await staffCase('rivierstad', bo);
    expect(kase.objector.address).toEqual(BO_ADDRESS);
    expect(kase.representative).toEqual(REPRESENTATIVE);
    expect((await staffCase('rivierstad', legacy)).objector).toEqual(bosObjection().objector);
    expect((await staffCase('heuveldorp', heuveldorp)).objector.email).toBe('bo.devries@example.nl');
    const person = await citizen();
    expect(
      await t.app.get(CitizensService).find(await tenantId('rivierstad'), person.id, 'bo-encryption'),
    ).toMatchObject({
      address: BO_ADDRESS,
    });
  }, 120_000);

  it('exports contact details, addresses and the BSN decrypted to the municipality', async () => {
    const exported = await t
      .http()
      .get('/api/v1/platform/tenants/rivierstad/export')
      .set('Authorization', `Bearer ${await t.operatorToken()}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const data = JSON.parse(gunzipSync(exported.body as Buffer).toString('utf8')) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    const objection = data.tables.objections.find((o) => o.reference === bo)!;
    expect(objection.objector).toEqual({ ...bosObjection().objector });
    expect(objection.representative).toEqual(REPRESENTATIVE);
    expect(data.tables.citizens.find((c) => c.subject === 'bo-encryption')).toMatchObject({
      bsn: BSN,
      address: BO_ADDRESS,
    });
  });

  it("refuses a ciphertext copied into another tenant's row with a clear error, and keeps serving", async () => {
    await owner(
      `UPDATE objections SET objector = (SELECT objector FROM objections WHERE reference = $1) WHERE reference = $2`,
      [bo, heuveldorp],
    );
    const response = await staffResponse('heuveldorp', heuveldorp);
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body).toMatchObject({
      type: 'urn:bezwaarplatform:problem:unreadable-personal-data',
      detail: expect.stringContaining('niet te ontsleutelen'),
    });
    expect(response.text).not.toContain('bo.devries@example.nl');
    // The service goes on.
    expect((await staffCase('rivierstad', bo)).objector.email).toBe('bo.devries@example.nl');
  });

  it('leaves a ciphertext under a key that is gone to an operator: the sweep counts it and goes on', async () => {
    await owner(
      `UPDATE objections
          SET objector = jsonb_set(objector, '{sealed}', to_jsonb(replace(objector ->> 'sealed', 'v1.k2026b.', 'v1.k2024x.')))
        WHERE reference = $1`,
      [legacy],
    );
    expect((await staffResponse('rivierstad', legacy)).body.type).toBe(
      'urn:bezwaarplatform:problem:unreadable-personal-data',
    );
    const report = await t.app.get(KeyRotationService).sweep();
    expect(report).toMatchObject({ rewritten: 0, unreadable: 1, remaining: { 'objections.objector': 1 } });
    expect(stale(await scrape(), 'objections.objector')).toBe(1);
  });
});
