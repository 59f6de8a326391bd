/*
 * Abuse limits: how often one origin (IP address) or one account may log in, file, run the keuzehulp or analyse
 * a text, and how long an account is locked after failed logins. Pure: no framework, no I/O.
 */

/** Every named limit; each is a window of `seconds` in which `count` requests pass. */
export const LIMIT_NAMES = [
  'login-ip',
  'login-account',
  'filing-ip',
  'filing-account',
  'diagnosis-ip',
  'signals-ip',
  'signals-account',
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

/** The routes that are limited, each with the limits that apply to it. */
export const SURFACES = {
  'staff-login': ['login-ip', 'login-account'],
  'operator-login': ['login-ip', 'login-account'],
  'citizen-login': ['login-ip'],
  filing: ['filing-ip', 'filing-account'],
  diagnosis: ['diagnosis-ip'],
  signals: ['signals-ip', 'signals-account'],
} as const satisfies Record<string, readonly LimitName[]>;
export type Surface = keyof typeof SURFACES;

export interface Limit {
  count: number;
  seconds: number;
}

export interface LockoutPolicy {
  /** Failed logins in a row after which the account is locked. */
  afterFailures: number;
  /** The first lock; every further failure doubles it. */
  firstSeconds: number;
  maxSeconds: number;
}

export interface AbuseLimitsConfig {
  enabled: boolean;
  limits: Record<LimitName, Limit>;
  lockout: LockoutPolicy;
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: the peer address is the client). */
  trustedProxyHops: number;
}

/**
 * Generous for real use: a municipality's office behind one address, a legal-aid desk filing for many citizens,
 * a citizen clicking through the keuzehulp. Brute force and floods are stopped well before they matter.
 */
export const DEFAULT_LIMITS: Record<LimitName, Limit> = {
  'login-ip': { count: 60, seconds: 60 },
  'login-account': { count: 10, seconds: 60 },
  'filing-ip': { count: 30, seconds: 600 },
  'filing-account': { count: 10, seconds: 600 },
  'diagnosis-ip': { count: 300, seconds: 60 },
  'signals-ip': { count: 300, seconds: 60 },
  'signals-account': { count: 120, seconds: 60 },
};

export const DEFAULT_LOCKOUT: LockoutPolicy = { afterFailures: 5, firstSeconds: 60, maxSeconds: 3600 };

/**
 * Under NODE_ENV=test the default counts are this much higher: the test suite sends all its requests from
 * 127.0.0.1 within seconds. Tests of the limits set their own, tight ones.
 */
export const TEST_DEFAULT_FACTOR = 100;

/** `ABUSE_LIMIT_LOGIN_IP` for `login-ip`. */
export function limitVariable(name: LimitName): string {
  return `ABUSE_LIMIT_${name.toUpperCase().replace(/-/g, '_')}`;
}

/** The configuration from the environment, or the first complaint about it (naming the variable). */
export function abuseLimitsFrom(
  env: Record<string, string | undefined>,
  nodeEnv: string,
): AbuseLimitsConfig | { error: string } {
  const value = (name: string) => (env[name]?.trim() ? env[name].trim() : undefined);
  const switchValue = value('ABUSE_LIMITS') ?? 'on';
  if (switchValue !== 'on' && switchValue !== 'off') return { error: 'ABUSE_LIMITS must be on or off' };
  const factor = nodeEnv === 'test' ? TEST_DEFAULT_FACTOR : 1;
  const limits = {} as Record<LimitName, Limit>;
  for (const name of LIMIT_NAMES) {
    const variable = limitVariable(name);
    const raw = value(variable);
    if (raw === undefined) {
      limits[name] = { ...DEFAULT_LIMITS[name], count: DEFAULT_LIMITS[name].count * factor };
      continue;
    }
    const match = /^(\d{1,7})\s*\/\s*(\d{1,6})$/.exec(raw);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
      return { error: `${variable} must be <count>/<seconds>, e.g. 30/60` };
    }
    limits[name] = { count: Number(match[1]), seconds: Number(match[2]) };
  }
  const lockout = { ...DEFAULT_LOCKOUT };
  const lockoutVariables = {
    LOGIN_LOCKOUT_AFTER: 'afterFailures',
    LOGIN_LOCKOUT_SECONDS: 'firstSeconds',
    LOGIN_LOCKOUT_MAX_SECONDS: 'maxSeconds',
  } as const;
  for (const [variable, field] of Object.entries(lockoutVariables)) {
    const raw = value(variable);
    if (raw === undefined) continue;
    if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) return { error: `${variable} must be a whole number ≥ 1` };
    lockout[field] = Number(raw);
  }
  if (lockout.maxSeconds < lockout.firstSeconds) {
    return { error: 'LOGIN_LOCKOUT_MAX_SECONDS must not be below LOGIN_LOCKOUT_SECONDS' };
  }
  const hops = value('TRUSTED_PROXY_HOPS') ?? '0';
  if (!/^\d$/.test(hops)) return { error: 'TRUSTED_PROXY_HOPS must be a whole number from 0 to 9' };
  return { enabled: switchValue === 'on', limits, lockout, trustedProxyHops: Number(hops) };
}

/**
 * How long the account is locked after `failures` failed logins in a row: not before `afterFailures`, then the
 * first period, doubled for every further failure, never above the maximum. Mirrored in SQL by AccountLockout.
 */
export function lockSeconds(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.afterFailures) return 0;
  const doublings = Math.min(failures - policy.afterFailures, 30);
  return Math.min(policy.maxSeconds, policy.firstSeconds * 2 ** doublings);
}

/**
 * The client's address: the peer, or behind `hops` trusted proxies the entry that the outermost of them
 * appended to X-Forwarded-For (entries further left are the client's own word and can be forged).
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string {
  if (hops === 0 || forwardedFor === undefined) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through them all, and every entry may be forged.
  return entries[entries.length - hops] ?? peer;
}

/** "1 minuut", "3 minuten", "45 seconden": how long to wait, for the citizen. */
export function waitText(seconds: number): string {
  if (seconds <= 60) return seconds === 1 ? '1 seconde' : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

/** An e-mail address as a log may show it: its domain only (`*@rivierstad.example`). */
export function maskedEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '*' : `*${email.slice(at).toLowerCase()}`;
}
