import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { BaseClient, custom, errors, generators, Issuer, TokenSet } from 'openid-client';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CITIZEN_SCOPE } from './citizen-claims';
import { LoginFailure } from './citizen-pages';
import { DevIdentityProvider } from './dev-identity-provider';

/** What the relying party must remember between the redirect to the broker and the callback. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A login that ended without an identity; `reason` picks the message the citizen sees. */
export class CitizenLoginError extends Error {
  constructor(readonly reason: LoginFailure) {
    super(`Citizen login failed: ${reason}`);
  }
}

const HTTP_TIMEOUT_MS = 5_000;

/**
 * The relying party (openid-client): the authorization code flow with PKCE (S256), state and nonce, against the
 * broker at OIDC_ISSUER_URL or, outside production without one, the in-process DigiD simulation. Discovery
 * happens at the first login and is retried after a failure.
 */
@Injectable()
export class OidcClientService {
  private readonly logger = new Logger('CitizenLogin');
  private client?: Promise<BaseClient>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly devProvider: DevIdentityProvider,
  ) {}

  /** False in production without a broker configured: citizens file without logging in. */
  get enabled(): boolean {
    const login = this.config.citizenLogin;
    return Boolean(login.issuerUrl || login.devProvider);
  }

  /** The broker's authorization URL, and the checks to keep (in a short-lived signed cookie) for the callback. */
  async authorizationRequest(redirectUri: string): Promise<{ url: string; checks: LoginChecks }> {
    const client = await this.discovered();
    const checks = {
      state: generators.state(),
      nonce: generators.nonce(),
      codeVerifier: generators.codeVerifier(),
    };
    const url = client.authorizationUrl({
      scope: CITIZEN_SCOPE,
      redirect_uri: redirectUri,
      response_type: 'code',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: generators.codeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      // DigiD authenticates every time; no silent login from an earlier session at the broker.
      prompt: 'login',
    });
    return { url, checks };
  }

  /**
   * Exchanges the code (with the PKCE verifier), checks state, nonce and the signed ID token, and returns the
   * claims (ID token and userinfo). Refusals and failures become a CitizenLoginError; nothing personal is logged.
   */
  async callback(
    redirectUri: string,
    request: IncomingMessage,
    checks: LoginChecks,
  ): Promise<Record<string, unknown>> {
    const client = await this.discovered();
    let tokens: TokenSet;
    try {
      tokens = await client.callback(redirectUri, client.callbackParams(request), {
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_verifier: checks.codeVerifier,
      });
    } catch (error) {
      if (error instanceof errors.OPError && error.error === 'access_denied') {
        throw new CitizenLoginError('geannuleerd');
      }
      this.logger.warn(`Login refused: ${describe(error)}`);
      throw new CitizenLoginError('mislukt');
    }
    const claims: Record<string, unknown> = { ...tokens.claims() };
    if (tokens.access_token && (claims.bsn === undefined || claims.name === undefined)) {
      try {
        // openid-client checks that userinfo's `sub` is the ID token's.
        Object.assign(claims, await client.userinfo(tokens), { sub: claims.sub });
      } catch (error) {
        this.logger.warn(`Userinfo failed: ${describe(error)}`);
        throw new CitizenLoginError('gegevens');
      }
    }
    return claims;
  }

  private discovered(): Promise<BaseClient> {
    if (!this.enabled) return Promise.reject(new CitizenLoginError('niet-beschikbaar'));
    this.client ??= this.discover().catch((error: unknown) => {
      this.client = undefined;
      this.logger.error(`OpenID Connect discovery failed: ${describe(error)}`);
      throw new CitizenLoginError('niet-beschikbaar');
    });
    return this.client;
  }

  private async discover(): Promise<BaseClient> {
    const login = this.config.citizenLogin;
    const issuer = await Issuer.discover(login.issuerUrl ?? (await this.devProvider.issuer()));
    const client = new issuer.Client({
      client_id: login.clientId,
      client_secret: login.clientSecret,
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
    client[custom.http_options] = (_url, options) => ({ ...options, timeout: HTTP_TIMEOUT_MS });
    client[custom.clock_tolerance] = 5;
    return client;
  }
}

/** The kind of failure only: openid-client errors may carry tokens or request parameters. */
function describe(error: unknown): string {
  if (error instanceof errors.OPError) return `OPError ${error.error}`;
  if (error instanceof errors.RPError) return `RPError ${error.message.split(',')[0]}`;
  return (error as Error)?.name ?? 'unknown error';
}
