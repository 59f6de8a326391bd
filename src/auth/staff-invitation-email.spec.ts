import { invitationEmail, invitationPath } from './staff-invitation-email';

describe('invitationEmail', () => {
  const facts = {
    tenant: { slug: 'rivierstad', name: 'Gemeente Rivierstad' },
    publicUrl: 'https://bezwaar.example',
    invitee: { name: 'Noor de Wit', email: 'noor@rivierstad.example', roles: ['handler' as const] },
    invitedBy: 'Fatima El Amrani',
    token: 'T'.repeat(43),
    expiresAt: new Date('2026-12-08T13:05:00Z'),
  };

  it('says who invites whom for what, links to the password page and says until when', () => {
    const mail = invitationEmail(facts);
    expect(mail.to).toEqual(['noor@rivierstad.example']);
    expect(mail.subject).toBe('Uitnodiging: bezwaren behandelen voor Gemeente Rivierstad');
    expect(mail.text).toContain('Beste Noor de Wit,');
    expect(mail.text).toContain('Fatima El Amrani nodigt u uit');
    expect(mail.text).toContain('Uw rol: behandelaar.');
    expect(mail.text).toContain(
      `https://bezwaar.example/rivierstad/behandelaar/uitnodiging/${'T'.repeat(43)}`,
    );
    expect(mail.text).toContain('tot 8 december 2026 om 14:05');
    expect(mail.text).toContain('https://bezwaar.example/rivierstad/behandelaar/inloggen');
  });

  it('works without an inviting colleague (the platform invites a first admin)', () => {
    expect(invitationEmail({ ...facts, invitedBy: null }).text).toContain('U bent uitgenodigd om');
  });

  it('builds the path under the staff pages', () => {
    expect(invitationPath('heuveldorp', 'abc')).toBe('/heuveldorp/behandelaar/uitnodiging/abc');
  });
});
