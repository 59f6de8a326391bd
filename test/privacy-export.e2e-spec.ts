import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'supertest';
import { binaryBody } from './support/binary-body';
import { bosObjection, FILES } from './support/fixtures';
import { loginAsCitizen } from './support/oidc-login';
import { startTestApp, TestApp } from './support/test-app';

interface ExportJson {
  gemeente: string;
  burger: { name: string; bsn: string | null } | null;
  bezwaren: {
    reference: string;
    grounds: { text?: string };
    objector: Record<string, unknown>;
    timeline: { kind: string; by: string }[];
    messages: { from: string; body: string }[];
    documents: { kind: string; filename: string; sha256: string; file: string }[];
  }[];
}

/** The zip of a download: gegevens.json parsed, every file by its path. */
function unzip(response: Response): { json: ExportJson; files: Record<string, Uint8Array> } {
  expect(response.headers['content-type']).toBe('application/zip');
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="mijn-gegevens-rivierstad-/);
  expect(response.headers['cache-control']).toBe('no-store');
  const files = unzipSync(new Uint8Array(response.body as Buffer));
  return { json: JSON.parse(strFromU8(files['gegevens.json'])) as ExportJson, files };
}

describe("a citizen's data export", () => {
  let t: TestApp;
  let bo: string;
  let jan: string;
  let handler: string;
  let admin: string;
  let keys = 0;
  const bosCases: string[] = [];
  let jansCase: string;

  const withoutIdentity = (email: string, text: string) => {
    const { objector: _objector, signed: _signed, ...rest } = bosObjection();
    return { ...rest, objector: { email }, grounds: { hints: [], text } };
  };

  async function fileAs(cookie: string, email: string, text: string, attachment?: string): Promise<string> {
    const request = t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Cookie', cookie)
      .set('Idempotency-Key', `privacy-export-${++keys}`);
    const body = withoutIdentity(email, text);
    const response = attachment
      ? await request
          .field('objection', JSON.stringify(body))
          .attach('attachments', FILES.pdf, { filename: attachment, contentType: 'application/pdf' })
      : await request.send(body);
    if (response.status !== 201) throw new Error(`filing answered ${response.status}: ${response.text}`);
    return (response.body as { reference: string }).reference;
  }

  const download = (cookie: string) =>
    t.http().get('/api/v1/tenants/rivierstad/me/export').set('Cookie', cookie).buffer(true).parse(binaryBody);

  const staffExport = (token: string, body: Record<string, string>) =>
    t
      .http()
      .post('/api/v1/tenants/rivierstad/admin/privacy/exports')
      .auth(token, { type: 'bearer' })
      .send(body)
      .buffer(true)
      .parse(binaryBody);

  beforeAll(async () => {
    t = await startTestApp();
    handler = await t.tokenFor('rivierstad');
    admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    bo = (await loginAsCitizen(t, 'rivierstad')).sessionCookie!;
    jan = (await loginAsCitizen(t, 'rivierstad', { person: 'Jan Bakker' })).sessionCookie!;
    bosCases.push(
      await fileAs(bo, 'bo.devries@example.nl', 'Bo schrijft over haar bijstand.', 'bo-besluit.pdf'),
    );
    bosCases.push(await fileAs(bo, 'bo.devries@example.nl', 'Bo schrijft nog eens.'));
    jansCase = await fileAs(jan, 'jan@example.nl', 'Jan schrijft over zijn parkeerboete.', 'jan-bon.pdf');
    await t
      .http()
      .post(`/api/v1/tenants/rivierstad/objections/${bosCases[0]}/messages`)
      .auth(handler, { type: 'bearer' })
      .send({ body: 'Ik bel u morgen, Bo.' })
      .expect(201);
    // The receipts are rendered in the background: wait for them, so that they are in the export.
    for (let i = 0; i < 400; i++) {
      const [{ n }] = await t.asOwner<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE state IN ('queued', 'running')`,
      );
      if (n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }, 120_000);

  afterAll(() => t?.close());

  it('gives the logged-in citizen their record, cases, timeline, messages and documents, with the BSN', async () => {
    const { json, files } = unzip(await download(bo).expect(200));
    expect(json.burger).toMatchObject({ name: 'Bo de Vries', bsn: '999993653' });
    expect(json.bezwaren.map((c) => c.reference).sort()).toEqual([...bosCases].sort());
    const first = json.bezwaren.find((c) => c.reference === bosCases[0])!;
    expect(first.grounds.text).toBe('Bo schrijft over haar bijstand.');
    expect(first.timeline.map((e) => e.kind)).toContain('filed');
    expect(first.messages).toEqual([
      expect.objectContaining({ from: 'gemeente', body: 'Ik bel u morgen, Bo.' }),
    ]);
    const attachment = first.documents.find((d) => d.kind === 'attachment')!;
    expect(attachment.filename).toBe('bo-besluit.pdf');
    expect(Buffer.from(files[attachment.file]).equals(FILES.pdf)).toBe(true);
    // Every document the JSON lists is in the archive, with the content its hash says.
    const { createHash } = await import('node:crypto');
    for (const kase of json.bezwaren) {
      for (const document of kase.documents) {
        expect(createHash('sha256').update(files[document.file]).digest('hex')).toBe(document.sha256);
      }
    }
    expect(json.bezwaren.flatMap((c) => c.documents.map((d) => d.kind))).toEqual(
      expect.arrayContaining(['attachment', 'receipt']),
    );
  });

  it('holds nothing of another citizen, in the JSON or in the files', async () => {
    const bos = await download(bo).expect(200);
    const { json: bosJson, files: bosFiles } = unzip(bos);
    expect(bosJson.bezwaren.map((c) => c.reference)).not.toContain(jansCase);
    const bosText = strFromU8(bosFiles['gegevens.json']);
    expect(bosText).not.toMatch(/Jan Bakker|999992570|parkeerboete|jan@example\.nl|jan-bon/);
    expect(Object.keys(bosFiles).some((path) => path.includes(jansCase))).toBe(false);

    const { json: jansJson, files: jansFiles } = unzip(await download(jan).expect(200));
    expect(jansJson.burger).toMatchObject({ name: 'Jan Bakker', bsn: '999992570' });
    expect(jansJson.bezwaren.map((c) => c.reference)).toEqual([jansCase]);
    expect(strFromU8(jansFiles['gegevens.json'])).not.toMatch(
      /Bo de Vries|999993653|haar bijstand|Ik bel u morgen|bo\.devries/,
    );
    expect(Object.keys(jansFiles).some((path) => bosCases.some((r) => path.includes(r)))).toBe(false);
  });

  it('needs a DigiD session of this municipality', async () => {
    const anonymous = await t.http().get('/api/v1/tenants/rivierstad/me/export').expect(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    await t.http().get('/api/v1/tenants/heuveldorp/me/export').set('Cookie', bo).expect(403);
    await t.http().get('/api/v1/tenants/rivierstad/me/export').auth(handler, { type: 'bearer' }).expect(401);
  });

  it('offers the download on "Mijn bezwaren" and serves it there, after DigiD', async () => {
    const mine = await t.http().get('/rivierstad/mijn-bezwaren').set('Cookie', bo).expect(200);
    expect(mine.text).toContain('href="/rivierstad/mijn-gegevens"');
    const { json } = unzip(
      await t
        .http()
        .get('/rivierstad/mijn-gegevens')
        .set('Cookie', bo)
        .buffer(true)
        .parse(binaryBody)
        .expect(200),
    );
    expect(json.bezwaren.map((c) => c.reference).sort()).toEqual([...bosCases].sort());
    const anonymous = await t.http().get('/rivierstad/mijn-gegevens').expect(303);
    expect(anonymous.headers.location).toBe('/rivierstad/inloggen?terug=%2Frivierstad%2Fmijn-bezwaren');
  });

  it('lets a tenant admin produce the same export on request, by BSN or by case', async () => {
    const byBsn = unzip(await staffExport(admin, { bsn: '999993653' }).expect(200)).json;
    expect(byBsn.burger).toMatchObject({ bsn: '999993653' });
    expect(byBsn.bezwaren.map((c) => c.reference).sort()).toEqual([...bosCases].sort());
    const byCase = unzip(await staffExport(admin, { reference: jansCase }).expect(200)).json;
    expect(byCase.burger).toMatchObject({ name: 'Jan Bakker' });
    expect(byCase.bezwaren.map((c) => c.reference)).toEqual([jansCase]);
  });

  it('refuses a handler, another municipality, and a request that names no one or no one known', async () => {
    await staffExport(handler, { bsn: '999993653' }).expect(403);
    await staffExport(await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example'), {
      bsn: '999993653',
    }).expect(403);
    await staffExport(admin, {}).expect(400);
    await staffExport(admin, { bsn: '999993653', reference: jansCase }).expect(400);
    await staffExport(admin, { bsn: '123456789' }).expect(400);
    // A valid BSN (elfproef) of someone who never logged in or filed here.
    await staffExport(admin, { bsn: '111222333' }).expect(404);
    await staffExport(admin, { reference: 'RIV-1999-00001' }).expect(404);
  });
});
