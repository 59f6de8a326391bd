import { ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  normalizeIp,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CitizenSessionService } from '../citizens/citizen-session.service';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RequestWithTenant } from '../tenancy/tenant-context';
import { clientAddress, LimitName, maskedEmail, Surface, waitText } from './abuse-limits';

/** The metadata key @AbuseLimit sets on a route handler. */
export const ABUSE_SURFACE = 'abuse:surface';

export function surfaceOf(context: ExecutionContext): Surface | undefined {
  return Reflect.getMetadata(ABUSE_SURFACE, context.getHandler()) as Surface | undefined;
}

/** 429 as problem+json (or as the HTML error page of the portal and staff pages), in Dutch like every surface. */
export class TooManyRequests extends ProblemError {
  constructor(
    readonly retryAfterSeconds: number,
    /** The hits counted in the window so far, this one included. */
    readonly hits = 0,
  ) {
    super(
      429,
      'too-many-requests',
      'Te veel verzoeken',
      `U heeft dit te vaak achter elkaar geprobeerd. Wacht ${waitText(retryAfterSeconds)} en probeer het dan opnieuw.`,
    );
  }
}

type TrackedRequest = FastifyRequest &
  RequestWithTenant & { body?: { email?: unknown; tenant?: unknown }; user?: { userId?: string } };

/** Who a hit is counted against: the key (hashed again before it is stored) and how a log line may name it. */
interface Tracked {
  key: string;
  label: string;
}

/**
 * The named limits of the routes marked @AbuseLimit(surface), counted in the shared PostgreSQL storage per IP
 * address and, where the route knows one, per account. Refusals answer 429 with Retry-After and are logged
 * (the first of a block, then every hundredth) without e-mail addresses or passwords.
 */
@Injectable()
export class AbuseLimitGuard extends ThrottlerGuard {
  private readonly refusals = new Logger('AbuseLimits');

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly citizens: CitizenSessionService,
  ) {
    super(options, storage, reflector);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(!this.config.abuseLimits.enabled || !surfaceOf(context));
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const surface = surfaceOf(props.context)!;
    const name = props.throttler.name as LimitName;
    const request = props.context.switchToHttp().getRequest<TrackedRequest>();
    const tracked = await this.track(name, surface, request);
    if (!tracked) return true;
    try {
      return await super.handleRequest({ ...props, getTracker: () => tracked.key });
    } catch (error) {
      if (error instanceof TooManyRequests) {
        this.logRefusal(name, surface, request, tracked, error.hits - props.limit);
      }
      throw error;
    }
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    this.setResponseHeader(context.switchToHttp().getResponse<FastifyReply>(), 'Retry-After', retryAfter);
    return Promise.reject(new TooManyRequests(retryAfter, detail.totalHits));
  }

  private async track(name: LimitName, surface: Surface, request: TrackedRequest): Promise<Tracked | null> {
    if (name.endsWith('-ip')) {
      const address = this.clientOf(request);
      return { key: `ip:${address}`, label: address };
    }
    if (name === 'login-account') {
      const email = request.body?.email;
      if (typeof email !== 'string' || !email.trim()) return null;
      const normal = email.trim().toLowerCase();
      // Staff accounts are per municipality: the path's (form) or the body's (API).
      const scope =
        surface === 'operator-login'
          ? 'platform'
          : `tenant:${request.tenant?.slug ?? String(request.body?.tenant ?? '')}`;
      return { key: `${scope}:${sha256(normal)}`, label: `${scope}:${maskedEmail(normal)}` };
    }
    if (name === 'filing-account') {
      if (!request.tenant) return null;
      const citizen = await this.citizens.currentCitizen(request, request.tenant.id);
      return citizen ? { key: `citizen:${citizen.citizenId}`, label: `citizen:${citizen.citizenId}` } : null;
    }
    if (name === 'signals-account') {
      const userId = request.user?.userId;
      return userId ? { key: `staff:${userId}`, label: `staff:${userId}` } : null;
    }
    return null;
  }

  /** The client's address (behind the trusted proxies), IPv6 by its /64 as the throttler's own tracker does. */
  private clientOf(request: TrackedRequest): string {
    const hops = this.config.abuseLimits.trustedProxyHops;
    return normalizeIp(clientAddress(request.ip, request.headers['x-forwarded-for'], hops));
  }

  private logRefusal(
    name: LimitName,
    surface: Surface,
    request: TrackedRequest,
    tracked: Tracked,
    refused: number,
  ): void {
    if (refused !== 1 && refused % 100 !== 0) return;
    this.refusals.warn(
      {
        event: 'abuse-limit',
        limit: name,
        surface,
        origin: this.clientOf(request),
        who: tracked.label,
        refused,
        correlationId: String(request.id ?? ''),
      },
      refused === 1 ? `limit ${name} reached: refusing with 429` : `limit ${name}: ${refused} refused`,
    );
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
