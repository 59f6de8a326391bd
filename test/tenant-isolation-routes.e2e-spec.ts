import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { MEMBER_ACTIONS } from '../src/admin/staff-admin-view';
import { INVOICE_ACTIONS } from '../src/billing/pages/invoice-pages.service';
import { LICENCE_ACTIONS } from '../src/billing/pages/licence-pages.service';
import { HOLD_ACTIONS } from '../src/retention/retention-pages.service';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { CASE_ACTIONS } from '../src/staff-pages/case-forms';
import { bosObjection } from './support/fixtures';
import { loginAsCitizen } from './support/oidc-login';
import { fillPath, key, Route, routeTable } from './support/route-table';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp, userIdOf } from './support/test-app';

/**
 * Tenant isolation attacked over HTTP, generated from the route table: every route the server answers under
 * `/api/v1/tenants/:tenant/…` or `/:tenant/…` is called with another municipality's credentials, with this
 * municipality's credentials but another municipality's ids, and with none; every operator route with staff
 * credentials. A route added later is attacked the same way without touching this file; if it is public by
 * design, this file fails until it is listed below with the reason.
 */

type Access =
  /** Anyone may call it: no credentials needed and none help. */
  | 'public'
  /** The secret in the path (a case link or an invitation token) is the credential. */
  | 'capability';

/** Tenant routes that answer without a login by design. Every other tenant route must refuse. */
const PUBLIC_TENANT_ROUTES: Record<string, { access: Access; reason: string }> = {
  'GET /api/v1/tenants/:tenant/deadlines': { access: 'public', reason: 'the public deadline calculation' },
  'GET /api/v1/tenants/:tenant/regulations': { access: 'public', reason: 'what a citizen can object under' },
  'POST /api/v1/tenants/:tenant/diagnosis': { access: 'public', reason: 'the diagnosis a citizen runs' },
  'POST /api/v1/tenants/:tenant/objections': { access: 'public', reason: 'filing needs no login' },
  'GET /api/v1/tenants/:tenant/cases/:token': {
    access: 'capability',
    reason: 'the citizen’s secret case link',
  },
  'POST /api/v1/tenants/:tenant/cases/:token/messages': {
    access: 'capability',
    reason: 'the secret case link',
  },
  'GET /api/v1/tenants/:tenant/cases/:token/documents/:id': {
    access: 'capability',
    reason: 'the secret case link',
  },
  'GET /:tenant': { access: 'public', reason: 'the portal’s landing page' },
  'GET /:tenant/bezwaar': { access: 'public', reason: 'the filing form: choosing a regulation' },
  'GET /:tenant/bezwaar/:regulation': { access: 'public', reason: 'the filing form' },
  'POST /:tenant/bezwaar/:regulation': { access: 'public', reason: 'the filing form' },
  'GET /:tenant/keuzehulp/:regulation': { access: 'public', reason: 'the diagnosis pages' },
  'POST /:tenant/keuzehulp/:regulation': { access: 'public', reason: 'the diagnosis pages' },
  'GET /:tenant/inloggen': { access: 'public', reason: 'the start of the citizen login (DigiD)' },
  'GET /:tenant/inloggen/terug': { access: 'public', reason: 'the citizen login’s callback' },
  'GET /:tenant/inloggen/mislukt': { access: 'public', reason: 'the page after a failed citizen login' },
  'POST /:tenant/uitloggen': { access: 'public', reason: 'logging out ends the caller’s own session only' },
  'GET /:tenant/logo': { access: 'public', reason: 'the municipality’s logo on its portal' },
  'GET /:tenant/huisstijl.css': { access: 'public', reason: 'the municipality’s colours on its portal' },
  'GET /:tenant/behandelaar/inloggen': { access: 'public', reason: 'the staff login page' },
  'POST /:tenant/behandelaar/inloggen': { access: 'public', reason: 'the staff login form' },
  'POST /:tenant/behandelaar/uitloggen': {
    access: 'public',
    reason: 'logging out ends the caller’s own session',
  },
  'GET /:tenant/behandelaar/uitnodiging/:token': {
    access: 'capability',
    reason: 'the invitation e-mail’s link',
  },
  'POST /:tenant/behandelaar/uitnodiging/:token': {
    access: 'capability',
    reason: 'the invitation e-mail’s link',
  },
  'GET /:tenant/zaak/:token': { access: 'capability', reason: 'the citizen’s secret case link' },
  'POST /:tenant/zaak/:token/bericht': { access: 'capability', reason: 'the secret case link' },
  'GET /:tenant/zaak/:token/documenten/:id': { access: 'capability', reason: 'the secret case link' },
};

/** Operator routes one reaches without an operator login. */
const PUBLIC_PLATFORM_ROUTES: Record<string, string> = {
  'POST /api/v1/platform/auth/token': 'the operator login',
  'GET /platform/inloggen': 'the operator login page',
  'POST /platform/inloggen': 'the operator login form',
  'POST /platform/uitloggen': 'logging out ends the caller’s own session',
};

/** Path parameters that name a row of one municipality: attack (b) swaps them for another municipality's. */
const ID_PARAMS = new Set(['reference', 'token', 'id', 'batchId', 'code']);

type Owner = 'A' | 'B';
/** The kinds of row a path parameter can name. */
type Kind = 'case' | 'caseToken' | 'invitation' | 'document' | 'staff' | 'invoice' | 'batch' | 'regulation';

/** What a path parameter names, from its name and the segment before it. Unknown: the test says so. */
function kindOf(path: string, param: string): Kind | undefined {
  const before = path.split(`/:${param}`)[0].split('/').at(-1);
  if (param === 'reference') return 'case';
  if (param === 'batchId') return 'batch';
  if (param === 'token') return before === 'uitnodiging' ? 'invitation' : 'caseToken';
  if (param === 'code' && (before === 'regulations' || before === 'regelingen')) return 'regulation';
  if (param === 'id') {
    if (before === 'documents' || before === 'documenten') return 'document';
    if (before === 'staff' || before === 'medewerkers') return 'staff';
    if (before === 'invoices' || before === 'facturen') return 'invoice';
  }
  return undefined;
}

/** A valid, harmless value for a parameter that is vocabulary rather than a row (the same in every tenant). */
function vocabularyFor(path: string, param: string): string | undefined {
  if (param === 'version') return '1';
  if (param === 'regulation') return 'participatiewet';
  if (param === 'kind') return 'decision';
  if (param === 'file') return 'decision.hbs';
  if (param === 'action') {
    if (path.includes('/zaken/')) return CASE_ACTIONS[0];
    if (path.includes('/medewerkers/')) return MEMBER_ACTIONS[0];
    if (path.includes('/facturen/')) return INVOICE_ACTIONS[0];
    if (path.includes('/licentie/')) return LICENCE_ACTIONS[0];
    if (path.includes('/bewaarplicht/')) return Object.keys(HOLD_ACTIONS)[0];
  }
  return undefined;
}

const isTenantRoute = (path: string) =>
  path.startsWith('/api/v1/tenants/:tenant') || path.startsWith('/:tenant');
const isPlatformRoute = (path: string) => path.startsWith('/api/v1/platform') || path.startsWith('/platform');

/** Refused: 401/403/404, or for pages a redirect to a login page. Never 2xx, never 5xx. */
function refused(response: Response): boolean {
  if ([401, 403, 404].includes(response.status)) return true;
  const location = String(response.headers.location ?? '');
  return [302, 303].includes(response.status) && /\/inloggen(\?|$)/.test(location);
}

/** What a response shows: body and headers, as text. */
function shown(response: Response): string {
  const body = Buffer.isBuffer(response.body) ? response.body.toString('latin1') : (response.text ?? '');
  return `${response.status} ${JSON.stringify(response.headers)} ${body}`;
}

/** The body with per-request noise and the values we sent removed, to compare two refusals. */
function comparable(response: Response, sent: string[]): string {
  let text = response.text ?? '';
  if (/json/.test(String(response.headers['content-type']))) {
    const { correlationId: _c, instance: _i, ...rest } = JSON.parse(text || '{}') as Record<string, unknown>;
    text = JSON.stringify(rest);
  }
  for (const value of sent) text = text.split(value).join('<sent>');
  return `${response.status} ${String(response.headers['content-type'] ?? '')} ${text}`;
}

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  minimum?: number;
  minLength?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
};

/** The schema a $ref or allOf points at. */
function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').at(-1)!], components);
  return schema.allOf ? resolve(schema.allOf[0], components) : schema;
}

/**
 * A valid body from the API document (required fields: their example, else the first enum value, else a value
 * of the type), so that attack (b) passes validation and reaches the lookup of the id in the path.
 */
function sampleOf(schema: Schema | undefined, components: Record<string, Schema>): unknown {
  if (!schema) return undefined;
  if (schema.$ref) return sampleOf(components[schema.$ref.split('/').at(-1)!], components);
  if (schema.allOf) return sampleOf(schema.allOf[0], components);
  if (schema.oneOf)
    return sampleOf(schema.oneOf.find((s) => s.type !== 'string') ?? schema.oneOf[0], components);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sampleOf(schema.properties?.[name], components);
      return out;
    }
    case 'array':
      return [];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
      if (schema.format === 'date-time') return new Date().toISOString();
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

/** Runs `work` over `items`, a few at a time: the calls are independent, and the server has two cores. */
async function inTurns<T>(items: T[], work: (item: T) => Promise<void>, width = 4): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

describe('tenant isolation attacked over HTTP, on every route of the route table', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let routes: Route[];
  const A = 'rivierstad';
  const B = 'heuveldorp';
  /** Credentials per party: bearer token and cookies (staff session, citizen session). */
  const creds: Record<Owner | 'operator', { bearer?: string; cookies: string[] }> = {
    A: { cookies: [] },
    B: { cookies: [] },
    operator: { cookies: [] },
  };
  /** Rows of each tenant, by kind. */
  const rows: Record<Owner, Record<Kind, string>> = {
    A: {} as Record<Kind, string>,
    B: {} as Record<Kind, string>,
  };
  /** What of B must never be shown to anyone but B. */
  let secretsOfB: string[] = [];
  const calls = { a: 0, b: 0, c: 0, operator: 0, staffOnPlatform: 0, bodyIds: 0 };
  const failures: string[] = [];
  /** Valid request bodies by route, from the API document; a few need a whole definition. */
  const bodies = new Map<string, unknown>();
  /** Per tenant API route: the body fields that name a row (uuid fields, lists of case references). */
  const bodyIds = new Map<string, { name: string; list: boolean }[]>();

  const send = (
    route: Pick<Route, 'method' | 'path'>,
    url: string,
    who: { bearer?: string; cookies: string[] } | null,
    body?: unknown,
  ) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
    let request = t.http()[method](url).redirects(0);
    if (who?.bearer) request = request.set('Authorization', `Bearer ${who.bearer}`);
    if (who?.cookies.length) request = request.set('Cookie', who.cookies.join('; '));
    if (method === 'get' || method === 'delete') return request;
    if (url.startsWith('/api/')) return request.send((body ?? {}) as object);
    return request.type('form').send('');
  };

  const api = (owner: Owner, method: 'get' | 'post' | 'put', path: string) =>
    t
      .http()
      [method](`/api/v1/tenants/${owner === 'A' ? A : B}${path}`)
      .set('Authorization', `Bearer ${creds[owner].bearer}`);

  /** Files a case in a tenant as a logged-in citizen and gathers one row of every kind. */
  const plant = async (owner: Owner, slug: string, name: string) => {
    const citizen = await loginAsCitizen(t, slug);
    creds[owner].cookies.push(citizen.sessionCookie);
    creds[owner].bearer = await t.tokenFor(slug, `beheer@${slug}.example`);
    creds[owner].cookies.push(await t.staffCookie(slug, `beheer@${slug}.example`));
    const objection = bosObjection({
      objector: { ...bosObjection().objector, name, email: `${name.split(' ')[0].toLowerCase()}@example.nl` },
    });
    const filed = await t
      .http()
      .post(`/api/v1/tenants/${slug}/objections`)
      .set('Idempotency-Key', `isolation-${slug}`)
      .set('Cookie', citizen.sessionCookie)
      .send(objection)
      .expect(201);
    const body = filed.body as { reference: string; caseUrl: string; receiptDocumentId: string };
    const r = rows[owner];
    r.case = body.reference;
    r.caseToken = body.caseUrl.split('/zaak/')[1];
    r.document = body.receiptDocumentId;
    r.staff = userIdOf(creds[owner].bearer!);
    const batch = await api(owner, 'post', '/decision-batches')
      .send({ references: [r.case], outcome: 'unfounded', reasoning: 'Geen nieuwe feiten.' })
      .expect(202);
    r.batch = (batch.body as { batchId: string }).batchId;
    const regulation = await api(owner, 'get', '/admin/regulations/participatiewet').expect(200);
    r.regulation = `${slug}_eigen_${randomBytes(3).toString('hex')}`;
    await api(owner, 'put', `/admin/regulations/${r.regulation}`)
      .send({
        ...(regulation.body as { regulation: object }).regulation,
        code: r.regulation,
        name: `Eigen regeling ${slug}`,
        expectedVersion: 0,
      })
      .expect(201);
    const email = `nieuw.${randomBytes(3).toString('hex')}@${slug}.example`;
    await api(owner, 'post', '/admin/staff')
      .send({ name: 'Noor de Wit', email, roles: ['handler'] })
      .expect(201);
    await t.app.get(OutboxDispatcher).dispatchDue();
    const mail = sink.messages.find((m) => JSON.stringify(m.to).includes(email));
    r.invitation = /\/uitnodiging\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')![1];
    const invoice = await t
      .http()
      .post(`/api/v1/platform/tenants/${slug}/invoices`)
      .set('Authorization', `Bearer ${creds.operator.bearer}`)
      .send({ year: 2026 })
      .expect(201);
    r.invoice = (invoice.body as { invoices: { id: string }[] }).invoices[0].id;
    await t
      .http()
      .post(`/api/v1/platform/tenants/${slug}/invoices/${r.invoice}/issue`)
      .set('Authorization', `Bearer ${creds.operator.bearer}`)
      .expect(200);
    // A template of its own, so that the configuration's template downloads have something to give.
    const letter = await api(owner, 'get', '/admin/letter-templates/decision').expect(200);
    await api(owner, 'put', '/admin/letter-templates/decision')
      .send({ source: (letter.body as { source: string }).source })
      .expect(200);
    const missing = Object.entries(r).filter(([, value]) => !value);
    if (missing.length) throw new Error(`no ${missing.map(([kind]) => kind).join(', ')} planted in ${slug}`);
    return { objection, citizen };
  };

  beforeAll(async () => {
    sink = new SmtpSink();
    t = await startTestApp({ SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '600000' });
    routes = routeTable(t.app);
    creds.operator.bearer = await t.operatorToken();
    creds.operator.cookies.push(await t.operatorCookie());
    await plant('A', A, 'Anna Rivier');
    const { objection } = await plant('B', B, 'Zwaantje Heuveldorp-Geheimhouder');
    const document = (await t.http().get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >;
      components: { schemas: Record<string, Schema> };
    };
    for (const route of routes) {
      const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const schema = operation?.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      bodies.set(key(route), sampleOf(schema, document.components.schemas));
      const resolved = resolve(schema, document.components.schemas);
      const fields = Object.entries(resolved.properties ?? {})
        .filter(([name, p]) => p.format === 'uuid' || name === 'references')
        .map(([name]) => ({ name, list: name === 'references' }));
      if (fields.length && isTenantRoute(route.path)) bodyIds.set(key(route), fields);
    }
    // A regulation is a whole definition: A's own, as a change to an existing one (expectedVersion 1).
    const own = await api('A', 'get', '/admin/regulations/participatiewet').expect(200);
    const { code: _code, ...definition } = (own.body as { regulation: Record<string, unknown> }).regulation;
    bodies.set('PUT /api/v1/tenants/:tenant/admin/regulations/:code', { ...definition, expectedVersion: 1 });
    // Where the document's examples alone do not make a valid request (checks across fields or against today).
    const onCase = '/api/v1/tenants/:tenant/objections/:reference';
    const today = new Date().toISOString().slice(0, 10);
    bodies.set(`POST ${onCase}/conversations`, {
      channel: 'phone',
      notes: 'Samen de terugvordering doorgenomen.',
      agreedRoute: 'explanation',
      agreement: 'U krijgt uitleg over de berekening.',
    });
    bodies.set(`POST ${onCase}/hearing`, {
      at: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      location: 'Stadhuis, zaal 2',
      hearerId: rows.A.staff,
    });
    bodies.set(`POST ${onCase}/notice-of-default`, { receivedOn: today });
    const o = objection.objector as { name: string; email: string; phone: string };
    secretsOfB = [
      ...Object.values(rows.B),
      o.name,
      o.email,
      o.phone,
      (await t.asOwner<{ id: string }>(`SELECT id FROM tenants WHERE slug = $1`, [B]))[0].id,
    ];
    // Two municipalities' worth of citizen logins, filings, a batch, an invitation and invoices.
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  /** Path values: A's rows (or B's for the params in `theirs`), vocabulary where the param is not a row. */
  const values = (route: Route, rowOwner: (param: string) => Owner | 'random'): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const param of route.params) {
      if (param === 'tenant') out.tenant = A;
      else if (param === 'slug') out.slug = A;
      else if (param === 'code' && route.path.includes('/plan')) out.code = 'standaard';
      else {
        const kind = kindOf(route.path, param);
        const word = vocabularyFor(route.path, param);
        if (kind) {
          const owner = rowOwner(param);
          out[param] = owner === 'random' ? randomLike(rows.B[kind]) : rows[owner][kind];
        } else if (word) out[param] = word;
        else throw new Error(`${key(route)}: what does :${param} name? Teach kindOf or vocabularyFor.`);
      }
    }
    return out;
  };

  /** A value of the same shape as `value` that names nothing. */
  function randomLike(value: string): string {
    if (/^[0-9a-f-]{36}$/.test(value)) return randomUUID();
    if (/^[A-Za-z0-9_-]{43}$/.test(value)) return randomBytes(32).toString('base64url');
    const digits = /\d+$/.exec(value);
    if (digits) return value.slice(0, digits.index) + String(Math.random()).slice(2, 2 + digits[0].length);
    return value.slice(0, -6) + randomBytes(3).toString('hex');
  }

  const tenantRoutes = () => routes.filter((route) => isTenantRoute(route.path));
  const guardedTenantRoutes = () => tenantRoutes().filter((route) => !(key(route) in PUBLIC_TENANT_ROUTES));

  const expectRefused = async (label: string, route: Route, response: Response, secrets: string[]) => {
    const text = shown(response);
    const leaked = secrets.filter((secret) => text.includes(secret));
    if (!refused(response) || leaked.length) {
      failures.push(
        `${label} ${key(route)}: ${response.status} ${leaked.length ? `shows ${leaked.join(', ')}` : ''}`,
      );
    }
  };

  it('reads the whole route table, and knows every public tenant route it lists as public', () => {
    expect(routes.length).toBeGreaterThan(150);
    const known = new Set(routes.map(key));
    const stale = [...Object.keys(PUBLIC_TENANT_ROUTES), ...Object.keys(PUBLIC_PLATFORM_ROUTES)].filter(
      (entry) => !known.has(entry),
    );
    expect(stale).toEqual([]);
    // Every parameter of every tenant and operator route is understood (a new kind of id must be taught).
    for (const route of routes.filter((r) => isTenantRoute(r.path) || isPlatformRoute(r.path))) {
      expect(() => values(route, () => 'A')).not.toThrow();
    }
  });

  it('works with the credentials and ids used: A itself reads every one of its guarded pages and resources', async () => {
    // The control for the attacks below: they are refused because of whose credentials or ids they carry.
    failures.length = 0;
    const reads = guardedTenantRoutes().filter((route) => route.method === 'GET');
    await inTurns(reads, async (route) => {
      const response = await send(
        route,
        fillPath(
          route.path,
          values(route, () => 'A'),
        ),
        creds.A,
      );
      if (response.status !== 200) failures.push(`${key(route)}: ${response.status}`);
    });
    expect(failures).toEqual([]);
    expect(reads.length).toBeGreaterThan(40);
  });

  it("(a) refuses another municipality's staff and citizens on every tenant route, and shows nothing of theirs", async () => {
    failures.length = 0;
    for (const route of guardedTenantRoutes()) {
      const url = fillPath(
        route.path,
        values(route, () => 'A'),
      );
      await expectRefused('(a)', route, await send(route, url, creds.B), secretsOfB);
      calls.a++;
    }
    expect(failures).toEqual([]);
  });

  it('(c) refuses a caller without credentials on every tenant route that is not public by design', async () => {
    failures.length = 0;
    for (const route of guardedTenantRoutes()) {
      const url = fillPath(
        route.path,
        values(route, () => 'A'),
      );
      await expectRefused('(c)', route, await send(route, url, null), secretsOfB);
      calls.c++;
    }
    expect(failures).toEqual([]);
  });

  it("(b) answers a municipality's own staff asking for another municipality's rows exactly as for rows that do not exist", async () => {
    failures.length = 0;
    await inTurns(tenantRoutes(), async (route) => {
      const ids = route.params.filter((param) => ID_PARAMS.has(param) && kindOf(route.path, param));
      if (!ids.length) return;
      // All ids another tenant's, and (when there are several) each one alone in an otherwise valid path.
      const variants = ids.length > 1 ? [ids, ...ids.map((id) => [id])] : [ids];
      for (const swapped of variants) {
        const theirs = values(route, (param) => (swapped.includes(param) ? 'B' : 'A'));
        const random = values(route, (param) => (swapped.includes(param) ? 'random' : 'A'));
        const sentTheirs = swapped.map((param) => theirs[param]);
        const sentRandom = swapped.map((param) => random[param]);
        const body = bodies.get(key(route));
        const onTheirs = await send(route, fillPath(route.path, theirs), creds.A, body);
        const onNothing = await send(route, fillPath(route.path, random), creds.A, body);
        calls.b += 2;
        const label = `(b) ${swapped.join('+')}`;
        await expectRefused(
          label,
          route,
          onTheirs,
          secretsOfB.filter((s) => !sentTheirs.includes(s)),
        );
        if (!refused(onNothing))
          failures.push(`${label} ${key(route)}: a random id gave ${onNothing.status}`);
        const [x, y] = [comparable(onTheirs, sentTheirs), comparable(onNothing, sentRandom)];
        if (x !== y)
          failures.push(`${label} ${key(route)}: theirs "${x.slice(0, 300)}" ≠ none "${y.slice(0, 300)}"`);
      }
    });
    expect(failures).toEqual([]);
  });

  it("answers a request whose body names another municipality's staff member or case exactly as for one that does not exist", async () => {
    failures.length = 0;
    const targets = [...bodyIds.entries()];
    // The assignee, the hearer, the decision batch's cases: every uuid field and every list of references.
    expect(targets.length).toBeGreaterThan(2);
    await inTurns(targets, async ([routeKey, fields]) => {
      const route = routes.find((r) => key(r) === routeKey)!;
      const url = fillPath(
        route.path,
        values(route, () => 'A'),
      );
      for (const field of fields) {
        const [theirs, none] = field.list
          ? [[rows.B.case], [randomLike(rows.B.case)]]
          : [rows.B.staff, randomUUID()];
        const base = bodies.get(routeKey) as Record<string, unknown>;
        const onTheirs = await send(route, url, creds.A, { ...base, [field.name]: theirs });
        const onNothing = await send(route, url, creds.A, { ...base, [field.name]: none });
        calls.bodyIds += 2;
        const label = `(body ${field.name}) ${routeKey}`;
        const text = shown(onTheirs);
        const leaked = secretsOfB.filter((s) => s !== [theirs].flat()[0] && text.includes(s));
        if (onTheirs.status < 400 || onTheirs.status >= 500 || leaked.length) {
          failures.push(`${label}: ${onTheirs.status} ${leaked.join(', ')}`);
        }
        const [x, y] = [comparable(onTheirs, [theirs].flat()), comparable(onNothing, [none].flat())];
        if (x !== y) failures.push(`${label}: theirs "${x.slice(0, 300)}" ≠ none "${y.slice(0, 300)}"`);
      }
    });
    expect(failures).toEqual([]);
  });

  it('refuses an operator on every staff route of a municipality', async () => {
    failures.length = 0;
    for (const route of guardedTenantRoutes()) {
      const url = fillPath(
        route.path,
        values(route, () => 'A'),
      );
      await expectRefused('(operator)', route, await send(route, url, creds.operator), []);
      calls.operator++;
    }
    expect(failures).toEqual([]);
  });

  it("refuses a municipality's staff, and anyone without credentials, on every operator route", async () => {
    failures.length = 0;
    const platform = routes.filter(
      (route) => isPlatformRoute(route.path) && !(key(route) in PUBLIC_PLATFORM_ROUTES),
    );
    expect(platform.length).toBeGreaterThan(40);
    for (const route of platform) {
      const url = fillPath(
        route.path,
        values(route, () => 'A'),
      );
      await expectRefused('(staff on platform)', route, await send(route, url, creds.A), []);
      await expectRefused('(none on platform)', route, await send(route, url, null), []);
      calls.staffOnPlatform += 2;
    }
    expect(failures).toEqual([]);
  });

  it('reports what it covered', () => {
    const tenant = tenantRoutes().length;
    const total = Object.values(calls).reduce((sum, n) => sum + n, 0);
    // Visible in the test output; docs/security.md quotes it.
    console.log(
      `tenant isolation: ${routes.length} routes in the table, ${tenant} tenant routes ` +
        `(${guardedTenantRoutes().length} guarded, ${Object.keys(PUBLIC_TENANT_ROUTES).length} public by design), ` +
        `${total} calls: ${JSON.stringify(calls)}`,
    );
    expect(calls.a).toBe(guardedTenantRoutes().length);
    expect(calls.b).toBeGreaterThan(20);
  });
});
