/**
 * What an audit event says about a request, read from the route template, its path parameters and the status
 * of the answer only: never from a body, a query string or the answer's text, so no name, e-mail address, BSN
 * or letter text can end up in the trail.
 */

export type AuditResult = 'success' | 'refused' | 'failed';
export type AuditChannel = 'api' | 'page';

export interface AuditObject {
  type: string;
  id: string | null;
  /** The case the request concerns, when its path names one. */
  caseReference: string | null;
}

export interface RequestFacts {
  method: string;
  /** The route template, e.g. `/api/v1/tenants/:tenant/objections/:reference`. */
  route: string;
  params: Record<string, string | undefined>;
  status: number;
}

const CHANGE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A request that may change something: always audited on a tenant's routes, refused or not. */
export function isChange(method: string): boolean {
  return CHANGE_METHODS.has(method);
}

/** 2xx and 3xx did what was asked; 4xx was refused (not allowed, not found, invalid); 5xx failed. */
export function resultOf(status: number): AuditResult {
  if (status < 400) return 'success';
  return status < 500 ? 'refused' : 'failed';
}

export function channelOf(route: string): AuditChannel {
  return route.startsWith('/api/') ? 'api' : 'page';
}

/** Path parameters that identify an object; others (`:tenant`, the secret `:token`) never go in the trail. */
const OBJECT_PARAMS = new Set([
  'reference',
  'id',
  'batchId',
  'kind',
  'code',
  'version',
  'regulation',
  'file',
  'slug',
]);

/** The path segment before an object's parameter (or the last one), as the object's type. */
const TYPES: Record<string, string> = {
  objections: 'case',
  zaken: 'case',
  cases: 'case',
  zaak: 'case',
  'mijn-bezwaren': 'case',
  inbox: 'case',
  behandelaar: 'case',
  bezwaar: 'case',
  documents: 'document',
  documenten: 'document',
  messages: 'message',
  bericht: 'message',
  staff: 'staff_user',
  medewerkers: 'staff_user',
  uitnodiging: 'staff_user',
  'letter-templates': 'letter_template',
  brieven: 'letter_template',
  regulations: 'regulation',
  regelingen: 'regulation',
  versions: 'regulation_version',
  versies: 'regulation_version',
  invoices: 'invoice',
  facturen: 'invoice',
  'decision-batches': 'decision_batch',
  bulk: 'decision_batch',
  settings: 'settings',
  instellingen: 'settings',
  logo: 'settings',
  configuratie: 'configuration',
  configuration: 'configuration',
  diagnosis: 'diagnosis',
  keuzehulp: 'diagnosis',
  signals: 'signals',
  analyze: 'signals',
  inloggen: 'session',
  uitloggen: 'session',
  audit: 'audit_event',
  export: 'citizen_export',
  exports: 'citizen_export',
  'mijn-gegevens': 'citizen_export',
  me: 'citizen',
  reports: 'report',
  'reports.csv': 'report',
  rapportages: 'report',
  'rapportages.csv': 'report',
};

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/** Static segments that already say what happens. */
const SEGMENT_ACTIONS: Record<string, string> = {
  inloggen: 'session.login',
  uitloggen: 'session.logout',
  analyze: 'signals.analyze',
};

/** Identifiers and action words as they may appear in a trail: short, no spaces, no free text. */
export function safeToken(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  return /^[A-Za-z0-9._:-]{1,100}$/.test(value) ? value : '[ongeldig]';
}

/**
 * The object a request concerns and the action it performs. `declared` is the action a route declares with
 * @Audited (reads); a change without one is named after its object and the path after it
 * (`case.decision`, `case.assignee`) or its method (`case.create`).
 */
export function describeRequest(
  facts: Pick<RequestFacts, 'method' | 'route' | 'params'>,
  declared?: string,
): { action: string; object: AuditObject } {
  const segments = facts.route.split('/').filter(Boolean);
  let type: string | null = null;
  let id: string | null = null;
  let lastStatic: string | null = null;
  const tail: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.startsWith(':')) {
      const name = segment.slice(1);
      if (name === 'token') {
        [type, id] = ['case', null];
        tail.length = 0;
      } else if (name === 'action') {
        tail.push(safeToken(facts.params.action) ?? 'unknown');
      } else if (OBJECT_PARAMS.has(name)) {
        type = TYPES[lastStatic ?? ''] ?? lastStatic ?? name;
        id = safeToken(facts.params[name]);
        tail.length = 0;
      }
      continue;
    }
    lastStatic = segment;
    if (type) tail.push(segment);
  }
  const reference = facts.route.includes(':reference') ? safeToken(facts.params.reference) : null;
  const object: AuditObject = {
    type: type ?? TYPES[lastStatic ?? ''] ?? lastStatic ?? 'root',
    id,
    caseReference: reference,
  };
  if (declared) return { action: declared, object };
  const what = tail.length ? tail.join('.') : (VERBS[facts.method] ?? facts.method.toLowerCase());
  return { action: SEGMENT_ACTIONS[lastStatic ?? ''] ?? `${object.type}.${what}`, object };
}
