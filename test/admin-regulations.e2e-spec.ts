import type { Page } from 'playwright-core';
import { toYaml } from '../src/regulations/regulation-yaml';
import type { RegulationConfig } from '../src/tenancy/tenant-config.schema';
import { axeViolations, browserOnApp, navigation } from './support/browser';
import { bosObjection } from './support/fixtures';
import { decodeHtml, titleOf } from './support/pages';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

const API = '/api/v1/tenants/rivierstad/admin/regulations';
const PAGES = '/rivierstad/behandelaar/beheer/regelingen';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/**
 * A tenant admin changes regulations: every change validated with Dutch messages per path, kept as a version;
 * citizens follow the current version at once, a filed case keeps its own; rollback, optimistic locking and
 * retiring; the same through the pages, without JavaScript, and checked with axe.
 */
describe('regulation administration', () => {
  let t: TestApp;
  let admin: string;
  let handler: string;
  let adminCookie: string;
  let handlerCookie: string;
  let original: RegulationConfig;

  const summaryOf = (html: string) =>
    [
      ...(/<ul class="error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(
        /<li>([\s\S]*?)<\/li>/g,
      ),
    ].map((m) => decodeHtml(m[1].replace(/<[^>]+>/g, '').trim()));

  const get = (path: string, token = admin) => t.http().get(path).set('authorization', `Bearer ${token}`);
  const put = (code: string, body: object, token = admin) =>
    t.http().put(`${API}/${code}`).set('authorization', `Bearer ${token}`).send(body);
  const current = async (code = 'participatiewet') =>
    (await get(`${API}/${code}`).expect(200)).body as { version: number; regulation: RegulationConfig };
  const changed = async (change: (r: RegulationConfig) => void) => {
    const { regulation } = await current();
    change(regulation);
    return regulation;
  };
  const rejected = async (change: (r: RegulationConfig) => void, expectedVersion = 1) => {
    const response = await put('participatiewet', { ...(await changed(change)), expectedVersion });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return (response.body as Problem).errors ?? [];
  };
  const diagnose = (regulation: string, answers: Record<string, string> = {}) =>
    t.http().post('/api/v1/tenants/rivierstad/diagnosis').send({ regulation, answers });
  let keys = 0;
  const file = (body: object) =>
    t
      .http()
      .post('/api/v1/tenants/rivierstad/objections')
      .set('Idempotency-Key', `admin-regulations-${Date.now()}-${++keys}`)
      .send(body);
  const versionOfCase = async (reference: string) =>
    (
      await t.asOwner<{ regulation_version: number }>(
        `SELECT regulation_version FROM objections WHERE reference = $1`,
        [reference],
      )
    )[0].regulation_version;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '600000' });
    admin = await t.tokenFor('rivierstad', 'beheer@rivierstad.example');
    handler = await t.tokenFor('rivierstad');
    adminCookie = await t.staffCookie('rivierstad', 'beheer@rivierstad.example');
    handlerCookie = await t.staffCookie('rivierstad');
    original = (await current()).regulation;
  });
  afterAll(() => t?.close());

  describe('access', () => {
    it('is for tenant admins only: a handler’s token and another municipality’s admin get 403', async () => {
      await get(API, handler).expect(403);
      await put('participatiewet', { ...original, expectedVersion: 1 }, handler).expect(403);
      const other = await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example');
      const response = await get(API, other).expect(403);
      expect(JSON.stringify(response.body)).not.toContain('participatiewet');
      await t.http().get(API).expect(401);
    });

    it('refuses the pages to a handler, and sends someone without a session to the login', async () => {
      const page = await t.page(PAGES, handlerCookie).expect(403);
      expect(page.text).toContain('Alleen functioneel beheerders');
      const anonymous = await t.http().get(PAGES).expect(303);
      expect(anonymous.headers.location).toContain('/rivierstad/behandelaar/inloggen');
    });
  });

  describe('reading', () => {
    it('lists every regulation with its status, version and origin', async () => {
      const list = (await get(API).expect(200)).body as {
        code: string;
        version: number;
        active: boolean;
        origin: string;
      }[];
      expect(list.map((r) => r.code)).toEqual(expect.arrayContaining(['participatiewet', 'wmo']));
      expect(list.find((r) => r.code === 'participatiewet')).toMatchObject({
        version: 1,
        active: true,
        origin: 'file',
      });
    });

    it('gives one regulation in the tenant.yaml shape, and 404 for an unknown code', async () => {
      expect(Object.keys(original)).toEqual([
        'code',
        'name',
        'law',
        'description',
        'termModel',
        'advisoryCommittee',
        'appealRoute',
        'argumentHints',
        'referralPartners',
        'diagnosis',
      ]);
      const missing = await get(`${API}/bestaat-niet`).expect(404);
      expect((missing.body as Problem).detail).toBe(
        'Deze gemeente heeft geen regeling met de code "bestaat-niet".',
      );
    });
  });

  describe('validation: nothing is saved, every problem has its path and a Dutch message', () => {
    afterAll(async () => expect((await current()).version).toBe(1));

    it('an outcome hint that is not one of the regulation’s argument hints', async () => {
      const at = original.diagnosis.outcomes[0].hints.length;
      expect(await rejected((r) => r.diagnosis.outcomes[0].hints.push('verzonnen'))).toEqual([
        {
          field: `diagnosis.outcomes.0.hints.${at}`,
          message:
            'Het argument "verzonnen" staat niet bij de argumenten van deze regeling (argumentHints): voeg het daar toe of kies een bestaande code.',
        },
      ]);
    });

    it('a referral partner the municipality does not have', async () => {
      expect(await rejected((r) => (r.referralPartners = ['bestaat_niet']))).toEqual([
        {
          field: 'referralPartners.0',
          message: expect.stringMatching(
            /^De doorverwijspartner "bestaat_niet" bestaat niet bij deze gemeente \(wel: .*schuldhulpverlening/,
          ),
        },
      ]);
    });

    it('a cycle', async () => {
      const errors = await rejected((r) => {
        const last = r.diagnosis.questions.length - 1;
        const next = r.diagnosis.questions[last].next;
        next[next.length - 1].goto = r.diagnosis.start;
      });
      expect(errors).toContainEqual({
        field: `diagnosis.questions.${original.diagnosis.questions.length - 1}.next.${
          original.diagnosis.questions[original.diagnosis.questions.length - 1].next.length - 1
        }.goto`,
        message: expect.stringMatching(
          /leidt terug naar een eerdere vraag \(kringloop: hasDecision → .*\); elke route moet eindigen in een uitkomst\.$/,
        ),
      });
    });

    it('a path that does not end in an outcome', async () => {
      const errors = await rejected((r) => {
        r.diagnosis.questions[0].next = [r.diagnosis.questions[0].next[0]];
      });
      expect(errors).toContainEqual({
        field: 'diagnosis.questions.0.next.0',
        message:
          'De laatste regel van "next" mag geen "when" hebben: dat is de standaardroute, zodat elk antwoord ergens heen leidt.',
      });
      expect(await rejected((r) => (r.diagnosis.questions[0].next[1].goto = 'nergens'))).toContainEqual({
        field: 'diagnosis.questions.0.next.1.goto',
        message: 'Er is geen vraag of uitkomst met de id "nergens".',
      });
    });

    it('invalid JSON Logic', async () => {
      expect(await rejected((r) => (r.diagnosis.questions[0].next[0].when = { frobnicate: [1] }))).toEqual([
        {
          field: 'diagnosis.questions.0.next.0.when',
          message: expect.stringMatching(/^De operator "frobnicate" is hier niet toegestaan/),
        },
      ]);
      expect(await rejected((r) => (r.diagnosis.questions[0].next[0].when = 'yes' as never))).toEqual([
        {
          field: 'diagnosis.questions.0.next.0.when',
          message:
            'Dit is geen JSON Logic-regel: gebruik één operator, bijvoorbeeld {"==": [{"var": "answers.vraag"}, "yes"]}.',
        },
      ]);
    });

    it('schema errors: a missing field, a wrong choice, an unknown field, a code that is not the path’s', async () => {
      const errors = await rejected((r) => {
        Object.assign(r, { name: '', termModel: 'weekly', naam: 'Bijstand' });
        delete (r as Partial<RegulationConfig>).law;
      });
      expect(errors).toEqual([
        { field: 'name', message: 'Vul dit in.' },
        { field: 'law', message: 'Dit ontbreekt: vul het in.' },
        { field: 'termModel', message: 'Kies een van: awb, awr.' },
        { field: '', message: 'Onbekend veld "naam": controleer de spelling of laat het weg.' },
      ]);
      expect(await rejected((r) => (r.code = 'wmo'))).toEqual([
        {
          field: 'code',
          message: 'De code moet "participatiewet" zijn, de code van de regeling die u opslaat.',
        },
      ]);
    });

    it('a save without the version it was made on', async () => {
      const response = await put('participatiewet', original).expect(400);
      expect((response.body as Problem).errors).toEqual([
        {
          field: 'expectedVersion',
          message:
            'Geef expectedVersion mee: de versie waarop uw wijziging is gebaseerd (0 voor een nieuwe regeling).',
        },
      ]);
    });
  });

  describe('creating', () => {
    const afval = (): RegulationConfig => ({
      ...structuredClone(original),
      code: 'afvalstoffenheffing',
      name: 'Afvalstoffenheffing',
      law: 'Wet milieubeheer',
      description: 'Besluiten over de afvalstoffenheffing.',
      termModel: 'awr',
      advisoryCommittee: false,
      appealRoute: 'tax',
    });

    it('creates version 1, which citizens see at once in the list, the portal and the diagnosis', async () => {
      const response = await put('afvalstoffenheffing', {
        ...afval(),
        expectedVersion: 0,
        note: 'Nieuw',
      }).expect(201);
      expect(response.body).toEqual({
        code: 'afvalstoffenheffing',
        version: 1,
        created: true,
        changed: true,
      });
      const list = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
        code: string;
      }[];
      expect(list.map((r) => r.code)).toContain('afvalstoffenheffing');
      const portal = await t.http().get('/rivierstad').expect(200);
      expect(portal.text).toContain('Afvalstoffenheffing');
      const step = await diagnose('afvalstoffenheffing').expect(200);
      expect(step.body).toMatchObject({ status: 'question', question: { id: original.diagnosis.start } });
      expect(await current('afvalstoffenheffing')).toMatchObject({
        version: 1,
        origin: 'admin',
        active: true,
      });
    });

    it('refuses a second creation of the same code (409), also when two arrive at once', async () => {
      const again = await put('afvalstoffenheffing', { ...afval(), expectedVersion: 0 }).expect(409);
      expect((again.body as Problem).detail).toMatch(
        /^Er is al een regeling met de code "afvalstoffenheffing"/,
      );
      const both = await Promise.all(
        [1, 2].map(() =>
          put('parkeervergunning', { ...afval(), code: 'parkeervergunning', expectedVersion: 0 }),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    });
  });

  describe('versions', () => {
    let before: string;
    let after: string;
    const hint = () => original.argumentHints[0];

    it('a change is the next version: the diagnosis follows it, a case filed before keeps its version', async () => {
      const filed = await file(
        bosObjection({ grounds: { hints: [hint().code], text: 'Ik heb alles gemeld.' } }),
      );
      expect(filed.status).toBe(201);
      before = (filed.body as { reference: string }).reference;
      expect(await versionOfCase(before)).toBe(1);

      const edited = await changed((r) => {
        r.argumentHints[0].title = 'Een nieuwe titel voor dit argument';
        r.diagnosis.questions[0].text = 'Heeft u een besluit van de gemeente gekregen?';
      });
      const saved = await put('participatiewet', {
        ...edited,
        expectedVersion: 1,
        note: 'Eerste vraag korter',
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ code: 'participatiewet', version: 2, created: false, changed: true });

      const step = await diagnose('participatiewet').expect(200);
      expect(step.body).toMatchObject({
        question: { text: 'Heeft u een besluit van de gemeente gekregen?' },
      });
      const later = await file(
        bosObjection({ grounds: { hints: [hint().code], text: 'Ik heb alles gemeld.' } }),
      );
      after = (later.body as { reference: string }).reference;
      expect(await versionOfCase(after)).toBe(2);
      expect(await current()).toMatchObject({ version: 2, origin: 'admin' });
    });

    it('the staff case view shows each case’s hints as they were when it was filed', async () => {
      const old = await t.page(`/rivierstad/behandelaar/zaken/${before}`, handlerCookie).expect(200);
      expect(decodeHtml(old.text)).toContain(hint().title);
      expect(old.text).not.toContain('Een nieuwe titel voor dit argument');
      const fresh = await t.page(`/rivierstad/behandelaar/zaken/${after}`, handlerCookie).expect(200);
      expect(fresh.text).toContain('Een nieuwe titel voor dit argument');
    });

    it('a save without a change adds no version, and says so', async () => {
      const { regulation } = await current();
      const response = await put('participatiewet', { ...regulation, expectedVersion: 2 }).expect(200);
      expect(response.body).toEqual({ code: 'participatiewet', version: 2, created: false, changed: false });
    });

    it('lists the versions with who, when and why; each version can be read whole', async () => {
      const versions = (await get(`${API}/participatiewet/versions`).expect(200)).body as {
        version: number;
        note: string;
        createdBy: { name: string } | null;
        current: boolean;
        createdAt: string;
      }[];
      expect(versions.map((v) => [v.version, v.note, v.createdBy?.name ?? null, v.current])).toEqual([
        [2, 'Eerste vraag korter', expect.any(String), true],
        [1, 'seed', null, false],
      ]);
      expect(Date.parse(versions[0].createdAt)).toBeGreaterThan(Date.parse(versions[1].createdAt));
      const first = await get(`${API}/participatiewet/versions/1`).expect(200);
      expect(first.body).toMatchObject({ version: 1, current: false, regulation: original });
      await get(`${API}/participatiewet/versions/9`).expect(404);
    });

    it('refuses a save on an old version (409) and serialises two saves on the same one', async () => {
      const stale = await put('participatiewet', {
        ...(await changed((r) => (r.law = 'Pw'))),
        expectedVersion: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        type: 'urn:bezwaarplatform:problem:regulation-version-conflict',
        detail: expect.stringContaining('de huidige versie is 2, u ging uit van versie 1'),
      });
      const [a, b] = await Promise.all(
        ['Participatiewet (a)', 'Participatiewet (b)'].map(async (law) =>
          put('participatiewet', { ...(await changed((r) => (r.law = law))), expectedVersion: 2 }),
        ),
      );
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect((await current()).version).toBe(3);
    });

    it('a rollback is a new version with the old content; the cases keep theirs; history is never rewritten', async () => {
      const response = await t
        .http()
        .post(`${API}/participatiewet/versions/1/rollback`)
        .set('authorization', `Bearer ${admin}`)
        .send({ expectedVersion: 3 })
        .expect(200);
      expect(response.body).toEqual({ code: 'participatiewet', version: 4, created: false, changed: true });
      const four = (await get(`${API}/participatiewet/versions/4`).expect(200)).body as {
        note: string;
        regulation: object;
      };
      const one = (await get(`${API}/participatiewet/versions/1`).expect(200)).body as { regulation: object };
      expect(four.regulation).toEqual(one.regulation);
      expect(four.note).toBe('Teruggezet naar versie 1');
      expect((await current()).regulation).toEqual(original);
      const step = await diagnose('participatiewet').expect(200);
      expect(step.body).toMatchObject({ question: { text: original.diagnosis.questions[0].text } });
      expect([await versionOfCase(before), await versionOfCase(after)]).toEqual([1, 2]);
      const [grants] = await t.asOwner<{ update: boolean; delete: boolean; insert: boolean }>(
        `SELECT has_table_privilege('bezwaar_app', 'regulation_versions', 'UPDATE') AS update,
                has_table_privilege('bezwaar_app', 'regulation_versions', 'DELETE') AS delete,
                has_table_privilege('bezwaar_app', 'regulation_versions', 'INSERT') AS insert`,
      );
      expect(grants).toEqual({ update: false, delete: false, insert: true });
    });
  });

  describe('retiring', () => {
    it('hides a regulation from citizens; filing under it is refused with a Dutch field error', async () => {
      const retired = await t
        .http()
        .post(`${API}/wmo/retire`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      expect(retired.body).toMatchObject({ code: 'wmo', changed: true });
      const list = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
        code: string;
      }[];
      expect(list.map((r) => r.code)).not.toContain('wmo');
      const filing = await file(bosObjection({ regulation: 'wmo' })).expect(400);
      expect((filing.body as Problem).errors).toEqual([
        { field: 'regulation', message: 'Kies een regeling van deze gemeente.' },
      ]);
      await diagnose('wmo').expect(400);
      const again = await t
        .http()
        .post(`${API}/wmo/retire`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      expect(again.body).toMatchObject({ changed: false });
      expect(((await get(`${API}/wmo`).expect(200)).body as { active: boolean }).active).toBe(false);
    });

    it('takes it into use again', async () => {
      await t.http().post(`${API}/wmo/activate`).set('authorization', `Bearer ${admin}`).expect(200);
      const list = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
        code: string;
      }[];
      expect(list.map((r) => r.code)).toContain('wmo');
      const versions = (await get(`${API}/wmo/versions`).expect(200)).body as {
        note: string;
        active: boolean;
      }[];
      expect(versions.map((v) => [v.note, v.active])).toEqual([
        ['Weer in gebruik genomen', true],
        ['Buiten gebruik gezet', false],
        ['seed', true],
      ]);
    });
  });

  describe('the pages (no JavaScript)', () => {
    const page = (path: string) => t.page(path, adminCookie);
    const post = (path: string, fields: Record<string, string | string[]>) =>
      t.postForm(path, adminCookie, fields);
    /** The edit form's fields for a regulation, as the page would post them back. */
    const fieldsOf = (r: RegulationConfig, version: number): Record<string, string | string[]> => ({
      versie: String(version),
      naam: r.name,
      wet: r.law,
      omschrijving: r.description,
      termijnmodel: r.termModel,
      beroep: r.appealRoute,
      ...(r.advisoryCommittee ? { adviescommissie: 'ja' } : {}),
      partners: r.referralPartners,
      argumenten: toYaml(r.argumentHints),
      keuzehulp: toYaml(r.diagnosis),
      toelichting: '',
    });

    it('lists the regulations with status and version', async () => {
      const list = await page(PAGES).expect(200);
      expect(list.headers['cache-control']).toBe('no-store');
      expect(list.text).toContain('<h1 class="heading-xl">Regelingen</h1>');
      expect(list.text).toContain(`href="${PAGES}/participatiewet"`);
      expect(list.text).toContain(`href="${PAGES}/nieuw"`);
      expect(list.text).toMatch(
        /aria-label="Versie 4 van Bijstandsuitkering \(Participatiewet\): alle versies">4</,
      );
    });

    it('shows the edit form with the tree as YAML, and saves a change as a new version', async () => {
      const edit = await page(`${PAGES}/wmo`).expect(200);
      expect(edit.text).toContain('name="versie" value="3"');
      expect(decodeHtml(edit.text)).toContain(`start: ${(await current('wmo')).regulation.diagnosis.start}`);

      const { regulation } = await current('wmo');
      const saved = await post(`${PAGES}/wmo`, {
        ...fieldsOf({ ...regulation, description: 'Besluiten over hulp en ondersteuning thuis.' }, 3),
        toelichting: 'Omschrijving korter',
      }).expect(303);
      expect(saved.headers.location).toBe(`${PAGES}/wmo?gedaan=opgeslagen`);
      const after = await page(saved.headers.location as string).expect(200);
      expect(after.text).toContain('Opgeslagen als versie 4.');
      expect((await current('wmo')).regulation.description).toBe(
        'Besluiten over hulp en ondersteuning thuis.',
      );
    });

    it('shows every problem in the error summary with its path and the line in the YAML, keeping the input', async () => {
      const { regulation } = await current('wmo');
      const broken = structuredClone(regulation);
      broken.diagnosis.outcomes[0].hints.push('verzonnen');
      const fields = fieldsOf(broken, 4);
      const response = await post(`${PAGES}/wmo`, fields).expect(400);
      expect(titleOf(response.text)).toMatch(/^Fout: Regeling /);
      const yamlLines = (fields.keuzehulp as string).split('\n');
      const line = yamlLines.findIndex((l) => l.includes('- verzonnen')) + 1;
      expect(summaryOf(response.text)).toEqual([
        `Keuzehulp: Regel ${line} (outcomes.0.hints.${regulation.diagnosis.outcomes[0].hints.length}): Het argument "verzonnen" staat niet bij de argumenten van deze regeling (argumentHints): voeg het daar toe of kies een bestaande code.`,
      ]);
      expect(response.text).toContain('<a href="#keuzehulp">');
      expect(response.text).toContain('aria-invalid="true"');
      expect(decodeHtml(response.text)).toContain('- verzonnen');
      expect((await current('wmo')).version).toBe(4);
    });

    it('says where YAML cannot be read, and refuses a save on an old version', async () => {
      const { regulation } = await current('wmo');
      const unreadable = await post(`${PAGES}/wmo`, {
        ...fieldsOf(regulation, 4),
        argumenten: '- code: a\n  title: [niet gesloten\n',
      }).expect(400);
      expect(summaryOf(unreadable.text)).toEqual([
        expect.stringMatching(/^Argumenten: De YAML is niet te lezen op regel \d+: /),
      ]);

      const stale = await post(`${PAGES}/wmo`, fieldsOf({ ...regulation, law: 'Wmo' }, 3)).expect(409);
      expect(summaryOf(stale.text)).toEqual([
        expect.stringContaining('de huidige versie is 4, u ging uit van versie 3'),
      ]);
      expect(decodeHtml(stale.text)).toContain('value="Wmo"');
    });

    it('creates a regulation from the new form (with its example tree)', async () => {
      const blank = await page(`${PAGES}/nieuw`).expect(200);
      expect(blank.text).toContain('name="versie" value="0"');
      const yaml = (name: string) =>
        decodeHtml(
          new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(blank.text)?.[1] ?? '',
        );
      const fields = {
        versie: '0',
        code: 'hondenbelasting',
        naam: 'Hondenbelasting',
        wet: 'Gemeentewet',
        omschrijving: 'Besluiten over de hondenbelasting.',
        termijnmodel: 'awr',
        beroep: 'tax',
        argumenten: yaml('argumenten'),
        keuzehulp: yaml('keuzehulp'),
        toelichting: 'Nieuw',
      };
      const missing = await post(`${PAGES}/nieuw`, { ...fields, code: 'Honden Belasting' }).expect(400);
      expect(summaryOf(missing.text)).toEqual([
        'Code: Gebruik kleine letters, cijfers, _ en - (begin met een letter of cijfer).',
      ]);
      const created = await post(`${PAGES}/nieuw`, fields).expect(303);
      expect(created.headers.location).toBe(`${PAGES}/hondenbelasting?gedaan=aangemaakt`);
      const exists = await post(`${PAGES}/nieuw`, fields).expect(409);
      expect(summaryOf(exists.text)).toEqual([
        expect.stringMatching(/^Code: Er is al een regeling met de code "hondenbelasting"/),
      ]);
      const citizens = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
        code: string;
      }[];
      expect(citizens.map((r) => r.code)).toContain('hondenbelasting');
    });

    it('shows the versions and rolls back with a form post', async () => {
      const versions = await page(`${PAGES}/wmo/versies`).expect(200);
      expect(versions.text).toContain(`action="${PAGES}/wmo/versies/3/terugzetten"`);
      expect(versions.text).toContain('Omschrijving korter');
      const rolled = await post(`${PAGES}/wmo/versies/3/terugzetten`, { versie: '4' }).expect(303);
      expect(rolled.headers.location).toBe(`${PAGES}/wmo/versies?gedaan=teruggezet`);
      const after = await page(rolled.headers.location as string).expect(200);
      expect(after.text).toContain('Teruggezet: versie 5 heeft de inhoud van de gekozen versie.');
      const three = (await get(`${API}/wmo/versions/3`).expect(200)).body as { regulation: RegulationConfig };
      expect((await current('wmo')).regulation).toEqual(three.regulation);
      const stale = await post(`${PAGES}/wmo/versies/1/terugzetten`, { versie: '4' }).expect(409);
      expect(summaryOf(stale.text)).toEqual([expect.stringContaining('de huidige versie is 5')]);
      const one = await page(`${PAGES}/wmo/versies/1`).expect(200);
      expect(one.text).toContain('Uit het configuratiebestand');
      expect(decodeHtml(one.text)).toContain('code: wmo');
    });

    it('retires and activates with a form post', async () => {
      const retired = await post(`${PAGES}/hondenbelasting/uitzetten`, {}).expect(303);
      expect(retired.headers.location).toBe(`${PAGES}/hondenbelasting?gedaan=uitgezet`);
      const edit = await page(retired.headers.location as string).expect(200);
      expect(edit.text).toContain('De regeling is buiten gebruik.');
      expect(edit.text).toContain(`action="${PAGES}/hondenbelasting/aanzetten"`);
      const citizens = (await t.http().get('/api/v1/tenants/rivierstad/regulations').expect(200)).body as {
        code: string;
      }[];
      expect(citizens.map((r) => r.code)).not.toContain('hondenbelasting');
      await post(`${PAGES}/hondenbelasting/aanzetten`, {}).expect(303);
    });

    it('refuses a form post from another site', async () => {
      await t
        .http()
        .post(`${PAGES}/wmo/uitzetten`)
        .set('Cookie', adminCookie)
        .set('Origin', 'https://elders.example')
        .expect(403);
      expect(((await get(`${API}/wmo`).expect(200)).body as { active: boolean }).active).toBe(true);
    });
  });

  describe('in a browser (chromium, axe)', () => {
    const browser = browserOnApp(() => t.app, 'the regulation pages');

    const cleanAudit = async (page: Page, name: string) => {
      await browser.audit(page, name);
      expect(await axeViolations(page)).toEqual([]);
    };

    it('the list, the edit form (also with errors), the new form and the versions have no axe violations', async () => {
      const { context, page } = await browser.newPage();
      await page.goto(`${browser.base}${PAGES}`);
      await page.getByLabel('E-mailadres').fill('beheer@rivierstad.example');
      await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await navigation(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
      expect(new URL(page.url()).pathname).toBe(PAGES);
      expect(await page.title()).toBe('Regelingen – Bezwaren behandelen – Gemeente Rivierstad');
      await cleanAudit(page, 'regelingen');

      await navigation(page, () =>
        page.getByRole('link', { name: 'Bijstandsuitkering (Participatiewet)', exact: true }).click(),
      );
      await cleanAudit(page, 'regeling');
      await page.getByLabel('Naam', { exact: true }).fill('');
      await navigation(page, () => page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click());
      expect(await page.getByRole('alert').textContent()).toContain('Naam: Vul dit in.');
      await cleanAudit(page, 'regeling met fout');

      await page.goto(`${browser.base}${PAGES}/nieuw`);
      await cleanAudit(page, 'nieuwe regeling');
      await page.goto(`${browser.base}${PAGES}/participatiewet/versies`);
      await cleanAudit(page, 'versies');
      await page.goto(`${browser.base}${PAGES}/participatiewet/versies/1`);
      await cleanAudit(page, 'versie');
      await context.close();
    });
  });
});
