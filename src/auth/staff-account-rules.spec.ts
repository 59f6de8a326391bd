import {
  adminContinuityProblem,
  checkedInvite,
  INVITATION_VALID_DAYS,
  invitationHash,
  invitationState,
  newInvitation,
  passwordProblem,
  rolesText,
} from './staff-account-rules';

const account = { email: 'noor.dewit@rivierstad.example', name: 'Noor de Wit' };

describe('passwordProblem', () => {
  it('accepts 12 characters or more, and a passphrase of ordinary words', () => {
    expect(passwordProblem('Tr0mpet-kaas', account)).toBeUndefined();
    expect(passwordProblem('fiets paraplu zondag koffie', account)).toBeUndefined();
  });

  it('refuses a short password and says how long it must be', () => {
    expect(passwordProblem('kort-maar-5', account)).toMatch(/minstens 12 tekens/);
    expect(passwordProblem('', account)).toBe('Kies een wachtwoord.');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('één twee drie', account)).toBeUndefined();
    expect(passwordProblem('😀😀😀😀😀😀', account)).toMatch(/minstens 12/);
  });

  it('refuses the e-mail address, its name part and the name', () => {
    expect(passwordProblem('Noor.DeWit@rivierstad.example', account)).toMatch(/niet uw e-mailadres/);
    expect(passwordProblem('noor.dewitit', { ...account, email: 'noor.dewitit@x.nl' })).toMatch(
      /niet uw e-mailadres/,
    );
    expect(passwordProblem('  Noor de Wit  ', { ...account, name: 'Noor de Wit  ' })).toMatch(/of uw naam/);
  });

  it('refuses one or two characters repeated', () => {
    expect(passwordProblem('aaaaaaaaaaaaaa', account)).toMatch(/meer verschillende tekens/);
    expect(passwordProblem('abababababab', account)).toMatch(/meer verschillende tekens/);
    expect(passwordProblem('abcabcabcabc', account)).toBeUndefined();
  });

  it('refuses more than 1024 characters', () => {
    expect(passwordProblem('ab1'.repeat(400), account)).toMatch(/hoogstens 1024/);
  });
});

describe('invitations', () => {
  it('makes a 43-character token whose SHA-256 is what the database keeps, valid 7 days', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const invitation = newInvitation(now);
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(invitationHash(invitation.token)).toBe(invitation.hash);
    expect(invitation.expiresAt.toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(INVITATION_VALID_DAYS).toBe(7);
    expect(newInvitation(now).token).not.toBe(invitation.token);
  });

  it('hashes nothing that cannot be one of its tokens', () => {
    expect(invitationHash('')).toBeNull();
    expect(invitationHash('a'.repeat(42))).toBeNull();
    expect(invitationHash('../../etc/passwd'.padEnd(43, 'x'))).toBeNull();
    expect(invitationHash(undefined)).toBeNull();
  });

  it('says whether an account accepted, can still accept, or needs a new link', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const later = new Date('2026-12-02T10:00:00Z');
    expect(invitationState({ hasPassword: true, invitationExpiresAt: null }, now)).toBe('accepted');
    expect(invitationState({ hasPassword: false, invitationExpiresAt: later }, now)).toBe('pending');
    expect(invitationState({ hasPassword: false, invitationExpiresAt: now }, now)).toBe('expired');
    expect(invitationState({ hasPassword: false, invitationExpiresAt: null }, now)).toBe('expired');
  });
});

describe('adminContinuityProblem', () => {
  const base = { actorId: 'a', change: 'deactivate' as const };

  it('lets a change through while another active admin stays', () => {
    expect(adminContinuityProblem({ ...base, activeAdminIds: ['a', 'b'], targetId: 'a' })).toBeUndefined();
    expect(adminContinuityProblem({ ...base, activeAdminIds: ['a', 'b'], targetId: 'b' })).toBeUndefined();
  });

  it('lets any change to someone who is no active admin through', () => {
    expect(adminContinuityProblem({ ...base, activeAdminIds: ['a'], targetId: 'c' })).toBeUndefined();
  });

  it('refuses the last admin removing themself, in Dutch, saying what to do first', () => {
    const self = adminContinuityProblem({ ...base, activeAdminIds: ['a'], targetId: 'a' });
    expect(self).toMatch(/^U bent de laatste actieve functioneel beheerder/);
    expect(self).toMatch(/uw eigen account niet deactiveren/);
    expect(self).toMatch(/Geef eerst een collega/);
    expect(
      adminContinuityProblem({
        activeAdminIds: ['a'],
        targetId: 'a',
        actorId: 'a',
        change: 'remove_admin_role',
      }),
    ).toMatch(/uw eigen rol functioneel beheerder niet weghalen/);
  });

  it('refuses anyone leaving the municipality without an admin', () => {
    expect(adminContinuityProblem({ ...base, activeAdminIds: ['b'], targetId: 'b' })).toMatch(
      /^Deze medewerker is de laatste .* dit account niet deactiveren/,
    );
  });
});

describe('rolesText', () => {
  it('names the roles in their usual order', () => {
    expect(rolesText(['tenant_admin', 'handler'])).toBe('Behandelaar en functioneel beheerder');
    expect(rolesText(['tenant_admin'])).toBe('Functioneel beheerder');
  });
});

describe('checkedInvite', () => {
  it('stores the address in lower case and the roles in their usual order', () => {
    expect(
      checkedInvite({
        name: ' Noor de Wit ',
        email: ' Noor@Rivierstad.Example ',
        roles: ['tenant_admin', 'handler'],
      }),
    ).toEqual({ name: 'Noor de Wit', email: 'noor@rivierstad.example', roles: ['handler', 'tenant_admin'] });
  });

  it('names every problem by its field', () => {
    expect(checkedInvite({ name: ' ', email: 'geen-adres', roles: [] })).toEqual([
      { field: 'name', message: 'Vul de naam van de medewerker in.' },
      { field: 'email', message: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.' },
      { field: 'roles', message: 'Kies minstens één rol: behandelaar en/of functioneel beheerder.' },
    ]);
    expect(checkedInvite({ name: 'X', email: 'x@y.nl', roles: ['platform_admin'] })).toEqual([
      expect.objectContaining({ field: 'roles' }),
    ]);
  });
});
