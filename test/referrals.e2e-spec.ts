import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { Database } from '../src/database/database.service';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { TENANT_CONFIGS } from '../src/tenancy/tenant-seed.service';
import { TenantConfig } from '../src/tenancy/tenant-config.schema';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

interface Partner {
  code: string;
  name: string;
  kind: string;
  description: string;
  phone: string | null;
  email: string | null;
  website: string | null;
}

describe('referrals to partners (staff)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let token: string;
  let otherTenantToken: string;
  let rivierstad: TenantConfig;
  let rivierstadId: string;

  beforeAll(async () => {
    smtp = new SmtpSink();
    // The outbox is dispatched by hand in these tests.
    t = await startTestApp({ SMTP_URL: await smtp.start(), OUTBOX_POLL_MS: '600000' });
    token = await t.tokenFor('rivierstad');
    otherTenantToken = await t.tokenFor('heuveldorp');
    rivierstad = t.app.get<TenantConfig[]>(TENANT_CONFIGS).find((c) => c.slug === 'rivierstad')!;
    rivierstadId = (await t.app.get(TenantsService).requireBySlug('rivierstad')).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  let keys = 0;
  const fileCase = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const response = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `referrals-${Date.now()}-${++keys}`)
      .send(bosObjection(overrides))
      .expect(201);
    return response.body.reference as string;
  };
  const partners = (query = '', bearer = token) =>
    t.http().get(`/api/v1/tenants/rivierstad/referral-partners${query}`).auth(bearer, { type: 'bearer' });
  const refer = (reference: string, body: object, bearer = token) =>
    t
      .http()
      .post(`/api/v1/tenants/rivierstad/objections/${reference}/referrals`)
      .auth(bearer, { type: 'bearer' })
      .send(body);
  const getCase = async (reference: string) =>
    (
      await t
        .http()
        .get(`/api/v1/tenants/rivierstad/objections/${reference}`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body;
  const referralMails = async (reference: string) => {
    await t.app.get(OutboxDispatcher).dispatchDue();
    return smtp.messages.filter((m) => m.subject?.includes(reference) && m.subject.startsWith('Tip'));
  };
  const queued = async (reference: string) =>
    Number(
      (
        (await t.app
          .get(Database)
          .forTenant(rivierstadId, (db) =>
            db.query(
              `SELECT count(*)::int AS n FROM outbox_messages WHERE payload->>'subject' LIKE 'Tip%' AND payload->>'subject' LIKE $1`,
              [`%${reference}%`],
            ),
          )) as { n: number }[]
      )[0].n,
    );

  describe('GET /referral-partners', () => {
    it("lists the tenant's active partners with their contact details", async () => {
      const response = await partners().expect(200);
      const list = response.body as Partner[];
      expect(list.map((p) => p.code).sort()).toEqual(rivierstad.referralPartners.map((p) => p.code).sort());
      const debt = list.find((p) => p.code === 'schuldhulpverlening')!;
      const configured = rivierstad.referralPartners.find((p) => p.code === 'schuldhulpverlening')!;
      expect(debt).toEqual({
        code: 'schuldhulpverlening',
        name: configured.name,
        kind: 'debt_counselling',
        description: configured.description,
        phone: configured.phone ?? null,
        email: configured.email ?? null,
        website: configured.website ?? null,
      });
      const names = list.map((p) => p.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    });

    it("puts the regulation's own partners first, in the regulation's order", async () => {
      // The regulation with the fewest partners shows the ordering best.
      const regulation = [...rivierstad.regulations].sort(
        (a, b) => a.referralPartners.length - b.referralPartners.length,
      )[0];
      const list = (await partners(`?regulation=${regulation.code}`).expect(200)).body as Partner[];
      expect(list.slice(0, regulation.referralPartners.length).map((p) => p.code)).toEqual(
        regulation.referralPartners,
      );
      expect(list).toHaveLength(rivierstad.referralPartners.length);
    });

    it('refuses an unknown regulation with 400, no token with 401 and another tenant with 403', async () => {
      const unknown = await partners('?regulation=bestaat-niet').expect(400);
      expect(unknown.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(unknown.body.errors).toEqual([
        { field: 'regulation', message: 'Deze regeling bestaat niet bij deze gemeente.' },
      ]);
      await t.http().get('/api/v1/tenants/rivierstad/referral-partners').expect(401);
      const foreign = await partners('', otherTenantToken).expect(403);
      expect(JSON.stringify(foreign.body)).not.toContain('Rivierstad');
    });
  });

  describe('POST /objections/{reference}/referrals', () => {
    it('refers Bo to debt counselling: 201, a snapshot on the timeline and a plain e-mail', async () => {
      const reference = await fileCase();
      const note = 'U kunt bij hen terecht voor een eerste gesprek, ook nu uw bezwaar loopt.';
      const response = await refer(reference, { partner: 'schuldhulpverlening', note }).expect(201);
      const configured = rivierstad.referralPartners.find((p) => p.code === 'schuldhulpverlening')!;
      expect(response.body).toEqual({
        reference,
        partner: { code: 'schuldhulpverlening', name: configured.name },
      });

      const kase = await getCase(reference);
      const entry = (
        kase.timeline as { kind: string; summary: string; actor: { name: string }; data: object }[]
      ).find((e) => e.kind === 'referral_sent')!;
      expect(entry.summary).toBe(`Doorverwezen naar ${configured.name}`);
      expect(entry.actor.name).toBe('Jeroen Bakker');
      expect(entry.data).toEqual({
        partnerCode: 'schuldhulpverlening',
        partnerName: configured.name,
        kind: 'debt_counselling',
        description: configured.description,
        ...(configured.phone ? { phone: configured.phone } : {}),
        ...(configured.email ? { email: configured.email } : {}),
        ...(configured.website ? { website: configured.website } : {}),
        note,
      });
      // The referral does not change where the case stands.
      expect(kase.status).toBe('received');

      const [mail] = await referralMails(reference);
      expect(mail).toBeDefined();
      expect(mail.to).toMatchObject({ text: 'bo.devries@example.nl' });
      const text = mail.text ?? '';
      expect(text).toContain('Beste Bo de Vries,');
      expect(text).toContain(configured.name);
      expect(text).toContain(configured.description.replace(/\s+/g, ' ').trim().slice(0, 40));
      if (configured.phone) expect(text).toContain(configured.phone);
      if (configured.email) expect(text).toContain(configured.email);
      expect(text).toContain(note);
      expect(text).toContain('De hulp is gratis.');
      expect(text).toContain('U kiest zelf of u contact opneemt.');
      expect(text).toContain('Het heeft geen gevolgen voor uw bezwaar.');
      // Nothing of the objection itself: not her grounds.
      expect(text).not.toContain('woedend');
      expect(text).not.toContain('deurwaarder');
      expect(await referralMails(reference)).toHaveLength(1);
    });

    it('writes to the representative when there is one with an e-mail address', async () => {
      const reference = await fileCase({
        representative: {
          name: 'mr. A. Jansen',
          organisation: 'Het Juridisch Loket',
          email: 'jansen@loket.example',
        },
      });
      await refer(reference, { partner: 'maatschappelijk_werk' }).expect(201);
      const [mail] = await referralMails(reference);
      expect(mail.to).toMatchObject({ text: 'jansen@loket.example' });
      expect(mail.cc).toBeUndefined();
      expect(mail.text).toContain('U helpt Bo de Vries');
    });

    it('sends no e-mail when there is no address; the referral is still on the case', async () => {
      const objector = { ...bosObjection().objector } as Record<string, unknown>;
      delete objector.email;
      const reference = await fileCase({ objector });
      await refer(reference, { partner: 'juridisch_loket' }).expect(201);
      expect(await queued(reference)).toBe(0);
      expect(await referralMails(reference)).toHaveLength(0);
      const kase = await getCase(reference);
      expect((kase.timeline as { kind: string }[]).map((e) => e.kind)).toContain('referral_sent');
    });

    it('refuses an unknown or inactive partner with 400 and records nothing', async () => {
      const reference = await fileCase();
      const unknown = await refer(reference, { partner: 'bestaat-niet' }).expect(400);
      expect(unknown.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(unknown.body.errors).toEqual([
        { field: 'partner', message: 'Kies een hulporganisatie uit de lijst van deze gemeente.' },
      ]);
      const missing = await refer(reference, {}).expect(400);
      expect(missing.body.errors[0].field).toBe('partner');

      await t.app
        .get(Database)
        .forTenant(rivierstadId, (db) =>
          db.query(`UPDATE referral_partners SET active = false WHERE code = 'formulierenbrigade'`),
        );
      try {
        const inactive = await refer(reference, { partner: 'formulierenbrigade' }).expect(400);
        expect(inactive.body.errors[0].field).toBe('partner');
        const list = (await partners().expect(200)).body as Partner[];
        expect(list.map((p) => p.code)).not.toContain('formulierenbrigade');
      } finally {
        await t.app
          .get(Database)
          .forTenant(rivierstadId, (db) =>
            db.query(`UPDATE referral_partners SET active = true WHERE code = 'formulierenbrigade'`),
          );
      }
      const kase = await getCase(reference);
      expect((kase.timeline as { kind: string }[]).map((e) => e.kind)).toEqual(['filed']);
      expect(await queued(reference)).toBe(0);
    });

    it('refuses a referral on a closed case with 409 and records nothing', async () => {
      const reference = await fileCase();
      await t
        .http()
        .post(`/api/v1/tenants/rivierstad/objections/${reference}/status`)
        .auth(token, { type: 'bearer' })
        .send({ status: 'closed' })
        .expect(200);
      const response = await refer(reference, { partner: 'schuldhulpverlening' }).expect(409);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body.detail).toContain('Afgesloten');
      const kase = await getCase(reference);
      expect((kase.timeline as { kind: string }[]).map((e) => e.kind)).not.toContain('referral_sent');
      expect(await queued(reference)).toBe(0);
    });

    it("answers 404 for an unknown case and 403 for another tenant's token", async () => {
      await refer('RIV-2000-99999', { partner: 'schuldhulpverlening' }).expect(404);
      const reference = await fileCase();
      const foreign = await refer(reference, { partner: 'schuldhulpverlening' }, otherTenantToken).expect(
        403,
      );
      expect(JSON.stringify(foreign.body)).not.toContain('Bo de Vries');
      expect(await queued(reference)).toBe(0);
    });
  });
});
