import { PROBLEM_CONTENT_TYPE } from '../src/common/problems/problem-details.filter';
import { Database } from '../src/database/database.service';
import { JobWorker } from '../src/jobs/job-worker.service';
import { RetentionScheduler } from '../src/retention/retention-scheduler.service';
import { TenantsService } from '../src/tenancy/tenants.service';
import { bosObjection, FILES } from './support/fixtures';
import { decodeHtml } from './support/pages';
import { startTestApp, TestApp } from './support/test-app';

interface StaffCase {
  status: string;
  objector: Record<string, unknown>;
  representative: Record<string, unknown> | null;
  grounds: { hints: string[]; text?: string };
  events: { kind: string; actor: string; data: Record<string, unknown> }[];
  documents: { id: string }[];
}

interface RunReport {
  trigger: string;
  finishedAt: string | null;
  anonymised: number;
  held: number;
  failed: number;
  anonymisedReferences: string[];
  heldReferences: string[];
  failedReferences: string[];
}

const sorted = (values: string[]) => [...values].sort();

describe('retention (Selectielijst) and legal hold', () => {
  let t: TestApp;
  let handler: string;
  let admin: string;
  let keys = 0;
  const refs: Record<string, string> = {};

  const api = (method: 'get' | 'post', path: string, token: string) =>
    t.http()[method](`/api/v1/tenants/rivierstad${path}`).auth(token, { type: 'bearer' });

  async function file(regulation = 'participatiewet', withAttachment = false): Promise<string> {
    const body = bosObjection({
      regulation,
      representative: { name: 'mr. A. Jansen', organisation: 'Het Juridisch Loket', email: 'a@example.nl' },
    });
    const request = t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `retention-${++keys}`);
    const response = withAttachment
      ? await request
          .field('objection', JSON.stringify(body))
          .attach('attachments', FILES.pdf, { filename: 'brief.pdf', contentType: 'application/pdf' })
      : await request.send(body);
    if (response.status !== 201) throw new Error(`filing answered ${response.status}: ${response.text}`);
    return (response.body as { reference: string }).reference;
  }

  /** Closes a case `ago` before now (decided unless another status is given), as it would have been then. */
  async function close(reference: string, ago: string, columns: Record<string, unknown> = {}) {
    const all: Record<string, unknown> = { status: 'decided', ...columns };
    const set = Object.keys(all).map((column, i) => `${column} = $${i + 3}`);
    await t.asOwner(
      `UPDATE objections SET closed_at = now() - $2::interval, ${set.join(', ')} WHERE reference = $1`,
      [reference, ago, ...Object.values(all)],
    );
  }

  const staffCase = async (reference: string) =>
    (await api('get', `/objections/${reference}`, handler).expect(200)).body as StaffCase;

  /** Background work of the filings (receipts) done, so that nothing is added to a case after the test's run. */
  async function settle() {
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await t.asOwner<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE state IN ('queued', 'running') AND kind <> 'retention.run'`,
      );
      if (n === 0) return;
      await t.app.get(JobWorker).poll();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('background jobs did not finish');
  }

  const snapshot = () =>
    t.asOwner(
      `SELECT o.reference, o.objector, o.representative, o.grounds, o.anonymised_at, o.legal_hold_since,
              (SELECT count(*)::int FROM documents d WHERE d.tenant_id = o.tenant_id AND d.objection_id = o.id) AS docs,
              (SELECT jsonb_agg(e.data ORDER BY e.at, e.id) FROM objection_events e
                WHERE e.tenant_id = o.tenant_id AND e.objection_id = o.id) AS events
         FROM objections o ORDER BY o.reference`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    handler = await t.tokenFor('rivierstad');
    admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    refs.defaultDue = await file('participatiewet', true);
    refs.defaultKept = await file();
    refs.withdrawnDue = await file();
    refs.inadmissibleKept = await file();
    refs.wozKept = await file('woz');
    refs.wozDue = await file('woz');
    refs.costsKept = await file();
    refs.taxDue = await file('parkeerbelasting');
    refs.held = await file();
    refs.open = await file();
    await settle();
    await close(refs.defaultDue, '5 years 2 days', { outcome: 'unfounded' });
    await close(refs.defaultKept, '4 years 11 months', { outcome: 'founded' });
    await close(refs.withdrawnDue, '1 year 2 days', { status: 'withdrawn' });
    await close(refs.inadmissibleKept, '11 months', { outcome: 'inadmissible' });
    await close(refs.wozKept, '11 years', { outcome: 'unfounded' });
    await close(refs.wozDue, '12 years 2 days', { outcome: 'unfounded' });
    await close(refs.costsKept, '6 years', { outcome: 'founded', costs_cents: 64_700 });
    await close(refs.taxDue, '7 years 2 days', { outcome: 'unfounded' });
    await close(refs.held, '6 years', { outcome: 'unfounded' });
    await t.asOwner(`UPDATE objections SET received_at = now() - interval '20 years' WHERE reference = $1`, [
      refs.open,
    ]);
  }, 120_000);

  afterAll(() => t?.close());

  it('records when a case is closed, by the API and by any other path', async () => {
    const closedAt = async (reference: string) =>
      (
        await t.asOwner<{ recent: boolean | null }>(
          `SELECT closed_at > now() - interval '1 minute' AS recent FROM objections WHERE reference = $1`,
          [reference],
        )
      )[0].recent;
    const withdrawn = await file();
    expect(await closedAt(withdrawn)).toBeNull();
    const ended = await api('post', `/objections/${withdrawn}/withdrawal`, handler).send({ how: 'written' });
    expect(ended.status).toBe(200);
    expect(await closedAt(withdrawn)).toBe(true);
    const other = await file();
    await t.asOwner(`UPDATE objections SET status = 'closed' WHERE reference = $1`, [other]);
    expect(await closedAt(other)).toBe(true);
  });

  it('places a legal hold with a reason, in the timeline, and refuses a second one', async () => {
    const placed = await api('post', `/objections/${refs.held}/legal-hold`, handler)
      .send({ reason: 'Beroep ingesteld bij de rechtbank' })
      .expect(200);
    expect(placed.body).toMatchObject({ held: true, reason: 'Beroep ingesteld bij de rechtbank' });
    const again = await api('post', `/objections/${refs.held}/legal-hold`, handler)
      .send({ reason: 'Nog eens' })
      .expect(409);
    expect(again.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    await api('post', `/objections/${refs.held}/legal-hold`, handler).send({ reason: '   ' }).expect(400);
    await api('post', `/objections/${refs.open}/legal-hold/lift`, handler).send({ reason: 'x' }).expect(409);
    await api('post', '/objections/BZ-1999-999999/legal-hold', handler).send({ reason: 'x' }).expect(404);
    const events = (await staffCase(refs.held)).events.filter((e) => e.kind === 'legal_hold_placed');
    expect(events).toEqual([
      expect.objectContaining({ data: { reason: 'Beroep ingesteld bij de rechtbank' } }),
    ]);
    expect(events[0].actor).toMatch(/^staff:/);
  });

  it('anonymises exactly the cases past their term, skips and reports the held one', async () => {
    const before = await staffCase(refs.defaultDue);
    expect(before.documents.length).toBeGreaterThan(0);
    await api('post', '/admin/retention/runs', handler).expect(403);
    const run = (await api('post', '/admin/retention/runs', admin).expect(201)).body as RunReport;
    expect(run).toMatchObject({ trigger: 'manual', held: 1, failed: 0 });
    expect(run.finishedAt).not.toBeNull();
    expect(sorted(run.anonymisedReferences)).toEqual(
      sorted([refs.defaultDue, refs.withdrawnDue, refs.wozDue, refs.taxDue]),
    );
    expect(run.anonymised).toBe(4);
    expect(run.heldReferences).toEqual([refs.held]);

    const gone = await staffCase(refs.defaultDue);
    expect(gone.objector).toEqual({ name: '[geanonimiseerd]' });
    expect(gone.representative).toEqual({ name: '[geanonimiseerd]' });
    expect(gone.grounds.text).toBeUndefined();
    expect(gone.documents).toEqual([]);
    expect(gone.status).toBe('decided');
    expect(JSON.stringify(gone)).not.toMatch(
      /Bo de Vries|bo\.devries|woedend|Dijkstraat|Jansen|PW-2026-0042/,
    );
    expect(gone.events.map((e) => e.kind)).toContain('anonymised');
    const [stats] = await t.asOwner<{
      citizen_subject: string | null;
      case_token_hash: string | null;
      signals: unknown;
    }>(`SELECT citizen_subject, case_token_hash, signals FROM objections WHERE reference = $1`, [
      refs.defaultDue,
    ]);
    expect(stats).toEqual({ citizen_subject: null, case_token_hash: null, signals: null });

    for (const kept of [
      refs.defaultKept,
      refs.inadmissibleKept,
      refs.wozKept,
      refs.costsKept,
      refs.held,
      refs.open,
    ]) {
      const kase = await staffCase(kept);
      expect(kase.objector).toMatchObject({ name: 'Bo de Vries' });
      expect(kase.grounds.text).toContain('woedend');
    }
  });

  it('changes nothing more when it runs again', async () => {
    const before = await snapshot();
    const run = (await api('post', '/admin/retention/runs', admin).expect(201)).body as RunReport;
    expect(run).toMatchObject({ anonymised: 0, held: 1, failed: 0, anonymisedReferences: [] });
    expect(await snapshot()).toEqual(before);
    const runs = (await api('get', '/admin/retention/runs', admin).expect(200)).body as RunReport[];
    expect(runs.map((r) => r.anonymised)).toEqual([0, 4]);
    // The report names cases, never people.
    expect(JSON.stringify(runs)).not.toMatch(/Bo de Vries|Dijkstraat|woedend/);
    await api(
      'get',
      '/admin/retention/runs',
      await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example'),
    ).expect(403);
  });

  it('lets the app role neither anonymise a held or undue case nor delete or release one, even directly', async () => {
    const database = t.app.get(Database);
    const tenant = (await t.app.get(TenantsService).list()).find((x) => x.slug === 'rivierstad')!;
    const idOf = async (reference: string) =>
      (await t.asOwner<{ id: string }>(`SELECT id FROM objections WHERE reference = $1`, [reference]))[0].id;
    const asApp = (sql: string, params: unknown[]) =>
      database.forTenant(tenant.id, (db) => db.query(sql, params));
    const held = await idOf(refs.held);
    await expect(asApp(`SELECT retention_anonymise_case($1, $2)`, [tenant.id, held])).rejects.toThrow(
      /legal hold/,
    );
    await expect(
      asApp(`SELECT retention_anonymise_case($1, $2)`, [tenant.id, await idOf(refs.costsKept)]),
    ).rejects.toThrow(/kept until/);
    await expect(
      asApp(`DELETE FROM objections WHERE tenant_id = $1 AND id = $2`, [tenant.id, held]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asApp(`DELETE FROM documents WHERE tenant_id = $1 AND objection_id = $2`, [tenant.id, held]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asApp(
        `UPDATE objections SET legal_hold_reason = NULL, legal_hold_since = NULL WHERE tenant_id = $1 AND id = $2`,
        [tenant.id, held],
      ),
    ).rejects.toThrow(/retention functions/);
    // Another municipality's unit of work cannot reach it either.
    const other = (await t.app.get(TenantsService).list()).find((x) => x.slug === 'heuveldorp')!;
    await expect(
      database.forTenant(other.id, (db) =>
        db.query(`SELECT retention_anonymise_case($1, $2)`, [tenant.id, held]),
      ),
    ).rejects.toThrow(/not the tenant/);
    const [row] = await t.asOwner<{ held: boolean; anonymised: boolean }>(
      `SELECT legal_hold_since IS NOT NULL AS held, anonymised_at IS NOT NULL AS anonymised FROM objections WHERE id = $1`,
      [held],
    );
    expect(row).toEqual({ held: true, anonymised: false });
  });

  it('anonymises a case once its hold is lifted, and both steps stay in the timeline', async () => {
    await api('post', `/objections/${refs.held}/legal-hold/lift`, handler)
      .send({ reason: 'Uitspraak onherroepelijk' })
      .expect(200);
    const run = (await api('post', '/admin/retention/runs', admin).expect(201)).body as RunReport;
    expect(run).toMatchObject({ anonymised: 1, held: 0, anonymisedReferences: [refs.held] });
    const kinds = (await staffCase(refs.held)).events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['legal_hold_placed', 'legal_hold_lifted', 'anonymised']));
    // The reasons were text about the case: gone with the rest.
    expect(JSON.stringify((await staffCase(refs.held)).events)).not.toContain('rechtbank');
  });

  it('lets a handler place and lift a hold on pages linked from the case page', async () => {
    const cookie = await t.staffCookie('rivierstad');
    const casePage = await t
      .page(`/rivierstad/behandelaar/zaken/${refs.inadmissibleKept}`, cookie)
      .expect(200);
    const holdHref = `/rivierstad/behandelaar/bewaarplicht/${refs.inadmissibleKept}`;
    expect(casePage.text).toContain(`href="${holdHref}"`);
    expect((await t.page(holdHref, cookie).expect(200)).text).toContain('Geen bewaarplicht');
    const empty = await t.postForm(`${holdHref}/plaatsen`, cookie, { reden: ' ' }).expect(400);
    expect(empty.text).toContain('Geef een reden.');
    const placed = await t
      .postForm(`${holdHref}/plaatsen`, cookie, { reden: 'Klacht bij de ombudsman' })
      .expect(303);
    expect(placed.headers.location).toBe(`${holdHref}?gedaan=1`);
    const page = decodeHtml((await t.page(placed.headers.location, cookie).expect(200)).text);
    expect(page).toContain('De bewaarplicht is vastgelegd.');
    expect(page).toContain('Klacht bij de ombudsman');
    const again = await t.postForm(`${holdHref}/plaatsen`, cookie, { reden: 'Nog eens' }).expect(409);
    expect(decodeHtml(again.text)).toContain('staat al onder een bewaarplicht');
    await t.postForm(`${holdHref}/opheffen`, cookie, { reden: 'Klacht afgehandeld' }).expect(303);
    expect((await t.page(holdHref, cookie).expect(200)).text).toContain('Geen bewaarplicht');
    await t.postForm(`${holdHref}/wissen`, cookie, { reden: 'x' }).expect(404);
  });

  it('shows tenant admins the reports, held and due cases, and runs on request', async () => {
    const cookie = await t.staffCookie('rivierstad', 'beheer@rivierstad.example');
    const path = '/rivierstad/behandelaar/beheer/bewaartermijnen';
    const page = decodeHtml((await t.page(path, cookie).expect(200)).text);
    expect(page).toContain('Bewaartermijnen');
    expect(page).toContain(refs.defaultDue);
    expect(page).toContain(`Geanonimiseerd: `);
    expect(page).not.toMatch(/Bo de Vries|woedend/);
    const ran = await t.postForm(`${path}/uitvoeren`, cookie, {}).expect(303);
    expect(ran.headers.location).toBe(`${path}?gedaan=1`);
    expect(decodeHtml((await t.page(ran.headers.location, cookie).expect(200)).text)).toContain(
      'De bewaartermijnen zijn nagelopen.',
    );
    await t.page(path, await t.staffCookie('rivierstad')).expect(403);
  });

  it('queues one scheduled run per municipality a day, whichever replica asks, and the job queue runs it', async () => {
    const scheduler = t.app.get(RetentionScheduler);
    const tenants = (await t.app.get(TenantsService).list()).length;
    const [first, second] = await Promise.all([scheduler.queueToday(), scheduler.queueToday()]);
    expect(first + second).toBe(tenants);
    expect(await scheduler.queueToday()).toBe(0);
    const worker = t.app.get(JobWorker);
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await t.asOwner<{ n: number }>(
        `SELECT count(*)::int AS n FROM retention_runs WHERE trigger = 'schedule' AND finished_at IS NULL`,
      );
      if (n === 0) break;
      await worker.poll();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const scheduled = (
      (await api('get', '/admin/retention/runs', admin).expect(200)).body as RunReport[]
    ).filter((r) => r.trigger === 'schedule');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ anonymised: 0, held: 0, failed: 0 });
    expect(scheduled[0].finishedAt).not.toBeNull();
  });

  it('deletes the e-mails sent more than 30 days ago, and keeps newer and unsent ones', async () => {
    const slug = 'rivierstad';
    const mail = (subject: string, sentAgo: string | null) =>
      t.asOwner(
        `INSERT INTO outbox_messages (tenant_id, kind, payload, sent_at, next_attempt_at)
         SELECT id, 'email', $2::jsonb, now() - $3::interval, now() + interval '1 day'
           FROM tenants WHERE slug = $1`,
        [slug, JSON.stringify({ to: ['bo.devries@example.nl'], subject, text: subject }), sentAgo],
      );
    await mail('sent 31 days ago', '31 days');
    await mail('sent 29 days ago', '29 days');
    await mail('never sent', null);
    await t.asOwner(`UPDATE outbox_messages SET created_at = now() - interval '40 days'`);
    // Another municipality's old mail is its own run's business.
    await t.asOwner(
      `INSERT INTO outbox_messages (tenant_id, kind, payload, sent_at)
       SELECT id, 'email', '{"to": ["x@example.nl"], "subject": "elders", "text": "x"}', now() - interval '1 year'
         FROM tenants WHERE slug = 'heuveldorp'`,
    );

    await api('post', '/admin/retention/runs', admin).expect(201);

    const left = await t.asOwner<{ slug: string; subject: string }>(
      `SELECT t.slug, m.payload->>'subject' AS subject FROM outbox_messages m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.payload->>'subject' IN ('sent 31 days ago', 'sent 29 days ago', 'never sent', 'elders')
        ORDER BY 2`,
    );
    expect(left).toEqual([
      { slug: 'heuveldorp', subject: 'elders' },
      { slug: 'rivierstad', subject: 'never sent' },
      { slug: 'rivierstad', subject: 'sent 29 days ago' },
    ]);
  });
});
