import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Account, Configuration, Provider } from 'oidc-provider';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { TenantConfig } from '../tenancy/tenant-config.schema';
import { TENANT_CONFIGS } from '../tenancy/tenant-seed.service';
import { CITIZEN_SCOPE } from './citizen-claims';
import { simulationErrorPage, simulationLoginPage } from './dev-identity-pages';
import { OidcMemoryStore } from './oidc-memory-adapter';
import { TEST_PERSONS, TestPerson } from './test-persons';

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(login|abort))?$/;
const MAX_FORM_BYTES = 4_096;

/** The callback path every municipality registers with the broker (the tenant is in the path). */
export function citizenCallbackUrl(publicUrl: string, tenantSlug: string): string {
  return `${publicUrl}/${tenantSlug}/inloggen/terug`;
}

/**
 * The "DigiD-simulatie": an in-process OpenID provider (oidc-provider) that stands in for a DigiD broker outside
 * production when no OIDC_ISSUER_URL is configured, so the embedded default and the tests run the real
 * authorization code flow (PKCE, state, nonce, signed ID tokens) end to end.
 *
 * It starts at the first login and listens on its own loopback port (OIDC_DEV_PORT, default a free one) rather
 * than under the app's Fastify server: its issuer must be reachable by the relying party's back channel
 * (discovery, token, JWKS) also when the app itself is not listening (supertest) or listens behind another
 * PUBLIC_URL. A browser on the same machine reaches it at http://127.0.0.1:<port>.
 *
 * The client `OIDC_CLIENT_ID` (default `bezwaarplatform`) with the generated secret is registered with one
 * redirect URI per municipality: `${PUBLIC_URL}/<tenant>/inloggen/terug`. Subjects are opaque (an HMAC of the
 * test BSN), as a broker's pairwise identifiers would be. Storage is in memory: a restart logs everyone out.
 */
@Injectable()
export class DevIdentityProvider implements OnModuleDestroy {
  private readonly logger = new Logger('DigiD-simulatie');
  private server?: Server;
  private issuerUrl?: string;
  private running?: Promise<string>;
  /** Test persons by their subject. */
  private readonly persons = new Map<string, TestPerson>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TENANT_CONFIGS) private readonly tenants: TenantConfig[],
  ) {}

  get enabled(): boolean {
    return this.config.citizenLogin.devProvider;
  }

  /**
   * The issuer URL. The provider starts at the first login rather than at boot: loading it and making its
   * signing key takes a moment that most processes (and test runs) never need.
   */
  issuer(): Promise<string> {
    if (!this.enabled) return Promise.reject(new Error('The in-process OpenID provider is not enabled'));
    this.running ??= this.start().catch((error: unknown) => {
      this.running = undefined;
      throw error;
    });
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    await this.running?.catch(() => undefined);
    this.running = undefined;
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.issuerUrl = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async start(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.citizenLogin.devProviderPort, '127.0.0.1', () => resolve());
    });
    try {
      const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // Loaded only when used: an ES module (require(esm) in Node; compiled for Jest via jest.config.js esmOnly).
      const { Provider } = await import('oidc-provider');
      const provider = new Provider(issuer, this.configuration());
      provider.proxy = false;
      provider.on('server_error', (_ctx: unknown, error: unknown) =>
        this.logger.error(`Server error: ${(error as Error)?.message}`),
      );
      const handle = provider.callback();
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        this.route(provider, handle, req, res).catch((error: unknown) => {
          this.logger.warn(`Interaction failed: ${(error as Error)?.name}`);
          this.page(res, 400, simulationErrorPage('Deze inlogpoging is verlopen of niet bekend.'));
        });
      });
      this.server = server;
      this.issuerUrl = issuer;
      this.logger.log(`In-process OpenID provider (stands in for DigiD) at ${issuer}`);
      return issuer;
    } catch (error) {
      server.close();
      throw error;
    }
  }

  private configuration(): Configuration {
    const { clientId, clientSecret } = this.config.citizenLogin;
    if (!clientSecret) throw new Error('The in-process OpenID provider needs OIDC_CLIENT_SECRET');
    for (const person of TEST_PERSONS) this.persons.set(subjectOf(clientSecret, person), person);
    const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'jwk',
    });
    const store = new OidcMemoryStore();
    return {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          client_name: 'Bezwaarplatform',
          redirect_uris: this.tenants.map((tenant) => citizenCallbackUrl(this.config.publicUrl, tenant.slug)),
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      scopes: CITIZEN_SCOPE.split(' '),
      claims: { openid: ['sub'], profile: ['name', 'address'], bsn: ['bsn'] },
      // The claims go in the ID token too, as brokers commonly do; the relying party also reads userinfo.
      conformIdTokenClaims: false,
      responseTypes: ['code'],
      pkce: { required: () => true },
      adapter: store.adapterClass(),
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      jwks: { keys: [{ ...signingKey, kid: 'digid-simulatie', alg: 'RS256', use: 'sig' }] },
      features: { devInteractions: { enabled: false } },
      interactions: {
        url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
      },
      ttl: {
        AccessToken: 300,
        AuthorizationCode: 60,
        IdToken: 300,
        Interaction: 900,
        Session: 1_800,
        Grant: 1_800,
      },
      findAccount: async (_ctx, sub): Promise<Account | undefined> => {
        const person = this.persons.get(sub);
        if (!person) return undefined;
        return {
          accountId: sub,
          claims: () => ({ sub, bsn: person.bsn, name: person.name, address: { ...person.address } }),
        };
      },
      renderError: async (ctx, out) => {
        this.securityHeaders((name, value) => ctx.set(name, value));
        ctx.type = 'html';
        ctx.body = simulationErrorPage(
          out.error === 'invalid_redirect_uri'
            ? 'De website die u terugstuurt is niet bekend bij de DigiD-simulatie.'
            : `De inlogdienst kon dit verzoek niet verwerken (${out.error}).`,
        );
      },
    };
  }

  /** The interaction pages are served here; everything else is oidc-provider's. */
  private async route(
    provider: Provider,
    handle: (req: IncomingMessage, res: ServerResponse) => void,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const match = INTERACTION_PATH.exec(new URL(req.url ?? '/', this.issuerUrl).pathname);
    if (!match) return handle(req, res);
    const [, uid, action] = match;
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) {
      return this.page(res, 400, simulationErrorPage('Deze inlogpoging hoort bij een ander venster.'));
    }
    if (!action && req.method === 'GET') {
      return this.page(res, 200, simulationLoginPage(uid, TEST_PERSONS));
    }
    if (!action || req.method !== 'POST') {
      return this.page(res, 405, simulationErrorPage('Deze handeling is hier niet mogelijk.'));
    }
    if (action === 'abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'Het inloggen is afgebroken.' },
        { mergeWithLastSubmission: false },
      );
    }
    const form = await readForm(req);
    const accountId = [...this.persons].find(([, p]) => p.key === form.get('person'))?.[0];
    if (!accountId) {
      return this.page(res, 400, simulationErrorPage('Kies een van de testpersonen.'));
    }
    // A first-party client: consent is given together with the login, so the citizen sees one page.
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  private page(res: ServerResponse, status: number, body: string): void {
    if (res.headersSent) return void res.end();
    res.statusCode = status;
    this.securityHeaders((name, value) => res.setHeader(name, value));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(body);
  }

  /** No scripts; forms may post here and be redirected on to the platform (Chromium checks redirects too). */
  private securityHeaders(set: (name: string, value: string) => void): void {
    const platform = new URL(this.config.publicUrl).origin;
    set(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${platform}; frame-ancestors 'none'; base-uri 'none'`,
    );
    set('X-Frame-Options', 'DENY');
    set('X-Content-Type-Options', 'nosniff');
    set('Referrer-Policy', 'no-referrer');
    set('Cache-Control', 'no-store');
  }
}

/** A stable, opaque subject per test person, as a broker's pairwise identifier would be. */
function subjectOf(secret: string, person: TestPerson): string {
  return createHmac('sha256', secret)
    .update(`digid-simulatie:${person.bsn}`)
    .digest('base64url')
    .slice(0, 32);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error('Form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
