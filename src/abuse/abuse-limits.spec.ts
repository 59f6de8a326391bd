import {
  abuseLimitsFrom,
  AbuseLimitsConfig,
  clientAddress,
  DEFAULT_LIMITS,
  DEFAULT_LOCKOUT,
  lockSeconds,
  maskedEmail,
  SURFACES,
  TEST_DEFAULT_FACTOR,
  waitText,
} from './abuse-limits';

const config = (env: Record<string, string>, nodeEnv = 'production') =>
  abuseLimitsFrom(env, nodeEnv) as AbuseLimitsConfig;

describe('abuseLimitsFrom', () => {
  it('defaults to the documented limits, on, behind no proxy', () => {
    expect(config({})).toEqual({
      enabled: true,
      limits: DEFAULT_LIMITS,
      lockout: DEFAULT_LOCKOUT,
      trustedProxyHops: 0,
    });
  });

  it('raises only the default counts under NODE_ENV=test; a set limit stays as set', () => {
    const test = config({ ABUSE_LIMIT_FILING_IP: '2/30' }, 'test');
    expect(test.limits['login-ip']).toEqual({
      count: DEFAULT_LIMITS['login-ip'].count * TEST_DEFAULT_FACTOR,
      seconds: DEFAULT_LIMITS['login-ip'].seconds,
    });
    expect(test.limits['filing-ip']).toEqual({ count: 2, seconds: 30 });
    expect(test.lockout).toEqual(DEFAULT_LOCKOUT);
  });

  it('reads every limit, the lock-out and the proxy hops', () => {
    const read = config({
      ABUSE_LIMITS: 'off',
      ABUSE_LIMIT_LOGIN_ACCOUNT: ' 3 / 120 ',
      LOGIN_LOCKOUT_AFTER: '3',
      LOGIN_LOCKOUT_SECONDS: '30',
      LOGIN_LOCKOUT_MAX_SECONDS: '600',
      TRUSTED_PROXY_HOPS: '1',
    });
    expect(read.enabled).toBe(false);
    expect(read.limits['login-account']).toEqual({ count: 3, seconds: 120 });
    expect(read.lockout).toEqual({ afterFailures: 3, firstSeconds: 30, maxSeconds: 600 });
    expect(read.trustedProxyHops).toBe(1);
  });

  it.each([
    [{ ABUSE_LIMITS: 'maybe' }, 'ABUSE_LIMITS must be on or off'],
    [{ ABUSE_LIMIT_SIGNALS_IP: '10' }, 'ABUSE_LIMIT_SIGNALS_IP must be <count>/<seconds>, e.g. 30/60'],
    [{ ABUSE_LIMIT_DIAGNOSIS_IP: '0/60' }, 'ABUSE_LIMIT_DIAGNOSIS_IP must be <count>/<seconds>, e.g. 30/60'],
    [{ LOGIN_LOCKOUT_AFTER: 'five' }, 'LOGIN_LOCKOUT_AFTER must be a whole number ≥ 1'],
    [
      { LOGIN_LOCKOUT_SECONDS: '600', LOGIN_LOCKOUT_MAX_SECONDS: '60' },
      'LOGIN_LOCKOUT_MAX_SECONDS must not be below LOGIN_LOCKOUT_SECONDS',
    ],
    [{ TRUSTED_PROXY_HOPS: '-1' }, 'TRUSTED_PROXY_HOPS must be a whole number from 0 to 9'],
  ])('refuses %j naming the variable', (env, error) => {
    expect(abuseLimitsFrom(env, 'production')).toEqual({ error });
  });

  it('limits every surface by at least its IP address', () => {
    for (const limits of Object.values(SURFACES)) {
      expect(limits.some((name) => name.endsWith('-ip'))).toBe(true);
    }
  });
});

describe('lockSeconds', () => {
  const policy = { afterFailures: 5, firstSeconds: 60, maxSeconds: 3600 };

  it('locks from the fifth failure on, doubling every further failure up to the cap', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 11, 100, 10_000].map((n) => lockSeconds(n, policy))).toEqual([
      0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });
});

describe('clientAddress', () => {
  it('is the peer without trusted proxies, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('10.0.0.7', '1.2.3.4', 0)).toBe('10.0.0.7');
  });

  it('behind one proxy is the entry the proxy appended, not one the client forged before it', () => {
    expect(clientAddress('10.0.0.7', '6.6.6.6, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.7', ['6.6.6.6', '1.2.3.4, 10.0.0.5'], 2)).toBe('1.2.3.4');
  });

  it('is the peer when the header has fewer entries than proxies, or none', () => {
    expect(clientAddress('10.0.0.7', '1.2.3.4', 3)).toBe('10.0.0.7');
    expect(clientAddress('10.0.0.7', undefined, 1)).toBe('10.0.0.7');
  });
});

describe('texts', () => {
  it('says how long to wait in plain Dutch', () => {
    expect([1, 45, 60, 61, 3600].map(waitText)).toEqual([
      '1 seconde',
      '45 seconden',
      '60 seconden',
      '2 minuten',
      '60 minuten',
    ]);
  });

  it('keeps only the domain of an e-mail address', () => {
    expect(maskedEmail('Jan.Jansen@Rivierstad.example')).toBe('*@rivierstad.example');
    expect(maskedEmail('no-at-sign')).toBe('*');
  });
});
