import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { loadTenantConfigs } from '../src/tenancy/tenant-config.loader';
import type { TenantConfig } from '../src/tenancy/tenant-config.schema';
import { auditPage, launchChromium, navigation, newWatchedPage } from './support/browser';
import { bosObjection } from './support/fixtures';
import { decodeHtml } from './support/pages';
import { DEMO_PASSWORD, startTestApp, TestApp, userIdOf } from './support/test-app';

const API = '/api/v1/tenants/rivierstad/admin/configuration';
const PAGE = '/rivierstad/behandelaar/beheer/configuratie';

interface Change {
  field: string;
  label: string;
  change: string;
}
interface Preview {
  previewHash: string;
  notes: string[];
  diff: {
    unchanged: boolean;
    profile: Change[];
    regulations: Record<'added' | 'retired', { code: string }[]> &
      Record<'changed' | 'reactivated', { code: string; changes: Change[] }[]>;
    referralPartners: Record<'added', { code: string }[]> &
      Record<'changed' | 'reactivated', { code: string; changes: Change[] }[]>;
  };
}

/**
 * tenants/<slug>/ stays the seed; an admin exports the configuration as tenant.yaml and imports one through a
 * preview of what changes, applied only as previewed.
 */
describe('configuration as tenant.yaml', () => {
  let t: TestApp;
  let admin: string;
  let cookie: string;
  let dir: string;

  const exported = async () =>
    (await t.http().get(API).set('Authorization', `Bearer ${admin}`).expect(200)).text;
  const preview = async (yaml: string) =>
    (await t.http().post(`${API}/preview`).set('Authorization', `Bearer ${admin}`).send({ yaml }).expect(200))
      .body as Preview;
  const apply = (yaml: string, previewHash: string) =>
    t.http().post(API).set('Authorization', `Bearer ${admin}`).send({ yaml, previewHash });
  const edit = (yaml: string, change: (config: TenantConfig) => void) => {
    const config = parse(yaml) as TenantConfig;
    change(config);
    return stringify(config);
  };
  const regulationRow = async (code: string) =>
    (
      await t.asOwner<{ version: number; active: boolean; description: string }>(
        `SELECT r.version, r.active, r.definition->>'description' AS description
         FROM regulations r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = 'rivierstad' AND r.code = $1`,
        [code],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    cookie = await t.staffCookie('rivierstad', 'beheer@rivierstad.example');
    dir = mkdtempSync(join(tmpdir(), 'bezwaar-config-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports a tenant.yaml that the start-up loader accepts, as an attachment', async () => {
    const response = await t.http().get(API).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(response.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="tenant.yaml"');
    expect(response.headers['cache-control']).toBe('no-store');
    mkdirSync(join(dir, 'rivierstad'));
    writeFileSync(join(dir, 'rivierstad', 'tenant.yaml'), response.text);
    const [loaded] = loadTenantConfigs(dir);
    const seed = parse(
      readFileSync(join(__dirname, '..', 'tenants', 'rivierstad', 'tenant.yaml'), 'utf8'),
    ) as TenantConfig;
    expect(loaded.slug).toBe('rivierstad');
    expect(loaded.demoStaff).toEqual([]);
    expect(loaded.regulations.map((r) => r.code).sort()).toEqual(seed.regulations.map((r) => r.code).sort());
    expect(loaded.referralPartners.map((p) => p.code).sort()).toEqual(
      seed.referralPartners.map((p) => p.code).sort(),
    );
    expect(loaded.signals).toEqual(seed.signals);
    expect(response.text).not.toContain('demoStaff');
    // Importing what was exported changes nothing.
    const same = await t
      .http()
      .post(`${API}/preview`)
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/yaml')
      .send(response.text)
      .expect(200);
    expect((same.body as Preview).diff.unchanged).toBe(true);
  });

  it('previews a changed regulation field by field and applies it as a new version; earlier filings keep theirs', async () => {
    // A filing under the current version first.
    const filed = await t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `config-import-${Date.now()}`)
      .send(bosObjection({ regulation: 'wmo', grounds: { hints: [], text: 'Ik heb meer hulp nodig.' } }))
      .expect(201);
    const before = await regulationRow('wmo');
    const yaml = edit(await exported(), (config) => {
      const wmo = config.regulations.find((r) => r.code === 'wmo')!;
      wmo.description = 'Besluiten over hulp thuis, vervoer en hulpmiddelen (nieuw ingelezen).';
      wmo.diagnosis.questions[0].text = 'Heeft u een besluit van de gemeente gekregen?';
    });
    const shown = await preview(yaml);
    expect(shown.diff.unchanged).toBe(false);
    expect(shown.diff.profile).toEqual([]);
    expect(shown.diff.regulations.changed).toEqual([
      {
        code: 'wmo',
        name: expect.any(String),
        changes: [
          {
            field: 'description',
            label: 'Omschrijving',
            change: expect.stringMatching(
              /→ "Besluiten over hulp thuis, vervoer en hulpmiddelen \(nieuw ingelezen\)\."$/,
            ),
          },
          { field: 'diagnosis.questions', label: 'Keuzehulp: vragen', change: 'gewijzigd: hasDecision' },
        ],
      },
    ]);
    expect(shown.diff.regulations.added).toEqual([]);
    expect(shown.diff.regulations.retired).toEqual([]);
    expect(shown.previewHash).toMatch(/^[0-9a-f]{64}$/);

    const applied = await apply(yaml, shown.previewHash).expect(200);
    expect(applied.body.versions).toEqual({ wmo: before.version + 1 });
    const after = await regulationRow('wmo');
    expect(after.version).toBe(before.version + 1);
    expect(after.description).toBe('Besluiten over hulp thuis, vervoer en hulpmiddelen (nieuw ingelezen).');
    const [version] = await t.asOwner<{ note: string; created_by: string }>(
      `SELECT v.note, v.created_by FROM regulation_versions v JOIN regulations r ON r.tenant_id = v.tenant_id
         AND r.id = v.regulation_id WHERE r.code = 'wmo' AND v.version = $1
         AND r.tenant_id = (SELECT id FROM tenants WHERE slug = 'rivierstad')`,
      [after.version],
    );
    expect(version).toEqual({ note: 'Ingelezen uit tenant.yaml', created_by: userIdOf(admin) });
    const [objection] = await t.asOwner<{ regulation_version: number }>(
      `SELECT regulation_version FROM objections WHERE reference = $1`,
      [(filed.body as { reference: string }).reference],
    );
    expect(objection.regulation_version).toBe(before.version);
    // The citizens' list follows.
    const list = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
      code: string;
      description: string;
    }[];
    expect(list.find((r) => r.code === 'wmo')!.description).toContain('nieuw ingelezen');
    // The same file again: nothing left to do.
    expect((await preview(yaml)).diff.unchanged).toBe(true);
  });

  it('retires a regulation the file leaves out, adds a partner, and takes the regulation back later', async () => {
    const original = await exported();
    const yaml = edit(original, (config) => {
      config.regulations = config.regulations.filter((r) => r.code !== 'parkeerbelasting');
      config.referralPartners.push({
        code: 'voedselbank',
        name: 'Voedselbank Rivierstad',
        kind: 'other',
        description: 'Gratis boodschappen voor wie even niet rondkomt.',
        phone: '0123 45 67 89',
      });
    });
    const shown = await preview(yaml);
    expect(shown.diff.regulations.retired).toEqual([{ code: 'parkeerbelasting', name: expect.any(String) }]);
    expect(shown.diff.referralPartners.added).toEqual([
      { code: 'voedselbank', name: 'Voedselbank Rivierstad' },
    ]);
    await apply(yaml, shown.previewHash).expect(200);
    expect((await regulationRow('parkeerbelasting')).active).toBe(false);
    const list = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
      code: string;
    }[];
    expect(list.map((r) => r.code)).not.toContain('parkeerbelasting');
    const partners = (
      await t
        .http()
        .get('/api/v1/tenants/rivierstad/referral-partners')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body as { code: string }[];
    expect(partners.map((p) => p.code)).toContain('voedselbank');
    // The export says so, and leaves it out.
    const now = await exported();
    expect(now).toContain('# Buiten gebruik (niet in dit bestand): parkeerbelasting.');
    expect((parse(now) as TenantConfig).regulations.map((r) => r.code)).not.toContain('parkeerbelasting');

    // The original file (without the new partner): the regulation comes back; the partner stays.
    const back = await preview(original);
    expect(back.diff.regulations.reactivated).toEqual([
      { code: 'parkeerbelasting', name: expect.any(String), changes: [] },
    ]);
    expect(JSON.stringify(back.diff.referralPartners)).not.toContain('voedselbank');
    await apply(original, back.previewHash).expect(200);
    expect((await regulationRow('parkeerbelasting')).active).toBe(true);
  });

  it('applies profile changes through the settings and the signal terms; leaves the inhabitants to the operator', async () => {
    const yaml = edit(await exported(), (config) => {
      config.contact.phone = '14 0999';
      config.settings.firstContactWorkingDays = 2;
      config.contact.visitingAddress = {
        street: 'Havenkade',
        houseNumber: '7',
        postalCode: '4101 BK',
        city: 'Rivierstad',
      };
      config.signals!.lifeDomains.push({ phrase: 'kluppelbank', code: 'finances' });
      config.inhabitants = 160_000;
    });
    const shown = await preview(yaml);
    expect(shown.diff.profile.map((c) => c.field)).toEqual([
      'contact.phone',
      'contact.visitingAddress.street',
      'contact.visitingAddress.houseNumber',
      'settings.firstContactWorkingDays',
      'signals.lifeDomains',
    ]);
    expect(shown.diff.profile[4].change).toBe('toegevoegd: "kluppelbank"');
    expect(shown.notes).toEqual([
      expect.stringMatching(/^inhabitants wordt niet ingelezen \(160000 in het bestand, nu 155000\)/),
    ]);
    const analyze = () =>
      t
        .http()
        .post('/api/v1/tenants/rivierstad/signals/analyze')
        .set('Authorization', `Bearer ${admin}`)
        .send({ text: 'Ik moest naar de kluppelbank.' })
        .expect(200);
    expect(JSON.stringify((await analyze()).body.lifeDomains)).not.toContain('kluppelbank');

    await apply(yaml, shown.previewHash).expect(200);
    const [tenant] = await t.asOwner<{
      profile: { contact: Record<string, unknown>; settings: Record<string, unknown>; inhabitants: number };
      profile_origin: string;
    }>(`SELECT profile, profile_origin FROM tenants WHERE slug = 'rivierstad'`);
    expect(tenant.profile.contact.phone).toBe('14 0999');
    expect(tenant.profile.contact.visitingAddress).toMatchObject({ street: 'Havenkade', houseNumber: '7' });
    expect(tenant.profile.settings.firstContactWorkingDays).toBe(2);
    expect(tenant.profile.inhabitants).toBe(155_000);
    expect(tenant.profile_origin).toBe('admin');
    expect((await analyze()).body.lifeDomains).toEqual([
      expect.objectContaining({
        code: 'finances',
        evidence: expect.arrayContaining([expect.stringContaining('kluppelbank')]),
      }),
    ]);
    // What the settings refuse beyond the file's shape (a colour too light for text) is refused before anything.
    const light = edit(await exported(), (config) => {
      config.branding.primaryColor = '#FFFF00';
      config.regulations[0].law = 'Participatiewet (niet ingelezen)';
    });
    const refused = await t
      .http()
      .post(`${API}/preview`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ yaml: light })
      .expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'branding.primaryColor', message: expect.stringContaining('te licht') },
    ]);
  });

  it('refuses an invalid file with a message per problem, by path and line, and changes nothing', async () => {
    const before = await exported();
    const syntax = await t
      .http()
      .post(`${API}/preview`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ yaml: 'slug: rivierstad\nname: [niet afgesloten\n' })
      .expect(400);
    expect(syntax.body.errors).toEqual([
      { field: 'yaml', message: expect.stringMatching(/^Dit is geen geldige YAML \(regel \d+\)/) },
    ]);

    const broken = edit(before, (config) => {
      (config as { inhabitants: unknown }).inhabitants = 'veel';
      (config.regulations[0] as { termModel: string }).termModel = 'nieuw';
      delete (config.regulations[1] as Partial<TenantConfig['regulations'][number]>).law;
    });
    const invalid = await t
      .http()
      .post(`${API}/preview`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ yaml: broken })
      .expect(400);
    expect(invalid.body.detail).toContain('Dit bestand kan niet worden ingelezen.');
    const fields = (invalid.body.errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(['inhabitants', 'regulations[0].termModel', 'regulations[1].law']);
    for (const error of invalid.body.errors as { message: string }[])
      expect(error.message).toMatch(/\(regel \d+\)$/);
    expect((invalid.body.errors as { message: string }[])[2].message).toMatch(/^Dit ontbreekt: vul het in/);

    const diagnosis = edit(before, (config) => {
      config.regulations[0].diagnosis.questions[0].next[0].goto = 'bestaatNiet';
    });
    const tree = await t
      .http()
      .post(`${API}/preview`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ yaml: diagnosis })
      .expect(400);
    expect((tree.body.errors as { field: string }[])[0].field).toBe(
      'regulations[0].diagnosis.questions[0].next[0].goto',
    );

    const other = edit(before, (config) => (config.slug = 'heuveldorp'));
    const slug = await t
      .http()
      .post(`${API}/preview`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ yaml: other })
      .expect(400);
    expect(slug.body.errors).toEqual([
      { field: 'slug', message: expect.stringContaining('alleen de configuratie van "rivierstad"') },
    ]);

    // Applying an invalid file is refused the same way, whatever hash comes with it.
    await apply(broken, 'a'.repeat(64)).expect(400);
    await t.http().post(API).set('Authorization', `Bearer ${admin}`).send({ yaml: before }).expect(400);
    await t.http().post(`${API}/preview`).set('Authorization', `Bearer ${admin}`).send({}).expect(400);
    const withoutHeader = (yaml: string) => yaml.replace(/^#.*\n/gm, '');
    expect(withoutHeader(await exported())).toBe(withoutHeader(before));
  });

  it('refuses a stale preview (409): the configuration or the file changed since', async () => {
    const yaml = edit(await exported(), (config) => {
      config.regulations.find((r) => r.code === 'jeugdwet')!.law = 'Jeugdwet (stale test)';
    });
    const shown = await preview(yaml);
    // Meanwhile a colleague changes a partner.
    await t.asOwner(
      `UPDATE referral_partners SET definition = jsonb_set(definition, '{phone}', '"0800 0000"')
       WHERE code = 'schuldhulpverlening' AND tenant_id = (SELECT id FROM tenants WHERE slug = 'rivierstad')`,
    );
    const stale = await apply(yaml, shown.previewHash).expect(409);
    expect(stale.body.detail).toContain('De configuratie is veranderd sinds de voorvertoning');
    expect(stale.body.detail).toContain('Er is niets ingelezen.');
    expect((await regulationRow('jeugdwet')).version).toBe(1);

    // A fresh preview shows both; a different file under that preview's hash is refused as well.
    const fresh = await preview(yaml);
    expect(fresh.diff.referralPartners.changed.map((p) => p.code)).toEqual(['schuldhulpverlening']);
    await apply(`${yaml}\n# anders\n`, fresh.previewHash).expect(409);
    await apply(yaml, fresh.previewHash).expect(200);
    expect((await regulationRow('jeugdwet')).version).toBe(2);
  });

  it('offers the own letter templates for download, one file each', async () => {
    const source = readFileSync(join(__dirname, '..', 'templates', 'letters', 'receipt.hbs'), 'utf8');
    await t.asOwner(
      `INSERT INTO letter_templates (tenant_id, kind, source) SELECT id, 'receipt', $1 FROM tenants WHERE slug = 'rivierstad'`,
      [source],
    );
    const letters = await t.http().get(`${API}/letters`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(letters.body).toEqual([
      expect.objectContaining({
        kind: 'receipt',
        name: 'Ontvangstbevestiging',
        href: `${API}/letters/receipt`,
      }),
    ]);
    const file = await t
      .http()
      .get(`${API}/letters/receipt`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="receipt.hbs"');
    expect(file.text).toBe(source);
    const none = await t
      .http()
      .get(`${API}/letters/decision`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
    expect(none.body.detail).toContain('standaardtekst van het platform');
    const page = await t.page(`${PAGE}/brieven/receipt.hbs`, cookie).expect(200);
    expect(page.text).toBe(source);
  });

  it('works from the page: download, upload, preview, confirm; errors and a stale preview on the page', async () => {
    const page = await t.page(PAGE, cookie).expect(200);
    expect(page.text).toContain(`href="${PAGE}/tenant.yaml"`);
    expect(page.text).toContain('Ontvangstbevestiging (templates/letters/receipt.hbs)');
    const download = await t.page(`${PAGE}/tenant.yaml`, cookie).expect(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="tenant.yaml"');

    const yaml = edit(download.text, (config) => {
      config.regulations.find((r) => r.code === 'woz')!.advisoryCommittee = true;
    });
    const shown = await t
      .http()
      .post(`${PAGE}/voorvertoning`)
      .set('Cookie', cookie)
      .attach('bestand', Buffer.from(yaml), 'tenant.yaml')
      .expect(200);
    const html = decodeHtml(shown.text);
    expect(html).toContain('<title>Voorvertoning – Bezwaren behandelen – Gemeente Rivierstad</title>');
    expect(html).toContain('Gewijzigd (krijgen een nieuwe versie)');
    expect(html).toContain('Adviescommissie: nee → ja');
    const hidden = (name: string) =>
      decodeHtml(new RegExp(`name="${name}" value="([^"]*)"`).exec(shown.text)![1]);
    expect(hidden('yaml')).toBe(yaml);
    // The browser sends the text back with CRLF line ends.
    const confirmed = await t
      .postForm(`${PAGE}/toepassen`, cookie, {
        yaml: hidden('yaml').replace(/\n/g, '\r\n'),
        hash: hidden('hash'),
      })
      .expect(303);
    expect(confirmed.headers.location).toBe(`${PAGE}?gedaan=ingelezen`);
    expect((await t.page(confirmed.headers.location, cookie).expect(200)).text).toContain(
      'De configuratie is ingelezen.',
    );
    expect((await regulationRow('woz')).version).toBe(2);

    // The same confirmation again: the configuration changed since that preview.
    const again = await t
      .postForm(`${PAGE}/toepassen`, cookie, { yaml: hidden('yaml'), hash: hidden('hash') })
      .expect(409);
    expect(decodeHtml(again.text)).toContain('De configuratie is veranderd sinds de voorvertoning');

    // Pasted text with a problem: the page again, the text kept, the problem by path.
    const broken = yaml.replace('termModel: awb', 'termModel: nieuw');
    const refused = await t.postForm(`${PAGE}/voorvertoning`, cookie, { yaml: broken }).expect(400);
    expect(refused.text).toContain('<title>Fout: Configuratie');
    expect(decodeHtml(refused.text)).toMatch(/regulations\[\d\]\.termModel: .*\(regel \d+\)/);
    expect(decodeHtml(refused.text)).toContain('termModel: nieuw');
  });

  it('passes axe on the configuration page, the preview and the page with errors (chromium)', async () => {
    let browser: Browser | undefined;
    const audited: string[] = [];
    try {
      browser = await launchChromium();
      await t.app.listen(0, '127.0.0.1');
      const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
      const { context, page } = await newWatchedPage(browser, { width: 1280, height: 900 });
      await page.goto(`${base}/rivierstad/behandelaar/inloggen`);
      await page.getByLabel('E-mailadres').fill('beheer@rivierstad.example');
      await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await navigation(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
      await page.goto(`${base}${PAGE}`);
      await auditPage(page, 'configuratie', audited);

      const before = await exported();
      const phone = (parse(before) as TenantConfig).contact.phone;
      const yaml = edit(before, (config) => {
        config.contact.phone = '14 0888';
      });
      const file = join(dir, 'upload.yaml');
      writeFileSync(file, yaml);
      await page.getByLabel('Bestand (tenant.yaml)').setInputFiles(file);
      await navigation(page, () => page.getByRole('button', { name: 'Bekijk wat er verandert' }).click());
      expect(await page.locator('h1').textContent()).toBe('Voorvertoning');
      expect(await page.getByText(`"${phone}" → "14 0888"`).count()).toBe(1);
      await auditPage(page, 'voorvertoning', audited);
      await navigation(page, () => page.getByRole('link', { name: 'Annuleren: niets opslaan' }).click());

      await page.getByLabel('Of plak de inhoud').fill('slug: rivierstad\n');
      await navigation(page, () => page.getByRole('button', { name: 'Bekijk wat er verandert' }).click());
      expect(await page.getByRole('alert').textContent()).toContain('name: Dit ontbreekt: vul het in.');
      await auditPage(page, 'configuratie met fouten', audited);
      await context.close();
    } finally {
      await browser?.close();
      console.log(`axe (configuration):\n${audited.join('\n')}`);
    }
  }, 120_000);
});
